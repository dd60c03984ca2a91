import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// The batch reports list record ids: one that is an ID or phone number is masked unless
/// `unmask`; text from the rules cannot drive a terminal; HTML stays escaped.
final class ReportPrivacyTests: XCTestCase {
    typealias F = ReportFixtures
    let fullID = "11010519491231002X"

    func reportWithIDShapedIDs() -> BatchReport {
        var r = F.empty(against: true)
        r.rules.name = "规则\u{1B}[31m 13812345678"
        let new = F.decision(fullID, .eligible, "deep", [("生活救助", "10", "central_aid")])
        r.add(new)
        r.addComparison(old: F.decision(fullID, .ineligible, "none"), new: new)
        return r
    }

    func testHTMLReportMasksIDShapedRecordIDsUnlessUnmasked() {
        let r = reportWithIDShapedIDs()
        let html = HTMLReport.render(r)
        XCTAssertFalse(html.contains(fullID))
        XCTAssertTrue(html.contains("<p class=\"ids\">110105********002X</p>"), html)
        XCTAssertTrue(HTMLReport.render(r, unmask: true).contains("<p class=\"ids\">\(fullID)</p>"))
        // control characters never reach the page raw
        XCTAssertFalse(html.unicodeScalars.contains { $0.value == 0x1B })
        XCTAssertTrue(html.contains("规则\\u{1B}[31m"))
    }

    func testHTMLReportEscapesAScriptInARecordID() {
        var r = F.empty(against: true)
        let evil = F.decision("<script>alert(document.cookie)</script>", .eligible, "deep", [("生活救助", "10", "central_aid")])
        r.add(evil)
        r.addComparison(old: F.decision("<script>alert(document.cookie)</script>", .ineligible, "none"), new: evil)
        let html = HTMLReport.render(r)
        XCTAssertFalse(html.contains("<script"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(document.cookie)&lt;/script&gt;"))
    }

    func testJSONSummaryMasksIDShapedRecordIDsUnlessUnmasked() {
        let r = reportWithIDShapedIDs()
        XCTAssertFalse(r.json().contains(fullID))
        XCTAssertTrue(r.json().contains("\"ids\":[\"110105********002X\"]"), r.json())
        XCTAssertTrue(r.json(unmask: true).contains("\"ids\":[\"\(fullID)\"]"))
        XCTAssertFalse(r.json().unicodeScalars.contains { $0.value == 0x1B })
    }

    func testTextSummaryEscapesAndMasksTextFromTheRules() {
        let text = reportWithIDShapedIDs().text()
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B }, text)
        XCTAssertTrue(text.hasPrefix("规则：规则\\u{1B}[31m 138****5678"), text)
    }

    func testNumbersWrittenInTheRulesAreMaskedInEveryReport() throws {
        let p = TestRules.compile("""
        资金 own "联系 13812345678"
        福利 甲11010519491231002X = 10 元 当 享受低保 资金 [own] 依据 "t"

        """)
        guard !p.fields.isEmpty else { return }
        var r = BatchReport(program: p)
        r.add(TestRules.decide(p, #"{"id":"A-1","receives_dibao":true}"#))
        for out in [r.text(), r.json(), HTMLReport.render(r)] {
            XCTAssertFalse(out.contains("13812345678"), out)
            XCTAssertFalse(out.contains(fullID), out)
        }
        XCTAssertTrue(r.json().contains("138****5678"))
        XCTAssertEqual(r.benefitOrder, ["甲110105********002X"])
        XCTAssertNotNil(r.benefits["甲110105********002X"])
    }
}
