import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// The three explanation levels carry the same rules in the same order, with less detail.
final class ExplainLevelTests: XCTestCase {
    func testBriefKeepsEveryRuleButNoValues() {
        let p = TestRules.compile("""
        福利 甲 = 1000 元/户 当 人均月收入 ≤ 低保标准 × 3 资金 [central_aid] 依据 "t 一"
        福利 乙 = 500 元/户 当 享受低保 资金 [central_aid] 依据 "t 二"
        """)
        let r = #"{"id":"a","region":"蚌埠市","household_size":1,"household_monthly_income":2100,"receives_dibao":false}"#
        let full = TestRules.decide(p, r, explain: .full)
        let brief = TestRules.decide(p, r, explain: .brief)
        XCTAssertEqual(full.explanation.map(\.rule), brief.explanation.map(\.rule))
        XCTAssertEqual(full.explanation.map(\.outcome), brief.explanation.map(\.outcome))
        XCTAssertEqual(full.explanation.map(\.citation), ["t 一", "t 二"])
        XCTAssertTrue(brief.explanation.allSatisfy { $0.values.isEmpty && $0.margins.isEmpty })
        // Full gives the margin in yuan, against the line and how it is made.
        XCTAssertEqual(full.explanation[0].margins, ["人均月收入 2100.00 元，超过上限 1980.00 元（低保标准 660.00 × 3）120.00 元"])
        XCTAssertTrue(full.explanation[0].values.contains("人均月收入 2100.00 ≤ 低保标准 660.00 × 3 = 1980.00 ✗"), "\(full.explanation[0].values)")
        XCTAssertTrue(TestRules.decide(p, r, explain: .none).explanation.isEmpty)
    }
}

/// At exactly the line the margin says so, for ≤ and < alike (issue 11: not "还差 0.00 元").
final class MarginAtTheLineTests: XCTestCase {
    func testExactlyAtTheCeilingOrFloor() {
        let p = TestRules.compile("""
        福利 甲 = 1000 元/户 当 人均月收入 ≤ 低保标准 × 3 资金 [central_aid] 依据 "t 一"
        福利 乙 = 500 元/户 当 人均月收入 < 低保标准 × 3 资金 [central_aid] 依据 "t 二"
        福利 丙 = 300 元/户 当 人均月收入 > 低保标准 × 3 资金 [central_aid] 依据 "t 三"
        """)
        let r = #"{"id":"a","region":"蚌埠市","household_size":1,"household_monthly_income":1980}"#
        let d = TestRules.decide(p, r, explain: .full)
        XCTAssertEqual(d.explanation[0].margins, ["人均月收入 1980.00 元，恰好等于上限 1980.00 元（低保标准 660.00 × 3）"])
        XCTAssertEqual(d.explanation[1].margins, ["人均月收入 1980.00 元，恰好等于上限 1980.00 元（低保标准 660.00 × 3），须低于上限"])
        XCTAssertEqual(d.explanation[2].margins, ["人均月收入 1980.00 元，恰好等于下限 1980.00 元（低保标准 660.00 × 3），须高于下限"])
        XCTAssertFalse(d.explanation.flatMap(\.margins).contains { $0.contains("0.00 元") && $0.contains("还差") })
    }
}

final class PeriodNoteTests: XCTestCase {
    func testAnApplicationOutsideThePeriodInForceIsPointedOut() {
        let p = TestRules.compile("""
        字段 application_date 申请日期 : 日期
        福利 甲 = 1000 元/户 当 享受低保 资金 [central_aid] 依据 "t 一"
        """)
        let late = TestRules.decide(p, #"{"id":"a","receives_dibao":true,"application_date":"2023-03-01"}"#)
        XCTAssertEqual(late.explanation.first?.kind, .note)
        XCTAssertTrue(late.explanation.first?.rule.contains("不在本规则的生效期间（2022-01-01 至 2022-12-31）") == true)
        XCTAssertEqual(late.status, .eligible)
        let inside = TestRules.decide(p, #"{"id":"a","receives_dibao":true,"application_date":"2022-03-01"}"#)
        XCTAssertNotEqual(inside.explanation.first?.kind, .note)
    }
}
