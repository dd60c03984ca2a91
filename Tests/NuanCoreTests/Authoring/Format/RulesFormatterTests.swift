import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// `nuan fmt`: one canonical layout, every comment kept, idempotent, and never a different
/// decision.
final class RulesFormatterTests: XCTestCase {
    override func setUp() {
        _ = FileManager.default.changeCurrentDirectoryPath(Golden.root)
    }

    func format(_ text: String, path: String = "t.rules", file: StaticString = #filePath, line: UInt = #line) -> String {
        let (out, diags) = RulesFormatter.format(path: path, text: text)
        XCTAssertNotNil(out, DiagnosticRenderer.render(diags), file: file, line: line)
        return out ?? ""
    }

    func testMessyGolden() {
        let text = Golden.read("Tests/Fixtures/fmt/messy.rules")!
        Golden.check(format(text, path: "Tests/Fixtures/fmt/messy.rules"), against: "Tests/Fixtures/fmt/messy.expected")
    }

    /// Every shipped file and every parseable file under Tests/.
    var corpus: [String] {
        Golden.rulesFiles(under: "Rules") + Golden.rulesFiles(under: "Tests")
    }

    /// Long conditionals: `若` chains one branch per line, `且`/`或` chains one operand per line at
    /// any depth, lists wrapped, an officer's breaks kept where they fit; no line over 100 columns.
    func testLongConditionsGolden() {
        let path = "Tests/Fixtures/fmt/long-conditions.rules"
        let out = format(Golden.read(path)!, path: path)
        Golden.check(out, against: "Tests/Fixtures/fmt/long-conditions.expected")
        for l in out.split(separator: "\n") where !l.contains("#") {
            XCTAssertLessThanOrEqual(Printer.width(String(l)), Printer.maxWidth, String(l))
        }
        XCTAssertEqual(format(out, path: path), out, "idempotent")
    }

    /// A chain the author broke keeps its breaks where the lines fit; one written on one line
    /// that fits stays on one line; a break the author made inside a line too wide is redone.
    func testAuthorsBreaksKeptWhereTheyFit() {
        let head = "规则 \"t\"\n\n字段 a 甲 : 是否\n字段 b 乙 : 是否\n字段 c 丙 : 是否\n"
        let broken = head + "\n定义 X =\n    甲 且 乙\n  且 丙\n"
        XCTAssertEqual(format(broken), broken)
        XCTAssertEqual(format(head + "定义 X = 甲 且 乙 且 丙\n"), head + "\n定义 X = 甲 且 乙 且 丙\n")
        let long = String(repeating: "甲 且 ", count: 30) + "乙"
        let out = format(head + "定义 X = " + long + "\n")
        XCTAssertEqual(out.split(separator: "\n").filter { $0.hasPrefix("  且 ") }.count, 30, "one operand per line")
        XCTAssertEqual(format(out), out)
    }

    func testIdempotentAndParsesOnCorpus() {
        var formatted = 0
        for path in corpus {
            let text = Golden.read(path)!
            guard let once = RulesFormatter.format(path: path, text: text).text else {
                // A file with syntax errors on purpose (diagnostic fixtures) is never rewritten.
                XCTAssertTrue(Parser.parse(SourceFile(path: path, text: text)).1.hasErrors, path)
                continue
            }
            formatted += 1
            let reparsed = Parser.parse(SourceFile(path: path, text: once))
            XCTAssertFalse(reparsed.1.hasErrors, "\(path)：整理后无法解析\n" + DiagnosticRenderer.render(reparsed.1))
            XCTAssertEqual(RulesFormatter.format(path: path, text: once).text, once, "\(path)：整理两次结果不同")
            let before = Parser.parse(SourceFile(path: path, text: text)).0.comments.map { $0.text.trimmingTrailingSpaces }
            XCTAssertEqual(reparsed.0.comments.map { $0.text.trimmingTrailingSpaces }.sorted(), before.sorted(), "\(path)：注释有丢失")
        }
        XCTAssertGreaterThan(formatted, 6)
    }

    /// What a decision says that formatting must keep (`FormatInvariant`).
    func signature(_ d: Decision, _ p: CheckedProgram) -> String { FormatInvariant.signature(d, p) }

    func decisions(_ path: String, _ text: String, records: [String]) -> [String]? {
        let (p, _) = Nuan.compile(path: path, text: text)
        guard let p else { return nil }
        var out: [String] = []
        let r = ExampleRunner.run(path: path, program: p, diagnostics: [])
        for ex in r.examples { out.append(ex.decision.map { signature($0, p) } ?? "errors: \(ex.errors.map(\.message))") }
        for rec in records { out.append(signature(Nuan.screen(p, json: Array(rec.utf8), explain: .full), p)) }
        return out
    }

