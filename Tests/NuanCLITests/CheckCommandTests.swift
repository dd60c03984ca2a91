import Foundation
import XCTest
@testable import NuanCLI
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// `nuan check` end to end, in process.
final class CheckCommandTests: XCTestCase {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    func run(_ argv: [String]) -> (ExitCode, String, String) {
        let (io, out, err) = IO.capture()
        let code = CLI.main(["check"] + argv, io: io)
        return (code, out(), err())
    }

    func testShippedRulesHaveNoErrors() {
        let (code, out, err) = run([CheckCommandTests.root.appendingPathComponent("Rules").path])
        XCTAssertEqual(code, .success, out)
        XCTAssertFalse(out.contains(": error:"), out)
        XCTAssertTrue(err.contains("0 个错误"), err)
    }

    func testStrictTurnsWarningsIntoFailure() {
        let file = CheckCommandTests.root.appendingPathComponent("Tests/Fixtures/check/unused.rules").path
        XCTAssertEqual(run([file]).0, .success)
        XCTAssertEqual(run([file, "--strict"]).0, .failure)
        let clean = CheckCommandTests.root.appendingPathComponent("Tests/Fixtures/check/clean.rules").path
        XCTAssertEqual(run([clean, "--strict"]).0, .success)
    }

    func testEnglishMessages() {
        let file = CheckCommandTests.root.appendingPathComponent("Tests/Fixtures/check/implausible.rules").path
        let (code, out, _) = run([file, "--lang", "en"])
        XCTAssertEqual(code, .success)
        XCTAssertTrue(out.contains("warning: the value of parameter 低保标准 [蚌埠市] is 72000 元/月, outside the plausible range [100, 3000] 元/月; probably a typo [lint.implausible]"), out)
        XCTAssertEqual(run([file, "--lang", "fr"]).0, .usage)
    }

    /// With `--lang en` the syntax, name and type errors are English too, and so is the summary;
    /// without it, the same file reads in Chinese as before.
    func testEnglishCheckerErrors() {
        let file = CheckCommandTests.root.appendingPathComponent("Tests/Fixtures/diagnostics/unknown-name.rules").path
        let (code, out, err) = run([file, "--lang", "en"])
        XCTAssertEqual(code, .failure)
        XCTAssertTrue(out.contains("error: unknown name “低保标注”; did you mean 低保标准? [check.unknown-name]"), out)
        XCTAssertTrue(out.contains("error: unknown name “家庭人数”; did you mean 家庭人口? [check.unknown-name]"), out)
        XCTAssertFalse(out.contains("未知的名称"), out)
        XCTAssertEqual(err, "checked 1 file: 2 errors, 0 warnings\n")
        let (_, zh, zhErr) = run([file])
        XCTAssertTrue(zh.contains("error: 未知的名称 “低保标注”；是不是 低保标准？ [check.unknown-name]"), zh)
        XCTAssertEqual(zhErr, "检查了 1 个文件：2 个错误，0 个警告\n")

        let money = CheckCommandTests.root.appendingPathComponent("Tests/Fixtures/diagnostics/money-vs-number.rules").path
        XCTAssertTrue(run([money, "--lang", "en"]).1.contains(
            "error: cannot compare money with a number: “人均月收入” is money, “倍数” is a number (write money with 元, multipliers with 倍) [type.money-number]"))
    }

    /// Checker errors and lint warnings together, all in English.
    func testEnglishCheckerErrorsAndNotes() {
        let file = CheckCommandTests.root.appendingPathComponent("Tests/Fixtures/check/earmark.rules").path
        let (code, out, _) = run([file, "--lang", "en"])
        XCTAssertEqual(code, .failure)
        XCTAssertTrue(out.contains("error: earmarked funds (专款专用): fund central_aid may not pay the recipient group “劳模” [check.earmark]"), out)
        XCTAssertTrue(out.contains("note: fund central_aid's recipient groups are declared here"), out)
        XCTAssertFalse(out.contains("资金 central_aid 可支付的对象在这里声明"), out)
    }

