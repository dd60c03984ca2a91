import Foundation
import XCTest
@testable import NuanCLI

/// `nuan fmt`: rewrite in place, --check (exit 1 when a file would change), --stdout and `-`.
final class FmtCommandTests: XCTestCase {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    override func setUp() { _ = FileManager.default.changeCurrentDirectoryPath(Self.root) }

    func run(_ args: [String], input: String = "") -> (ExitCode, String, String) {
        let (io, out, err) = IO.capture(input: input)
        let code = CLI.main(["fmt"] + args, io: io)
        return (code, out(), err())
    }

    func temp(_ text: String, _ name: String = "nuan-fmt-test.rules") throws -> String {
        let path = NSTemporaryDirectory() + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testCheckReportsFilesThatWouldChange() throws {
        let path = try temp("rules \"t\"\ndefine x = 1 times\n")
        let (code, out, _) = run(["--check", path])
        XCTAssertEqual(code, .failure)
        XCTAssertEqual(out, path + "\n")
        // --check never writes.
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "rules \"t\"\ndefine x = 1 times\n")
    }

    func testRewritesInPlaceThenCheckPasses() throws {
        let path = try temp("rules \"t\"\ndefine x = 1 times   # c\n")
        XCTAssertEqual(run([path]).0, .success)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "规则 \"t\"\n\n定义 x = 1 倍  # c\n")
        XCTAssertEqual(run(["--check", path]).0, .success)
    }

    func testStdoutAndStdin() throws {
        let path = try temp("rules \"t\"\n")
        let (code, out, _) = run(["--stdout", path])
        XCTAssertEqual(code, .success)
        XCTAssertEqual(out, "规则 \"t\"\n")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "rules \"t\"\n")
        XCTAssertEqual(run(["-"], input: "rules \"s\"\n").1, "规则 \"s\"\n")
    }

    func testSyntaxErrorExitsTwoAndLeavesFile() throws {
        let path = try temp("规则 \"t\"\n定义 = 1\n", "nuan-fmt-bad.rules")
        let (code, _, err) = run([path])
        XCTAssertEqual(code, .usage)
        XCTAssertTrue(err.contains("有语法错误，未整理"))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "规则 \"t\"\n定义 = 1\n")
    }

    func testMessyFixtureMatchesGolden() {
        let (code, out, _) = run(["--stdout", "Tests/Fixtures/fmt/messy.rules"])
        XCTAssertEqual(code, .success)
        XCTAssertEqual(out, try String(contentsOfFile: "Tests/Fixtures/fmt/messy.expected", encoding: .utf8))
    }
}