    func testDecisionsUnchangedByFormatting() {
        let records = (try? FileManager.default.contentsOfDirectory(atPath: "Rules/examples")) ?? []
        var compared = 0
        for path in corpus {
            let text = Golden.read(path)!
            guard let formatted = RulesFormatter.format(path: path, text: text).text else { continue }
            let name = (path as NSString).lastPathComponent
            let prefix = String(name.prefix { $0 != "-" && $0 != "." })
            let mine = path.hasPrefix("Rules/")
                ? records.filter { $0.hasPrefix(prefix + "-") && $0.hasSuffix(".json") }.sorted().compactMap { Golden.read("Rules/examples/" + $0) }
                : []
            guard let before = decisions(path, text, records: mine) else { continue }
            let after = decisions(path, formatted, records: mine)
            XCTAssertEqual(after, before, "\(path)：整理前后的决定不同")
            compared += before.count
        }
        XCTAssertGreaterThan(compared, 40)
    }

    func testFullTextDecisionsUnchangedWhenExpressionsAreCanonical() {
        // Where the source already writes expressions canonically, even the explanation text is identical.
        let path = "Tests/Fixtures/test/failing.rules"
        let text = Golden.read(path)!
        let formatted = format(text, path: path)
        let a = ExampleRunner.run(path: path, text: text), b = ExampleRunner.run(path: path, text: formatted)
        for (x, y) in zip(a.examples, b.examples) {
            guard let dx = x.decision, let dy = y.decision else { continue }
            let jx = DecisionJSON(program: a.program!).render(dx), jy = DecisionJSON(program: b.program!).render(dy)
            XCTAssertEqual(jx.components(separatedBy: ",\"rules\":")[0], jy.components(separatedBy: ",\"rules\":")[0])
        }
    }

    func testMinimalParenthesesRespectPrecedence() {
        let cases: [(String, String)] = [
            ("((a)) + b * c", "a + b × c"),
            ("(a + b) * c", "(a + b) × c"),
            ("a - (b - c)", "a - (b - c)"),
            ("(a - b) - c", "a - b - c"),
            ("(x and y) or z", "x 且 y 或 z"),
            ("x and (y or z)", "x 且 (y 或 z)"),
            ("not (x and y)", "非 (x 且 y)"),
            ("(not x) and y", "非 x 且 y"),
            ("-(a + b)", "-(a + b)"),
            ("(a < b) = c", "(a < b) = c"),
            ("a <= b*2", "a ≤ b × 2"),
            ("a != b", "a ≠ b"),
            ("(if x then a else b) + 1", "(若 x 则 a 否则 b) + 1"),
            ("clamp(a / b, 0, 3)", "限于(a ÷ b, 0, 3)"),
            ("max(a, min(b, c))", "最大(a, 最小(b, c))"),
            ("L contains_any 【甲，乙】", "L 含任一 [甲, 乙]"),
            ("given(x) and L is_empty", "已填(x) 且 L 为空"),
        ]
        for (input, expected) in cases {
            let out = format("规则 \"t\"\n定义 d = \(input)\n")
            XCTAssertEqual(out, "规则 \"t\"\n\n定义 d = \(expected)\n", input)
        }
    }

    func testEnglishAliasesAndFullWidthPunctuationNormalised() {
        let out = format("rules \"t\"\n  version \"1\"\nfield x 甲：enum { a 一，b 二 } default a\n")
        XCTAssertEqual(out, "规则 \"t\"\n  版本 \"1\"\n\n字段 x 甲 : 选项 {\n  a 一,\n  b 二\n} 默认 a\n")
    }

    func testCommentsKeptInPlace() {
        let text = """
        # head
        规则 "t"  # title

        # before x
        定义 x = 1 倍  # after x
          依据 "s"  # after source

        # before y

        # also before y
        参数 y = 2 倍 依据 "s"
        # at the end
        """
        let expected = """
        # head
        规则 "t"  # title

        # before x
        定义 x = 1 倍  # after x
          依据 "s"  # after source

        # before y

        # also before y
        参数 y = 2 倍
          依据 "s"

        # at the end

        """
        XCTAssertEqual(format(text), expected)
    }

    func testSyntaxErrorIsNotFormatted() {
        let (out, diags) = RulesFormatter.format(path: "t.rules", text: "规则 \"t\"\n定义 = 1\n")
        XCTAssertNil(out)
        XCTAssertTrue(diags.hasErrors)
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return s
    }
}
