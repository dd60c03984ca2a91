import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// The full 3×3 tables of 且 / 或 and the table of 非, with unknown from a missing input.
final class KleeneTests: XCTestCase {
    let program = TestRules.compile("""
    福利 甲 = 1 元 当 享受低保 且 已建 资金 [central_aid] 依据 "t"
    福利 乙 = 1 元 当 享受低保 或 已建 资金 [central_aid] 依据 "t"
    福利 丙 = 1 元 当 非 享受低保 资金 [central_aid] 依据 "t"
    定义 已建 = 建档类型 = 深度困难 依据 "t"
    """)

    /// Record fragments that make each operand true, false or unknown.
    let a: [Truth: String] = [.yes: "\"receives_dibao\": true", .no: "\"receives_dibao\": false", .unknown: ""]
    let b: [Truth: String] = [.yes: "\"archive_type\": \"deep\"", .no: "\"archive_type\": \"none\"", .unknown: ""]

    func outcome(_ x: Truth, _ y: Truth, benefit: String) -> Truth {
        let parts = ["\"id\": \"k\"", a[x]!, b[y]!].filter { !$0.isEmpty }
        let d = TestRules.decide(program, "{" + parts.joined(separator: ",") + "}", explain: .none)
        if d.awards.contains(where: { $0.benefit == benefit }) { return .yes }
        if d.pending.contains(benefit) { return .unknown }
        return .no
    }

    func testAndTable() {
        let expected: [[Truth]] = [[.yes, .no, .unknown], [.no, .no, .no], [.unknown, .no, .unknown]]
        for (i, x) in [Truth.yes, .no, .unknown].enumerated() {
            for (j, y) in [Truth.yes, .no, .unknown].enumerated() {
                XCTAssertEqual(outcome(x, y, benefit: "甲"), expected[i][j], "\(x) 且 \(y)")
            }
        }
    }

    func testOrTable() {
        let expected: [[Truth]] = [[.yes, .yes, .yes], [.yes, .no, .unknown], [.yes, .unknown, .unknown]]
        for (i, x) in [Truth.yes, .no, .unknown].enumerated() {
            for (j, y) in [Truth.yes, .no, .unknown].enumerated() {
                XCTAssertEqual(outcome(x, y, benefit: "乙"), expected[i][j], "\(x) 或 \(y)")
            }
        }
    }

    func testNotTable() {
        XCTAssertEqual(outcome(.yes, .no, benefit: "丙"), .no)
        XCTAssertEqual(outcome(.no, .no, benefit: "丙"), .yes)
        XCTAssertEqual(outcome(.unknown, .no, benefit: "丙"), .unknown)
    }

    func testUnknownCarriesTheMissingInputs() {
        let d = TestRules.decide(program, "{\"id\": \"k\"}", explain: .none)
        XCTAssertEqual(d.status, .undetermined)
        XCTAssertEqual(Set(d.missing), ["receives_dibao", "archive_type"])
    }
}
