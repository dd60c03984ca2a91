import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

final class BatchReportTests: XCTestCase {
    typealias F = ReportFixtures

    func testCountsAndTotals() {
        let r = F.report(F.rows[...])
        XCTAssertEqual(r.records, 7)
        XCTAssertEqual(r.statusCounts, [4, 1, 1, 1])
        XCTAssertEqual(r.categoryCounts, ["deep": 1, "relative": 1, "accidental": 1, "none": 2, "undetermined": 2])
        XCTAssertEqual(r.groupRecords, [1, 1])
        XCTAssertEqual(r.groupEligible, [1, 1])
        XCTAssertEqual(r.funds["central_aid"]?.total, F.money("1000"))
        XCTAssertEqual(r.funds["union_own"]?.awards, 2)
        XCTAssertEqual(r.funds["union_own"]?.pendingAwards, 1)
        XCTAssertEqual(r.funds["union_own"]?.total, F.money("500.5"))
        XCTAssertEqual(r.funds["social_donation"]?.total, F.money("666.666666"))
        XCTAssertEqual(r.funds[""]?.total, F.money("100"))
        XCTAssertEqual(r.benefits["劳模慰问金"]?.pendingAwards, 1)
        XCTAssertEqual(r.benefitNames, ["深度困难慰问金", "相对困难慰问金", "劳模慰问金", "交通补贴", "意外致困慰问金"])
        XCTAssertEqual(r.fundOrder, ["central_aid", "union_own", "social_donation", ""])
        // 统计表: A1 职工, A2 农民工, A7 劳模 (劳模 before 农民工); A3 is eligible but category none.
        XCTAssertEqual([r.hardshipHouseholds, r.hardshipWorkerHouseholds, r.hardshipMigrantHouseholds, r.hardshipModelHouseholds],
                       [3, 1, 1, 1])
        XCTAssertEqual(r.otherEligibleHouseholds, 1)
        XCTAssertEqual(r.moneyBySource, [F.money("1000"), .zero, F.money("500.5"), F.money("666.666666"), .zero])
        let table = r.statisticsTable
        XCTAssertEqual(table.map(\.row), ["2C", "2D", "2E", "2F", "3A", "3B", "3C", "3D", "3E", "3F"])
        XCTAssertEqual(table.first { $0.row == "3A" }?.amount, F.money("2167.17"))  // the printed parts added
        XCTAssertEqual(table.map { $0.wanYuan ?? "-" }, ["-", "-", "-", "-", "0.22", "0.10", "0.00", "0.05", "0.07", "0.00"])
        // Income buckets: <1 A1; 1–1.5 A2 (exactly 1×); 1.5–2 A7 (exactly 1.5×); 2–3 A4 (exactly 2×); ≥3 A3; unknown A5, A6.
        XCTAssertEqual(r.incomeRecords, [1, 1, 1, 1, 1, 2])
        XCTAssertEqual(r.incomeEligible, [1, 1, 1, 0, 1, 0])
    }

    func testIncomeBucketBoundariesAreExact() {
        let line = F.money("660")
        func b(_ s: String) -> BatchReport.IncomeBucket { BatchReport.bucket(perCapitaIncome: F.money(s), dibaoLine: line) }
        XCTAssertEqual(b("659.99"), .below1)
        XCTAssertEqual(b("660"), .from1to1_5)
        XCTAssertEqual(b("989.99"), .from1to1_5)
        XCTAssertEqual(b("1319.99"), .from1_5to2)
        XCTAssertEqual(b("1979.99"), .from2to3)
        XCTAssertEqual(b("1980"), .atLeast3)
        XCTAssertEqual(BatchReport.bucket(perCapitaIncome: Rational(2000, 3)!, dibaoLine: Rational(2000, 3)!), .from1to1_5)
        XCTAssertEqual(BatchReport.bucket(perCapitaIncome: F.money("1"), dibaoLine: .zero), .unknown)
        XCTAssertEqual(BatchReport.bucket(perCapitaIncome: nil, dibaoLine: line), .unknown)
    }

