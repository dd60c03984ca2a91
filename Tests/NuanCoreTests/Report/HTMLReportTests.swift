import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

final class HTMLReportTests: XCTestCase {
    typealias F = ReportFixtures

    private func occurrences(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    func testOneSVGPerChart() {
        let withImpact = HTMLReport.render(F.report(F.rows[...]))
        // categories, money by fund, income histogram, before/after per fund
        XCTAssertEqual(occurrences("<svg ", in: withImpact), 4)
        XCTAssertEqual(occurrences("</svg>", in: withImpact), 4)
        XCTAssertTrue(withImpact.contains("aria-label=\"按类别的记录数\""))
        XCTAssertTrue(withImpact.contains("aria-label=\"按资金的确定金额（元）\""))
        XCTAssertTrue(withImpact.contains("aria-label=\"人均月收入相当于低保标准的倍数（记录数）\""))
        XCTAssertTrue(withImpact.contains("aria-label=\"各资金支出：旧规则与新规则（元）\""))
        XCTAssertTrue(withImpact.contains("<h2>五、规则变化的影响</h2>"))
        let plain = HTMLReport.render(F.report(F.rows[...], against: false))
        XCTAssertEqual(occurrences("<svg ", in: plain), 3)
        XCTAssertFalse(plain.contains("规则变化的影响"))
    }

    func testFiguresAppearInTables() {
        let html = HTMLReport.render(F.report(F.rows[...]))
        XCTAssertTrue(html.contains("<td>3A</td><td>筹集慰问款物总额（万元）A=B+C+D+E+F</td><td class=\"n\">2167.17 元</td><td class=\"n\">0.22</td>"), html)
        XCTAssertTrue(html.contains("<td>2C</td><td>慰问困难家庭总数（户）C=D+E+F</td><td class=\"n\">3 户</td>"))
        XCTAssertTrue(html.contains("<span class=\"up\">+200.00</span>"))
        // the transition none → relative is highlighted as a move
        XCTAssertTrue(html.contains("<td class=\"n moved\">1</td>"))
        XCTAssertTrue(html.contains("<p class=\"ids\">A2</p>"))
    }

    func testBarLengthsAreProportional() {
        let html = HTMLReport.render(F.report(F.rows[...], against: false))
        // Money chart: central_aid 1000.00 is the longest bar (full 520 px); union_own 500.50 → 260 px.
        XCTAssertTrue(html.contains("width=\"520\" height=\"20\" fill=\"#b9770e\""))
        XCTAssertTrue(html.contains("width=\"260\" height=\"20\" fill=\"#b9770e\""))
        XCTAssertEqual(SVGChart.scaled(Rational(2000, 3)!, Rational(integer: 1000), 520), 346)
        XCTAssertEqual(SVGChart.scaled(.zero, Rational(integer: 1000), 520), 0)
    }

    func testEscapesTextFromRulesAndRecords() {
        var r = F.empty(against: true)
        r.rules.name = "规则 <b>&\"x\""
        let evil = F.decision("<img src=x onerror=alert(1)>", .eligible, "deep", [("<script>alert(1)</script>", "10", "central_aid")])
        r.add(evil)
        r.addComparison(old: F.decision("<img src=x onerror=alert(1)>", .ineligible, "none"), new: evil)
        let html = HTMLReport.render(r)
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("<img"))
        XCTAssertFalse(html.contains("<b>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("规则 &lt;b&gt;&amp;&quot;x&quot;"))
        XCTAssertEqual(HTMLReport.escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;")
    }

    func testSelfContained() {
        let html = HTMLReport.render(F.report(F.rows[...]))
        for banned in ["http://", "https://", "<script", "<link", "<img", "<iframe", "@import", "url(", "src=", "@font-face"] {
            XCTAssertFalse(html.lowercased().contains(banned), banned)
        }
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<meta charset=\"utf-8\">"))
    }

    /// `NUAN_WRITE_REPORT=/path/report.html swift test --filter Report` writes a demonstration
    /// report (a few hundred synthetic decisions) for scripts/screenshot-report.sh.
    func testWriteDemoReportWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["NUAN_WRITE_REPORT"], !path.isEmpty else { return }
        let html = HTMLReport.render(Self.demoReport())
        try html.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// A deterministic mix looking like a city archive re-evaluated under new rules.
    static func demoReport() -> BatchReport {
        var r = BatchReport(rules: .init(name: "蚌埠市2022年元旦春节送温暖", version: "2022.1", sha256: String(repeating: "3f", count: 32)),
                            against: .init(name: "蚌埠市2021年元旦春节送温暖", version: "2021.1", sha256: String(repeating: "a0", count: 32)),
                            groupNames: ["全国建档困难职工", "地方建档困难职工", "其他生活困难职工", "劳模工匠等先进人物"],
                            funds: [("central_aid", "中央财政专项帮扶资金"), ("provincial_finance_aid", "省财政专项帮扶资金"),
                                    ("provincial_union_warmth", "省总工会专项送温暖资金"), ("local_finance", "地方财政专项送温暖资金"),
                                    ("union_own", "本级工会经费"), ("social_donation", "社会捐助资金")],
                            benefits: ["深度困难职工送温暖帮扶金", "相对困难职工送温暖帮扶金", "意外致困一次性慰问金", "劳模走访慰问金"],
                            exampleLimit: 1000)
        let line = Rational(integer: 660)
        var seed: UInt64 = 20220101
        func next(_ n: UInt64) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % n)
        }
        for i in 0..<600 {
            let id = "BB-2022-" + String(10000 + i)
            let income = Rational(integer: Int64(200 + next(2400)))
            let band = BatchReport.bucket(perCapitaIncome: income, dibaoLine: line)
            let roll = next(100)
            var new: Decision, old: Decision
            switch band {
            case _ where i % 40 == 3:
                new = F.decision(id, .undetermined, "undetermined")
                old = F.decision(id, .eligible, "relative", [("相对困难职工送温暖帮扶金", "500", "local_finance")])
            case .below1 where roll < 70:
                new = F.decision(id, .eligible, "deep", [("深度困难职工送温暖帮扶金", "1000", roll < 40 ? "central_aid" : "provincial_finance_aid")])
                old = F.decision(id, .eligible, "deep", [("深度困难职工送温暖帮扶金", "800", "central_aid")])
            case .below1, .from1to1_5, .from1_5to2:
                new = F.decision(id, .eligible, "relative", [("相对困难职工送温暖帮扶金", "500", roll < 50 ? "provincial_union_warmth" : "local_finance")])
                old = band == .from1_5to2 && roll < 60 ? F.decision(id, .ineligible, "none")
                    : F.decision(id, .eligible, "relative", [("相对困难职工送温暖帮扶金", "500", "local_finance")])
            case .from2to3 where roll < 25:
                new = F.decision(id, .eligible, "accidental", [("意外致困一次性慰问金", "1000", roll < 10 ? "social_donation" : "union_own")])
                old = F.decision(id, .eligible, "accidental", [("意外致困一次性慰问金", "1000", "union_own")])
            case .atLeast3 where roll < 15:
                new = F.decision(id, .eligible, "none", [("劳模走访慰问金", nil, "union_own")])
                old = new
            default:
                new = roll < 8 ? F.decision(id, .undetermined, "undetermined") : F.decision(id, .ineligible, "none")
                old = roll < 30 && band == .from2to3 ? F.decision(id, .eligible, "relative", [("相对困难职工送温暖帮扶金", "500", "local_finance")]) : new
            }
            let held = [new.category == "deep", new.category == "relative", new.category == "accidental", new.category == "none" && new.status == .eligible]
            r.add(new, groups: held, migrantWorker: roll % 5 == 0, modelWorker: roll % 17 == 0,
                  perCapitaIncome: i % 50 == 7 ? nil : income, dibaoLine: line)
            r.addComparison(old: old, new: new)
        }
        r.add(Decision.invalid(id: "BB-2022-99999", errors: []))
        r.addComparison(old: Decision.invalid(id: "BB-2022-99999", errors: []), new: Decision.invalid(id: "BB-2022-99999", errors: []))
        return r
    }
}
