import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// Golden tests of `nuan check`: every `Tests/Fixtures/check/*.rules` is checked (syntax, types
/// and the lints) and its rendered diagnostics compared with `NAME.expected` (Chinese) and
/// `NAME.en.expected` (`--lang en`). `NUAN_RECORD=1 swift test` re-records; review with `git diff`.
final class LintGoldenTests: XCTestCase {

    /// Every lint code, and the checker errors the lints rely on, has a fixture producing it.
    static let codes = ["lint.unused", "lint.contradiction", "lint.shadowed", "lint.unique-overlap", "lint.income-gap",
                        "lint.region-missing", "lint.earmark-open", "lint.no-citation", "lint.implausible",
                        "check.earmark", "type.amount-unit", "check.override-missing",
                        "check.override-drops-versions", "check.default-only", "check.field-policy"]

    func withFixtures<T>(_ body: () throws -> T) rethrows -> T { try Golden.inDirectory(Golden.fixtures, body) }

    func testCheckDiagnosticsMatchGoldenFiles() throws {
        try withFixtures {
            let names = try FileManager.default.contentsOfDirectory(atPath: "check").filter { $0.hasSuffix(".rules") }.sorted()
            XCTAssertGreaterThanOrEqual(names.count, 12)
            var seen: Set<String> = []
            for name in names {
                let path = "check/" + name
                for (english, suffix) in [(false, ".expected"), (true, ".en.expected")] {
                    let diags = RulesCheck.check(path: path, english: english)
                    seen.formUnion(diags.map(\.code))
                    Golden.checkFixture(DiagnosticRenderer.render(diags, english: english),
                                        against: path.replacingOccurrences(of: ".rules", with: suffix))
                }
            }
            for code in LintGoldenTests.codes { XCTAssertTrue(seen.contains(code), "no fixture produces \(code)") }
        }
    }

    func testCleanFileHasNoDiagnostics() {
        withFixtures { XCTAssertEqual(RulesCheck.check(path: "check/clean.rules"), []) }
    }

    func testLintsAreWarningsAndCheckerProblemsErrors() {
        withFixtures {
            for d in RulesCheck.check(path: "check/contradiction.rules") { XCTAssertEqual(d.severity, .warning) }
            XCTAssertEqual(RulesCheck.check(path: "check/earmark.rules").map(\.code), ["check.earmark"])
            XCTAssertEqual(RulesCheck.check(path: "check/amount-unit.rules").map(\.code), ["type.amount-unit", "type.amount-unit"])
        }
    }

    /// The lints report declarations of the checked file only: a parent's unused names and
    /// missing citations are the parent's business.
    func testOnlyTheCheckedFileIsLinted() {
        withFixtures {
            let diags = RulesCheck.check(path: "check/override-missing.rules")
            XCTAssertTrue(diags.allSatisfy { $0.range.file?.path == "check/override-missing.rules" })
        }
    }
}
