import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// Golden explanations: every applicant in `Rules/examples/` is screened under the rules file
/// its name starts with, and the Chinese text (and, for two of them, the English) compared with
/// `Tests/Fixtures/explain/<name>.expected`. `NUAN_RECORD=1 swift test` re-records; review the
/// change with `git diff` — these files are what a caseworker reads.
final class ExplanationGoldenTests: XCTestCase {
    static let rulesFor = ["bengbu": "bengbu-2022", "heilongjiang": "heilongjiang-2021", "leshan": "leshan-2012",
                           "qinghai": "qinghai-2020", "wuzhou": "wuzhou-2018"]

    func testExplanationsMatchGoldenFiles() throws {
        let fm = FileManager.default
        try Golden.inDirectory(Golden.root) {
            let examples = try fm.contentsOfDirectory(atPath: "Rules/examples").filter { $0.hasSuffix(".json") }.sorted()
            XCTAssertGreaterThanOrEqual(examples.count, 10)
            var programs: [String: CheckedProgram] = [:]
            for name in examples {
                let prefix = String(name.prefix { $0 != "-" })
                let rules = try XCTUnwrap(Self.rulesFor[prefix], "no rules file for \(name)")
                if programs[rules] == nil {
                    let (p, d) = Nuan.compile(path: "Rules/\(rules).rules")
                    programs[rules] = try XCTUnwrap(p, DiagnosticRenderer.render(d))
                }
                let program = programs[rules]!
                let json = try XCTUnwrap(fm.contents(atPath: "Rules/examples/" + name))
                var cases: [(Language, String)] = [(.chinese, ".expected")]
                if name == "bengbu-high-income.json" || name == "heilongjiang-holiday-frontline.json" { cases.append((.english, ".en.expected")) }
                for (language, suffix) in cases {
                    let d = Nuan.screen(program, json: [UInt8](json), explain: .full, language: language)
                    // The rules digest changes with every edit of a comment; the golden is about the words.
                    var text = DecisionText(program: program, english: language == .english).render(d)
                    if let r = text.range(of: "sha256 ") {
                        text.replaceSubrange(r.upperBound..<text.index(r.upperBound, offsetBy: 12), with: "…")
                    }
                    Golden.checkFixture(text, against: "explain/" + name.replacingOccurrences(of: ".json", with: suffix))
                }
            }
        }
    }
}
