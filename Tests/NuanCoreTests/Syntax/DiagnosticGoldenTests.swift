import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// Golden diagnostics: every `Tests/Fixtures/diagnostics/*.rules` is compiled and its rendered
/// diagnostics compared with the sibling `.expected` file (Chinese, the default) and
/// `.en.expected` (English, `--lang en`). `NUAN_RECORD=1 swift test` re-records; review the
/// change with `git diff`.
final class DiagnosticGoldenTests: XCTestCase {
    func withFixtures<T>(_ body: () throws -> T) rethrows -> T { try Golden.inDirectory(Golden.fixtures, body) }

    func testDiagnosticsMatchGoldenFiles() throws {
        try withFixtures {
            let names = try FileManager.default.contentsOfDirectory(atPath: "diagnostics").filter { $0.hasSuffix(".rules") }.sorted()
            XCTAssertGreaterThanOrEqual(names.count, 10)
            for name in names {
                let path = "diagnostics/" + name
                let (_, diags) = Nuan.compile(path: path)
                XCTAssertTrue(diags.hasErrors, "\(name) should have errors")
                for (english, suffix) in [(false, ".expected"), (true, ".en.expected")] {
                    Golden.checkFixture(DiagnosticRenderer.render(diags, english: english),
                                        against: path.replacingOccurrences(of: ".rules", with: suffix))
                }
            }
        }
    }

    /// Every diagnostic the lexer, parser, loader and checker make has an English text, and so
    /// has each of its notes; the Chinese rendering is the default.
    func testEveryDiagnosticHasEnglish() throws {
        try withFixtures {
            let names = try FileManager.default.contentsOfDirectory(atPath: "diagnostics").filter { $0.hasSuffix(".rules") }
            for name in names {
                for d in Nuan.compile(path: "diagnostics/" + name).1 {
                    XCTAssertNotNil(d.englishMessage, "\(name): \(d.code) \(d.message)")
                    XCTAssertNotEqual(d.englishMessage, d.message, "\(name): \(d.code)")
                    for n in d.notes { XCTAssertNotNil(n.englishMessage, "\(name): note of \(d.code): \(n.message)") }
                    XCTAssertEqual(DiagnosticRenderer.render(d), DiagnosticRenderer.render(d, english: false))
                }
            }
        }
    }

    /// `--set` problems have no place in a file: English puts them on the command line.
    func testCommandLineOverrideProblemsInEnglish() throws {
        let text = """
        规则 "覆盖"
        参数 低保标准 = 660 元/月 依据 "测试"
        参数 倍数 = 3 倍 依据 "测试"
        """
        let (p, diags) = Nuan.compile(path: "set.rules", text: text, overrides: [("底保标准", "700"), ("倍数", "三")])
        XCTAssertNil(p)
        XCTAssertEqual(DiagnosticRenderer.render(diags, english: true), """
        <command line>: error: --set: there is no parameter named “底保标准”; did you mean 低保标准? [set.unknown]
        <command line>: error: --set 倍数=三: the value is not a number [set.value]

        """)
        XCTAssertEqual(DiagnosticRenderer.render(diags), """
        <命令行>: error: --set：没有名为 “底保标准” 的参数；是不是 低保标准？ [set.unknown]
        <命令行>: error: --set 倍数=三：值不是数字 [set.value]

        """)
    }

    /// A diagnostic made without an English text (a later stage's, or a caller's) shows its one
    /// message in both languages.
    func testDiagnosticWithoutEnglishFallsBackToItsMessage() {
        let d = Diagnostic.error("x.y", "只有中文", at: .synthetic, notes: [.init(message: "注", range: nil)])
        XCTAssertEqual(DiagnosticRenderer.render(d, english: true), "<command line>: error: 只有中文 [x.y]\n  = note: 注\n")
    }
}
