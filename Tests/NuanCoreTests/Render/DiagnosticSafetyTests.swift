import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// Diagnostics quote rules text: what they print is masked and cannot drive a terminal.
final class DiagnosticSafetyTests: XCTestCase {
    func testEscapeSequencesInARulesLineAreEscapedAndTheCaretStillPoints() throws {
        let text = DiagnosticRenderer.render(TestRules.diagnostics("福利 甲 = 1 元 当 享受低保\u{1B}[2J 资金 [central_aid] 依据 \"t\"\n"))
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B }, text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let source = try XCTUnwrap(lines.first { $0.contains("| 福利 甲") })
        XCTAssertEqual(source, " 18 | 福利 甲 = 1 元 当 享受低保\\u{1B}[2J 资金 [central_aid] 依据 \"t\"")
        // The caret stands under the escaped character, counting CJK as two columns.
        let caret = try XCTUnwrap(lines.first { $0.hasPrefix("    | ") && $0.contains("^") })
        let expectedPad = String(repeating: " ", count: "福利 甲 = 1 元 当 享受低保".reduce(0) { $0 + DiagnosticRenderer.width($1) })
        XCTAssertEqual(caret.dropFirst(6).prefix(expectedPad.count + 1), Substring(expectedPad + "^"))
    }

    func testIDNumbersInRulesTextAndMessagesAreMasked() {
        let diags = TestRules.diagnostics("福利 甲 = 1 元 当 未知名称11010519491231002X 资金 [central_aid] 依据 \"联系 13812345678\"\n")
        XCTAssertFalse(diags.isEmpty)
        let text = DiagnosticRenderer.render(diags)
        XCTAssertFalse(text.contains("11010519491231002X"), text)
        XCTAssertFalse(text.contains("13812345678"), text)
        XCTAssertTrue(text.contains("110105********002X"), text)
    }
}
