import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// The guards around a decision: the 辖区 (`辖区 "…" 地区 [..]`), record-validity rules
/// (`无效`), the warnings (`period`, `unconfirmed`) and the 统计表's title (`统计表`).
final class GuardsTests: XCTestCase {
    static let guarded = """
    规则 "辖区测试"
      辖区 "蚌埠市总工会" 地区 [蚌埠市]
      生效 2022-01-01 至 2022-01-31
      统计表 "2022年元旦春节期间各级工会送温暖统计表"
    字段 id 申请编号 : 文本
    字段 region 所属地区 : 文本
    字段 application_date 申请日期 : 日期
    字段 archive_type 建档类型 : 选项 { none 未建档, deep 深度困难 }
    字段 archive_level 建档层级 : 选项 { none 未建档, national 全国 }
    字段 household_monthly_income 家庭月收入 : 金额 至少 0
    资金 central_aid "中央财政专项帮扶资金"
    参数 低保标准 : 元/月 按 所属地区 {
      蚌埠市 | 340300 = 660 元/月 依据 "测试" 未确认
    }
    无效 建档信息矛盾
      当 (建档类型 ≠ 未建档 且 建档层级 = 未建档) 或 (建档类型 = 未建档 且 建档层级 ≠ 未建档)
      提示 "建档类型与建档层级矛盾"
      依据 "测试 一"
    福利 甲 = 1000 元/户 当 家庭月收入 < 低保标准 资金 [central_aid] 依据 "测试 二"

    """

    func compile(_ text: String) -> CheckedProgram {
        let (p, d) = Nuan.compile(path: "g.rules", text: text)
        XCTAssertNotNil(p, DiagnosticRenderer.render(d))
        return p ?? TestRules.fallback
    }

    func decide(_ p: CheckedProgram, _ json: String) -> Decision {
        Nuan.screen(p, json: Array(json.utf8), explain: .none)
    }

