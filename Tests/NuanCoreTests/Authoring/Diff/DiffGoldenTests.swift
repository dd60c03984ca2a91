import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// Golden tests of `nuan diff`: for every `Tests/Fixtures/diff/NAME.old.rules` and its
/// `NAME.new.rules`, the changes rendered as text must equal `NAME.expected` and as JSON
/// `NAME.json.expected`. `NUAN_RECORD=1 swift test` re-records; review with `git diff`.
final class DiffGoldenTests: XCTestCase {
    func withFixtures<T>(_ body: () throws -> T) rethrows -> T { try Golden.inDirectory(Golden.fixtures, body) }

    func changes(_ name: String) -> [RulesChange] {
        let (a, da) = Nuan.compile(path: "diff/\(name).old.rules")
        let (b, db) = Nuan.compile(path: "diff/\(name).new.rules")
        XCTAssertNotNil(a, DiagnosticRenderer.render(da))
        XCTAssertNotNil(b, DiagnosticRenderer.render(db))
        guard let a, let b else { return [] }
        return RulesDiff.compare(a, b)
    }

    func testDiffsMatchGoldenFiles() throws {
        try withFixtures {
            let names = try FileManager.default.contentsOfDirectory(atPath: "diff").filter { $0.hasSuffix(".old.rules") }
                .map { String($0.dropLast(".old.rules".count)) }.sorted()
            XCTAssertGreaterThanOrEqual(names.count, 3)
            for name in names {
                let c = changes(name)
                let old = "diff/\(name).old.rules", new = "diff/\(name).new.rules"
                for (suffix, actual) in [(".expected", DiffReport.text(c, old: old, new: new)), (".json.expected", DiffReport.json(c, old: old, new: new))] {
                    Golden.checkFixture(actual, against: "diff/\(name)\(suffix)")
                }
            }
        }
    }

    /// Weakening an assertion is a change a reviewer must see, though it decides nothing.
    func testAssertionChangesAreReported() {
        withFixtures {
            let c = changes("assertions")
            XCTAssertEqual(c.map(\.code), ["assertion.removed", "assertion.claim", "citation", "assertion.condition", "assertion.added"])
            XCTAssertEqual(c[1].old, "合计 至多 1000.00 元")
            XCTAssertEqual(c[1].new, "合计 至多 2000.00 元")
            XCTAssertEqual(c[4].new, "当 本年度退档 则 不用资金 [union_own]")
        }
    }

    func testReorderingAndReformattingIsNoDifference() {
        withFixtures { XCTAssertEqual(changes("reorder"), []) }
    }

    func testAFileComparedWithItselfHasNoDifference() {
        withFixtures {
            for name in ["benefits.old", "param-value.new", "reorder.new"] {
                let (p, _) = Nuan.compile(path: "diff/\(name).rules")
                let (q, _) = Nuan.compile(path: "diff/\(name).rules")
                XCTAssertEqual(RulesDiff.compare(p!, q!), [], name)
            }
        }
    }

    func testParameterChangesListWhereUsed() {
        withFixtures {
            let c = changes("param-value")
            XCTAssertEqual(c.map(\.code), ["parameter.value", "parameter.value"])
            XCTAssertEqual(c[0].subject, "参数 低保标准［西宁市］")
            XCTAssertEqual(c[0].old, "700 元/月")
            XCTAssertEqual(c[0].new, "720 元/月")
            XCTAssertEqual(c[0].usedBy, ["定义 低于两倍低保", "类别 deep"])
            XCTAssertEqual(c[0].affects, ["福利 帮扶金"])
        }
    }

    func testConditionDirections() {
        withFixtures {
            let c = changes("benefits")
            let summaries = c.map(\.summary)
            XCTAssertTrue(summaries.contains { $0.hasPrefix("福利 低收入补贴 的条件放宽") }, summaries.joined(separator: "\n"))
            XCTAssertTrue(summaries.contains { $0.hasPrefix("福利 大病补贴 的条件收紧") })
            XCTAssertTrue(summaries.contains { $0.hasPrefix("福利 低保补贴 的条件放宽") })
            XCTAssertTrue(c.contains { $0.code == "fund.may-pay" && $0.new == "工匠" })
            XCTAssertTrue(c.contains { $0.code == "benefit.fund-removed" && $0.old == "union_own" })
        }
    }
}

/// `nuan diff --lang en`: the same changes, every sentence in English; only names and printed
/// conditions from the rules files stay Chinese.
final class DiffEnglishTests: XCTestCase {
    func testEnglishDiffHasNoChineseSentences() throws {
        try Golden.inDirectory(Golden.fixtures) {
            for name in ["benefits", "param-value", "validity"] {
                let oldPath = "diff/\(name).old.rules", newPath = "diff/\(name).new.rules"
                let a = try XCTUnwrap(Nuan.compile(path: oldPath).0), b = try XCTUnwrap(Nuan.compile(path: newPath).0)
                let chinese = RulesDiff.compare(a, b), english = RulesDiff.compare(a, b, english: true)
                XCTAssertEqual(english.map(\.code), chinese.map(\.code), name)
                let text = DiffReport.text(english, old: oldPath, new: newPath, english: true)
                XCTAssertTrue(text.contains("difference"), text)
                let sources = try [oldPath, newPath].map { try String(contentsOfFile: $0, encoding: .utf8) }
                EnglishText.assertOnlyData(text, data: sources,
                                           forbidden: ["参数", "定义", "对象", "资金", "福利", "福利组", "类别", "无效规则", "规则文件", "依据", "提示"])
            }
        }
    }

    func testEnglishSentences() throws {
        try Golden.inDirectory(Golden.fixtures) {
            let a = try XCTUnwrap(Nuan.compile(path: "diff/benefits.old.rules").0), b = try XCTUnwrap(Nuan.compile(path: "diff/benefits.new.rules").0)
            let text = DiffReport.text(RulesDiff.compare(a, b, english: true), old: "a", new: "b", english: true)
            XCTAssertTrue(text.hasPrefix("a → b: 14 differences in meaning\n"), text)
            XCTAssertTrue(text.contains("  the rules file, version: 2022.1 → 2023.1\n"), text)
            XCTAssertTrue(text.contains("  removed benefit 旧慰问 (200 元/户)\n"), text)
            XCTAssertTrue(text.contains("  benefit 低收入补贴, condition widened: "), text)
            XCTAssertTrue(text.contains("  fund union_own may now pay recipient group 工匠\n"), text)
            XCTAssertEqual(DiffReport.text([], old: "a", new: "b", english: true), "a → b: no difference in meaning\n")
        }
    }
}
