import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// The explanation reads figures, it never traps on them: a `--set` at the edge of 64 bits
/// gives a decision with no margin line rather than a crash.
final class ExplanationOverflowTests: XCTestCase {
    func testExtremeOverrideGivesADecisionNotATrap() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for figure in ["-4611686018427387904", "-9223372036854775808", "9223372036854775807", "4611686018427387904"] {
            let (p, diags) = Nuan.compile(path: root.appendingPathComponent("Rules/bengbu-2022.rules").path, overrides: [("低保标准", figure)])
            guard let program = p else {
                // refusing the figure is a clean answer too
                XCTAssertTrue(diags.hasErrors)
                continue
            }
            let d = Nuan.screen(program, json: Array(#"{"id":"x","name":"a","region":"蚌埠市","household_size":1,"household_monthly_income":100}"#.utf8), explain: .full)
            XCTAssertFalse(DecisionText(program: program).render(d).isEmpty)
        }
    }
}