    func testARegionOutsideTheJurisdictionIsInvalidNamingBoth() {
        let p = compile(Self.guarded)
        XCTAssertEqual(p.regionCodes, ["340300"])
        let d = decide(p, #"{"id":"a","region":"哈尔滨市","archive_type":"none","archive_level":"none","household_monthly_income":100}"#)
        XCTAssertEqual(d.status, .invalid)
        XCTAssertEqual(d.errors.map(\.message), ["所属地区：哈尔滨市 不在本规则辖区（蚌埠市）内"])
        XCTAssertTrue(d.awards.isEmpty)
        XCTAssertEqual(d.category, "undetermined", "not decided under these rules: no category is counted")
    }

    func testDistrictsShortFormsAndCodesInsideAreAccepted() {
        let p = compile(Self.guarded)
        for region in ["蚌埠市", "蚌埠", "340300", "340302", "怀远县"] {
            let d = decide(p, #"{"id":"a","region":"\#(region)","archive_type":"none","archive_level":"none","household_monthly_income":100}"#)
            XCTAssertEqual(d.status, .eligible, "\(region): \(d.errors.map(\.message))")
        }
    }

    func testAnUnknownRegionIsInvalidWithAHintAndAMissingOneIsNot() {
        let p = compile(Self.guarded)
        let d = decide(p, #"{"id":"a","region":"火星市","archive_type":"none","archive_level":"none","household_monthly_income":100}"#)
        XCTAssertEqual(d.status, .invalid)
        XCTAssertTrue(d.errors[0].message.contains("火星市 无法识别") && d.errors[0].message.contains("六位行政区划代码"), d.errors[0].message)
        // No region: the 低保 row is unknown, so the benefit waits on it (unknown is not invalid).
        let m = decide(p, #"{"id":"a","archive_type":"none","archive_level":"none","household_monthly_income":100}"#)
        XCTAssertEqual(m.status, .undetermined)
        XCTAssertEqual(m.missing, ["region"])
    }

    func testNoRegionsDeclaredMeansNoCheckAndAChildReplacesTheParents() throws {
        let open = compile(Self.guarded.replacingOccurrences(of: " 地区 [蚌埠市]", with: ""))
        XCTAssertEqual(decide(open, #"{"id":"a","region":"哈尔滨市","archive_type":"none","archive_level":"none"}"#).errors, [])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("guards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.guarded.write(to: dir.appendingPathComponent("base.rules"), atomically: true, encoding: .utf8)
        let child = "规则 \"子\"\n  辖区 \"黑龙江省总工会\" 地区 [黑龙江省]\n  继承 \"base.rules\"\n"
        try child.write(to: dir.appendingPathComponent("child.rules"), atomically: true, encoding: .utf8)
        let (p, diags) = Nuan.compile(path: dir.appendingPathComponent("child.rules").path)
        let program = try XCTUnwrap(p, DiagnosticRenderer.render(diags))
        XCTAssertEqual(program.regionCodes, ["230000"])
        XCTAssertEqual(program.statTable, "2022年元旦春节期间各级工会送温暖统计表", "inherited when the child names none")
        XCTAssertEqual(decide(program, #"{"id":"a","region":"哈尔滨市","archive_type":"none","archive_level":"none"}"#).errors, [])
        XCTAssertEqual(decide(program, #"{"id":"a","region":"蚌埠市","archive_type":"none","archive_level":"none"}"#).status, .invalid)
    }

    func testAValidityRuleThatHoldsMakesTheRecordInvalidNamingItsFields() {
        let p = compile(Self.guarded)
        let d = decide(p, #"{"id":"a","region":"蚌埠市","archive_type":"deep","archive_level":"none","household_monthly_income":100}"#)
        XCTAssertEqual(d.status, .invalid)
        XCTAssertEqual(d.errors.count, 1)
        XCTAssertEqual(d.errors[0].field, "建档类型、建档层级")
        XCTAssertTrue(d.errors[0].reason.hasPrefix("建档类型与建档层级矛盾（无效规则 建档信息矛盾，依据 测试 一）"), d.errors[0].reason)
        // Unknown (the level not given) has no effect.
        let u = decide(p, #"{"id":"a","region":"蚌埠市","archive_type":"deep","household_monthly_income":100}"#)
        XCTAssertEqual(u.status, .eligible)
    }

    func testAChildMayOverrideOrAddAValidityRule() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("guards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.guarded.write(to: dir.appendingPathComponent("base.rules"), atomically: true, encoding: .utf8)
        let child = "规则 \"子\"\n  继承 \"base.rules\"\n"
            + "覆盖 无效 建档信息矛盾 当 建档类型 = 深度困难 且 建档层级 = 未建档 提示 \"只查一边\" 依据 \"测试\"\n"
            + "invalid_when 收入过高 when 家庭月收入 > 100000 元 message \"收入有误\" source \"测试\"\n"
        try child.write(to: dir.appendingPathComponent("child.rules"), atomically: true, encoding: .utf8)
        let (p, diags) = Nuan.compile(path: dir.appendingPathComponent("child.rules").path)
        let overridden = try XCTUnwrap(p, DiagnosticRenderer.render(diags))
        XCTAssertEqual(overridden.validityRules.map(\.name), ["建档信息矛盾", "收入过高"])
        XCTAssertEqual(decide(overridden, #"{"id":"a","region":"蚌埠市","archive_type":"none","archive_level":"national","household_monthly_income":100}"#).status, .eligible)
        let high = decide(overridden, #"{"id":"a","region":"蚌埠市","archive_type":"none","archive_level":"none","household_monthly_income":200000}"#)
        XCTAssertEqual(high.errors.map(\.field), ["家庭月收入"])
    }

    func testWarningsForAnApplicationDateOutsideThePeriodAndAnUnconfirmedFigure() {
        let p = compile(Self.guarded)
        let inside = decide(p, #"{"id":"a","region":"蚌埠市","application_date":"2022-01-10","archive_type":"none","archive_level":"none","household_monthly_income":100}"#)
        XCTAssertEqual(inside.warnings.map(\.code), ["unconfirmed"])
        let outside = decide(p, #"{"id":"a","region":"蚌埠市","application_date":"2023-03-01","archive_type":"none","archive_level":"none","household_monthly_income":100}"#)
        XCTAssertEqual(outside.status, .eligible, "a warning does not change the decision")
        XCTAssertEqual(outside.warnings.map(\.code), ["period", "unconfirmed"])
        XCTAssertTrue(outside.warnings[0].message.contains("2023-03-01") && outside.warnings[0].message.contains("2022-01-01 至 2022-01-31"))
        // The figure is not used when the record's region has no row: no warning.
        let none = decide(p, #"{"id":"a","archive_type":"none","archive_level":"none","household_monthly_income":100}"#)
        XCTAssertEqual(none.warnings, [])
        // JSON: full and compact carry them, where the contract puts them (after errors).
        for compact in [false, true] {
            let json = DecisionJSON(program: p, compact: compact).render(outside)
            XCTAssertTrue(json.contains(#""errors":[],"warnings":[{"code":"period","message":"#), json)
        }
        XCTAssertTrue(DecisionText(program: p).render(outside).contains("提示：\n  ! 申请日期 2023-03-01"))
    }

    func testTheStatisticsTableIsTitledByTheHeaderOrSaysNoneWasNamed() {
        let p = compile(Self.guarded)
        var r = BatchReport(program: p)
        r.add(decide(p, #"{"id":"a","region":"蚌埠市","application_date":"2023-03-01","archive_type":"none","archive_level":"none","household_monthly_income":100}"#))
        XCTAssertTrue(r.json().contains(#""table": "2022年元旦春节期间各级工会送温暖统计表""#) || r.json().contains(#""table":"2022年元旦春节期间各级工会送温暖统计表""#), r.json())
        XCTAssertEqual(r.warningCounts, ["period": 1, "unconfirmed": 1])
        XCTAssertTrue(r.text().contains("提示：申请日期不在生效期内 1，用到未确认的数值 1"), r.text())
        XCTAssertTrue(HTMLReport.render(r).contains("表名：2022年元旦春节期间各级工会送温暖统计表"))
        let bare = compile(Self.guarded.replacingOccurrences(of: "  统计表 \"2022年元旦春节期间各级工会送温暖统计表\"\n", with: ""))
        XCTAssertEqual(BatchReport(program: bare).statTableName, "送温暖统计表（规则文件未指明通知附表；栏目按梧州2018附件1）")
    }
}
