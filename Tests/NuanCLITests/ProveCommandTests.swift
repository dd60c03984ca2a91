import Foundation
import XCTest
@testable import NuanCLI

/// `nuan prove`: exit codes 0/1/2, the report in both languages, --emit-examples.
final class ProveCommandTests: XCTestCase {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    override func setUp() { _ = FileManager.default.changeCurrentDirectoryPath(Self.root) }

    func run(_ args: [String], _ command: String = "prove") -> (ExitCode, String, String) {
        let (io, out, err) = IO.capture()
        let code = CLI.main([command] + args, io: io)
        return (code, out(), err())
    }

    func testRefutedExitsOneProvedZero() {
        let (bad, out, _) = run(["Tests/Fixtures/prove/refuted.rules"])
        XCTAssertEqual(bad, .failure)
        XCTAssertTrue(out.contains("✗ 专款专用"), out)
        XCTAssertTrue(out.contains("      例子 \"反例 1："), out)
        XCTAssertTrue(out.hasSuffix("1 个文件，1 个有不成立的性质\n"), out)
        let (good, en, _) = run(["--lang", "en", "Tests/Fixtures/prove/proved.rules"])
        XCTAssertEqual(good, .success, en)
        XCTAssertTrue(en.contains(" cells, "), en)
        XCTAssertTrue(en.hasSuffix("1 files, 0 with refuted properties\n"), en)
    }

    func testUsageAndRulesErrors() throws {
        XCTAssertEqual(run([]).0, .usage)
        XCTAssertEqual(run(["--lang", "fr", "Rules/"]).0, .usage)
        let path = NSTemporaryDirectory() + "nuan-prove-bad.rules"
        try "规则 \"坏\"\n定义 x = 不存在的名称\n".write(toFile: path, atomically: true, encoding: .utf8)
        let (code, out, _) = run([path])
        XCTAssertEqual(code, .usage)
        XCTAssertTrue(out.contains("check.unknown-name"), out)
    }

    /// The boundary file extends the proved file and nuan test passes it.
    func testEmitExamplesKeptByNuanTest() throws {
        let dir = NSTemporaryDirectory() + "nuan-prove-emit-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (code, out, _) = run(["--emit-examples", dir, "Tests/Fixtures/prove/proved.rules"])
        XCTAssertEqual(code, .success, out)
        let file = dir + "/proved.boundary.rules"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(text.contains("继承 \""), text)
        XCTAssertTrue(text.contains("家庭月收入 = 1800.00 元"), text)
        let (tcode, tout, _) = run([file], "test")
        XCTAssertEqual(tcode, .success, tout)
        XCTAssertTrue(tout.contains("失败 0"), tout)
    }
}
