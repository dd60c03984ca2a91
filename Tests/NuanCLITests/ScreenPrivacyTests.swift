import Foundation
import XCTest
@testable import NuanCLI
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// `nuan screen`: full ID and phone numbers only with `--unmask`; the text decision opens with
/// 姓名 and 申请编号; nothing from the record drives the terminal.
final class ScreenPrivacyTests: XCTestCase {
    var rules: String { ScreenCommandTests.root.appendingPathComponent("Rules/bengbu-2022.rules").path }

    func run(_ args: [String], input: String) -> (ExitCode, String, String) {
        let (io, out, err) = IO.capture(input: input)
        let code = CLI.main(args, io: io)
        return (code, out(), err())
    }

    let wrongColumn = #"{"id":"BB-1","name":"张三","region":"蚌埠市","household_size":"11010519491231002X","phone":"138000"}"#

    func testValuesAreMaskedUnlessUnmask() {
        for format in ["text", "json"] {
            let (code, out, _) = run(["screen", "--rules", rules, "--format", format, "-"], input: wrongColumn)
            XCTAssertEqual(code, .failure)
            XCTAssertFalse(out.contains("11010519491231002X"), out)
            XCTAssertTrue(out.contains("110105********002X"), out)
            let (_, full, _) = run(["screen", "--rules", rules, "--format", format, "--unmask", "-"], input: wrongColumn)
            XCTAssertTrue(full.contains("11010519491231002X"), full)
        }
        let (_, help, _) = run(["screen", "--help"], input: "")
        XCTAssertTrue(help.contains("--unmask"))
    }

    func testTextDecisionOpensWithNameAndApplicationNumber() {
        let (_, out, _) = run(["screen", "--rules", rules, "--format", "text", "-"], input: wrongColumn)
        XCTAssertTrue(out.hasPrefix("姓名：张三\n申请编号：BB-1\n结论："), out)
        // A record that is not even JSON still opens the same way.
        let (_, bad, _) = run(["screen", "--rules", rules, "--format", "text", "-"], input: "{")
        XCTAssertTrue(bad.hasPrefix("姓名：—\n申请编号：—\n"), bad)
    }

    func testEscapeSequencesFromTheRecordAreEscaped() {
        let evil = #"{"id":"BB-\u001b]0;pwned\u0007","name":"张三\u001b[2J\u009b1m","region":"蚌埠市\r结论：符合条件"}"#
        let (_, out, _) = run(["screen", "--rules", rules, "--format", "text", "-"], input: evil)
        XCTAssertFalse(out.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }, out)
        XCTAssertTrue(out.contains("姓名：张三\\u{1B}[2J\\u{9B}1m\n"), out)
    }

    func testArgumentsAreEscapedInUsageErrors() {
        let (code, _, err) = run(["\u{1B}[2Jscreen"], input: "")
        XCTAssertEqual(code, .usage)
        XCTAssertTrue(err.contains("“\\u{1B}[2Jscreen”"), err)
        let (code2, _, err2) = run(["screen", "--x\u{1B}]0;t\u{07}"], input: "")
        XCTAssertEqual(code2, .usage)
        XCTAssertFalse(err2.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, err2)
    }
}
