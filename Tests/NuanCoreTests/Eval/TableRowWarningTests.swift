import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain

/// A region inside the 辖区 that the 低保 table has no row for: the decision says so (issue 10),
/// not only "missing 低保标准".
final class TableRowWarningTests: XCTestCase {
    static let qinghai: CheckedProgram = {
        let (p, d) = Nuan.compile(path: Golden.rootURL.appendingPathComponent("Rules/qinghai-2020.rules").path)
        precondition(p != nil, DiagnosticRenderer.render(d))
        return p!
    }()

    func record(region: String) -> [UInt8] {
        Array(#"{"id":"QH-1","name":"马","region":"\#(region)","application_date":"2020-01-08","household_size":3,"household_monthly_income":2500,"hardship_causes":["serious_illness"],"archive_type":"none","archive_level":"none"}"#.utf8)
    }

    func testARegionWithNoRowIsNamedInAWarning() {
        let d = Nuan.screen(Self.qinghai, json: record(region: "海东市"), explain: .none)
        XCTAssertEqual(d.status, .undetermined)
        let w = d.warnings.first { $0.code == "no_table_row" }
        XCTAssertNotNil(w, "\(d.warnings)")
        XCTAssertTrue(w?.message.contains("“海东市” 不在 低保标准 表中") == true, w?.message ?? "")
        let en = Nuan.screen(Self.qinghai, json: record(region: "海东市"), explain: .none, language: .english)
        XCTAssertTrue(en.warnings.contains { $0.code == "no_table_row" && $0.message.contains("has no row in the table 低保标准") }, "\(en.warnings)")
    }

    func testARegionWithARowHasNoSuchWarning() {
        for region in ["西宁市", "630100", "西宁"] {
            let d = Nuan.screen(Self.qinghai, json: record(region: region), explain: .none)
            XCTAssertFalse(d.warnings.contains { $0.code == "no_table_row" }, "\(region): \(d.warnings)")
        }
    }
}
