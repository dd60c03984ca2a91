import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// Hit policies of benefit groups, exceptions (a general rule and its exception), and amounts
/// the notice leaves to the paying office.
final class HitPolicyTests: XCTestCase {
    func program(_ policy: String) -> CheckedProgram {
        TestRules.compile("""
        字段 leader_visit 领导走访 : 是否 默认 否
        福利组 测 命中 \(policy) {
          福利 甲 = 1000 元/户 当 享受低保 资金 [central_aid] 依据 "t 一"
          福利 乙 = 2000 元/户 当 家庭人口 ≥ 2 资金 [central_aid] 依据 "t 二"
          福利 丙 = 待定 当 建档类型 = 深度困难 资金 [central_aid] 依据 "t 三"
        }
        """)
    }

    let all3 = #"{"id":"a","receives_dibao":true,"household_size":3,"archive_type":"deep"}"#

    func testAllGrantsEveryMatchAndKeepsOpenAmounts() {
        let d = TestRules.decide(program("全部"), all3)
        XCTAssertEqual(d.awards.map(\.benefit), ["甲", "乙", "丙"])
        XCTAssertEqual(d.awards.map { $0.amount?.formatted() }, ["1000.00", "2000.00", nil])
        XCTAssertEqual(d.totalAmount, Rational(integer: 3000))
        XCTAssertTrue(d.explanation.contains { $0.result?.contains("发放单位确定") == true })
    }

    func testFirstGrantsTheFirstMatchInOrder() {
        XCTAssertEqual(TestRules.decide(program("首个"), all3).awards.map(\.benefit), ["甲"])
        let noDibao = #"{"id":"a","receives_dibao":false,"household_size":3,"archive_type":"deep"}"#
        XCTAssertEqual(TestRules.decide(program("首个"), noDibao).awards.map(\.benefit), ["乙"])
        // The first rule unknown: which one applies is not settled yet.
        let unknownFirst = #"{"id":"a","household_size":3,"archive_type":"deep"}"#
        let d = TestRules.decide(program("首个"), unknownFirst)
        XCTAssertEqual(d.status, .undetermined)
        XCTAssertEqual(d.missing, ["receives_dibao"])
    }

    func testHighestGrantsTheLargestAmount() {
        XCTAssertEqual(TestRules.decide(program("最高"), all3).awards.map(\.benefit), ["乙"])
    }

    func testUniqueReportsBothRulesWhenTwoMatch() {
        let d = TestRules.decide(program("唯一"), all3)
        XCTAssertEqual(d.status, .invalid)
        XCTAssertTrue(d.errors[0].reason.contains("“甲”与“乙”与“丙”") || d.errors[0].reason.contains("“甲”与“乙”"), d.errors[0].reason)
        let one = #"{"id":"a","receives_dibao":false,"household_size":1,"archive_type":"none"}"#
        XCTAssertEqual(TestRules.decide(program("唯一"), one).status, .ineligible)
    }

    func testExceptionReplacesTheGeneralAmount() {
        let p = TestRules.compile("""
        字段 leader_visit 领导走访 : 是否 默认 否
        福利 送温暖 = 1000 元/户 当 建档类型 = 深度困难 资金 [central_aid] 依据 "t"
          除非 领导走访 则 2000 元/户 依据 "t 括注"
          除非 享受低保 则 不发 依据 "t 另"
        """)
        let base = TestRules.decide(p, #"{"id":"a","archive_type":"deep","receives_dibao":false}"#)
        XCTAssertEqual(base.totalAmount, Rational(integer: 1000))
        let visited = TestRules.decide(p, #"{"id":"a","archive_type":"deep","leader_visit":true,"receives_dibao":false}"#)
        XCTAssertEqual(visited.totalAmount, Rational(integer: 2000))
        XCTAssertEqual(visited.explanation.first { $0.kind == .benefit }?.children.first?.outcome, .met)
        let withheld = TestRules.decide(p, #"{"id":"a","archive_type":"deep","receives_dibao":true}"#)
        XCTAssertEqual(withheld.status, .ineligible)
        // An exception that cannot be settled leaves the amount open.
        let open = TestRules.decide(p, #"{"id":"a","archive_type":"deep"}"#)
        XCTAssertEqual(open.status, .undetermined)
        XCTAssertEqual(open.missing, ["receives_dibao"])
    }

    func testScoreSumsWeightedParts() {
        let p = TestRules.compile("""
        评分 优先分 {
          大病 权重 30 当 致困原因 含 大病
          收入 权重 10 = 限于((低保标准 × 3 - 人均月收入) / 低保标准, 0, 3)
        }
        """)
        let d = TestRules.decide(p, #"{"id":"a","region":"蚌埠市","household_size":1,"household_monthly_income":660,"hardship_causes":["serious_illness"]}"#)
        XCTAssertEqual(d.score, Rational(integer: 50))   // 30 + 10 × (1980 − 660) / 660 = 30 + 20
        let unknown = TestRules.decide(p, #"{"id":"a","region":"蚌埠市","household_size":1,"household_monthly_income":660}"#)
        XCTAssertNil(unknown.score)
        let parts = d.explanation.first { $0.kind == .score }?.children.map(\.rule)
        XCTAssertEqual(parts, ["大病", "收入"])
    }
}
