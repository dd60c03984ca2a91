import Foundation
import XCTest
@testable import NuanCLI
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// `nuan screen` run in-process: arguments → stdout, stderr, exit code.
final class ScreenCommandTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var rules: String { Self.root.appendingPathComponent("Rules/bengbu-2022.rules").path }

    func run(_ args: [String], input: String = "") -> (ExitCode, String, String) {
        let (io, out, err) = IO.capture(input: input)
        let code = CLI.main(args, io: io)
        return (code, out(), err())
    }

    let deep = #"{"id":"BB-2022-0001","name":"张三","id_number":"11010519491231002X","phone":"13800000000","region":"蚌埠市","application_date":"2022-01-05","household_size":3,"household_monthly_income":1800,"rigid_monthly_expenses":600,"receives_dibao":false,"hardship_causes":["serious_illness"],"archive_type":"deep","archive_level":"national","archive_exited_this_year":false,"in_transition_period":false,"groups":["migrant_worker"]}"#

    func testJSONOutputFollowsTheContract() throws {
        let (code, out, _) = run(["screen", "--rules", rules, "--format", "json", "-"], input: deep)
        XCTAssertEqual(code, .success)
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        for key in ["id", "status", "category", "awards", "total_amount", "score", "missing", "errors", "explanation", "rules"] {
            XCTAssertNotNil(obj[key], "missing key \(key)")
        }
        XCTAssertEqual(obj["status"] as? String, "eligible")
        XCTAssertEqual(obj["total_amount"] as? String, "1000.00")
        let awards = try XCTUnwrap(obj["awards"] as? [[String: Any]])
        XCTAssertEqual(awards.first?["fund"] as? String, "central_aid")
        XCTAssertEqual(awards.first?["amount"] as? String, "1000.00")
        let rulesBlock = try XCTUnwrap(obj["rules"] as? [String: Any])
        XCTAssertEqual((rulesBlock["sha256"] as? String)?.count, 64)
        // Privacy: the full ID number and phone never appear.
        XCTAssertFalse(out.contains("11010519491231002X"))
        XCTAssertFalse(out.contains("13800000000"))
    }

    func testTextExplanationIsChineseAndCitesTheNotice() {
        let (code, out, _) = run(["screen", "--rules", rules, "--format", "text", "--view", "审计", "-"], input: deep)
        XCTAssertEqual(code, .success)
        XCTAssertTrue(out.contains("结论：符合条件"), out)
        XCTAssertTrue(out.contains("蚌埠2022通知 二（三）"), out)
        XCTAssertTrue(out.contains("< 低保标准 660.00 ✓"), out)
        // The default view is the caseworker's: reasons first, the deciding rules in plain words.
        let (_, caseworker, _) = run(["screen", "--rules", rules, "--format", "text", "-"], input: deep)
        XCTAssertTrue(caseworker.contains("理由：\n  符合：建档困难职工送温暖帮扶金 1000.00 元/户（蚌埠2022通知 二（三））。"), caseworker)
        XCTAssertTrue(caseworker.contains("决定依据："), caseworker)
        XCTAssertFalse(caseworker.contains("判定过程"), caseworker)
        let (html, page, err) = run(["screen", "--rules", rules, "--format", "html", "-"], input: deep)
        XCTAssertEqual(html, .success, err)
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>") && page.contains("@page { size: A4"), page)
        let (bad, _, why) = run(["screen", "--rules", rules, "--format", "html", "--view", "审计", "-"], input: deep)
        XCTAssertEqual(bad, .usage)
        XCTAssertTrue(why.contains("--view 告知单"), why)
    }

    func testEnglishExplanationGivesTheMarginInYuan() throws {
        let record = Self.root.appendingPathComponent("Rules/examples/bengbu-high-income.json").path
        let (code, out, _) = run(["screen", "--rules", rules, "--format", "text", "--view", "auditor", "--lang", "en", record])
        XCTAssertEqual(code, .success)
        XCTAssertTrue(out.contains("Decision: not eligible"), out)
        XCTAssertTrue(out.contains("exceeds the ceiling 1980.00 yuan（低保标准 660.00 × 一次性帮扶收入倍数 3） by 3020.00 yuan"), out)
        let (_, zh, _) = run(["screen", "--rules", rules, "--format", "text", "--view", "审计", record])
        XCTAssertTrue(zh.contains("人均月收入 5000.00 元，超过上限 1980.00 元（低保标准 660.00 × 一次性帮扶收入倍数 3）3020.00 元"), zh)
    }

    func testSetOverridesAParameterAndShowsIt() {
        let (_, out, _) = run(["screen", "--rules", rules, "--format", "json", "--set", "低保标准=750", "-"], input: deep)
        XCTAssertTrue(out.contains("\"overrides\":[\"低保标准=750\"]"), out)
        XCTAssertTrue(out.contains("低保标准 750.00"), out)
    }

    func testInvalidRecordExitsOneAndNamesTheField() {
        let bad = deep.replacingOccurrences(of: "11010519491231002X", with: "110105194912310021")
        let (code, out, _) = run(["screen", "--rules", rules, "--format", "json", "-"], input: bad)
        XCTAssertEqual(code, .failure)
        XCTAssertTrue(out.contains("\"status\": \"invalid\""), out)
        XCTAssertTrue(out.contains("校验位"), out)
        XCTAssertFalse(out.contains("110105194912310021"), "ID number must be masked")
    }

    func testMalformedJSONNamesLineAndColumnAndPointsToBatchForManyRecords() {
        let (code, out, _) = run(["screen", "--rules", rules, "--format", "json", "-"], input: "{\"id\": \"a\",\n \"name\" \"x\"}")
        XCTAssertEqual(code, .failure)
        XCTAssertTrue(out.contains("第 2 行第 9 列"), out)
        let (_, two, _) = run(["screen", "--rules", rules, "--format", "json", "-"], input: deep + "\n" + deep + "\n")
        XCTAssertTrue(two.contains("请用 nuan batch"), two)
    }

    func testUsageAndRulesErrorsExitTwo() {
        XCTAssertEqual(run(["screen", "--rules", rules, "--bogus"]).0, .usage)
        XCTAssertEqual(run(["screen", "--rules", "/no/such.rules", "-"], input: deep).0, .usage)
        XCTAssertEqual(run(["frobnicate"]).0, .usage)
        let (code, out, _) = run(["screen", "--help"])
        XCTAssertEqual(code, .success)
        XCTAssertTrue(out.contains("--interactive"))
    }
}
