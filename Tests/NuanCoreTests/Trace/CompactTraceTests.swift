import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// The compact trace `nuan batch --trace` keeps: each entry gives back, through `Nuan.explain`,
/// exactly the decision `nuan screen` makes of that record (every view, both languages, JSON
/// and the notice page), in `--explain none` (compiled) and explained runs alike; and a trace
/// that is damaged, truncated or tampered with gives a `TraceProblem`, never a crash.
final class CompactTraceTests: XCTestCase {
    static let root = Golden.rootURL
    var dir: URL!

    override func setUp() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-trace-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    func program(_ path: String, overrides: [(name: String, value: String)] = []) throws -> CheckedProgram {
        let (p, d) = Nuan.compile(path: Self.root.appendingPathComponent(path).path, overrides: overrides)
        return try XCTUnwrap(p, DiagnosticRenderer.render(d))
    }

    /// Runs the batch over `input` keeping the trace; returns the trace's bytes.
    func trace(_ input: String, program: CheckedProgram, explain: ExplainLevel = .none, format: BatchOptions.InputFormat = .jsonl,
               jobs: Int = 2, file: StaticString = #filePath, line: UInt = #line) throws -> [UInt8] {
        let t = dir.appendingPathComponent("run-\(UUID().uuidString).trace").path
        var options = BatchOptions(input: input, output: dir.appendingPathComponent("out.jsonl").path, inputFormat: format, outputFormat: .jsonl, jobs: jobs)
        options.explain = explain
        options.blockSize = 1 << 12
        options.trace = t
        let result = Batch.run(program: program, options: options)
        XCTAssertNil(result.failure, file: file, line: line)
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: t)))
    }

    /// Everything `nuan screen` can show of a decision: three views in text, JSON, the notice page.
    func renderings(_ d: Decision, _ program: CheckedProgram, english: Bool) -> [String] {
        DecisionView.allCases.map { DecisionText(program: program, english: english, showRecourse: true, view: $0).render(d) }
            + [DecisionJSON(program: program).render(d, pretty: true), NoticeHTML(program: program, english: english).render(d)]
    }

    /// Every `step`-th record line of `lines` explained from the trace is what screen shows of it.
    func checkExplained(_ bytes: [UInt8], lines: [String], program: CheckedProgram, step: Int = 1,
                        file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        var compared = 0
        try bytes.withUnsafeBytes { raw in
            let reader = try CompactTraceReader(raw)
            try reader.check(against: program)
            XCTAssertEqual(reader.count, lines.count, file: file, line: line)
            for row in stride(from: 1, through: lines.count, by: step) {
                let entry = try reader.entry(row: row, program: program)
                guard case .decided = entry else { continue }
                for language in [Language.chinese, .english] {
                    let explained = try Nuan.explain(program, entry, row: row, language: language)
                    let screened = Nuan.screen(program, json: Array(lines[row - 1].utf8), explain: .full, recourse: true, language: language)
                    let a = renderings(explained, program, english: language == .english)
                    let b = renderings(screened, program, english: language == .english)
                    for k in a.indices where a[k] != b[k] {
                        XCTFail("row \(row) rendering \(k) (\(language)):\n\(a[k])\n---\n\(b[k])", file: file, line: line)
                        return
                    }
                }
                compared += 1
            }
        }
        return compared
    }

    func testEveryExampleIsExplainedFromTheTraceAsScreenShowsIt() throws {
        let fm = FileManager.default
        let names = try fm.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Rules/examples").path).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 10)
        var byRules: [String: [String]] = [:]
        for name in names {
            let rules = try XCTUnwrap(ViewGoldenTests.rulesFor[String(name.prefix { $0 != "-" })])
            let text = try String(contentsOf: Self.root.appendingPathComponent("Rules/examples/" + name), encoding: .utf8)
            byRules[rules, default: []].append(text.replacingOccurrences(of: "\n", with: " "))
        }
        var compared = 0
        for (rules, lines) in byRules.sorted(by: { $0.key < $1.key }) {
            let p = try program("Rules/\(rules).rules")
            let input = dir.appendingPathComponent("\(rules).jsonl").path
            try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
            for explain in [ExplainLevel.none, .brief] {
                compared += try checkExplained(try trace(input, program: p, explain: explain), lines: lines, program: p)
            }
        }
        XCTAssertEqual(compared, 2 * names.count)
    }

    func testGeneratedRecordsAreExplainedFromTheTraceAsScreenShowsThem() throws {
        var gen = CompiledEvaluatorTests.Records(seed: 20220101)
        let lines = (0..<600).map { gen.record($0) }
        let input = dir.appendingPathComponent("generated.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        var compared = 0
        for r in ["Rules/bengbu-2022.rules", "Rules/heilongjiang-2021.rules", "Rules/wuzhou-2018.rules", "Rules/leshan-2012.rules", "Rules/qinghai-2020.rules"] {
            let p = try program(r)
            compared += try checkExplained(try trace(input, program: p), lines: lines, program: p, step: 13)
        }
        // a --set run: the trace keeps the override and the reader wants it back
        let set = try program("Rules/bengbu-2022.rules", overrides: [("低保标准", "750")])
        let bytes = try trace(input, program: set)
        compared += try checkExplained(bytes, lines: lines, program: set, step: 29)
        try bytes.withUnsafeBytes { raw in
            let reader = try CompactTraceReader(raw)
            XCTAssertEqual(reader.header.overridePairs.map { "\($0.name)=\($0.value)" }, ["低保标准=750"])
            XCTAssertThrowsError(try reader.check(against: try program("Rules/bengbu-2022.rules")))
        }
        XCTAssertGreaterThan(compared, 200)
    }

    /// The trace holds no full ID or phone number, and stays within 400 bytes a record.
    func testTheTraceIsSmallAndHoldsNoPersonalNumber() throws {
        var gen = CompiledEvaluatorTests.Records(seed: 7)
        var lines = (0..<300).map { gen.record($0) }
        let id = "11010519491231002X", phone = "13812345678"
        lines.append("{\"id\":\"\(id)\",\"name\":\"张三 \(phone)\",\"id_number\":\"\(id)\",\"phone\":\"\(phone)\",\"employer\":\"厂 \(phone)\",\"region\":\"蚌埠市\",\"household_size\":2,\"household_monthly_income\":1000,\"hardship_causes\":[\"serious_illness\"],\"archive_type\":\"deep\",\"archive_level\":\"national\"}")
        lines.append("{\"id\":\"B-2\",\"id_number\":\"\(id.dropLast())1\",\"phone\":\"\(phone)\"}")
        let input = dir.appendingPathComponent("personal.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let p = try program("Rules/bengbu-2022.rules")
        let bytes = try trace(input, program: p)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertFalse(text.contains(id), "a full ID number in the trace")
        XCTAssertFalse(text.contains(phone), "a full phone number in the trace")
        XCTAssertTrue(text.contains("110105********002X"))
        XCTAssertLessThan(bytes.count / lines.count, 400)
        try bytes.withUnsafeBytes { raw in
            let reader = try CompactTraceReader(raw)
            let (row, entry) = try reader.find(id: id, program: p)
            XCTAssertEqual(row, 301)
            let d = try Nuan.explain(p, entry, row: row, language: .chinese)
            XCTAssertEqual(d.status, .eligible)
            for v in DecisionView.allCases {
                let shown = DecisionText(program: p, showRecourse: true, view: v).render(d)
                XCTAssertFalse(shown.contains(id) || shown.contains(phone), shown)
            }
            // the unreadable record (a wrong check digit) keeps its errors, masked
            guard case .unread(_, _, let errors, _) = try reader.entry(row: 302, program: p) else { return XCTFail("row 302 was read") }
            XCTAssertFalse(errors.isEmpty)
            XCTAssertFalse(errors.map(\.message).joined().contains(String(id.dropLast())))
        }
    }

    func testRowsOutOfRangeAndUnknownIDsAreRefused() throws {
        let p = try program("Rules/bengbu-2022.rules")
        let bytes = try trace(Self.root.appendingPathComponent("Rules/examples/bengbu-archive.csv").path, program: p, format: .csv)
        try bytes.withUnsafeBytes { raw in
            let reader = try CompactTraceReader(raw)
            XCTAssertEqual(reader.count, 8)
            for row in [0, -1, 9, Int.max] {
                XCTAssertThrowsError(try reader.entry(row: row, program: p)) { XCTAssertEqual($0 as? TraceProblem, .rowOutOfRange(row: row, count: 8)) }
            }
            XCTAssertThrowsError(try reader.find(id: "BB-2022-9999", program: p)) { XCTAssertEqual($0 as? TraceProblem, .idNotFound(id: "BB-2022-9999")) }
            XCTAssertEqual(try reader.find(id: "BB-2022-0003", program: p).row, 3)
        }
    }

    /// What reading and explaining every entry of `bytes` gives: nil when all went through.
    func readAll(_ bytes: [UInt8], _ p: CheckedProgram) -> TraceProblem? {
        bytes.withUnsafeBytes { raw in
            do throws(TraceProblem) {
                let reader = try CompactTraceReader(raw)
                try reader.check(against: p)
                for row in 1...max(1, reader.count) where reader.count > 0 {
                    _ = try Nuan.explain(p, try reader.entry(row: row, program: p), row: row)
                }
                return nil
            } catch {
                return error
            }
        }
    }

    /// A hostile user's trace: every byte flipped, every truncation, and entries rewritten with
    /// random bytes under a correct checksum — a message every time, never a crash.
    func testDamagedTruncatedAndForgedTracesGiveAMessage() throws {
        let p = try program("Rules/bengbu-2022.rules")
        let bytes = try trace(Self.root.appendingPathComponent("Rules/examples/bengbu-archive.csv").path, program: p, format: .csv)
        XCTAssertNil(readAll(bytes, p))
        for i in bytes.indices {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var b = bytes
                b[i] ^= mask
                XCTAssertNotNil(readAll(b, p), "byte \(i) ^ \(mask) went unnoticed")
            }
        }
        for n in 0..<bytes.count {
            XCTAssertNotNil(readAll(Array(bytes.prefix(n)), p), "truncated to \(n) went unnoticed")
        }
        XCTAssertNotNil(readAll(bytes + [0], p))
        // forged entries: random changes with the checksum recomputed
        var rng = CompiledEvaluatorTests.Records(seed: 15)
        let frames = try entryFrames(bytes)
        var problems = 0
        for _ in 0..<300 {
            var b = bytes
            let (start, length) = frames[rng.below(frames.count)]
            for _ in 0...rng.below(3) {
                let at = start + rng.below(length)
                b[at] = rng.chance(50) ? UInt8(truncatingIfNeeded: rng.next()) : b[at] ^ (1 << UInt8(rng.below(8)))
            }
            let sum = b[start..<(start + length)].withUnsafeBytes { CompactTrace.fnv32($0) }
            for k in 0..<4 { b[start + length + k] = UInt8(truncatingIfNeeded: sum >> UInt32(8 * k)) }
            if readAll(b, p) != nil { problems += 1 }
        }
        XCTAssertGreaterThan(problems, 100, "forged entries refused")
    }

    /// (start, length) of every entry body.
    func entryFrames(_ bytes: [UInt8]) throws -> [(Int, Int)] {
        var at = CompactTrace.magic.count + 1
        let h = Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        at += 4 + h + 4
        var out: [(Int, Int)] = []
        while bytes[at] == CompactTrace.entryLead {
            let n = Int(bytes[at + 1]) | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3]) << 16 | Int(bytes[at + 4]) << 24
            out.append((at + 5, n))
            at += 5 + n + 4
        }
        XCTAssertEqual(bytes[at], CompactTrace.endLead)
        return out
    }
}

