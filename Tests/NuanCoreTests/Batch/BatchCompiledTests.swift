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

/// The CSV writer renders a record's one error, warning or award cell once and reuses it: the
/// row must be what the cells' texts give, the first time and every later time.
final class DecisionWriterCSVTests: XCTestCase {
    func row(_ w: DecisionWriter, _ d: Decision) -> String {
        var o = ByteBuffer(capacity: 256)
        defer { o.free() }
        w.csvRow(d, previous: nil, carried: UnsafeBufferPointer(start: nil, count: 0), into: &o)
        return String(decoding: UnsafeBufferPointer(start: o.base, count: o.count), as: UTF8.self)
    }

    /// The row as the cells' texts make it (the writer before the caches).
    func reference(_ d: Decision) -> String {
        func cell(_ s: String) -> String {
            guard !s.isEmpty else { return "" }
            let formula = "=+-@\t\r".contains(s.first!)
            let quote = s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
            let body = (formula ? "'" : "") + s
            return quote ? "\"" + body.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : body
        }
        let awards = d.awards.map { "\($0.benefit):\($0.amount.map { $0.formatted(places: 2) } ?? "待定"):\($0.fund ?? "")" }
        return [d.id.map { cell(Privacy.redact($0)) } ?? "", d.status.rawValue, cell(d.category), d.totalAmount.formatted(places: 2),
                d.score.map { $0.isInteger ? "\($0.numerator)" : $0.formatted(places: 2) } ?? "",
                cell(d.missing.joined(separator: ";")), cell(Privacy.redact(d.errors.map(\.message).joined(separator: "; "))),
                cell(awards.joined(separator: ";")),
                cell(Privacy.redact(d.warnings.map { "\($0.code): \($0.message)" }.joined(separator: "; "))),
                cell(Privacy.redact(d.reasons.joined(separator: " ")))]
            .joined(separator: ",") + "\n"
    }

    func testCachedCellsAreTheCellsTexts() throws {
        let (p, _) = Nuan.compile(path: Golden.rootURL.appendingPathComponent("Rules/bengbu-2022.rules").path)
        let program = try XCTUnwrap(p)
        let w = DecisionWriter(BatchProgram(program))
        let award = { (k: Int, amount: Rational?, fund: String?) in
            Decision.Award(benefit: "福利\(k)，含逗号", amount: amount, unit: nil, fund: fund, allowedFunds: [], citation: nil, benefitIndex: k)
        }
        var decisions: [Decision] = []
        for k in 0..<40 {
            var d = Decision(id: "BB-\(k)-13800138000", status: .eligible, category: "deep", awards: [], totalAmount: Rational(integer: 1000),
                             score: Rational(7, 3), missing: [], errors: [], explanation: [], pending: [])
            switch k % 5 {
            case 0: d.awards = [award(k % 3, Rational(integer: 1000 + Int64(k % 2)), "local_finance")]
            case 1: d.awards = [award(k % 3, nil, k % 2 == 0 ? nil : "central_aid"), award(7, Rational(integer: 2), "x")]
            case 2: d.errors = [RecordError(field: "所属地区", value: nil, reason: "不在辖区\(k % 3)，电话 138 0013 8000", language: k % 2 == 0 ? .chinese : .english)]
            case 3: d.errors = [RecordError(field: "f", value: "v\(k)", reason: "r", line: k)]
                    d.warnings = [DecisionWarning(code: "period", message: "申请日期 2021-12-\(10 + k % 3) 不在本规则生效期（2022-01-01 至 2022-01-31）内")]
            default: d.warnings = [DecisionWarning(code: "a", message: "=1"), DecisionWarning(code: "b", message: "\"q\" 110105194912310021")]
            }
            decisions.append(d)
        }
        for pass in 0..<2 {
            for d in decisions { XCTAssertEqual(row(w, d), reference(d), "pass \(pass)") }
        }
    }
}

/// The repeated-record check's open-addressing table against a dictionary.
final class KeyTableTests: XCTestCase {
    func testItFindsWhatADictionaryFinds() {
        var table = KeyTable(capacity: 16)
        var reference: [UInt64: Int] = [:]
        var state: UInt64 = 7
        for n in 0..<200_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            // few distinct keys early (many repeats), then many; 0 and the extremes included
            let key: UInt64 = n % 1000 == 0 ? [0, UInt64.max, 1 << 63][n / 1000 % 3] : state >> (n < 50_000 ? 52 : 20)
            let got = table.find(key, orInsert: n)
            if let first = reference[key] { XCTAssertEqual(got, first) } else {
                XCTAssertNil(got)
                reference[key] = n
            }
        }
        XCTAssertEqual(table.count, reference.count)
        XCTAssertGreaterThan(reference.count, 10_000)
    }
}
