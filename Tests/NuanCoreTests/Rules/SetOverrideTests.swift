import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// `--set`: a figure passes the checks a figure in a rules file passes; a table row is named by
/// any of its keys and reaches records that name the region any way the contract allows; an
/// unknown row is an error listing the rows. Arithmetic that does not fit makes the record
/// `invalid`, naming what overflowed — never a trap, never a total short of a part.
final class SetOverrideTests: XCTestCase {
    static let bengbu = Golden.rootURL.appendingPathComponent("Rules/bengbu-2022.rules").path

    func compile(_ sets: [(String, String)]) -> (CheckedProgram?, [Diagnostic]) {
        Nuan.compile(path: Self.bengbu, overrides: sets.map { (name: $0.0, value: $0.1) })
    }

    func record(region: String) -> [UInt8] {
        Array(#"{"id":"X","name":"甲","region":"\#(region)","application_date":"2022-01-05","household_size":3,"household_monthly_income":1800,"rigid_monthly_expenses":600,"hardship_causes":["serious_illness"],"archive_type":"deep","archive_level":"national"}"#.utf8)
    }

    /// The 低保 row the decision used, as its explanation shows it.
    func lineShown(_ p: CheckedProgram, region: String) -> String? {
        let d = Nuan.screen(p, json: record(region: region), explain: .full)
        func lines(_ e: ExplanationEntry) -> [String] { [e.rule] + e.values + e.margins + e.children.flatMap(lines) }
        let text = d.explanation.flatMap(lines).joined(separator: "\n")
        return text.range(of: #"低保标准\[[^\]]*\] = [0-9.]+"#, options: .regularExpression).map { String(text[$0]) }
    }

    func testBadFiguresAreRefused() {
        for (value, fragment) in [("-4611686018427387904", "为负"), ("-1", "为负"), ("0", "必须大于 0"), ("0.0000001", "精确到分以下"),
                                  ("600.001", "精确到分以下")] {
            let (p, diags) = compile([("低保标准", value)])
            XCTAssertNil(p, value)
            XCTAssertEqual(diags.map(\.code), ["set.value"], value)
            XCTAssertTrue(diags.first?.message.contains(fragment) ?? false, diags.first?.message ?? "")
            XCTAssertTrue(diags.first?.message.contains(value) ?? false, "the figure as written: \(diags.first?.message ?? "")")
        }
        XCTAssertEqual(compile([("一次性帮扶收入倍数", "-3")]).1.map(\.code), ["set.value"])
        XCTAssertNotNil(compile([("低保标准", "600.50")]).0)
        XCTAssertNotNil(compile([("一次性帮扶收入倍数", "2.125")]).0, "a multiplier is not money: any exact decimal")
    }

    func testARowKeyReachesEveryWayOfNamingTheRegion() throws {
        for key in ["蚌埠市", "340300", "蚌埠"] {
            let p = try XCTUnwrap(compile([("低保标准[\(key)]", "600")]).0, key)
            for region in ["蚌埠市", "340300", "蚌埠", "340302"] {
                XCTAssertEqual(lineShown(p, region: region), "低保标准[蚌埠市] = 600.00", "--set [\(key)], record region \(region)")
            }
        }
        let shipped = try XCTUnwrap(compile([]).0)
        for region in ["340300", "蚌埠", "340302"] {
            XCTAssertEqual(lineShown(shipped, region: region), "低保标准[蚌埠市] = 660.00", region)
        }
    }

    func testAnUnknownRowIsAnErrorListingTheRows() {
        let (p, diags) = compile([("低保标准[合肥市]", "600")])
        XCTAssertNil(p)
        XCTAssertEqual(diags.map(\.code), ["set.row"])
        XCTAssertEqual(DiagnosticRenderer.render(diags),
                       "<命令行>: error: --set：表 低保标准 没有 “合肥市” 这一行；已有的行：蚌埠市 | 340300，哈尔滨市 | 230100，依兰县 | 230123 | 方正县 | 230124 | 宾县 | 230125 | 巴彦县 | 230126 | 木兰县 | 230127 | 通河县 | 230128 | 延寿县 | 230129 | 尚志市 | 230183 | 五常市 | 230184，西宁市 | 630100，梧州市 | 450400，乐山市 | 511100 [set.row]\n")
        XCTAssertEqual(DiagnosticRenderer.render(diags, english: true),
                       "<command line>: error: --set: the table 低保标准 has no row “合肥市”; its rows are: 蚌埠市 | 340300, 哈尔滨市 | 230100, 依兰县 | 230123 | 方正县 | 230124 | 宾县 | 230125 | 巴彦县 | 230126 | 木兰县 | 230127 | 通河县 | 230128 | 延寿县 | 230129 | 尚志市 | 230183 | 五常市 | 230184, 西宁市 | 630100, 梧州市 | 450400, 乐山市 | 511100 [set.row]\n")
        XCTAssertEqual(compile([("一次性帮扶收入倍数[蚌埠市]", "3")]).1.map(\.code), ["set.row"])
    }

    func testAHugeLineMakesTheRecordInvalidNamingTheScoreNotATrap() throws {
        let p = try XCTUnwrap(compile([("低保标准", "4611686018427387904")]).0)
        let d = Nuan.screen(p, json: record(region: "蚌埠市"), explain: .full)
        XCTAssertEqual(d.status, .invalid)
        XCTAssertEqual(d.errors.map(\.field), ["score"])
        XCTAssertTrue(d.errors[0].reason.contains("超出可计算的范围"), d.errors[0].reason)
    }

    func testATotalThatDoesNotFitIsInvalidNotShort() throws {
        let rules = """
        规则 "溢出"
        字段 id 申请编号 : 文本
        福利 甲 = 5000000000000000000 元/户 依据 "x"
        福利 乙 = 5000000000000000000 元/户 依据 "x"
        评分 分 { 甲项 权重 9000000000000000000 = 2 }
        """
        let p = try XCTUnwrap(Nuan.compile(path: "overflow.rules", text: rules).0)
        let d = Nuan.screen(p, json: Array(#"{"id":"A"}"#.utf8))
        XCTAssertEqual(d.status, .invalid)
        XCTAssertEqual(Set(d.errors.map(\.field)), ["total_amount", "score"])
        XCTAssertEqual(d.totalAmount, .zero)
    }

    func testAFigureMayCarryItsUnitButNothingElse() throws {
        for text in ["750", "750 元/月", "750元/月", "750元"] {
            let (p, d) = compile([("低保标准", text)])
            XCTAssertNotNil(p, "\(text): \(DiagnosticRenderer.render(d))")
            XCTAssertEqual(p?.overrides, ["低保标准=750"], text)
        }
        for text in ["750 abc", "750倍", "750 人"] {
            let (p, d) = compile([("低保标准", text)])
            XCTAssertNil(p, text)
            XCTAssertTrue(d.contains { $0.code == "set.value" }, "\(text): \(DiagnosticRenderer.render(d))")
        }
    }
}