/// The writer keeps every text as `Privacy` would show it — personal values masked, other texts
/// redacted — also when it skips the test for a text of a shape it has already seen.
final class CompactTraceTextTests: XCTestCase {
    func testTextsAreKeptAsPrivacyShowsThem() throws {
        var rng = CompiledEvaluatorTests.Records(seed: 99)
        let shapes = ["BB-2022-#######", "###########", "### #### ####", "###-####-####", "A#-##########",
                      "#################X", "##################", "中###########", "ID ###############", "#-###-###-####", "", "##"]
        var texts: [String] = []
        for _ in 0..<6000 {
            let shape = shapes[rng.below(shapes.count)]
            texts.append(String(shape.map { $0 == "#" ? Character(String(rng.below(10) == 0 ? 1 : rng.below(10))) : $0 }))
        }
        texts += ["13812345678", "BB-2022-0000001", "13812345678", "BB-2022-0000001", "110105194912310021", "138 1234 5678"]
        let writer = CompactTraceWriter(personal: [false, true])
        var out = TraceBytes(capacity: 64)
        defer { out.free() }
        for t in texts {
            for personal in [false, true] {
                out.removeAll()
                writer.putSafeText(t, personal: personal, &out)
                var c = Cursor(UnsafeRawBufferPointer(out.bytes))
                let kept = try XCTUnwrap(c.string())
                XCTAssertTrue(c.atEnd)
                XCTAssertEqual(kept, personal ? Privacy.mask(t) : Privacy.redact(t), "\(t) personal: \(personal)")
            }
        }
    }
}
