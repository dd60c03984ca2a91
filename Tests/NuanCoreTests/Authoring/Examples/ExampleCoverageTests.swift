import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// `nuan test --coverage`: rules and branches no example exercises, by notice clause.
final class ExampleCoverageTests: XCTestCase {
    func coverage(_ relative: String) -> ExampleCoverage {
        let cwd = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(Golden.root)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(cwd) }
        let r = ExampleRunner.run(path: relative)
        XCTAssertEqual(r.failed, 0, ExampleReport.render(r))
        return ExampleCoverage.compute(r)!
    }

    func testCoverageGolden() {
        let c = coverage("Tests/Fixtures/test/coverage.rules")
        Golden.check(ExampleCoverage.render(c), against: "Tests/Fixtures/test/coverage.expected")
        Golden.check(ExampleCoverage.json(c) + "\n", against: "Tests/Fixtures/test/coverage.json.expected")
    }

    func testUncoveredRulesAndSides() {
        let c = coverage("Tests/Fixtures/test/coverage.rules")
        let gaps = c.clauses.flatMap(\.gaps)
        // No example is a 低保 household: the category, the exception and 农民工 never hold.
        XCTAssertTrue(gaps.contains { $0.kind == .rule && $0.rule == "类别 深度困难（deep）" })
        XCTAssertTrue(gaps.contains { $0.kind == .rule && $0.rule.hasPrefix("福利 困难帮扶金 除非") })
        XCTAssertTrue(gaps.contains { $0.kind == .rule && $0.rule == "福利 农民工慰问金" })
        XCTAssertFalse(gaps.contains { $0.kind == .rule && $0.rule == "福利 劳模慰问金" })
        // `享受低保` in 低收入 was seen false but never true.
        let side = gaps.first { $0.kind == .branch && $0.rule == "定义 低收入" && $0.test == "享受低保" }
        XCTAssertEqual(side?.never, [true])
        // The clause with everything covered is complete.
        XCTAssertTrue(c.clauses.first { $0.citation == "通知 二（二）" }!.complete)
        XCTAssertTrue(c.percent > 0 && c.percent < 100)
    }

    func testShippedRulesHaveCoverage() {
        for path in Golden.rulesFiles(under: "Rules") where !path.hasSuffix("national-base.rules") {
            let c = coverage(path)
            XCTAssertGreaterThan(c.rulesCovered, 0, path)
        }
    }
}
