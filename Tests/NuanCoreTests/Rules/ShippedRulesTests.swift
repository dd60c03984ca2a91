import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// Decisions under the shipped rules that the issue names explicitly (the files' own worked
/// examples are run by `ExampleRunnerTests` and by `nuan test Rules/` in CI).
final class ShippedRulesTests: XCTestCase {
    static let rules = Golden.rootURL.appendingPathComponent("Rules")

    func program(_ name: String) throws -> CheckedProgram {
        let (p, d) = Nuan.compile(path: Self.rules.appendingPathComponent(name).path)
        return try XCTUnwrap(p, DiagnosticRenderer.render(d))
    }

    func testUnarchivedAtFiveTimesTheLineNeedsNoHardshipCause() throws {
        let p = try program("bengbu-2022.rules")
        let d = Nuan.screen(p, json: Array(#"{"id":"X","name":"甲","region":"蚌埠市","household_size":1,"household_monthly_income":3300,"archive_type":"none","archive_level":"none"}"#.utf8), explain: .full)
        XCTAssertEqual(d.status, .ineligible)
        XCTAssertEqual(d.missing, [])
        XCTAssertEqual(d.category, "none")
        // …while at the line itself the cause is what is missing.
        let near = Nuan.screen(p, json: Array(#"{"id":"X","name":"甲","region":"蚌埠市","household_size":1,"household_monthly_income":1980,"archive_type":"none","archive_level":"none"}"#.utf8))
        XCTAssertEqual(near.status, .undetermined)
        XCTAssertEqual(near.missing, ["hardship_causes"])
    }

    func testTheContractExampleRecord() throws {
        let p = try program("bengbu-2022.rules")
        let json = try Data(contentsOf: Self.rules.appendingPathComponent("examples/bengbu-deep-national.json"))
        let d = Nuan.screen(p, json: [UInt8](json))
        XCTAssertEqual(d.status, .eligible)
        XCTAssertEqual(d.category, "deep")
        XCTAssertEqual(d.awards.map(\.benefit), ["建档困难职工送温暖帮扶金"])
        XCTAssertEqual(d.awards.first?.fund, "central_aid")
        XCTAssertEqual(d.awards.first?.allowedFunds, ["central_aid", "provincial_finance_aid"])
        XCTAssertEqual(d.totalAmount.formatted(), "1000.00")
    }

    func testPreAndPost2019SchemesArePickedByThePeriodInForce() throws {
        // The same household, 人均 after rigid expenses 1.2× the line, children's schooling:
        // 2018 (梧州): 低保边缘户 (≤ 1.5× with illness) → relative; 2022 (蚌埠): 相对困难 (< 2×).
        let wz = try program("wuzhou-2018.rules")
        let bb = try program("bengbu-2022.rules")
        XCTAssertTrue(wz.categories.contains { $0.label == "低保边缘户（2019年前）" })
        XCTAssertFalse(bb.categories.contains { $0.label == "低保边缘户（2019年前）" })
        let r = #"{"id":"X","name":"甲","region":"蚌埠市","household_size":1,"household_monthly_income":792,"hardship_causes":["education_burden"],"archive_type":"none","archive_level":"none"}"#
        XCTAssertEqual(Nuan.screen(bb, json: Array(r.utf8)).category, "relative")
        let wr = r.replacingOccurrences(of: "蚌埠市", with: "梧州市")
        // 梧州's line of 587 (未确认): 792 ≤ 1.5 × 587 = 880.50 with schooling costs → 低保边缘户.
        XCTAssertEqual(Nuan.screen(wz, json: Array(wr.utf8)).category, "relative")
        // At a line of 500 the schemes part: 792 > 1.5 × 500 (pre-2019: no category) but
        // 792 < 2 × 500 (2019: 相对困难).
        let (wzSet, _) = Nuan.compile(path: Self.rules.appendingPathComponent("wuzhou-2018.rules").path, overrides: [("低保标准", "500")])
        XCTAssertEqual(Nuan.screen(try XCTUnwrap(wzSet), json: Array(wr.utf8)).category, "none")
        let (bbSet, _) = Nuan.compile(path: Self.rules.appendingPathComponent("bengbu-2022.rules").path, overrides: [("低保标准", "500")])
        XCTAssertEqual(Nuan.screen(try XCTUnwrap(bbSet), json: Array(r.utf8)).category, "relative")
    }

    func testTheContractsChineseLabelsAreAcceptedAsValues() throws {
        // shared/spec/applicant-record.md labels archive levels 全国工会帮扶工作管理系统 / 市（州）建档 / 产业建档.
        let p = try program("bengbu-2022.rules")
        for (label, code) in [("全国工会帮扶工作管理系统", "national"), ("市（州）建档", "city"), ("产业建档", "industry")] {
            let r = #"{"申请编号":"C","姓名":"孙","所属地区":"蚌埠市","家庭人口":3,"家庭月收入":1800,"家庭月刚性支出":600,"致困原因":["大病"],"建档类型":"深度困难","建档层级":"LEVEL"}"#
            let byLabel = Nuan.screen(p, json: Array(r.replacingOccurrences(of: "LEVEL", with: label).utf8), explain: .none)
            let byCode = Nuan.screen(p, json: Array(r.replacingOccurrences(of: "LEVEL", with: code).utf8), explain: .none)
            XCTAssertEqual(byLabel.status, .eligible, label)
            XCTAssertEqual(byLabel.awards, byCode.awards, label)
        }
        let bad = Nuan.screen(p, json: Array(#"{"id":"C","name":"孙","archive_level":"省级"}"#.utf8))
        XCTAssertEqual(bad.status, .invalid)
        XCTAssertTrue(bad.errors[0].reason.contains("national 全国"), bad.errors[0].reason)
    }

    func testAnUnknownLowIncomeLineNeverMakesTheCategoryNone() throws {
        // 齐齐哈尔 has no 低保 row: an archived household keeps its verified category, an
        // unarchived or exited one is undetermined — never `none` (which would feed the 统计表).
        let p = try program("heilongjiang-2021.rules")
        func decide(_ archive: String) -> Decision {
            Nuan.screen(p, json: Array(#"{"id":"X","name":"甲","region":"齐齐哈尔市","household_size":3,"household_monthly_income":1500,"hardship_causes":["serious_illness"],\#(archive)}"#.utf8))
        }
        XCTAssertEqual(decide(#""archive_type":"deep","archive_level":"national""#).category, "deep")
        XCTAssertEqual(decide(#""archive_type":"relative","archive_level":"city""#).category, "relative")
        let unarchived = decide(#""archive_type":"none","archive_level":"none""#)
        XCTAssertEqual(unarchived.category, "undetermined")
        XCTAssertEqual(unarchived.missing, ["低保标准"])
        let exited = decide(#""archive_type":"deep","archive_level":"national","archive_exited_this_year":true"#)
        XCTAssertEqual(exited.category, "undetermined")
        XCTAssertEqual(exited.status, .undetermined)
    }
}
