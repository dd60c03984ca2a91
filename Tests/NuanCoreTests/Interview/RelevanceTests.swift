import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// The relevance analysis behind `nuan screen --interactive`: which open inputs could still
/// change the outcome, and the values it tries.
final class RelevanceTests: XCTestCase {
    func slot(_ p: CheckedProgram, _ key: String) -> Int { p.fieldIndex(named: key) ?? -1 }

    let threeTimes = """
    福利 一次性帮扶 = 1000 元/户
      当 建档类型 = 未建档 且 人均月收入 ≤ 低保标准 × 3
      资金 [central_aid]
      依据 "测试"
    """

    func testAnAmountIsTriedOnBothSidesOfAPerCapitaLineTimesTheHouseholdSize() {
        let p = TestRules.compile(threeTimes)
        var r = Relevance(program: p)
        let pairs: [(String, RawValue)] = [("region", .string("蚌埠市")), ("household_size", .number("2")), ("archive_type", .string("none"))]
        let values = r.candidates(slot(p, "household_monthly_income"), pairs: pairs, asked: [])
        XCTAssertTrue(values.contains(.number("3960")), "\(values)")
        XCTAssertTrue(values.contains(.number("3960.01")), "\(values)")
        XCTAssertTrue(values.contains(nil), "not given is always a candidate")
    }

    func testInputsThatMatterOnlyTogetherAreEachAsked() {
        // Neither the income nor the size alone settles the per-capita test.
        let p = TestRules.compile(threeTimes)
        var r = Relevance(program: p)
        let pairs: [(String, RawValue)] = [("region", .string("蚌埠市")), ("archive_type", .string("none"))]
        XCTAssertTrue(r.couldMatter(slot(p, "household_monthly_income"), pairs: pairs, asked: []))
        XCTAssertTrue(r.couldMatter(slot(p, "household_size"), pairs: pairs, asked: []))
        let next = r.nextQuestion(pairs: pairs, asked: [])
        XCTAssertTrue(next == slot(p, "household_monthly_income") || next == slot(p, "household_size"), "\(String(describing: next))")
    }

    func testAnInputBehindASettledTestIsNotAsked() {
        let p = TestRules.compile(threeTimes)
        var r = Relevance(program: p)
        // Archived: the benefit is out whatever the income, size or region.
        let pairs: [(String, RawValue)] = [("archive_type", .string("deep"))]
        for key in ["household_monthly_income", "household_size", "region", "receives_dibao"] {
            XCTAssertFalse(r.couldMatter(slot(p, key), pairs: pairs, asked: []), key)
        }
        XCTAssertNil(r.nextQuestion(pairs: pairs, asked: []))
    }

    func testAFieldWithADefaultIsStillAskedWhenItCouldMatter() {
        let p = TestRules.compile("""
        字段 leader_visit 省总领导走访 : 是否 默认 否
        福利 帮扶金 = 1000 元/户
          当 建档类型 ≠ 未建档
          资金 [central_aid]
          依据 "测试"
          除非 省总领导走访 则 2000 元/户 依据 "测试"
        """)
        var r = Relevance(program: p)
        let visit = slot(p, "leader_visit")
        // Before the archive type is known the visit could matter (archived → 1000 or 2000).
        XCTAssertTrue(r.couldMatter(visit, pairs: [], asked: []))
        XCTAssertTrue(r.couldMatter(visit, pairs: [("archive_type", .string("deep"))], asked: []))
        XCTAssertFalse(r.couldMatter(visit, pairs: [("archive_type", .string("none"))], asked: []))
        // Asked in rule order: the archive type first, then the visit.
        XCTAssertEqual(r.nextQuestion(pairs: [], asked: []), slot(p, "archive_type"))
        XCTAssertEqual(r.nextQuestion(pairs: [("archive_type", .string("deep"))], asked: []), visit)
    }

    func testTheWitnessIsAWholeRecordWhoseOutcomeDiffers() throws {
        let p = TestRules.compile(threeTimes)
        var r = Relevance(program: p)
        let income = slot(p, "household_monthly_income")
        let base: [(String, RawValue)] = [("archive_type", .string("none"))]
        guard case .witness(let completion, let a, let b) = r.witness(income, pairs: base, asked: []) else {
            return XCTFail("the income matters to an unarchived household")
        }
        func outcome(_ v: RawValue?) -> Outcome {
            Outcome(Nuan.screen(p, pairs: base + completion + (v.map { [("household_monthly_income", $0)] } ?? []), explain: .none))
        }
        XCTAssertNotEqual(outcome(a), outcome(b))
    }

    func testAnInputAnsweredUnknownSettlesNothingSoItsPartnersAreNotAsked() {
        let p = TestRules.compile(threeTimes)
        var r = Relevance(program: p)
        // 家庭月收入 asked and left empty: the per-capita test stays unknown whatever the size.
        let pairs: [(String, RawValue)] = [("region", .string("蚌埠市")), ("archive_type", .string("none"))]
        XCTAssertFalse(r.couldMatter(slot(p, "household_size"), pairs: pairs, asked: [slot(p, "household_monthly_income")]))
    }

    func testKnownOverAnOpenInputIsNotTakenAsAnswered() {
        // 已知 over an open input may still become true: the fallback below must not decide.
        let p = TestRules.compile("""
        福利 帮扶金 = 1000 元/户
          当 若 已知(人均月收入) 则 人均月收入 < 低保标准 否则 建档类型 = 深度困难
          资金 [central_aid]
          依据 "测试"
        """)
        var r = Relevance(program: p)
        let pairs: [(String, RawValue)] = [("archive_type", .string("deep")), ("region", .string("蚌埠市")), ("household_size", .number("1"))]
        XCTAssertTrue(r.couldMatter(slot(p, "household_monthly_income"), pairs: pairs, asked: []))
        // With the income answered "unknown", the fallback decides and nothing is left to ask.
        XCTAssertNil(r.nextQuestion(pairs: pairs, asked: [slot(p, "household_monthly_income")]))
    }

    func testTheAnalysisLeavesRealDecisionsAlone() {
        // The evaluator's open-input mode is off for real records: same decision before and after.
        let p = TestRules.compile(threeTimes)
        let json = #"{"id":"x","region":"蚌埠市","household_size":2,"household_monthly_income":3960,"archive_type":"none"}"#
        let before = Outcome(TestRules.decide(p, json, explain: .none))
        var r = Relevance(program: p)
        _ = r.nextQuestion(pairs: [], asked: [])
        XCTAssertEqual(Outcome(TestRules.decide(p, json, explain: .none)), before)
        XCTAssertEqual(before.total, Rational(integer: 1000))
    }
}
