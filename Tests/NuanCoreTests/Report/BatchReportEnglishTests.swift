import XCTest
@testable import NuanSupport
@testable import NuanProgram
@testable import NuanTools

/// The batch report with `--lang en`: the terminal summary and the HTML page in English; only
/// the names from the rules (rules, groups, funds, benefits) stay Chinese.
final class BatchReportEnglishTests: XCTestCase {
    typealias F = ReportFixtures

    /// Every name the fixtures' rules and records give the report.
    static let data = ["测试规则", "旧规则", "全国建档困难职工", "劳模工匠等先进人物", "中央财政专项帮扶资金", "本级工会经费",
                       "深度困难慰问金", "相对困难慰问金", "劳模慰问金", "意外致困慰问金", "交通补贴"]

    func testSummaryInEnglish() {
        let text = F.report(F.rows[...]).text(english: true)
        XCTAssertTrue(text.hasPrefix("Rules: 测试规则 (version 1)\n7 records: eligible 4, not eligible 1, needs more information 1, invalid record 1\n"), text)
        XCTAssertTrue(text.contains("Categories: deep hardship 1, relative hardship 1, hardship by accident 1"), text)
        XCTAssertTrue(text.contains("Aid by fund: 中央财政专项帮扶资金 1000.00 yuan; "), text)
        XCTAssertTrue(text.contains(" (and 1 pending)"), text)
        XCTAssertTrue(text.contains("Compared with the old rules: 旧规则\n"), text)
        XCTAssertTrue(text.contains("no fund named 100.00 yuan"), text)
        EnglishText.assertOnlyData(text, data: Self.data)
        XCTAssertTrue(F.report(F.rows[...]).text().hasPrefix("规则：测试规则（版本 1）\n记录 7 条："))
    }

    func testHTMLInEnglish() {
        let html = HTMLReport.render(F.report(F.rows[...]), english: true)
        XCTAssertTrue(html.contains("<html lang=\"en\">"))
        XCTAssertTrue(html.contains("<h1>Sending Warmth batch assessment report</h1>"), html)
        XCTAssertTrue(html.contains("<h2>5. Impact of the rules change</h2>"), html)
        XCTAssertTrue(html.contains("aria-label=\"Records by category\""), html)
        XCTAssertTrue(html.contains("<td>2C</td><td>Hardship households visited (households) C=D+E+F</td><td class=\"n\">3 households</td>"), html)
        XCTAssertTrue(html.contains("<td>3A</td><td>Aid money and goods raised (10,000 yuan) A=B+C+D+E+F</td><td class=\"n\">2167.17 yuan</td>"), html)
        // Markup and the inline style sheet (its font names) are not user text.
        let visible = html.replacingOccurrences(of: HTMLReport.style, with: "")
        EnglishText.assertOnlyData(visible, data: Self.data)
        XCTAssertTrue(HTMLReport.render(F.report(F.rows[...])).contains("<html lang=\"zh-CN\">"))
    }

    func testEmptyReportInEnglish() {
        let html = HTMLReport.render(F.empty(against: false), english: true)
        XCTAssertTrue(html.contains("(no data)"), html)
        EnglishText.assertOnlyData(html.replacingOccurrences(of: HTMLReport.style, with: ""), data: Self.data)
    }
}
