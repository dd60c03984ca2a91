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

    /// `--limit`: the decisions a file may take; the report says the limit it applied, and a
    /// limit that is no whole number in range is a usage error.
    func testLimit() {
        for bad in ["abc", "0", "-5", "10000001", "1e6"] {
            let (code, _, err) = run(["--limit", bad, "Rules/leshan-2012.rules"])
            XCTAssertEqual(code, .usage, bad)
            XCTAssertTrue(err.contains("--limit 须为 1 至 10000000 的整数"), err)
        }
        let (small, out, _) = run(["--limit", "50", "Rules/leshan-2012.rules"])
        XCTAssertEqual(small, .failure)
        XCTAssertTrue(out.contains("输入空间过大（超过 50 次判定）"), out)
        XCTAssertTrue(out.contains("可用 --limit 提高上限"), out)
        let (json, text, _) = run(["--limit", "60", "--format", "json", "Rules/leshan-2012.rules"])
        XCTAssertEqual(json, .failure)
        XCTAssertTrue(text.contains("\"too_large\": {\"limit\": 60,"), text)
        // An explicit limit wins over NUAN_PROVE_LIMIT.
        setenv("NUAN_PROVE_LIMIT", "10", 1)
        defer { unsetenv("NUAN_PROVE_LIMIT") }
        let (enough, proved, _) = run(["--limit", "5000", "Rules/leshan-2012.rules"])
        XCTAssertEqual(enough, .success, proved)
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

    /// `--format json`: per file the cells, decisions, seconds, each property's status and each
    /// refutation with its record and decision; a file that does not compile says so.
    func testJSONReport() throws {
        let (code, out, _) = run(["--format", "json", "Tests/Fixtures/prove/refuted.rules", "Tests/Fixtures/prove/proved.rules"])
        XCTAssertEqual(code, .failure)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any], out)
        XCTAssertEqual(doc["summary"] as? [String: Int], ["files": 2, "refuted": 1])
        let files = try XCTUnwrap(doc["files"] as? [[String: Any]])
        XCTAssertEqual(files.count, 2)
        let bad = files[0]
        XCTAssertGreaterThan(bad["cells"] as? Int ?? 0, 10)
        XCTAssertGreaterThan(bad["decisions"] as? Int ?? 0, bad["cells"] as? Int ?? 0)
        XCTAssertNotNil(bad["seconds"] as? Double)
        let status = Dictionary(uniqueKeysWithValues: (bad["properties"] as? [[String: String]] ?? []).map { ($0["property"]!, $0["status"]!) })
        XCTAssertEqual(status["earmark"], "refuted")
        XCTAssertEqual(status["monotone_causes"], "proved")
        XCTAssertNil(status["assertion"])
        let refutations = try XCTUnwrap(bad["refutations"] as? [[String: Any]])
        XCTAssertEqual(refutations.first?["property"] as? String, "earmark")
        XCTAssertEqual(refutations.first?["subject"] as? String, "未指定对象 / central_aid")
        let record = try XCTUnwrap(refutations.first?["record"] as? [String: Any])
        XCTAssertEqual(record["hardship_causes"] as? [String], ["serious_illness"])
        let decision = try XCTUnwrap(refutations.first?["decision"] as? [String: Any])
        XCTAssertEqual((decision["awards"] as? [[String: Any]])?.contains { $0["fund"] as? String == "central_aid" }, true)
        let gap = try XCTUnwrap(refutations.first { $0["property"] as? String == "category_gap" })
        XCTAssertEqual((gap["decision"] as? [String: Any])?["category"] as? String, "none")
        XCTAssertEqual((gap["other_decision"] as? [String: Any])?["category"] as? String, "deep")
        XCTAssertEqual((files[1]["refutations"] as? [Any])?.count, 0)
        XCTAssertTrue((files[1]["properties"] as? [[String: String]])?.allSatisfy { $0["status"] == "proved" } == true)
        // English titles and details; a rules file with an error is reported, not proved.
        let path = NSTemporaryDirectory() + "nuan-prove-json-bad.rules"
        try "规则 \"坏\"\n定义 x = 不存在的名称\n".write(toFile: path, atomically: true, encoding: .utf8)
        let (c2, en, _) = run(["--format", "json", "--lang", "en", path, "Tests/Fixtures/prove/refuted.rules"])
        XCTAssertEqual(c2, .usage)
        let doc2 = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(en.utf8)) as? [String: Any], en)
        let files2 = try XCTUnwrap(doc2["files"] as? [[String: Any]])
        XCTAssertEqual(files2[0]["compiled"] as? Bool, false)
        XCTAssertEqual((files2[0]["diagnostics"] as? [[String: String]])?.first?["code"], "check.unknown-name")
        XCTAssertTrue(((files2[1]["properties"] as? [[String: String]])?.first?["title"] ?? "").hasPrefix("earmarking"), en)
    }

    /// A one-character path (NSString's path methods trap on some), a file that is not *.rules
    /// (no boundary file can extend it: none is written, with a message) and an output that
    /// cannot be written (exit 2, naming it) — never a crash.
    func testEmitExamplesHostilePaths() throws {
        let dir = NSTemporaryDirectory() + "nuan-prove-paths-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let here = FileManager.default.currentDirectoryPath
        defer { _ = FileManager.default.changeCurrentDirectoryPath(here) }
        let text = try String(contentsOfFile: Self.root + "/Tests/Fixtures/prove/proved.rules", encoding: .utf8)
        try text.write(toFile: dir + "/x", atomically: true, encoding: .utf8)
        try text.write(toFile: dir + "/a.rules", atomically: true, encoding: .utf8)
        try "not a folder".write(toFile: dir + "/f", atomically: true, encoding: .utf8)
        _ = FileManager.default.changeCurrentDirectoryPath(dir)
        let (c1, _, e1) = run(["--emit-examples", "o", "x"])
        XCTAssertEqual(c1, .success, e1)
        XCTAssertTrue(e1.contains("不是 .rules 文件"), e1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/o/x.boundary.rules"))
        let (c2, _, e2) = run(["--emit-examples", "o", "a.rules"])
        XCTAssertEqual(c2, .success, e2)
        XCTAssertEqual(run(["o/a.boundary.rules"], "test").0, .success)
        let (c3, _, e3) = run(["--emit-examples", "f", "a.rules"])
        XCTAssertEqual(c3, .usage)
        XCTAssertTrue(e3.contains("无法写入 f/a.boundary.rules"), e3)
    }
}
