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
