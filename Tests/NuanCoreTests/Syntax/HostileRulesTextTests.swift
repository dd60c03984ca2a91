import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// Small pieces of the hostile-input work: paths taken apart without traps, quoted input kept
/// short and free of control characters, a year that would overflow the day arithmetic.
final class HostileRulesTextTests: XCTestCase {
    func testPathsOfOneCharacter() {
        XCTAssertEqual(FilePath.directory(of: "x"), "")
        XCTAssertEqual(FilePath.directory(of: "-"), "")
        XCTAssertEqual(FilePath.directory(of: "/"), "/")
        XCTAssertEqual(FilePath.directory(of: "/x"), "/")
        XCTAssertEqual(FilePath.directory(of: "a/b.rules"), "a")
        XCTAssertEqual(FilePath.directory(of: "a/b/"), "a")
        XCTAssertEqual(FilePath.lastComponent(of: "x"), "x")
        XCTAssertEqual(FilePath.lastComponent(of: "a/b.rules"), "b.rules")
        XCTAssertEqual(FilePath.join("", "p.rules"), "p.rules")
        XCTAssertEqual(FilePath.join("a", "p.rules"), "a/p.rules")
        XCTAssertEqual(FilePath.join("a", "/etc/p.rules"), "/etc/p.rules")
        for p in ["x", "-", "/", ".", "..", "x.rules"] {
            XCTAssertNotNil(Nuan.compile(path: p, text: "规则 \"x\"\n").0, p)
        }
    }

    func testEchoedTextIsShortAndEscaped() {
        XCTAssertEqual(EchoText.excerpt("a\u{1B}[31mb"), "a\\u{1B}[31mb")
        XCTAssertEqual(EchoText.excerpt(String(repeating: "字", count: 100)), String(repeating: "字", count: 40) + "…")
        XCTAssertEqual(EchoText.excerpt("\u{202E}abc"), "\\u{202E}abc")
        // An unknown identifier of a megabyte is quoted as 40 characters.
        let huge = String(repeating: "甲", count: 100_000)
        let diags = Nuan.compile(path: "h.rules", text: "规则 \"h\"\n\(huge)\n").1
        XCTAssertLessThan(DiagnosticRenderer.render(diags).utf8.count, 2_000)
    }

    /// A 200,000-character unknown name: was cubic in the keyword-split hint (a hang).
    func testAHugeUnknownNameIsQuickAndQuotedShort() {
        let start = Date()
        let text = "规则 \"n\"\n定义 x = " + String(repeating: "甲", count: 200_000) + " 且 是\n"
        let diags = Nuan.compile(path: "n.rules", text: text).1
        XCTAssertEqual(diags.map(\.code), ["check.unknown-name"])
        XCTAssertLessThan(DiagnosticRenderer.render(diags).utf8.count, 2_000)
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
    }

    func testAYearMustHaveFourDigits() {
        let diags = Nuan.compile(path: "y.rules", text: "规则 \"y\"\n年度 99999999999\n").1
        XCTAssertEqual(diags.map(\.code), ["parse.expected"])
        XCTAssertNotNil(Nuan.compile(path: "y.rules", text: "规则 \"y\"\n年度 2022\n").0)
    }
}
