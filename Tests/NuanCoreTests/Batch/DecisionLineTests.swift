import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanTools

/// `nuan batch --explain none` writes and counts a plain decision straight from the compiled
/// evaluator's outcomes (`DecisionLine`), without a `Decision`: the bytes and the summary must
/// be what the `Decision` gives (`BatchOptions.decisionLines` false, the reference), on every
/// shipped rules file, with repeated records, unknown and missing inputs, and figures the
/// line cannot hold (待定, enormous).
final class DecisionLineTests: ScratchDirectoryTestCase {
    override class var scratchPrefix: String { "nuan-lines" }
    static let root = Golden.rootURL

    func program(_ path: String, overrides: [(name: String, value: String)] = []) throws -> CheckedProgram {
        let (p, d) = Nuan.compile(path: Self.root.appendingPathComponent(path).path, overrides: overrides)
        return try XCTUnwrap(p, DiagnosticRenderer.render(d))
    }

    static func shippedRules() throws -> [String] {
        let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Rules").path)
            .filter { $0.hasSuffix(".rules") }.sorted()
        XCTAssertEqual(files.count, 6)
        return files.map { "Rules/" + $0 }
    }

    static func bytes(_ o: ByteBuffer) -> String { String(decoding: UnsafeBufferPointer(start: o.base, count: o.count), as: UTF8.self) }

