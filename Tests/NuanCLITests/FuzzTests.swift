import Foundation
import XCTest
@testable import NuanCLI
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// `nuan-fuzz`: its generator and mutators are deterministic, its assertions catch what they
/// are for, and a run over a clean corpus passes and leaves nothing behind.
final class FuzzTests: XCTestCase {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    func testSameSeedAndCaseGiveTheSameDraws() {
        var a = FuzzRandom(seed: 7, case: 3), b = FuzzRandom(seed: 7, case: 3), c = FuzzRandom(seed: 7, case: 4)
        let xs = (0..<8).map { _ in a.next() }
        XCTAssertEqual(xs, (0..<8).map { _ in b.next() })
        XCTAssertNotEqual(xs, (0..<8).map { _ in c.next() })
        var d = FuzzRandom(seed: 1)
        for _ in 0..<1000 { XCTAssertTrue((0..<5).contains(d.below(5))) }
        XCTAssertEqual(d.below(0), 0)
    }

    func testRulesMutationIsDeterministicAndNamesItsClasses() throws {
        let text = try XCTUnwrap(FileManager.default.contents(atPath: Self.root + "/Rules/bengbu-2022.rules"))
        func mutate(_ n: Int) -> ([UInt8], [FuzzClass]) {
            var m = RulesMutator(rng: FuzzRandom(seed: 1, case: n), enabled: { $0 != .deepNesting })
            return (m.mutate([UInt8](text)), m.applied)
        }
        for n in 0..<20 {
            let (x, cx) = mutate(n), (y, cy) = mutate(n)
            XCTAssertEqual(x, y)
            XCTAssertEqual(cx, cy)
            XCTAssertFalse(cx.isEmpty)
            XCTAssertFalse(cx.contains(.deepNesting))
        }
        XCTAssertNotEqual(mutate(1).0, mutate(2).0)
    }

