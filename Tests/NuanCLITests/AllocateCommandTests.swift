import Foundation
import XCTest
@testable import NuanCLI
@testable import NuanSupport
@testable import NuanTools

/// `nuan allocate` end to end on the sample archive, in process.
final class AllocateCommandTests: XCTestCase {
    static let root = CheckCommandTests.root
    static let rules = root.appendingPathComponent("Rules/bengbu-2022.rules").path
    static let archive = root.appendingPathComponent("Rules/examples/bengbu-archive.csv").path
    var dir: URL!

    override func setUp() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-allocate-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    func run(_ argv: [String]) -> (ExitCode, String, String) {
        let (io, out, err) = IO.capture()
        let code = CLI.main(["allocate"] + argv, io: io)
        return (code, out(), err())
    }

    /// A household set aside as a duplicate is told which 申请编号 was paid first; when that
    /// 申请编号 is itself an ID number it is masked there too (found by nuan-fuzz, seed 61).
    func testADuplicateNamesTheFirstHolderMasked() throws {
        let record = #"{"id":"ID","name":"甲","id_number":"340302197806150323","region":"蚌埠市","household_size":1,"household_monthly_income":500,"hardship_causes":["serious_illness"],"archive_type":"none","archive_level":"none"}"#
        let archive = dir.appendingPathComponent("a.jsonl").path
        let lines = [record.replacingOccurrences(of: #""id":"ID""#, with: #""id":"440524188001010014""#),
                     record.replacingOccurrences(of: #""id":"ID""#, with: #""id":"B-2""#)]
        XCTAssertTrue(FileManager.default.createFile(atPath: archive, contents: Data((lines.joined(separator: "\n") + "\n").utf8)))
        for name in ["a.json", "a.csv"] {
            let out = dir.appendingPathComponent(name).path
            let (code, _, err) = run(["--rules", Self.rules, "--in", archive, "--budget", "local_finance=10000", "--out", out])
            XCTAssertEqual(code, .success, err)
            let text = try String(contentsOfFile: out, encoding: .utf8)
            XCTAssertTrue(text.contains("同一身份证号已在 440524********0014"), text)
            XCTAssertFalse(text.contains("440524188001010014"), text)
        }
        // The roster finds the household whose 申请编号 the allocation wrote masked (seed 61).
        let (io, _, err) = IO.capture()
        let roster = dir.appendingPathComponent("r.csv").path
        XCTAssertEqual(CLI.main(["roster", "--rules", Self.rules, "--in", archive, "--allocation", dir.appendingPathComponent("a.json").path,
                                 "--out", roster], io: io), .success, err())
        let paper = try String(contentsOfFile: roster, encoding: .utf8)
        XCTAssertTrue(paper.contains("440524********0014"), paper)
        XCTAssertFalse(paper.contains("440524188001010014"), paper)
    }

    func testSampleArchiveUnderATightBudget() throws {
        let out = dir.appendingPathComponent("a.csv").path
        let (code, summary, err) = run(["--rules", Self.rules, "--in", Self.archive, "--budget", "central_aid=1000",
                                        "--budget", "local_finance=1000", "--out", out])
        XCTAssertEqual(code, .success, err)
        XCTAssertTrue(summary.hasPrefix("已安排：2 户\n候补：3 户\n金额待定：1 户\n"), summary)
        let csv = try String(contentsOfFile: out, encoding: .utf8)
        let lines = csv.components(separatedBy: "\r\n")
        XCTAssertEqual(lines[0], "rank,id,name,score,status,benefit,amount,fund,note")
        XCTAssertEqual(lines[1], "1,BB-2022-0001,张三,48.94,funded,建档困难职工送温暖帮扶金,1000.00,central_aid,")
        XCTAssertTrue(lines[4].hasSuffix("再增加 local_finance 1000.00 元可覆盖"), lines[4])
        XCTAssertTrue(csv.contains("\r\nfund,budget,spent,left\r\ncentral_aid,1000.00,1000.00,0.00\r\nlocal_finance,1000.00,1000.00,0.00\r\n"), csv)
        XCTAssertFalse(csv.contains("340302"), "no ID number in an allocation")
    }

    /// The "再增加" amount printed for a waitlisted household reaches it when added.
    func testExtraAmountFromTheOutputReachesTheHousehold() throws {
        let out = dir.appendingPathComponent("a.json").path
        _ = run(["--rules", Self.rules, "--in", Self.archive, "--budget", "central_aid=1000", "--budget", "local_finance=1000", "--out", out])
        let json = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(json.contains("\"id\": \"BB-2022-0004\""), json)
        XCTAssertTrue(json.contains("{\"fund\": \"local_finance\", \"amount\": \"2000.00\", \"text\": \"再增加 local_finance 2000.00 元可覆盖\"}"), json)
        let again = dir.appendingPathComponent("b.json").path
        _ = run(["--rules", Self.rules, "--in", Self.archive, "--budget", "central_aid=1000", "--budget", "local_finance=3000", "--out", again])
        let json2 = try String(contentsOfFile: again, encoding: .utf8)
        XCTAssertTrue(json2.contains("\"id\": \"BB-2022-0004\", \"name\": \"赵六\", \"score\": \"10\", \"status\": \"funded\""), json2)
    }

    func testBadBudgetsAreUsageErrors() {
        for (budget, message) in [("nope=5", "规则文件没有资金 “nope”"), ("central_aid=-1", "预算应为不小于 0"),
                                  ("central_aid=1.234", "最多两位小数"), ("central_aid", "--budget 应写成 资金=金额")] {
            let (code, _, err) = run(["--rules", Self.rules, "--in", Self.archive, "--budget", budget, "--out", dir.appendingPathComponent("x.csv").path])
            XCTAssertEqual(code, .usage)
            XCTAssertTrue(err.contains(message), err)
        }
    }

    func testWorkbookOutputHasTwoSheets() throws {
        let out = dir.appendingPathComponent("a.xlsx").path
        let (code, _, err) = run(["--rules", Self.rules, "--in", Self.archive, "--budget", "central_aid=5000", "--out", out])
        XCTAssertEqual(code, .success, err)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        XCTAssertEqual(Array(bytes.prefix(2)), [0x50, 0x4B])
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("xl/worksheets/sheet2.xml"))
        // --format picks the kind whatever the extension
        let named = dir.appendingPathComponent("a.out").path
        XCTAssertEqual(run(["--rules", Self.rules, "--in", Self.archive, "--budget", "central_aid=5000", "--out", named, "--format", "json"]).0, .success)
        XCTAssertTrue(try String(contentsOfFile: named, encoding: .utf8).hasPrefix("{\n  \"rules\": {"))
    }

    /// Archives as offices save them: GB18030 CSV and the workbook give the UTF-8 CSV's result;
    /// a misspelt column stops the run with a did-you-mean, as in `nuan batch`.
    func testArchiveEncodingsAndHeaderCheck() throws {
        var outputs: [String] = []
        for archive in [Self.archive, Self.root.appendingPathComponent("Tests/Fixtures/batch/bengbu-archive.gb18030.csv").path,
                        Self.root.appendingPathComponent("Rules/examples/bengbu-archive.xlsx").path] {
            let out = dir.appendingPathComponent("e.json").path
            let (code, _, err) = run(["--rules", Self.rules, "--in", archive, "--budget", "central_aid=1000", "--budget", "local_finance=1000", "--out", out])
            XCTAssertEqual(code, .success, err)
            outputs.append(try String(contentsOfFile: out, encoding: .utf8))
        }
        XCTAssertEqual(outputs[1], outputs[0])
        XCTAssertEqual(outputs[2], outputs[0])
        let text = try String(contentsOfFile: Self.archive, encoding: .utf8).replacingOccurrences(of: "家庭人口", with: "家庭人数")
        let bad = dir.appendingPathComponent("bad.csv").path
        try text.write(toFile: bad, atomically: true, encoding: .utf8)
        let (code, _, err) = run(["--rules", Self.rules, "--in", bad, "--budget", "central_aid=1000", "--out", dir.appendingPathComponent("x.csv").path])
        XCTAssertEqual(code, .usage)
        XCTAssertTrue(err.contains("是不是 “家庭人口”"), err)
    }
}