    /// An ID number with its check character (ISO 7064 MOD 11-2).
    static func idNumber(_ k: Int) -> String {
        let body = "340302" + String(19_700_101 + (k % 28) + 100 * (k / 28 % 12)) + String(format: "%03d", k % 1000)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body.utf8, weights).reduce(0) { $0 + Int($1.0 - 48) * $1.1 }
        return body + String(Array("10X98765432")[sum % 11])
    }

    /// Generated records (`CompiledEvaluatorTests.Records`), some with an ID number from a small
    /// pool (repeated ID numbers) and some repeating an earlier line whole (a repeated id).
    static func archive(_ count: Int, seed: UInt64) -> String {
        var gen = CompiledEvaluatorTests.Records(seed: seed)
        var lines: [String] = []
        for k in 0..<count {
            if k % 53 == 52 { lines.append(lines[k - 37]); continue }
            var line = gen.record(k)
            if k % 2 == 0 { line = "{\"id_number\":\"\(idNumber(k % 300))\"," + line.dropFirst() }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every record decided both ways: a decision line renders (JSON Lines and CSV) and counts
    /// as the reference decision does; a record the line cannot hold gets the reference decision.
    func testDecisionLinesRenderAndCountAsTheirDecisions() throws {
        var lines = 0, decisions = 0
        var programs = try Self.shippedRules().map { ($0, try program($0)) }
        for value in ["4611686018427387904", "0.01", "333.33"] {
            programs.append(("bengbu 低保标准 \(value)", try program("Rules/bengbu-2022.rules", overrides: [("低保标准", value)])))
        }
        for (name, p) in programs {
            let bp = BatchProgram(p)
            var ev = Evaluator(program: p), ref = Evaluator(program: p)
            var compiled = CompiledEvaluator(ev)
            let awards = LineAwards(ev, bp)
            let lineWriter = DecisionWriter(bp), refWriter = DecisionWriter(bp)
            var lineReport = BatchReport(program: p), refReport = BatchReport(program: p)
            var line = DecisionLine()
            var slots = Array(repeating: (fund: -1, benefit: -1), count: awards.funds.count)
            var a = ByteBuffer(capacity: 1024), b = ByteBuffer(capacity: 1024)
            defer { a.free(); b.free() }
            let none = UnsafeBufferPointer<(UnsafePointer<UInt8>?, Int)>(start: nil, count: 0)
            for (k, text) in Self.archive(2500, seed: UInt64(name.utf8.count) &+ 7).split(separator: "\n").enumerated() {
                let language: Language = k % 7 == 3 ? .english : .chinese
                let (facts, reading) = RecordCodec(program: p, language: language).decode(json: Array(text.utf8))
                guard case .valid = reading else { continue }
                let expected = ref.decide(facts, language: language)
                switch compiled.decideLine(facts, using: &ev, into: &line, language: language) {
                case .decision(let d):
                    decisions += 1
                    XCTAssertEqual(CompiledEvaluatorTests.text(d), CompiledEvaluatorTests.text(expected), "\(name): \(text)")
                case .line:
                    lines += 1
                    XCTAssertNotEqual(expected.status, .invalid, "\(name): \(text)")
                    for csv in [false, true] {
                        a.count = 0
                        b.count = 0
                        if csv {
                            lineWriter.csvRow(line, id: facts.id, awards: awards, carried: none, into: &a)
                            refWriter.csvRow(expected, previous: nil, carried: none, into: &b)
                        } else {
                            lineWriter.jsonLine(line, id: facts.id, awards: awards, into: &a)
                            refWriter.jsonLine(expected, previous: nil, into: &b)
                        }
                        XCTAssertEqual(Self.bytes(a), Self.bytes(b), "\(name) csv \(csv): \(text)")
                    }
                    lineReport.count(line.status, category: line.category, warnings: line.warnings, groups: [], archived: k % 3 == 0,
                                     migrantWorker: false, modelWorker: k % 5 == 0, perCapitaIncome: nil, dibaoLine: nil)
                    for (j, f) in line.awards.enumerated() {
                        lineReport.addAward(fund: awards.funds[Int(f)], benefit: awards.benefits[Int(f)], line.amounts[j],
                                            slots: &slots[Int(f)])
                    }
                    refReport.add(expected, archived: k % 3 == 0, modelWorker: k % 5 == 0)
                }
            }
            XCTAssertTrue(lineReport == refReport, "\(name): summary")
            XCTAssertEqual(lineReport.json(), refReport.json(), "\(name): summary")
        }
        print("decision lines: \(lines), decisions: \(decisions)")
        XCTAssertGreaterThan(lines, 2000)
        XCTAssertGreaterThan(decisions, 1000)
    }

    /// Runs the batch with decision lines and without (and with the interpreter); the outputs
    /// and the summaries must be the same bytes.
    func same(_ input: String, format: BatchOptions.InputFormat, out: BatchOptions.OutputFormat, program: CheckedProgram,
              jobs: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        var outputs: [Data] = []
        var summaries: [String] = []
        for (interpret, lines) in [(true, false), (false, false), (false, true)] {
            let o = path("out-\(interpret)-\(lines).\(out == .csv ? "csv" : "jsonl")")
            var options = BatchOptions(input: input, output: o, inputFormat: format, outputFormat: out, jobs: jobs)
            options.explain = .none
            options.interpret = interpret
            options.decisionLines = lines
            options.blockSize = 1 << 12
            let result = Batch.run(program: program, against: nil, options: options)
            XCTAssertNil(result.failure, input, file: file, line: line)
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: o)))
            summaries.append("\(result.recordsIn) \(result.recordsOut) " + result.report.json())
        }
        XCTAssertEqual(outputs[0], outputs[1], "\(input) → \(out): compiled", file: file, line: line)
        XCTAssertEqual(outputs[1], outputs[2], "\(input) → \(out): decision lines", file: file, line: line)
        XCTAssertEqual(summaries[1], summaries[2], "\(input): summary", file: file, line: line)
        XCTAssertEqual(summaries[0], summaries[2], "\(input): summary", file: file, line: line)
    }

    func testBatchWithDecisionLinesIsTheReferenceByteForByte() throws {
        let generated = write("generated.jsonl", Array(Self.archive(2000, seed: 20220101).utf8))
        let inputs: [(String, BatchOptions.InputFormat)] = [
            (generated, .jsonl),
            (Self.root.appendingPathComponent("Tests/Fixtures/batch/bengbu-archive.jsonl").path, .jsonl),
            (Self.root.appendingPathComponent("Tests/Fixtures/batch/bengbu-archive.gb18030.csv").path, .csv),
            (Self.root.appendingPathComponent("Tests/Fixtures/batch/impact-archive.csv").path, .csv),
            (Self.root.appendingPathComponent("Rules/examples/bengbu-archive.csv").path, .csv),
            (Self.root.appendingPathComponent("Tests/Fixtures/fuzz/cr-endings.csv.txt").path, .csv),
            (Self.root.appendingPathComponent("Tests/Fixtures/fuzz/stray-quote.csv.txt").path, .csv),
        ]
        for r in try Self.shippedRules() {
            let p = try program(r)
            for (input, format) in inputs {
                for out in [BatchOptions.OutputFormat.jsonl, .csv] {
                    for jobs in [1, 2] where jobs == 2 || input == generated {
                        try same(input, format: format, out: out, program: p, jobs: jobs)
                    }
                }
            }
        }
        // the generated archive holds repeated ids and ID numbers
        try same(generated, format: .jsonl, out: .jsonl, program: try program("Rules/bengbu-2022.rules"), jobs: 2)
        let decided = try String(contentsOfFile: path("out-false-true.jsonl"), encoding: .utf8)
        XCTAssertTrue(decided.contains("\"code\":\"duplicate_id_number\""))
        XCTAssertTrue(decided.contains(Message.Batch.repeatedID(firstLine: 16).text(english: false)))
    }
}
