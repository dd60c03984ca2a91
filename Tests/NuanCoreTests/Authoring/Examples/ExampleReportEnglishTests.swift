import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// `nuan test --lang en`: the report, the mismatches, the example's own errors and the coverage
/// report in English; only titles, names and conditions quoted from the rules file stay Chinese.
final class ExampleReportEnglishTests: XCTestCase {
    static let sentenceWords: Set<String> = ["例子", "期望", "实际", "缺少", "判定过程", "发放", "合计", "状态", "类别", "福利", "依据", "通过", "失败", "对象", "定义", "除非"]

    func inRoot<T>(_ body: () throws -> T) rethrows -> T {
        let cwd = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(Golden.root)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(cwd) }
        return try body()
    }

    func testFailureReportInEnglish() throws {
        try inRoot {
            let path = "Tests/Fixtures/test/failing.rules"
            let r = ExampleRunner.run(path: path, english: true)
            XCTAssertEqual(r.failed, 4)
            let text = ExampleReport.render(r, english: true) + "\n" + ExampleReport.summary([r], english: true)
            XCTAssertTrue(text.hasPrefix("FAIL  \(path)  5 examples, 4 failed\n"), text)
            XCTAssertTrue(text.contains("  ✗ example \"人均超过低保标准却期望发放\" (\(path):43:4)\n"), text)
            XCTAssertTrue(text.contains("    status: expected eligible; got ineligible\n"), text)
            XCTAssertTrue(text.contains("    total: expected 1000.00 yuan; got 0.00 yuan\n"), text)
            XCTAssertTrue(text.contains("      missing: 困难帮扶金 = 1000.00 yuan fund central_aid\n"), text)
            XCTAssertTrue(text.contains("      expected missing but not listed by the decision: 家庭人口\n"), text)
            // The mismatches name the English explanation's rules, so its entries are shown.
            XCTAssertEqual(text.components(separatedBy: "how it was decided (the part about the difference):").count, 4, text)
            XCTAssertTrue(text.contains("is not a field of the rules; did you mean 家庭人口?"), text)
            XCTAssertTrue(text.hasSuffix("\n5 examples: 1 passed, 4 failed\n"), text)
            EnglishText.assertOnlyData(text, data: [try String(contentsOfFile: path, encoding: .utf8)], forbidden: Self.sentenceWords)
            // Chinese stays the default.
            XCTAssertTrue(ExampleReport.render(ExampleRunner.run(path: path)).hasPrefix("FAIL  \(path)  5 个例子，失败 4\n"))
        }
    }

    func testCoverageReportInEnglish() throws {
        try inRoot {
            let path = "Tests/Fixtures/test/coverage.rules"
            let c = try XCTUnwrap(ExampleCoverage.compute(ExampleRunner.run(path: path, english: true)))
            let text = ExampleCoverage.render(c, english: true)
            XCTAssertTrue(text.hasPrefix("coverage \(path): \(c.percent)% (rules "), text)
            XCTAssertTrue(text.contains("no example makes it hold"), text)
            EnglishText.assertOnlyData(text, data: [try String(contentsOfFile: path, encoding: .utf8)], forbidden: Self.sentenceWords)
            XCTAssertEqual(ExampleCoverage.render(c), ExampleCoverage.render(try XCTUnwrap(ExampleCoverage.compute(ExampleRunner.run(path: path)))))
        }
    }

    func testRecordProblemsAndInputErrorsInEnglish() {
        let text = """
        规则 "t"
          生效 2022-01-01 至 2022-12-31
        字段 id 申请编号 : 文本
        字段 household_size 家庭人口 : 整数 至少 1
        福利 甲 = 1 元 当 家庭人口 > 0 依据 "t"
        例子 "人口为零"
          输入 { 申请编号 = "X", 家庭人口 = 0 }
          期望 { 状态 = eligible }
        例子 "金额单位不能用于整数"
          输入 { 申请编号 = "Z", 家庭人口 = 1 元 }
          期望 { 状态 = eligible }
        """
        let r = ExampleRunner.run(path: "inline.rules", text: text, english: true)
        XCTAssertEqual(r.examples.map(\.passed), [false, false])
        let details = r.examples[0].mismatches.flatMap(\.details)
        XCTAssertEqual(details.count, 1)
        XCTAssertTrue(details[0].hasPrefix("record problem: "), details[0])
        let report = ExampleReport.render(r, english: true)
        XCTAssertTrue(report.contains("the example's input “家庭人口”: 家庭人口 is not money and cannot have the unit 元"), report)
        EnglishText.assertOnlyData(report, data: [text], forbidden: Self.sentenceWords)
    }
}
