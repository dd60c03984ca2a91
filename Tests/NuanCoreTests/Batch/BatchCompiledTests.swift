import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// `nuan batch --explain none` decides with the compiled evaluator; its output must be byte for
/// byte what the interpreter gives (`BatchOptions.interpret`) — JSON Lines and CSV out, with
/// the summary and the `--against` comparison — on the fixtures' archives, the fuzz corpus's
/// records, and generated records with every awkward value.
final class BatchCompiledTests: XCTestCase {
    static let root = Golden.rootURL
    var dir: URL!

    override func setUp() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-compiled-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    func program(_ path: String, overrides: [(name: String, value: String)] = []) throws -> CheckedProgram {
        let (p, d) = Nuan.compile(path: Self.root.appendingPathComponent(path).path, overrides: overrides)
        return try XCTUnwrap(p, DiagnosticRenderer.render(d))
    }

    /// Runs the batch both ways; returns the compiled run's output bytes after checking they are the interpreter's.
    @discardableResult
    func same(_ input: String, format: BatchOptions.InputFormat, out: BatchOptions.OutputFormat, program: CheckedProgram,
              against: CheckedProgram? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> Data {
        var outputs: [Data] = []
        var reports: [BatchReport] = []
        var counts: [String] = []
        for interpret in [true, false] {
            let o = dir.appendingPathComponent("out-\(interpret).\(out == .csv ? "csv" : "jsonl")").path
            var options = BatchOptions(input: input, output: o, inputFormat: format, outputFormat: out, jobs: 2)
            options.explain = .none
            options.interpret = interpret
            options.blockSize = 1 << 12
            let result = Batch.run(program: program, against: against, options: options)
            XCTAssertNil(result.failure, input, file: file, line: line)
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: o)))
            reports.append(result.report)
            counts.append("\(result.recordsIn) \(result.recordsOut) " + result.report.json())
        }
        XCTAssertEqual(outputs[0], outputs[1], "\(input) → \(out)", file: file, line: line)
        XCTAssertEqual(counts[0], counts[1], "\(input) summary", file: file, line: line)
        XCTAssertTrue(reports[0] == reports[1], "\(input) summary", file: file, line: line)
        return outputs[1]
    }

    func testFixtureArchivesAndTheFuzzCorpusAreDecidedByteForByteAlike() throws {
        let inputs: [(String, BatchOptions.InputFormat)] = [
            ("Tests/Fixtures/batch/bengbu-archive.jsonl", .jsonl), ("Tests/Fixtures/batch/bengbu-archive.gb18030.csv", .csv),
            ("Tests/Fixtures/batch/impact-archive.csv", .csv), ("Rules/examples/bengbu-archive.csv", .csv),
            ("Tests/Fixtures/fuzz/block-size-region.jsonl.txt", .jsonl), ("Tests/Fixtures/fuzz/lone-surrogate.jsonl.txt", .jsonl),
            ("Tests/Fixtures/fuzz/record.json.txt", .jsonl), ("Tests/Fixtures/fuzz/cr-endings.csv.txt", .csv),
            ("Tests/Fixtures/fuzz/stray-quote.csv.txt", .csv), ("Tests/Fixtures/fuzz/leak-and-formula.csv.txt", .csv),
        ]
        let rules = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Rules").path)
            .filter { $0.hasSuffix(".rules") }.sorted().map { "Rules/" + $0 } + ["Tests/Fixtures/batch/impact.rules"]
        var nonEmpty = 0
        for r in rules {
            let p = try program(r)
            for (input, format) in inputs {
                for out in [BatchOptions.OutputFormat.jsonl, .csv] {
                    let bytes = try same(Self.root.appendingPathComponent(input).path, format: format, out: out, program: p)
                    if bytes.count > 100 { nonEmpty += 1 }
                }
            }
        }
        XCTAssertGreaterThan(nonEmpty, 100)
        // overridden figures (a 待定 line, an enormous one) and the old-vs-new comparison
        let bengbu = try program("Rules/bengbu-2022.rules")
        for value in ["4611686018427387904", "0.01", "333.33"] {
            let p = try program("Rules/bengbu-2022.rules", overrides: [("低保标准", value)])
            try same(Self.root.appendingPathComponent("Tests/Fixtures/batch/bengbu-archive.jsonl").path, format: .jsonl, out: .jsonl,
                     program: p, against: bengbu)
        }
    }

    func testGeneratedRecordsAreDecidedByteForByteAlike() throws {
        var gen = CompiledEvaluatorTests.Records(seed: 20220101)
        let text = (0..<4000).map { gen.record($0) }.joined(separator: "\n") + "\n"
        let input = dir.appendingPathComponent("generated.jsonl").path
        try text.write(toFile: input, atomically: true, encoding: .utf8)
        for r in ["Rules/bengbu-2022.rules", "Rules/heilongjiang-2021.rules", "Rules/wuzhou-2018.rules"] {
            let p = try program(r)
            let jsonl = try same(input, format: .jsonl, out: .jsonl, program: p)
            try same(input, format: .jsonl, out: .csv, program: p)
            let decided = String(decoding: jsonl, as: UTF8.self)
            for status in ["eligible", "ineligible", "undetermined", "invalid"] {
                XCTAssertTrue(decided.contains("\"status\":\"\(status)\""), "\(r): no \(status) decision")
            }
        }
    }
}
