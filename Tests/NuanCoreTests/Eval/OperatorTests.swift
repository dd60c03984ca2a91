import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// Every operator of the language, evaluated through a benefit's condition.
final class OperatorTests: XCTestCase {
    func truth(_ condition: String, _ record: String) -> Truth {
        let p = TestRules.compile("福利 测 = 1 元 当 \(condition) 资金 [central_aid] 依据 \"t\"\n")
        let d = TestRules.decide(p, record, explain: .full)
        XCTAssertTrue(d.errors.isEmpty, "\(condition): \(d.errors.map(\.message))")
        if d.status == .eligible { return .yes }
        if d.status == .undetermined { return .unknown }
        return .no
    }

    let r = #"{"id":"a","region":"蚌埠市","household_size":3,"household_monthly_income":"1800.50","receives_dibao":false,"archive_type":"deep","hardship_causes":["serious_illness","accident"]}"#

    func testArithmetic() {
        XCTAssertEqual(truth("家庭月收入 + 100 元 = 1900.50 元", r), .yes)
        XCTAssertEqual(truth("家庭月收入 - 0.50 元 = 1800 元", r), .yes)
        XCTAssertEqual(truth("家庭月收入 × 2 = 3601 元", r), .yes)
        XCTAssertEqual(truth("家庭月收入 ÷ 家庭人口 = 600.1666 元", r), .no)  // exact: 600.1666…
        XCTAssertEqual(truth("人均月收入 × 3 = 1800.50 元", r), .yes)
        XCTAssertEqual(truth("-家庭月收入 < 0", r), .yes)
        XCTAssertEqual(truth("家庭月收入 / 家庭月收入 = 1", r), .yes)
    }

    func testComparisons() {
        XCTAssertEqual(truth("人均月收入 < 低保标准", r), .yes)
        XCTAssertEqual(truth("人均月收入 ≤ 600.17 元", r), .yes)
        XCTAssertEqual(truth("人均月收入 > 600.16 元", r), .yes)
        XCTAssertEqual(truth("人均月收入 ≥ 600.17 元", r), .no)
        XCTAssertEqual(truth("家庭人口 ≠ 3", r), .no)
        XCTAssertEqual(truth("家庭人口 != 2", r), .yes)
        XCTAssertEqual(truth("家庭人口 >= 3 且 家庭人口 <= 3", r), .yes)
        XCTAssertEqual(truth("所属地区 = \"蚌埠市\"", r), .yes)
    }

    func testMembershipAndLists() {
        XCTAssertEqual(truth("建档类型 属于 [深度困难, relative]", r), .yes)
        XCTAssertEqual(truth("建档类型 不属于 [深度困难]", r), .no)
        XCTAssertEqual(truth("所属地区 属于 [\"蚌埠市\", \"西宁市\"]", r), .yes)
        XCTAssertEqual(truth("致困原因 含 大病", r), .yes)
        XCTAssertEqual(truth("致困原因 含任一 [残疾, 突发意外]", r), .yes)
        XCTAssertEqual(truth("致困原因 含全部 [大病, 残疾]", r), .no)
        XCTAssertEqual(truth("致困原因 为空", r), .no)
        XCTAssertEqual(truth("非 享受低保", r), .yes)
        XCTAssertEqual(truth("已填(享受低保) 且 非 已填(身份证号)", r), .yes)
    }

    func testFunctionsAndChoice() {
        XCTAssertEqual(truth("最小(人均月收入, 500 元) = 500 元", r), .yes)
        XCTAssertEqual(truth("最大(人均月收入, 500 元) > 600 元", r), .yes)
        XCTAssertEqual(truth("限于(家庭人口, 0, 2) = 2", r), .yes)
        XCTAssertEqual(truth("(若 享受低保 则 1 否则 2) = 2", r), .yes)
        XCTAssertEqual(truth("认定类别 = none", r), .yes)
    }

