import Foundation
import XCTest
@testable import NuanCLI
@testable import NuanSupport
@testable import NuanTools
@testable import NuanProgram

/// `nuan roster` end to end: allocate the sample archive, then the roster, the 公示 list and
/// the printable page.
final class RosterCommandTests: XCTestCase {
    static let rules = AllocateCommandTests.rules
    static let archive = AllocateCommandTests.archive
    var dir: URL!

    override func setUp() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-roster-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let (io, _, err) = IO.capture()
        XCTAssertEqual(CLI.main(["allocate", "--rules", Self.rules, "--in", Self.archive, "--budget", "central_aid=3000",
                                 "--budget", "local_finance=1000", "--out", path("allocation.json")], io: io), .success, err())
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func roster(_ extra: [String], out: String = "roster.csv") -> (ExitCode, String, String) {
        let (io, _, e) = IO.capture()
        let code = CLI.main(["roster", "--rules", Self.rules, "--in", Self.archive, "--allocation", path("allocation.json"), "--out", path(out)] + extra, io: io)
        return (code, (try? String(contentsOfFile: path(out), encoding: .utf8)) ?? "", e())
    }

    func testRosterLinesTotalsAndMaskedNumbers() {
        let (code, csv, err) = roster([])
        XCTAssertEqual(code, .success, err)
        let lines = csv.components(separatedBy: "\r\n")
        XCTAssertEqual(lines[0], "序号,申请编号,姓名,工作单位,基本情况,联系方式,身份证号,慰问金额,资金来源,项目,经办人签字")
        XCTAssertEqual(lines[1], "1,BB-2022-0001,张三,蚌埠某纺织厂,深度困难；大病；农民工,138****0000,340302********1015,1000.00,中央财政专项帮扶资金（central_aid）,建档困难职工送温暖帮扶金,")
        XCTAssertEqual(lines[4], "小计,,,,,,,2000.00,中央财政专项帮扶资金（central_aid）,2 笔,")
        XCTAssertEqual(lines[5], "小计,,,,,,,1000.00,地方财政专项送温暖资金（local_finance）,1 笔,")
        XCTAssertEqual(lines[6], "合计,,,,,,,3000.00,,3 笔,")
        let digest = Nuan.compile(path: Self.rules).0!.chainSHA256
        XCTAssertEqual(lines[7], "规则,\(digest),蚌埠市2022年元旦春节帮扶解困送温暖 2022.1,,,,,,,,")
        XCTAssertFalse(csv.contains("340302197503121015"))
        XCTAssertFalse(csv.contains("13800000000"))
    }

    func testUnmaskShowsTheFullNumbers() {
        let (_, csv, _) = roster(["--unmask"])
        XCTAssertTrue(csv.contains(",13800000000,340302197503121015,1000.00,"), csv)
    }

    func testPublicListHasNoNumbers() {
        let (code, csv, _) = roster(["--public"])
        XCTAssertEqual(code, .success)
        XCTAssertEqual(csv.components(separatedBy: "\r\n").prefix(5), ["序号,姓名,困难类别,慰问金额,资金来源",
                                                                       "1,张*,深度困难,1000.00,中央财政专项帮扶资金",
                                                                       "2,钱*,相对困难,1000.00,地方财政专项送温暖资金",
                                                                       "3,吴*,意外致困,1000.00,中央财政专项帮扶资金",
                                                                       "合计,,3 笔,3000.00,"])
        XCTAssertFalse(csv.contains("340302"))
        XCTAssertFalse(csv.contains("138"))
        XCTAssertEqual(PaperMask.publicName("欧阳小明"), "欧**明")
        XCTAssertEqual(PaperMask.publicName("王小明"), "王*明")
    }

    func testPrintablePageIsA4WithRepeatedHeader() {
        let (code, html, _) = roster([], out: "roster.html")
        XCTAssertEqual(code, .success)
        XCTAssertTrue(html.contains("@page { size: A4 landscape;"))
        XCTAssertTrue(html.contains("thead { display: table-header-group; }"))
        XCTAssertTrue(html.contains("<thead><tr><th>序号</th>"))
        XCTAssertTrue(html.contains("<td class=\"num\">3000.00</td>"))
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("340302197503121015"))
    }

    func testAllocationUnderOtherRulesIsRefused() throws {
        var json = try String(contentsOfFile: path("allocation.json"), encoding: .utf8)
        json = json.replacingOccurrences(of: "\"sha256\": \"", with: "\"sha256\": \"0000")
        try json.write(toFile: path("allocation.json"), atomically: true, encoding: .utf8)
        let (code, _, err) = roster([])
        XCTAssertEqual(code, .usage)
        XCTAssertTrue(err.contains("分配结果出自另一份规则"), err)
    }

    func testDecisionsInsteadOfAnArchiveAreRefused() {
        let (io, _, _) = IO.capture()
        _ = CLI.main(["batch", "--rules", Self.rules, "--in", Self.archive, "--out", path("d.jsonl")], io: io)
        let (io2, _, err) = IO.capture()
        XCTAssertEqual(CLI.main(["roster", "--rules", Self.rules, "--in", path("d.jsonl"), "--allocation", path("allocation.json"),
                                 "--out", path("r.csv")], io: io2), .usage)
        XCTAssertTrue(err().contains("--in 没有姓名和身份证号"), err())
    }
}
