import Foundation
import XCTest
@testable import NuanCLI
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// `nuan diff` end to end, in process.
final class DiffCommandTests: XCTestCase {
    func run(_ argv: [String]) -> (ExitCode, String, String) {
        let (io, out, err) = IO.capture()
        let code = CLI.main(["diff"] + argv, io: io)
        return (code, out(), err())
    }

    var fixtures: URL { CheckCommandTests.root.appendingPathComponent("Tests/Fixtures/diff") }

    /// Issue 4's acceptance: the 2021 file copied to a new year with its 低保 figure changed —
    /// exactly that one parameter change, and where it is used.
    func testNewYearListsExactlyTheOneParameterChange() throws {
        let dir = try NewYearScenario.make(misspell: false)
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = dir.appendingPathComponent("heilongjiang-2021.rules").path
        let new = dir.appendingPathComponent("heilongjiang-2022.rules").path
        let (code, out, err) = run([old, new])
        XCTAssertEqual(code, .failure, err)
        XCTAssertTrue(out.hasPrefix("\(old) → \(new)：1 处含义上的差别\n\n  参数 低保标准［哈尔滨市，自 2021-10-20］：783 元/月 → 800 元/月\n    用于："), out)
        XCTAssertTrue(out.contains("定义 符合深度困难标准"), out)
        let (_, json, _) = run([old, new, "--format", "json"])
        XCTAssertEqual(json.components(separatedBy: "\"code\":").count - 1, 1, json)
        XCTAssertTrue(json.contains("\"code\": \"parameter.value\", \"subject\": \"参数 低保标准［哈尔滨市，自 2021-10-20］\""), json)
        XCTAssertTrue(json.contains("\"old\": \"783 元/月\", \"new\": \"800 元/月\""), json)
    }

    func testReorderedFileHasNoDifference() {
        let (code, out, _) = run([fixtures.appendingPathComponent("reorder.old.rules").path, fixtures.appendingPathComponent("reorder.new.rules").path])
        XCTAssertEqual(code, .success)
        XCTAssertTrue(out.hasSuffix("没有含义上的差别\n"), out)
    }

    func testShippedFileAgainstItself() {
        let path = CheckCommandTests.root.appendingPathComponent("Rules/bengbu-2022.rules").path
        XCTAssertEqual(run([path, path]).0, .success)
    }

    func testErrorsAndUsage() {
        let bad = CheckCommandTests.root.appendingPathComponent("Tests/Fixtures/check/earmark.rules").path
        let good = fixtures.appendingPathComponent("reorder.old.rules").path
        let (code, _, err) = run([bad, good])
        XCTAssertEqual(code, .usage)
        XCTAssertTrue(err.contains("[check.earmark]"), err)
        XCTAssertEqual(run([good]).0, .usage)
        XCTAssertEqual(run([good, good, "--format", "xml"]).0, .usage)
        XCTAssertEqual(run(["--help"]).0, .success)
    }
}
