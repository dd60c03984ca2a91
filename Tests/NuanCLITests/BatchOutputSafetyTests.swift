import Foundation
import XCTest
@testable import NuanCLI
#if canImport(Glibc)
import Glibc
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools
#endif

/// `nuan batch` never overwrites what it reads, never replaces a device or a link, keeps
/// permissions, and puts its outputs in place together or not at all.
final class BatchOutputSafetyTests: XCTestCase {
    static let fixtures = BatchCommandTests.fixtures
    var rules: String { Self.fixtures.appendingPathComponent("impact.rules").path }
    var dir: URL!
    var archive: String!
    let original = "申请编号,姓名,家庭人口,家庭月收入\nA1,张,1,100\nA2,李,2,200\n"

    override func setUp() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-batchsafe-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        archive = path("archive.csv")
        try? original.write(toFile: archive, atomically: true, encoding: .utf8)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    func path(_ n: String) -> String { dir.appendingPathComponent(n).path }

    func run(_ args: [String]) -> (ExitCode, String) {
        let (io, _, err) = IO.capture()
        let code = CLI.main(["batch"] + args, io: io)
        return (code, err())
    }

    func text(_ p: String) -> String? { try? String(contentsOfFile: p, encoding: .utf8) }

    func temporaries() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.contains("nuan-tmp") }
    }

    func testAnOutputMayNotBeAnInputARulesFileOrAnotherOutput() throws {
        let copy = path("rules-copy.rules")
        try FileManager.default.copyItem(atPath: rules, toPath: copy)
        let rulesText = text(copy)
        let link = path("link.csv")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: archive)
        let hard = path("hard.csv")
        XCTAssertEqual(Glibc.link(archive, hard), 0)
        let cases: [[String]] = [
            ["--out", archive],
            ["--out", path("o.jsonl"), "--summary", archive],
            ["--out", path("o.jsonl"), "--report", link],                   // a link to the input
            ["--out", hard],                                                // a hard link to the input
            ["--out", path("o.jsonl"), "--summary", copy],                  // the rules file
            ["--out", copy],
            ["--out", path("o.jsonl"), "--summary", path("o.jsonl")],       // two outputs, one file
            ["--out", path("o.jsonl"), "--summary", path("s.json"), "--report", dir.path + "/./s.json"],
        ]
        for c in cases {
            let (code, err) = run(["--rules", copy, "--in", archive] + c)
            XCTAssertEqual(code, .usage, "\(c): \(err)")
            XCTAssertTrue(err.contains("同一个文件"), err)
            XCTAssertEqual(text(archive), original)
            XCTAssertEqual(text(copy), rulesText)
            XCTAssertFalse(FileManager.default.fileExists(atPath: path("o.jsonl")), "\(c)")
            XCTAssertEqual(temporaries(), [])
        }
    }

    func testANonRegularOutputIsRefusedAndADirectoryInputIsAUsageError() {
        var before = stat()
        XCTAssertEqual(stat("/dev/null", &before), 0)
        let (code, err) = run(["--rules", rules, "--in", archive, "--out", "/dev/null"])
        XCTAssertEqual(code, .usage)
        XCTAssertTrue(err.contains("不是普通文件"), err)
        var after = stat()
        XCTAssertEqual(stat("/dev/null", &after), 0)
        XCTAssertEqual(after.st_mode & S_IFMT, S_IFCHR)
        XCTAssertEqual(after.st_ino, before.st_ino)

        XCTAssertEqual(run(["--rules", rules, "--in", archive, "--out", dir.path]).0, .usage)
        let (c2, e2) = run(["--rules", rules, "--in", dir.path, "--in-format", "csv", "--out", path("o.jsonl")])
        XCTAssertEqual(c2, .usage)
        XCTAssertTrue(e2.contains("目录"), e2)
    }

    func testASymlinkedOutputIsWrittenThroughAndPermissionsAreKept() throws {
        let target = path("decisions.jsonl")
        try "old\n".write(toFile: target, atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(target, 0o640), 0)
        let link = path("latest.jsonl")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "decisions.jsonl")
        let (code, err) = run(["--rules", rules, "--in", archive, "--out", link, "--explain", "none"])
        XCTAssertEqual(code, .success, err)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "decisions.jsonl")
        XCTAssertEqual(text(target)?.split(separator: "\n").count, 2)
        var st = stat()
        XCTAssertEqual(stat(target, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o640)
        XCTAssertEqual(temporaries(), [])
    }

    func testWhenOneOutputCannotBeWrittenNoneIsReplaced() throws {
        let out = path("out.jsonl"), summary = path("summary.json")
        try "previous decisions\n".write(toFile: out, atomically: true, encoding: .utf8)
        try "{}\n".write(toFile: summary, atomically: true, encoding: .utf8)
        let (code, err) = run(["--rules", rules, "--in", archive, "--out", out, "--summary", summary,
                               "--report", path("missing-dir/report.html")])
        XCTAssertEqual(code, .usage, err)
        XCTAssertEqual(text(out), "previous decisions\n")
        XCTAssertEqual(text(summary), "{}\n")
        XCTAssertEqual(temporaries(), [])
        // a run that fails part way replaces none of them either
        setenv("NUAN_FAIL_AFTER", "1", 1)
        defer { unsetenv("NUAN_FAIL_AFTER") }
        let (c2, e2) = run(["--rules", rules, "--in", archive, "--out", out, "--summary", summary, "--report", path("r.html")])
        XCTAssertEqual(c2, .failure)
        XCTAssertTrue(e2.contains("未替换任何输出文件"), e2)
        XCTAssertEqual(text(out), "previous decisions\n")
        XCTAssertEqual(text(summary), "{}\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("r.html")))
        XCTAssertEqual(temporaries(), [])
    }

    func testAllOutputsAppearTogether() {
        let out = path("o.csv"), summary = path("s.json"), report = path("r.html")
        let (code, err) = run(["--rules", rules, "--in", archive, "--out", out, "--summary", summary, "--report", report])
        XCTAssertEqual(code, .success, err)
        for p in [out, summary, report] { XCTAssertTrue(FileManager.default.fileExists(atPath: p), p) }
        XCTAssertEqual(temporaries(), [])
    }

    func testOneCharacterOutputPathsDoNotTrap() {
        XCTAssertTrue(StagedOutputs.split("x") == (".", "x"))
        XCTAssertTrue(StagedOutputs.split("/x") == ("/", "x"))
        XCTAssertTrue(StagedOutputs.split("a/b") == ("a", "b"))
        XCTAssertTrue(StagedOutputs.split("a/") == ("a", ""))
        let cwd = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(dir.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(cwd) }
        let (code, err) = run(["--rules", rules, "--in", "archive.csv", "--out", "x", "--explain", "none"])
        XCTAssertEqual(code, .success, err)
        XCTAssertEqual(text(path("x"))?.split(separator: "\n").count, 2)
        XCTAssertEqual(run(["--rules", rules, "--in", "archive.csv", "--out", "x/"]).0, .usage)
        XCTAssertEqual(run(["--rules", rules, "--in", "archive.csv", "--out", "o.jsonl", "--summary", "-"]).0, .usage)
    }

    func testOptionsAreCheckedAndListed() {
        XCTAssertEqual(run(["--rules", rules, "--in", archive, "--out", path("o.jsonl"), "--bogus"]).0, .usage)
        XCTAssertEqual(run(["--rules", rules, "--in", archive, "--out", path("o.jsonl"), "--max-line", "0"]).0, .usage)
        XCTAssertEqual(run(["--rules", rules, "--in", archive, "--out", path("o.jsonl"), "--max-line", "lots"]).0, .usage)
        let (io, out, _) = IO.capture()
        XCTAssertEqual(CLI.main(["batch", "--help"], io: io), .success)
        for option in ["--block-size", "--max-line", "--summary", "--report", "--against", "--set", "--excel"] {
            XCTAssertTrue(out().contains(option), option)
        }
        // every option the parser takes is in the help (both come from BatchCommand.spec)
        let names = BatchCommand.spec.options.map(\.name)
        XCTAssertGreaterThan(names.count, 10)
        for n in names { XCTAssertTrue(out().contains(n), "\(n) is accepted but not in the help") }
    }
}