    /// `nuan screen --lang en` prints a rules file's errors in English.
    func testScreenPrintsRulesErrorsInEnglish() {
        let rules = CheckCommandTests.root.appendingPathComponent("Tests/Fixtures/diagnostics/unknown-name.rules").path
        let (io, out, err) = IO.capture()
        let code = CLI.main(["screen", "--rules", rules, "--lang", "en", "record.json"], io: io)
        XCTAssertEqual(code, .usage)
        XCTAssertEqual(out(), "")
        XCTAssertTrue(err().contains("error: unknown name “低保标注”; did you mean 低保标准? [check.unknown-name]"), err())
        XCTAssertTrue(err().hasSuffix("the rules file has 2 errors; no decision was made\n"), err())
        let (io2, _, err2) = IO.capture()
        XCTAssertEqual(CLI.main(["screen", "--rules", rules, "record.json"], io: io2), .usage)
        XCTAssertTrue(err2().contains("error: 未知的名称 “低保标注”；是不是 低保标准？ [check.unknown-name]"), err2())
        XCTAssertTrue(err2().hasSuffix("规则文件有 2 处错误，未进行判定\n"), err2())
    }

    /// The scenario of issue 4: copy the 2021 file to a new year, change the 低保 figure by an
    /// override, misspell a second override — `nuan check` names the misspelt line.
    func testMisspeltOverrideInANewYearIsNamed() throws {
        let dir = try NewYearScenario.make(misspell: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        let saved = fm.currentDirectoryPath
        _ = fm.changeCurrentDirectoryPath(dir.path)
        defer { _ = fm.changeCurrentDirectoryPath(saved) }
        let (code, out, _) = run(["heilongjiang-2022.rules"])
        XCTAssertEqual(code, .failure)
        let text = try String(contentsOf: dir.appendingPathComponent("heilongjiang-2022.rules"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let n = lines.firstIndex { $0.hasPrefix("覆盖 参数 相对困难收入被数") }! + 1
        let line = lines[n - 1]
        let expected = """
        heilongjiang-2022.rules:\(n):1: error: 覆盖的 参数 相对困难收入被数 在上级文件中不存在，这一覆盖不会生效；是不是想覆盖 “参数 相对困难收入倍数”？ [check.override-missing]
         \(n) | \(line)
         \(String(repeating: " ", count: String(n).count)) | \(String(repeating: "^", count: line.reduce(0) { $0 + DiagnosticRenderer.width($1) }))

        """
        XCTAssertTrue(out.contains(expected), out)
        XCTAssertEqual(out.components(separatedBy: ": error:").count - 1, 1, "exactly one error: \(out)")
    }
}

/// Builds the new-year copy of heilongjiang-2021 in a temporary directory (with the
/// national-base it extends): the 哈尔滨市 783 元/月 row of 低保标准 becomes 800 元/月 through
/// `覆盖 参数 低保标准`, and, with `misspell`, a second override names 相对困难收入被数.
enum NewYearScenario {
    static func make(misspell: Bool) throws -> URL {
        let rules = CheckCommandTests.root.appendingPathComponent("Rules")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-new-year-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let base = try String(contentsOf: rules.appendingPathComponent("national-base.rules"), encoding: .utf8)
        try base.write(to: dir.appendingPathComponent("national-base.rules"), atomically: true, encoding: .utf8)
        let hlj = try String(contentsOf: rules.appendingPathComponent("heilongjiang-2021.rules"), encoding: .utf8)
        try hlj.write(to: dir.appendingPathComponent("heilongjiang-2021.rules"), atomically: true, encoding: .utf8)
        // The 低保 table of the base, copied whole, with one figure changed.
        let start = base.range(of: "参数 低保标准 : 元/月 按 所属地区 {")!
        let end = base.range(of: "\n}", range: start.upperBound..<base.endIndex)!
        var table = "覆盖 " + String(base[start.lowerBound..<end.upperBound])
        guard let row = table.range(of: "783 元/月") else { throw NSError(domain: "scenario", code: 1) }
        table.replaceSubrange(row, with: "800 元/月")
        var text = hlj + "\n# 2022: the 低保 line of 哈尔滨市 changes.\n" + table + "\n"
        text += misspell
            ? "覆盖 参数 相对困难收入被数 = 2 倍 依据 \"全总 相对困难职工认定条件（2019年起，各地工会转引）\"\n"
            : "覆盖 参数 相对困难收入倍数 = 2 倍 依据 \"全总 相对困难职工认定条件（2019年起，各地工会转引）\"\n"
        try text.write(to: dir.appendingPathComponent("heilongjiang-2022.rules"), atomically: true, encoding: .utf8)
        return dir
    }
}
