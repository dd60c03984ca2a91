import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain

/// The three views of every example applicant's decision (`Rules/examples/`), in Chinese and
/// English, with recourse as `nuan screen` gives it: `Tests/Fixtures/views/<name>.<view>.<lang>.txt`
/// (and the printable notice of two of them as HTML). `NUAN_RECORD=1 swift test` re-records;
/// review with `git diff` — the notice is what an applicant is handed.
final class ViewGoldenTests: XCTestCase {
    static let rulesFor = ExplanationGoldenTests.rulesFor

    /// Every example with its program and decision in each language.
    func examples() throws -> [(name: String, program: CheckedProgram, decisions: [(Language, Decision)])] {
        let fm = FileManager.default
        return try Golden.inDirectory(Golden.root) {
            let names = try fm.contentsOfDirectory(atPath: "Rules/examples").filter { $0.hasSuffix(".json") }.sorted()
            XCTAssertGreaterThanOrEqual(names.count, 10)
            var programs: [String: CheckedProgram] = [:]
            var out: [(String, CheckedProgram, [(Language, Decision)])] = []
            for name in names {
                let rules = try XCTUnwrap(Self.rulesFor[String(name.prefix { $0 != "-" })])
                if programs[rules] == nil {
                    let (p, d) = Nuan.compile(path: "Rules/\(rules).rules")
                    programs[rules] = try XCTUnwrap(p, DiagnosticRenderer.render(d))
                }
                let json = try XCTUnwrap(fm.contents(atPath: "Rules/examples/" + name))
                let decisions = [Language.chinese, .english].map { l in
                    (l, Nuan.screen(programs[rules]!, json: [UInt8](json), explain: .full, recourse: true, language: l))
                }
                out.append((String(name.dropLast(5)), programs[rules]!, decisions))
            }
            return out
        }
    }

    /// The rules digest changes with every edit of a comment; the goldens are about the words.
    static func withoutDigests(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let r = line.range(of: "sha256 ") else { return String(line) }
            return String(line[..<r.upperBound]) + "…"
        }.joined(separator: "\n")
    }

    func testEveryViewOfEveryExampleMatchesItsGolden() throws {
        for (name, program, decisions) in try examples() {
            for (language, d) in decisions {
                let lang = language == .english ? "en" : "zh"
                for view in DecisionView.allCases {
                    let text = DecisionText(program: program, english: language == .english, showRecourse: true, view: view).render(d)
                    Golden.checkFixture(Self.withoutDigests(text), against: "views/\(name).\(view.rawValue).\(lang).txt")
                }
            }
        }
    }

    func testTheNoticePagesMatchTheirGoldens() throws {
        for (name, program, decisions) in try examples() where name == "bengbu-deep-national" || name == "bengbu-high-income" {
            for (language, d) in decisions {
                let html = NoticeHTML(program: program, english: language == .english).render(d)
                Golden.checkFixture(html, against: "views/\(name).notice.\(language == .english ? "en" : "zh").html")
            }
        }
    }

    /// No construct of the rule language and no option code in what an applicant or a
    /// caseworker reads (Chinese): the auditor's view is where the rules' own text belongs.
    func testNoticeAndCaseworkerViewsSpeakNoRuleLanguage() throws {
        var scanned = 0
        for (name, program, decisions) in try examples() {
            let codes = Set(program.enums.flatMap(\.codes) + program.categories.map(\.code))
            for (language, d) in decisions where language == .chinese {
                for view in [DecisionView.notice, .caseworker] {
                    var text = DecisionText(program: program, showRecourse: true, view: view).render(d)
                    text += NoticeHTML(program: program).render(d)
                    for construct in ["已知(", "已填(", "非（以下不成立）", "（未计算）", " ≠ ", " 且 ", " 或 ", "含任一 ["] {
                        XCTAssertFalse(text.contains(construct), "\(name) \(view): \(construct)")
                    }
                    // ASCII words, outside the rules line (its digest) and the page's markup.
                    let body = text.split(separator: "\n").filter { !$0.contains("sha256") && !$0.contains("<") && !$0.contains("{") }
                    for line in body {
                        let words = line.split { !($0.isASCII && ($0.isLetter || $0 == "_")) }.map(String.init)
                        for w in words { XCTAssertFalse(codes.contains(w), "\(name) \(view): option code “\(w)” in: \(line)") }
                    }
                    scanned += 1
                }
            }
        }
        XCTAssertGreaterThanOrEqual(scanned, 20)
    }

    /// A grant with a benefit still open: the grant is decided; the third sentence says what
    /// the rest waits for and what each answer gives (both sides of the boundary, verified).
    func testAGrantWithABenefitStillOpenSaysWhatItWaitsFor() throws {
        let (p, diags) = Nuan.compile(path: Golden.rootURL.appendingPathComponent("Rules/bengbu-2022.rules").path)
        let program = try XCTUnwrap(p, DiagnosticRenderer.render(diags))
        let record = #"{"id":"P-1","name":"乙","region":"蚌埠市","household_size":2,"hardship_causes":["serious_illness"],"archive_type":"none","archive_level":"none","groups":["epidemic_frontline"]}"#
        let d = Nuan.screen(program, json: Array(record.utf8), explain: .brief, recourse: true)
        XCTAssertEqual(d.status, .eligible)
        XCTAssertEqual(d.reasons.count, 3)
        XCTAssertEqual(d.reasons.last, "未建档困难职工家庭一次性送温暖资金 暂无法确定：缺少 家庭月收入。家庭月收入为 3960.00 元：符合条件（未建档困难职工家庭一次性送温暖资金、抗疫一线人员慰问），合计 1000.00 元；家庭月收入为 3960.01 元：符合条件（抗疫一线人员慰问）。")
        XCTAssertEqual(d.recourse.count, 2)
    }

    /// The score's parts show values, not formulas.
    func testScorePartsShowTheirValues() throws {
        let ex = try XCTUnwrap(try examples().first { $0.name == "bengbu-deep-national" })
        let d = try XCTUnwrap(ex.decisions.first { $0.0 == .chinese }?.1)
        let score = try XCTUnwrap(d.basis.first { $0.kind == .score })
        XCTAssertTrue(score.values.contains("收入差距 2.39 × 10 = 23.94"), "\(score.values)")
        XCTAssertFalse(score.values.joined().contains("限于"))
    }
}