    func testEveryMutationCanBeSkipped() throws {
        let text = try XCTUnwrap(FileManager.default.contents(atPath: Self.root + "/Rules/bengbu-2022.rules"))
        var m = RulesMutator(rng: FuzzRandom(seed: 3), enabled: { _ in false })
        XCTAssertEqual(m.mutate([UInt8](text)), [UInt8](text))
        var r = RecordMutator(rng: FuzzRandom(seed: 3), enabled: { _ in false })
        let line = r.jsonLine([("id", .string("A-1")), ("household_size", .number("2"))])
        XCTAssertEqual(String(decoding: line, as: UTF8.self), #"{"id":"A-1","household_size":2}"#)
        XCTAssertTrue(r.applied.isEmpty)
    }

    /// The row count the fuzzer expects is the README's reading of CSV, not the engine's.
    func testCSVRecordCountFollowsTheREADME() {
        func count(_ s: String) -> Int { CSVText.countRecords(Array(s.utf8)) }
        XCTAssertEqual(count("a,b\n1,2\n3,4\n"), 3)
        XCTAssertEqual(count("a,b\r1,2\r3,4"), 3, "CR-only endings")
        XCTAssertEqual(count("a,b\r\n1,2\r\n\r\n3,4\r\n"), 3, "CRLF and a blank line")
        XCTAssertEqual(count("a,b\n1,x\"y\n3,4\n"), 3, "a quote inside an unquoted cell is a literal")
        XCTAssertEqual(count("a,b\n1,\"x\ny\"\n3,4\n"), 3, "a quoted cell may hold a newline")
        XCTAssertEqual(count("a,b\n1,\"x\"\"\n\"\n"), 2, "doubled quotes inside a quoted cell")
        XCTAssertEqual(count("a,b\n  \n1,2"), 2, "spaces only: not a record")
    }

    func testGeneratedCSVKeepsItsCount() {
        var r = RecordMutator(rng: FuzzRandom(seed: 9), enabled: { $0 != .unclosedQuote && $0 != .gb18030 })
        for _ in 0..<50 {
            let (bytes, n) = r.csv(header: ["id", "name", "备注"], seeds: [["A-1", "张三", "x"], ["A-2", "李四", ""]], rows: 7)
            XCTAssertEqual(n, 7, String(decoding: bytes, as: UTF8.self))
        }
    }

    func testPersonalNumbersAreThoseWithAValidCheckDigit() {
        let text = "身份证 11010519491231002X、坏 110105194912310021、长 1101051949123100219、电话 13800000000、12345678901"
        XCTAssertEqual(FuzzValues.personalNumbers(in: Array(text.utf8)), ["11010519491231002X", "13800000000"])
        for id in FuzzValues.idNumbers { XCTAssertTrue(FuzzValues.isIDNumber(Substring(id).utf8), id) }
    }

    func testAssertionsCatchWhatTheyAreFor() {
        XCTAssertNotNil(FuzzChecks.leaked("家庭人口：应为整数（值：11010519491231002X）", ["11010519491231002X"]))
        XCTAssertNil(FuzzChecks.leaked("家庭人口：应为整数（值：110105********002X）", ["11010519491231002X"]))
        XCTAssertNotNil(FuzzChecks.rawControl("姓名 \u{1B}[31m"))
        XCTAssertNotNil(FuzzChecks.rawControl("a\rb"))
        XCTAssertNil(FuzzChecks.rawControl("a\tb\n"))
        XCTAssertNotNil(FuzzChecks.formulaCell("id,备注\nA,\"=HYPERLINK(\"\"x\"\")\"\n"))
        XCTAssertNotNil(FuzzChecks.formulaCell("id\n@SUM(1)\n"))
        XCTAssertNil(FuzzChecks.formulaCell("id,total\nA,-5.00\nB,'=1+2\n"))
        XCTAssertEqual(FuzzChecks.jsonLines("{\"status\":\"eligible\"}\n{\"status\":\"invalid\"}\n").count, 2)
        XCTAssertNotNil(FuzzChecks.jsonLines("{\"status\":\"eligible\"}\n{oops\n").bad)
    }

    /// A run whose mutations are all skipped decides the seeds as they are: every assertion
    /// holds, each case's folder is removed, and the same seed can replay one case.
    func testCleanRunPassesAndLeavesNoReproducer() throws {
        let fm = FileManager.default
        let dir = NSTemporaryDirectory() + "nuan-fuzz-test-\(UUID().uuidString)"
        try fm.createDirectory(atPath: dir + "/Tests/Fixtures/batch", withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: dir) }
        for f in ["impact.rules", "impact-archive.csv"] {
            try fm.copyItem(atPath: Self.root + "/Tests/Fixtures/batch/" + f, toPath: dir + "/Tests/Fixtures/batch/" + f)
        }
        // the one row with household size 0 is an invalid decision, not an abort; keep rows that
        // carry no personal numbers so the run is about counts, jobs and fmt
        let mutations = FuzzClass.allCases.filter { !$0.isAssertion }.map(\.rawValue).joined(separator: ",")
        let saved = fm.currentDirectoryPath
        defer { _ = fm.changeCurrentDirectoryPath(saved) }
        let (io, _, err) = IO.capture()
        let code = Fuzz.main(["--root", dir, "--seed", "5", "--iterations", "6", "--skip", mutations, "--out", dir + "/out"], io: io)
        XCTAssertEqual(code, .success, err())
        XCTAssertTrue(err().contains("6 cases"), err())
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: dir + "/out"), [])
        let (io2, _, err2) = IO.capture()
        XCTAssertEqual(Fuzz.main(["--root", dir, "--seed", "5", "--case", "4", "--skip", mutations, "--out", dir + "/out"], io: io2), .success)
        XCTAssertTrue(err2().contains("1 cases"), err2())
    }

    /// `--seconds` runs an open-ended sequence of cases (once it tried to build it as an array).
    func testSecondsBoundsTheRun() throws {
        let fm = FileManager.default
        let dir = NSTemporaryDirectory() + "nuan-fuzz-secs-\(UUID().uuidString)"
        try fm.createDirectory(atPath: dir + "/Tests/Fixtures/batch", withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: dir) }
        try fm.copyItem(atPath: Self.root + "/Tests/Fixtures/batch/impact.rules", toPath: dir + "/Tests/Fixtures/batch/impact.rules")
        let mutations = FuzzClass.allCases.filter { !$0.isAssertion }.map(\.rawValue).joined(separator: ",")
        let saved = fm.currentDirectoryPath
        defer { _ = fm.changeCurrentDirectoryPath(saved) }
        let (io, _, err) = IO.capture()
        let start = Date()
        XCTAssertEqual(Fuzz.main(["--root", dir, "--seconds", "1", "--skip", mutations, "--out", dir + "/out"], io: io), .success, err())
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
        XCTAssertTrue(err().contains("cases in"), err())
    }

    func testUnknownSkipClassIsAUsageError() {
        let (io, _, err) = IO.capture()
        XCTAssertEqual(Fuzz.main(["--skip", "no-such-class"], io: io), .usage)
        XCTAssertTrue(err().contains("no-such-class"))
    }
}