    func testTableLookupByAliasAndUnsetRow() {
        let coded = #"{"id":"a","region":"340300","household_size":1,"household_monthly_income":600}"#
        XCTAssertEqual(truth("人均月收入 < 低保标准", coded), .yes)
        let xining = #"{"id":"a","region":"西宁市","household_size":1,"household_monthly_income":600}"#
        XCTAssertEqual(truth("人均月收入 < 低保标准", xining), .unknown)
        let p = TestRules.compile("福利 测 = 1 元 当 人均月收入 < 低保标准 资金 [central_aid] 依据 \"t\"\n")
        XCTAssertEqual(TestRules.decide(p, xining).missing, ["低保标准"])
    }

    func testUnknownPropagatesThroughArithmetic() {
        let p = TestRules.compile("福利 测 = 1 元 当 人均月收入 < 低保标准 资金 [central_aid] 依据 \"t\"\n")
        let d = TestRules.decide(p, #"{"id":"a","region":"蚌埠市","household_size":2}"#)
        XCTAssertEqual(d.status, .undetermined)
        XCTAssertEqual(d.missing, ["household_monthly_income"])
    }

    func testDecidedDespiteMissingInput() {
        // 5× the 低保 line settles "not eligible" whatever the hardship causes are.
        let p = TestRules.compile("福利 测 = 1 元 当 人均月收入 ≤ 低保标准 × 3 且 致困原因 含任一 [大病, 突发意外] 资金 [central_aid] 依据 \"t\"\n")
        let d = TestRules.decide(p, #"{"id":"a","region":"蚌埠市","household_size":1,"household_monthly_income":3300}"#)
        XCTAssertEqual(d.status, .ineligible)
        XCTAssertEqual(d.missing, [])
        let near = TestRules.decide(p, #"{"id":"a","region":"蚌埠市","household_size":1,"household_monthly_income":1980}"#)
        XCTAssertEqual(near.status, .undetermined)
        XCTAssertEqual(near.missing, ["hardship_causes"])
    }

    func testDivisionByZeroIsAnErrorNotZero() {
        let p = TestRules.compile("福利 测 = 1 元 当 家庭月收入 ÷ (家庭人口 - 1) > 0 元 资金 [central_aid] 依据 \"t\"\n")
        let d = TestRules.decide(p, #"{"id":"a","household_size":1,"household_monthly_income":100}"#)
        XCTAssertEqual(d.status, .invalid)
        XCTAssertTrue(d.errors[0].reason.contains("除数为零"), d.errors[0].reason)
    }
}

/// `已知(x)`: whether x is settled — never unknown itself, so a rule can fall back.
final class KnownTests: XCTestCase {
    func testKnownIsTrueFalseNeverUnknown() {
        let p = TestRules.compile("""
        福利 甲 = 1000 元/户 当 若 已知(人均月收入 < 低保标准) 则 人均月收入 < 低保标准 否则 建档类型 = 深度困难
          资金 [central_aid] 依据 "t"
        """)
        // The test can be settled: it decides.
        XCTAssertEqual(TestRules.decide(p, #"{"id":"a","region":"蚌埠市","household_size":1,"household_monthly_income":600,"archive_type":"none"}"#).status, .eligible)
        XCTAssertEqual(TestRules.decide(p, #"{"id":"a","region":"蚌埠市","household_size":1,"household_monthly_income":700,"archive_type":"deep"}"#).status, .ineligible)
        // It cannot (no 低保 figure for 西宁市): the fallback decides, and says why.
        let d = TestRules.decide(p, #"{"id":"a","region":"西宁市","household_size":1,"household_monthly_income":600,"archive_type":"deep"}"#)
        XCTAssertEqual(d.status, .eligible)
        XCTAssertEqual(d.missing, [])
        XCTAssertTrue(d.explanation[0].values.contains { $0.contains("已知(人均月收入 < 低保标准) ✗（缺少 低保标准）") }, "\(d.explanation[0].values)")
        XCTAssertTrue(TestRules.diagnostics("定义 x = 已知(1, 2) 依据 \"t\"\n").contains { $0.code == "check.arity" })
    }
}
