import Foundation
import XCTest
@testable import NuanCLI

/// `nuan test`: per-file ok/FAIL lines, the summary, exit codes 0/1/2, --coverage and JSON.
final class TestCommandTests: XCTestCase {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    override func setUp() { _ = FileManager.default.changeCurrentDirectoryPath(Self.root) }

    func run(_ args: [String]) -> (ExitCode, String, String) {
        let (io, out, err) = IO.capture()
        let code = CLI.main(["test"] + args, io: io)
        return (code, out(), err())
    }

    func testShippedRulesPass() {
        let (code, out, _) = run(["Rules/"])
        XCTAssertEqual(code, .success, out)
        XCTAssertTrue(out.contains("ok    Rules/bengbu-2022.rules"))
        XCTAssertTrue(out.contains("，失败 0\n"))
    }

    func testFailingExamplesExitOne() {
        let (code, out, _) = run(["Tests/Fixtures/test/failing.rules"])
        XCTAssertEqual(code, .failure)
        XCTAssertTrue(out.hasPrefix("FAIL  Tests/Fixtures/test/failing.rules  5 个例子，失败 4\n"))
        XCTAssertTrue(out.hasSuffix("5 个例子：通过 1，失败 4\n"))
    }

    func testRulesErrorExitsTwo() throws {
        let path = NSTemporaryDirectory() + "nuan-test-bad.rules"
        try "规则 \"坏\"\n定义 x = 不存在的名称\n".write(toFile: path, atomically: true, encoding: .utf8)
        let (code, out, _) = run([path])
        XCTAssertEqual(code, .usage)
        XCTAssertTrue(out.contains("ERROR \(path)"))
        XCTAssertTrue(out.contains("check.unknown-name"))
    }

    func testCoverageText() {
        let (code, out, _) = run(["--coverage", "Tests/Fixtures/test/coverage.rules"])
        XCTAssertEqual(code, .success)
        XCTAssertTrue(out.contains("覆盖率 Tests/Fixtures/test/coverage.rules：64%"))
        XCTAssertTrue(out.contains("✗ 依据 \"通知 二（三）\""))
    }

    func testCoverageJSON() {
        let (code, out, _) = run(["--coverage", "--format", "json", "Tests/Fixtures/test/coverage.rules"])
        XCTAssertEqual(code, .success)
        XCTAssertTrue(out.hasPrefix("{\"examples\":3,\"passed\":3,\"failed\":0,\"files\":["))
        XCTAssertTrue(out.contains("\"coverage\":{\"percent\":64,"))
    }

    func testUsageErrors() {
        XCTAssertEqual(run([]).0, .usage)
        XCTAssertEqual(run(["--format", "xml", "Rules/"]).0, .usage)
        XCTAssertEqual(run(["--bogus"]).0, .usage)
    }
}