    func testComparison() throws {
        let m = try XCTUnwrap(F.report(F.rows[...]).impact)
        XCTAssertEqual(m.compared, 7)
        XCTAssertEqual(m.transitions, [
            "deep": ["deep": 1], "none": ["relative": 1, "none": 1], "relative": ["none": 1],
            "undetermined": ["undetermined": 2], "accidental": ["accidental": 1],
        ])
        XCTAssertEqual([m.newlyEligible, m.noLongerEligible, m.amountChanged], [1, 1, 1])
        XCTAssertEqual(m.newlyEligibleIDs, ["A2"])
        XCTAssertEqual(m.noLongerEligibleIDs, ["A4"])
        XCTAssertEqual(m.amountChangedIDs, ["A1"])
        XCTAssertEqual(m.oldFunds["central_aid"]?.total, F.money("800"))
        XCTAssertEqual(m.newFunds["central_aid"]?.total, F.money("1000"))
        XCTAssertEqual(m.oldFunds["union_own"]?.total, F.money("500"))
        XCTAssertEqual(m.newFunds["union_own"]?.total, F.money("500.5"))
    }

    func testMergeOfBlocksEqualsOnePass() {
        let all = F.report(F.rows[...])
        for k in 0...F.rows.count {
            var a = F.report(F.rows[..<k])
            a.merge(F.report(F.rows[k...]))
            XCTAssertEqual(a, all, "split at \(k)")
        }
        // Associativity with three blocks, and example lists cut at the limit in input order.
        let limit = 1
        let rows = F.rows + F.rows.map { r in
            var r = r
            r.new.id = r.new.id.map { $0 + "b" }
            return r
        }
        let one = F.report(rows[...], exampleLimit: limit)
        var left = F.report(rows[0..<4], exampleLimit: limit)
        left.merge(F.report(rows[4..<9], exampleLimit: limit))
        left.merge(F.report(rows[9...], exampleLimit: limit))
        var rightTail = F.report(rows[4..<9], exampleLimit: limit)
        rightTail.merge(F.report(rows[9...], exampleLimit: limit))
        var right = F.report(rows[0..<4], exampleLimit: limit)
        right.merge(rightTail)
        XCTAssertEqual(left, one)
        XCTAssertEqual(right, one)
        XCTAssertEqual(one.impact?.newlyEligible, 2)
        XCTAssertEqual(one.impact?.newlyEligibleIDs, ["A2"])
    }

    func testMergeWithoutGroupFlagsKeepsGroupCounts() {
        var a = F.empty(against: false)
        a.add(F.rows[0].new)   // no flags passed
        var b = F.empty(against: false)
        b.add(F.rows[0].new, groups: [true, true])
        a.merge(b)
        XCTAssertEqual(a.groupRecords, [1, 1])
        XCTAssertEqual(a.groupEligible, [1, 1])
        XCTAssertNil(a.impact)
    }

    func testOverflowIsFlaggedNotWrapped() {
        var r = F.empty(against: false)
        let huge = F.decision("X", .eligible, "deep", [("大额", "9000000000000000000", "central_aid")])
        r.add(huge)
        r.add(huge)
        XCTAssertTrue(r.overflow)
        XCTAssertTrue(r.json().contains("\"money_overflow\": true"))
    }

    func testTextSummary() {
        let t = F.report(F.rows[...]).text()
        XCTAssertTrue(t.contains("记录 7 条：获帮扶 4，不符合 1，待补充信息 1，记录有误 1"), t)
        XCTAssertTrue(t.contains("慰问困难家庭 3 户（困难职工 1，困难农民工 1，困难劳模 1）；其他获慰问户 1"), t)
        XCTAssertTrue(t.contains("新获帮扶 1，不再获帮扶 1，金额变化 1"), t)
        XCTAssertTrue(t.contains("中央财政专项帮扶资金 +200.00 元"), t)
    }

    func testPaidArchivedHouseholdsCountIn2CWhateverTheirCategory() {
        // An archived household paid the 退档 one-off (category none by the criteria now) is a
        // 困难家庭 of the 统计表; an unarchived one paid as a model worker is not.
        func paid(_ id: String) -> Decision {
            var d = Decision.invalid(id: id, errors: [])
            d.status = .eligible
            d.category = "none"
            d.awards = [Decision.Award(benefit: "一次性", amount: Rational(integer: 1000), unit: nil, fund: "local_finance", allowedFunds: ["local_finance"], citation: nil)]
            d.totalAmount = Rational(integer: 1000)
            return d
        }
        var r = BatchReport(rules: .init(name: "t", version: nil, sha256: ""))
        r.add(paid("archived"), archived: true, migrantWorker: true)
        r.add(paid("visited"), archived: false, modelWorker: true)
        XCTAssertEqual([r.hardshipHouseholds, r.hardshipWorkerHouseholds, r.hardshipMigrantHouseholds, r.hardshipModelHouseholds], [1, 0, 1, 0])
        XCTAssertEqual(r.otherEligibleHouseholds, 1)
    }
}
