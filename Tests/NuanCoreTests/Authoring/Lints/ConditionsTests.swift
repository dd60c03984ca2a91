import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// Unit tests of the condition reading behind the lints (atoms, contradictions, intervals).
final class ConditionsTests: XCTestCase {
    func lints(_ body: String) -> [Diagnostic] {
        let text = TestRules.prelude + "资金 union_own \"本级工会经费\" 依据 \"测试\"\n" + body
        let loaded = RulesLoader.load(path: "test.rules", text: text)
        let (program, diags, used) = Checker.check(loaded.files)
        guard let program else { XCTFail(DiagnosticRenderer.render(diags)); return [] }
        return Lints.run(files: loaded.files, program: program, used: used)
    }

    func codes(_ body: String) -> [String] { lints(body).map(\.code).filter { $0 != "lint.unused" && $0 != "lint.no-citation" } }

    func benefit(_ condition: String) -> String {
        "福利 b = 100 元/户\n  当 \(condition)\n  资金 [union_own]\n  依据 \"测试\"\n"
    }

    func testContradictionsFound() {
        XCTAssertEqual(codes(benefit("建档类型 = deep 且 建档类型 = 相对困难")), ["lint.contradiction"])
        XCTAssertEqual(codes(benefit("人均月收入 ≤ 500 元 且 人均月收入 > 500 元")), ["lint.contradiction"])
        XCTAssertEqual(codes(benefit("人均月收入 < 低保标准 且 人均月收入 ≥ 低保标准")), ["lint.contradiction"])
        XCTAssertEqual(codes(benefit("建档类型 = 深度困难 且 建档类型 ≠ deep")), ["lint.contradiction"])
        XCTAssertEqual(codes(benefit("建档类型 = 深度困难 且 建档类型 不属于 [deep, 相对困难]")), ["lint.contradiction"])
        XCTAssertEqual(codes(benefit("享受低保 = 是 且 非 享受低保")), ["lint.contradiction"])
        XCTAssertEqual(codes(benefit("所属地区 = \"蚌埠市\" 且 所属地区 属于 [\"西宁市\"]")), ["lint.contradiction"])
    }

    func testSatisfiableConditionsPass() {
        XCTAssertEqual(codes(benefit("人均月收入 ≤ 500 元 且 人均月收入 ≥ 500 元")), [])
        XCTAssertEqual(codes(benefit("建档类型 = deep 或 建档类型 = 相对困难")), [])
        XCTAssertEqual(codes(benefit("人均月收入 < 低保标准 且 人均月收入 > 500 元")), [])
        XCTAssertEqual(codes(benefit("非 (享受低保 且 建档类型 = deep) 且 享受低保")), [])
        XCTAssertEqual(codes(benefit("致困原因 含 大病 且 致困原因 含 残疾")), [])
    }

    func testIntervalHullUnderOr() {
        let c = Conditions.Interval(high: Rational(integer: 1), highIncluded: false)
        let d = Conditions.Interval(low: Rational(integer: 2), lowIncluded: true)
        XCTAssertNil(c.hull(d).low)
        XCTAssertNil(c.hull(d).high)
        XCTAssertTrue(c.intersect(d).isEmpty)
        XCTAssertFalse(Conditions.Interval(low: .one, lowIncluded: true, high: .one, highIncluded: true).isEmpty)
    }

    func testOrHidesNoGap() {
        let body = """
        类别 deep 深度困难 当 人均月收入 < 低保标准 依据 "测试"
        类别 relative 相对困难 当 (人均月收入 < 低保标准 × 3 或 享受低保) 且 人均月收入 ≥ 低保标准 × 2 依据 "测试"
        """
        XCTAssertEqual(codes(body), ["lint.income-gap"])
        let covered = """
        类别 deep 深度困难 当 人均月收入 < 低保标准 依据 "测试"
        类别 relative 相对困难 当 人均月收入 < 低保标准 × 3 或 享受低保 依据 "测试"
        """
        XCTAssertEqual(codes(covered), [])
    }
}
