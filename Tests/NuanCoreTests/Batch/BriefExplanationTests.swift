import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// `nuan batch --explain brief` writes each explanation straight from the evaluation
/// (`BriefExplanationWriter`) instead of building its entries; the line must be byte for byte
/// what the entries give (`BatchOptions.interpret`, the reference) — for every shipped rules
/// file, on generated records with every awkward value, with overrides that make figures
/// 待定 or enormous, JSON Lines and CSV out (and `full`: CSV decided as brief, JSON Lines built
/// with the worker's memos), one job or two.
final class BriefExplanationTests: XCTestCase {
    static let root = Golden.rootURL
    static let shipped = ["bengbu-2022", "qinghai-2020", "wuzhou-2018", "leshan-2012", "heilongjiang-2021"]
    var dir: URL!

    override func setUp() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-brief-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    /// A shipped file by name, or `amounts`: bengbu-2022 with a benefit whose amount is a
    /// figure of the record — open when it is missing, of 11 digits and more when it is large
    /// (only the reference masks such a result) — and whose exceptions withhold it or pay another.
    func program(_ name: String, overrides: [(name: String, value: String)] = []) throws -> CheckedProgram {
        var path = Self.root.appendingPathComponent("Rules/\(name).rules").path
        if name == "amounts" {
            let rules = Self.root.appendingPathComponent("Rules")
            try FileManager.default.copyItem(at: rules.appendingPathComponent("national-base.rules"),
                                             to: dir.appendingPathComponent("national-base.rules"))
            let text = try String(contentsOf: rules.appendingPathComponent("bengbu-2022.rules"), encoding: .utf8) + """

                福利组 测试金额 命中 全部 {
                  福利 按收入补助 = 家庭月收入 × 10000000
                    当 家庭人口 > 0
                    资金 [local_finance]
                    依据 "测试：金额随收入"
                    除非 省总领导走访 则 不发 依据 "测试：不发"
                    除非 家庭人口 > 5 则 家庭月收入 × 2 依据 "测试：例外金额"
                }

                """
            path = dir.appendingPathComponent("amounts.rules").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let (p, d) = Nuan.compile(path: path, overrides: overrides)
        return try XCTUnwrap(p, DiagnosticRenderer.render(d))
    }

    func records(_ count: Int, seed: UInt64) -> [String] {
        var gen = CompiledEvaluatorTests.Records(seed: seed)
        return (0..<count).map { gen.record($0) }
    }

    /// The entries as the reference renders them: `Evaluator.decide` builds them, the writer
    /// renders each (`DecisionWriter.entry`).
    func reference(_ d: Decision, _ w: DecisionWriter) -> String {
        var o = ByteBuffer(capacity: 1 << 12)
        defer { o.free() }
        for (k, e) in d.explanation.enumerated() {
            if k > 0 { o.put(0x2C) }
            w.entry(e, into: &o)
        }
        return String(decoding: UnsafeBufferPointer(start: o.base, count: o.count), as: UTF8.self)
    }

    /// Record by record: the brief writer's entries against `Evaluator.decide`'s, and the
    /// decision without entries against the one with them.
    func testTheWriterWritesTheEntriesDecideBuilds() throws {
        var written = 0, referred = 0
        var seen: [String: Int] = [:]
        let features = ["\"kind\":\"note\"", "\"children\":[", "\"missing\":[", "\"outcome\":\"unknown\"", "\"outcome\":\"skipped\"",
                        "\"result\":\"金额待定", "\"kind\":\"score\"", "\"outcome\":\"met\",\"result\"", "\"result\":\"不发（例外）\"",
                        "\"kind\":\"exception\",\"rule\":\"除非 家庭人口 > 5\",\"source\":\"测试：例外金额\",\"outcome\":\"met\",\"result\":"]
        let variants: [(String, [(name: String, value: String)])] = Self.shipped.map { ($0, []) } + [
            ("bengbu-2022", [("低保标准", "4611686018427387904")]), ("bengbu-2022", [("低保标准", "0.01")]),
            ("heilongjiang-2021", [("低保标准", "333.33")]), ("amounts", []),
        ]
        for (k, (name, overrides)) in variants.enumerated() {
            let p = try program(name, overrides: overrides)
            let w = DecisionWriter(BatchProgram(p))
            let brief = BriefExplanationWriter(w, english: false)
            let json = DecisionJSON(program: p)
            var ev = Evaluator(program: p), ref = Evaluator(program: p)
            for line in records(1500, seed: 20220101 &+ UInt64(k)) {
                let (facts, reading) = RecordCodec(program: p, language: .chinese).decode(json: Array(line.utf8))
                guard case .valid = reading else { continue }
                let expected = ref.decide(facts, explain: .brief)
                let (d, e) = ev.decideLeavingExplanation(facts, explain: .brief)
                var plain = expected
                plain.explanation = []
                XCTAssertEqual(json.render(d, pretty: false), json.render(plain, pretty: false), "\(name): \(line)")
                let evaluation = try XCTUnwrap(e)
                var o = ByteBuffer(capacity: 256)
                defer { o.free() }
                o.put("[")   // what the writer finds before it: nothing is to be rolled back past it
                let wrote = brief.write(evaluation, score: d.score, into: &o)
                let got = String(decoding: UnsafeBufferPointer(start: o.base + 1, count: o.count - 1), as: UTF8.self)
                let want = reference(expected, w)
                if wrote {
                    written += 1
                    XCTAssertEqual(got, want, "\(name) \(overrides): \(line)")
                    for f in features where got.contains(f) { seen[f, default: 0] += 1 }
                } else {
                    referred += 1
                    XCTAssertEqual(o.count, 1, "a refusal leaves the buffer as it was")
                }
            }
        }
        print("brief writer: \(written) records, left to the reference: \(referred); features \(seen)")
        XCTAssertGreaterThan(written, 10_000)
        for f in features { XCTAssertGreaterThan(seen[f] ?? 0, 0, "no record's explanation had \(f)") }
        // `amounts` pays sums of 11 digits and more, which only the reference masks
        XCTAssertGreaterThan(referred, 100)
    }

    /// Runs a batch at `--explain brief` with the writer and with the reference; returns the
    /// writer's output after checking it is the reference's.
    @discardableResult
    func same(_ input: String, format: BatchOptions.InputFormat, out: BatchOptions.OutputFormat, program: CheckedProgram,
              level: ExplainLevel = .brief, file: StaticString = #filePath, line: UInt = #line) throws -> Data {
        var outputs: [Data] = []
        var counts: [String] = []
        for (interpret, jobs) in [(true, 2), (false, 1), (false, 2)] {
            let o = dir.appendingPathComponent("out-\(interpret)-\(jobs).\(out == .csv ? "csv" : "jsonl")").path
            var options = BatchOptions(input: input, output: o, inputFormat: format, outputFormat: out, jobs: jobs)
            options.explain = level
            options.interpret = interpret
            options.blockSize = 1 << 13
            let result = Batch.run(program: program, options: options)
            XCTAssertNil(result.failure, input, file: file, line: line)
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: o)))
            counts.append("\(result.recordsIn) \(result.recordsOut) " + result.report.json())
        }
        XCTAssertEqual(outputs[0], outputs[1], "\(input) → \(out), one job", file: file, line: line)
        XCTAssertEqual(outputs[0], outputs[2], "\(input) → \(out), two jobs", file: file, line: line)
        XCTAssertEqual(counts[0], counts[1], "\(input) summary", file: file, line: line)
        XCTAssertEqual(counts[0], counts[2], "\(input) summary", file: file, line: line)
        return outputs[2]
    }

    func testBatchLinesAreTheReferencesForEveryShippedFile() throws {
        let text = records(3000, seed: 7).joined(separator: "\n") + "\n"
        let generated = dir.appendingPathComponent("generated.jsonl").path
        try text.write(toFile: generated, atomically: true, encoding: .utf8)
        let fixtures: [(String, BatchOptions.InputFormat)] = [
            (generated, .jsonl),
            (Self.root.appendingPathComponent("Tests/Fixtures/batch/bengbu-archive.jsonl").path, .jsonl),
            (Self.root.appendingPathComponent("Tests/Fixtures/batch/bengbu-archive.gb18030.csv").path, .csv),
            (Self.root.appendingPathComponent("Rules/examples/bengbu-archive.csv").path, .csv),
            (Self.root.appendingPathComponent("Tests/Fixtures/fuzz/record.json.txt").path, .jsonl),
        ]
        let few = dir.appendingPathComponent("few.jsonl").path
        try (records(400, seed: 8).joined(separator: "\n") + "\n").write(toFile: few, atomically: true, encoding: .utf8)
        var explained = 0
        for name in Self.shipped + ["amounts"] {
            let p = try program(name)
            // full JSON Lines: built with the worker's memos, against `Evaluator.decide`'s
            try same(few, format: .jsonl, out: .jsonl, program: p, level: .full)
            for (input, format) in fixtures {
                let jsonl = try same(input, format: format, out: .jsonl, program: p)
                try same(input, format: format, out: .csv, program: p)
                // a CSV row is the same at full (which then decides as brief does)
                if input == generated || format == .csv { try same(input, format: format, out: .csv, program: p, level: .full) }
                explained += String(decoding: jsonl, as: UTF8.self).components(separatedBy: "\"kind\":\"benefit\"").count - 1
            }
        }
        XCTAssertGreaterThan(explained, 10_000)
    }

    /// A JSON string is escaped byte for byte as one byte at a time would (the writer skips
    /// eight plain bytes at a time): quotes, backslashes and control bytes at every offset
    /// among Chinese text, ASCII and digits.
    func testJSONStringsAreEscapedWhereverTheByteFalls() {
        func reference(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = [0x22]
            for c in bytes {
                switch c {
                case 0x22: out += Array("\\\"".utf8)
                case 0x5C: out += Array("\\\\".utf8)
                case 0x0A: out += Array("\\n".utf8)
                case 0x0D: out += Array("\\r".utf8)
                case 0x09: out += Array("\\t".utf8)
                case ..<0x20: out += Array(String(format: "\\u%04x", Int(c)).utf8)
                default: out.append(c)
                }
            }
            return out + [0x22]
        }
        let pieces: [[UInt8]] = ["扣除刚性支出后人均月收入", "400.00 元", "a", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1f}", " ", "~", "\u{7f}", "é",
                                 "0123456789"].map { Array($0.utf8) } + [[0x20], [0x21], [0x23], [0x5B], [0x5D], [0x00], [0xFF], [0x80]]
        var state: UInt64 = 7
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(state >> 60) + 1 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            var o = ByteBuffer(capacity: 16)
            bytes.withUnsafeBufferPointer { o.putJSONString($0.baseAddress, $0.count) }
            let got = Array(UnsafeBufferPointer(start: o.base, count: o.count))
            o.free()
            XCTAssertEqual(got, reference(bytes), "\(bytes)")
        }
    }
}

