// swift-tools-version:5.9
// Nuan (暖): a rules engine for trade-union hardship aid. No package dependencies by design.
//
// One target per stage of the pipeline; each depends only on earlier stages, so the compiler
// forbids a back-edge (README, "How it is built"):
//   NuanSupport → NuanSyntax → NuanProgram → NuanExplain → NuanTools → NuanServe → NuanCLI → nuan
//   NuanOffice (.xlsx, no rules knowledge) → NuanTools
import PackageDescription

let package = Package(
    name: "Nuan",
    products: [
        .library(name: "Nuan", targets: ["NuanSupport", "NuanSyntax", "NuanProgram", "NuanExplain", "NuanTools", "NuanOffice", "NuanServe"]),
        .executable(name: "nuan", targets: ["nuan"]),
    ],
    targets: [
        // Exact numbers, dates, masking of personal numbers, safe text, SHA-256: no rules knowledge.
        .target(name: "NuanSupport", path: "Sources/NuanSupport"),
        // Source text → tokens → syntax tree, diagnostics, and the formatter (which prints a tree).
        .target(name: "NuanSyntax", dependencies: ["NuanSupport"], path: "Sources/NuanSyntax",
                exclude: ["Parser/README.md"]),
        // Syntax tree → checked program; records → facts; evaluation with a trace; the interview's relevance.
        .target(name: "NuanProgram", dependencies: ["NuanSupport", "NuanSyntax"], path: "Sources/NuanProgram",
                exclude: ["Checker/README.md", "Eval/README.md", "Compiled/README.md", "Trace/README.md"]),
        // Trace → explanation; decisions rendered as JSON, text and CSV.
        .target(name: "NuanExplain", dependencies: ["NuanSupport", "NuanSyntax", "NuanProgram"], path: "Sources/NuanExplain",
                exclude: ["Explain/README.md"]),
        // Reading and writing .xlsx workbooks (ZIP, DEFLATE, SpreadsheetML) with Foundation only.
        .target(name: "NuanOffice", path: "Sources/NuanOffice"),
        // What users run on top of the engine: authoring (lints, diff, examples), batch, report.
        .target(name: "NuanTools", dependencies: ["NuanSupport", "NuanSyntax", "NuanProgram", "NuanExplain", "NuanOffice"], path: "Sources/NuanTools"),
        // `nuan serve`: an HTTP/1.1 server on the C library's sockets, the JSON API and the screening page.
        .target(name: "NuanServe", dependencies: ["NuanSupport", "NuanSyntax", "NuanProgram", "NuanExplain", "NuanTools"], path: "Sources/NuanServe"),
        // Argument parsing and command wiring, kept in a library so tests can run commands in-process.
        .target(name: "NuanCLI", dependencies: ["NuanSupport", "NuanSyntax", "NuanProgram", "NuanExplain", "NuanOffice", "NuanTools", "NuanServe"], path: "Sources/NuanCLI"),
        .executableTarget(name: "nuan", dependencies: ["NuanCLI"], path: "Sources/nuan"),
        // Synthetic archive generator and benchmark driver (see BENCHMARKS.md).
        .executableTarget(name: "nuan-bench", dependencies: ["NuanSupport", "NuanProgram", "NuanExplain", "NuanTools"], path: "Sources/nuan-bench"),
        // Deterministic fuzzer over rules files, JSON lines and CSV rows (README, "Fuzzing").
        .executableTarget(name: "nuan-fuzz", dependencies: ["NuanCLI"], path: "Sources/nuan-fuzz"),
        .testTarget(name: "NuanCoreTests", dependencies: ["NuanSupport", "NuanSyntax", "NuanProgram", "NuanExplain", "NuanTools"],
                    path: "Tests/NuanCoreTests"),
        .testTarget(name: "NuanCLITests", dependencies: ["NuanCLI", "NuanSupport", "NuanSyntax", "NuanProgram", "NuanExplain", "NuanTools", "NuanServe"],
                    path: "Tests/NuanCLITests"),
        .testTarget(name: "NuanOfficeTests", dependencies: ["NuanOffice"], path: "Tests/NuanOfficeTests"),
    ]
)
