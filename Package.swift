// swift-tools-version:5.9
// Nuan (暖): a rules engine for trade-union hardship aid. No package dependencies by design.
import PackageDescription

let package = Package(
    name: "Nuan",
    products: [
        .library(name: "NuanCore", targets: ["NuanCore"]),
        .executable(name: "nuan", targets: ["nuan"]),
    ],
    targets: [
        // The engine: source → tokens → syntax tree → checked program → evaluation → rendering.
        .target(name: "NuanCore", path: "Sources/NuanCore"),
        // Argument parsing and command wiring, kept in a library so tests can run commands in-process.
        .target(name: "NuanCLI", dependencies: ["NuanCore"], path: "Sources/NuanCLI"),
        .executableTarget(name: "nuan", dependencies: ["NuanCLI"], path: "Sources/nuan"),
        // Synthetic archive generator and benchmark driver (see BENCHMARKS.md).
        .executableTarget(name: "nuan-bench", dependencies: ["NuanCore"], path: "Sources/nuan-bench"),
        // Deterministic fuzzer over rules files, JSON lines and CSV rows (README, "Fuzzing").
        .executableTarget(name: "nuan-fuzz", dependencies: ["NuanCLI"], path: "Sources/nuan-fuzz"),
        .testTarget(name: "NuanCoreTests", dependencies: ["NuanCore"], path: "Tests/NuanCoreTests"),
        .testTarget(name: "NuanCLITests", dependencies: ["NuanCLI", "NuanCore"], path: "Tests/NuanCLITests"),
    ]
)
