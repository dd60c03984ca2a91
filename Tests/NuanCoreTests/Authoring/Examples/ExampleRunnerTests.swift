import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// `nuan test`: examples become records through RecordCodec, are decided, and compared.
final class ExampleRunnerTests: XCTestCase {
    let root = Golden.root

    func run(_ relative: String) -> ExampleRunner.FileResult {
        let cwd = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(root)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(cwd) }
        return ExampleRunner.run(path: relative)
    }

    func testShippedRulesExamplesAllPass() {
        for path in Golden.rulesFiles(under: "Rules") {
            let r = run(path)
            XCTAssertFalse(r.rulesError, "\(path)：\(DiagnosticRenderer.render(r.diagnostics))")
            if r.failed > 0 { XCTFail(ExampleReport.render(r)) }
        }
    }

    func testFailureReportGolden() {
        let r = run("Tests/Fixtures/test/failing.rules")
        XCTAssertEqual(r.examples.count, 5)
        XCTAssertEqual(r.failed, 4)
        Golden.check(ExampleReport.render(r) + "\n" + ExampleReport.summary([r]), against: "Tests/Fixtures/test/failing.expected")
    }

    func testMismatchesNameEachAspect() {
        let r = run("Tests/Fixtures/test/failing.rules")
        let aspects = r.examples.map { $0.mismatches.map(\.aspect) }
        XCTAssertEqual(aspects[0], [])
        XCTAssertEqual(aspects[1], [.status, .total, .awards])
        XCTAssertEqual(aspects[2], [.category, .total])
        XCTAssertEqual(aspects[3], [.missing])
        // The difference is explained by the rule that decided it.
        XCTAssertEqual(r.examples[1].mismatches[2].rules, ["福利 困难帮扶金"])
    }

    func testUnknownInputFieldIsAnErrorWithPosition() {
        let r = run("Tests/Fixtures/test/failing.rules")
        let ex = r.examples[4]
        XCTAssertNil(ex.decision)
        XCTAssertEqual(ex.errors.map(\.code), ["test.unknown-input"])
        XCTAssertEqual(ex.errors[0].range.position, "Tests/Fixtures/test/failing.rules:58:36")
        XCTAssertTrue(ex.errors[0].message.contains("是不是 家庭人口"))
    }

    func testInputsGoThroughRecordValidation() {
        let text = """
        规则 "t"
          生效 2022-01-01 至 2022-12-31
        字段 id 申请编号 : 文本
        字段 household_size 家庭人口 : 整数 至少 1
        字段 archive_type 建档类型 : 选项 { none 未建档, deep 深度困难 }
        福利 甲 = 1 元 当 家庭人口 > 0 依据 "t"
        例子 "人口为零的记录无效"
          输入 { 申请编号 = "X", 家庭人口 = 0 }
          期望 { 状态 = invalid }
        例子 "选项按代码或标签"
          输入 { 申请编号 = "Y", 家庭人口 = 1, 建档类型 = deep }
          期望 { 状态 = eligible, 发放 [甲 = 1 元] }
        例子 "金额单位不能用于整数"
          输入 { 申请编号 = "Z", 家庭人口 = 1 元 }
          期望 { 状态 = eligible }
        """
        let r = ExampleRunner.run(path: "inline.rules", text: text)
        XCTAssertEqual(r.examples.map(\.passed), [true, true, false])
        XCTAssertEqual(r.examples[0].decision?.errors.first?.reason, "不能小于 1")
        XCTAssertEqual(r.examples[2].errors.map(\.code), ["test.input-value"])
    }

    func testExpectationNamingUnknownBenefitIsAnError() {
        let text = """
        规则 "t"
          生效 2022-01-01 至 2022-12-31
        字段 id 申请编号 : 文本
        福利 困难帮扶金 = 1 元 依据 "t"
        例子 "拼错福利名"
          输入 { 申请编号 = "X" }
          期望 { 发放 [困难帮助金 = 1 元] }
        """
        let r = ExampleRunner.run(path: "inline.rules", text: text)
        XCTAssertEqual(r.examples[0].errors.map(\.code), ["test.unknown-benefit"])
        XCTAssertTrue(r.examples[0].errors[0].message.contains("是不是 困难帮扶金"))
    }

    func testRulesErrorIsReportedNotRun() {
        let r = ExampleRunner.run(path: "bad.rules", text: "规则 \"t\"\n定义 x = 未知名称\n")
        XCTAssertTrue(r.rulesError)
        XCTAssertFalse(r.diagnostics.isEmpty)
    }

    /// `优先分 = N` states the priority score as decisions show it (two places), `无` for none;
    /// a different score is a mismatch of its own, and the formatter keeps the expectation.
    func testScoreExpectation() throws {
        let path = root + "/Rules/bengbu-2022.rules"
        let base = try String(contentsOfFile: path, encoding: .utf8)
        let inputs = "输入 { 申请编号 = \"S-1\", 姓名 = \"甲\", 所属地区 = \"蚌埠市\", 家庭人口 = 3, 家庭月收入 = 1800 元, 家庭月刚性支出 = 600 元, 建档类型 = 深度困难, 建档层级 = 全国, 致困原因 = [大病] }"
        func result(_ score: String) -> ExampleRunner.ExampleResult? {
            let text = base + "\n例子 \"优先分\"\n  \(inputs)\n  期望 { 状态 = eligible, 优先分 = \(score) }\n"
            let r = ExampleRunner.run(path: path, text: text)
            XCTAssertFalse(r.rulesError, DiagnosticRenderer.render(r.diagnostics))
            return r.examples.last
        }
        let right = try XCTUnwrap(result("48.94"))
        XCTAssertTrue(right.passed, "\(right.mismatches)")
        let wrong = try XCTUnwrap(result("48.95"))
        XCTAssertEqual(wrong.mismatches.map(\.aspect), [.score])
        XCTAssertEqual(wrong.mismatches.first?.actual, "48.94")
        let none = try XCTUnwrap(result("无"))
        XCTAssertEqual(none.mismatches.map(\.aspect), [.score])
        let formatted = try XCTUnwrap(RulesFormatter.format(path: "a.rules", text: "规则 \"a\"\n例子 \"x\"\n  输入 { }\n  期望 { 优先分 = 无, score = 12.5 }\n").text)
        XCTAssertTrue(formatted.contains("优先分 = 无, 优先分 = 12.5"), formatted)
    }
}
