import Foundation
import XCTest
@testable import NuanTools
@testable import NuanProgram
import NuanSupport

/// `ArithmeticBounds`: whether a file's arithmetic can fail on a record `nuan prove` considers,
/// and why it matters (a part's cells and sweeps follow only their own thresholds when it cannot).
final class ArithmeticBoundsTests: XCTestCase {
    func compile(_ body: String, fields: String) throws -> CheckedProgram {
        let text = """
        规则 "算术"
          版本 "1"
          生效 2022-01-01 至 2022-12-31

        字段 id 申请编号 : 文本 必填
        字段 name 姓名 : 文本 必填
        \(fields)

        资金 union_own "本级工会经费"
          依据 "测试"

        \(body)
        """
        let (program, diags) = Nuan.compile(path: "a.rules", text: text)
        XCTAssertFalse(diags.hasErrors, "\(diags.map(\.message))")
        return try XCTUnwrap(program)
    }

    func testShippedFilesCannotFail() throws {
        for name in ["leshan-2012", "wuzhou-2018", "qinghai-2020", "heilongjiang-2021", "bengbu-2022", "national-base"] {
            let program = try XCTUnwrap(Nuan.compile(path: ProveTests.root + "/Rules/\(name).rules").0)
            XCTAssertTrue(ArithmeticBounds.failureFree(program), name)
        }
    }

    func testDivisionByAFieldThatMayBeZero() throws {
        let body = """
        定义 人均月收入 = 家庭月收入 ÷ 家庭人口
          依据 "测试"

        福利 低收入补助 = 300 元/户
          当 人均月收入 < 500 元
          资金 [union_own]
          依据 "测试"
        """
        let income = "字段 household_monthly_income 家庭月收入 : 金额 至少 0"
        let zero = try compile(body, fields: "字段 household_size 家庭人口 : 整数\n" + income)
        XCTAssertFalse(ArithmeticBounds.failureFree(zero))
        let one = try compile(body, fields: "字段 household_size 家庭人口 : 整数 至少 1\n" + income)
        XCTAssertTrue(ArithmeticBounds.failureFree(one))
    }

    func testProductBeyondSixtyFourBits() throws {
        let body = """
        福利 放大 = 家庭月收入 × 系数 × 系数 × 系数
          资金 [union_own]
          依据 "测试"
        """
        let income = "字段 household_monthly_income 家庭月收入 : 金额 至少 0"
        // 10,000,000 元 × 10,000,000³ does not fit; × 2³ does.
        XCTAssertFalse(ArithmeticBounds.failureFree(try compile(body, fields: "字段 factor 系数 : 数 至少 0\n" + income)))
        XCTAssertTrue(ArithmeticBounds.failureFree(try compile(body, fields: "字段 factor 系数 : 数 至少 0 至多 2\n" + income)))
    }

    /// The score divides by zero outside 2000–3000 元: only records in between are valid, and
    /// only there is 乙 paid. With 乙's own threshold alone (100 元) no cell would land there.
    func testAFailureOutsideEveryPartIsFollowed() throws {
        let path = ProveTests.root + "/Tests/Fixtures/prove/arithmetic-failure.rules"
        let program = try XCTUnwrap(Nuan.compile(path: path).0)
        XCTAssertFalse(ArithmeticBounds.failureFree(program))
        XCTAssertNil(PartitionValues(program, part: .group(0)).thresholds)
        let r = Prover.run(path: path)
        XCTAssertNil(r.blowup)
        XCTAssertEqual(r.findings.filter { $0.property == .benefitReachable }.map(\.subject), [])
    }

    /// A benefit that holds only on invalid records is said to be so, not "beaten by nothing".
    func testABenefitOnlyOnInvalidRecords() throws {
        let text = try String(contentsOfFile: ProveTests.root + "/Tests/Fixtures/prove/arithmetic-failure.rules", encoding: .utf8)
            + """

            福利 丙 = 1 元 × (家庭月收入 ÷ 零)
              当 家庭月收入 > 5000 元
              资金 [union_own]
              依据 "测试"

            """
        let file = NSTemporaryDirectory() + "nuan-arith-\(getpid()).rules"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let r = Prover.run(path: file)
        let dead = r.findings.filter { $0.property == .benefitReachable }
        XCTAssertEqual(dead.map(\.subject), ["丙"])
        XCTAssertTrue(dead.first?.detail.zh.contains("它成立的记录都无效") == true, dead.first?.detail.zh ?? "")
        XCTAssertTrue(dead.first?.detail.zh.contains("命中 全部") == true, dead.first?.detail.zh ?? "")
    }
}
