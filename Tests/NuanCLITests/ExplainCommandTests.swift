import Foundation
import XCTest
@testable import NuanCLI
@testable import NuanSupport
@testable import NuanProgram

/// `nuan explain` run in-process after `nuan batch --trace`: what it prints is byte for byte
/// what `nuan screen` prints for the same record, and it refuses (exit 2, with a message) a
/// changed rules file, a damaged or truncated trace, and an entry that does not exist.
final class ExplainCommandTests: XCTestCase {
    static let root = BatchCommandTests.root
    var dir: URL!

    override func setUp() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-explain-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    func path(_ n: String) -> String { dir.appendingPathComponent(n).path }

    func run(_ args: [String]) -> (ExitCode, String, String) {
        let (io, out, err) = IO.capture()
        let code = CLI.main(args, io: io)
        return (code, out(), err())
    }

    var bengbu: String { Self.root.appendingPathComponent("Rules/bengbu-2022.rules").path }

    /// The shipped CSV archive decided with a trace; returns the trace's path.
    func archiveTrace(rules: String? = nil, extra: [String] = []) -> String {
        let t = path("run-\(UUID().uuidString).trace")
        let (code, _, err) = run(["batch", "--rules", rules ?? bengbu, "--in", Self.root.appendingPathComponent("Rules/examples/bengbu-archive.csv").path,
                                  "--out", path("d.jsonl"), "--explain", "none", "--trace", t] + extra)
        XCTAssertEqual(code, .success, err)
        return t
    }

    func testEveryExampleAsScreenPrintsIt() throws {
        let fm = FileManager.default
        let names = try fm.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Rules/examples").path).filter { $0.hasSuffix(".json") }.sorted()
        let rulesFor = ["bengbu": "bengbu-2022", "heilongjiang": "heilongjiang-2021", "leshan": "leshan-2012", "qinghai": "qinghai-2020", "wuzhou": "wuzhou-2018"]
        var compared = 0
        for (prefix, rules) in rulesFor.sorted(by: { $0.key < $1.key }) {
            let mine = names.filter { $0.hasPrefix(prefix + "-") }
            XCTAssertFalse(mine.isEmpty, prefix)
            let rulesPath = Self.root.appendingPathComponent("Rules/\(rules).rules").path
            var lines: [String] = []
            for (k, name) in mine.enumerated() {
                let line = try String(contentsOf: Self.root.appendingPathComponent("Rules/examples/" + name), encoding: .utf8)
                    .replacingOccurrences(of: "\n", with: " ")
                lines.append(line)
                try line.write(toFile: path("\(prefix)-\(k + 1).json"), atomically: true, encoding: .utf8)
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: path("\(prefix).jsonl"), atomically: true, encoding: .utf8)
            let t = path("\(prefix).trace")
            let (code, _, err) = run(["batch", "--rules", rulesPath, "--in", path("\(prefix).jsonl"), "--out", path("\(prefix).out.jsonl"),
                                      "--explain", "none", "--trace", t, "--jobs", "1"])
            XCTAssertEqual(code, .success, err)
            for row in 1...lines.count {
                var shapes: [[String]] = []
                for view in ["经办", "告知单", "审计"] { shapes.append(["--view", view, "--format", "text"]) }
                shapes += [["--format", "json"], ["--format", "html"], ["--view", "经办", "--all-rules", "--format", "text"]]
                for shape in shapes {
                    for lang in ["zh", "en"] {
                        let options = shape + ["--lang", lang]
                        let screened = run(["screen", "--rules", rulesPath, path("\(prefix)-\(row).json")] + options)
                        let explained = run(["explain", "--rules", rulesPath, "--trace", t, "--row", "\(row)"] + options)
                        XCTAssertEqual(explained.0, .success, explained.2)
                        XCTAssertEqual(explained.2, "")
                        XCTAssertFalse(explained.1.isEmpty)
                        XCTAssertEqual(explained.1, screened.1, "\(prefix) row \(row) \(options)")
                        compared += 1
                    }
                }
            }
        }
        XCTAssertEqual(compared, names.count * 12)
    }

    func testByIDAndByRowAlike() {
        let t = archiveTrace()
        let byRow = run(["explain", "--rules", bengbu, "--trace", t, "--row", "3", "--view", "审计", "--format", "text"])
        let byID = run(["explain", "--rules", bengbu, "--trace", t, "--id", "BB-2022-0003", "--view", "审计", "--format", "text"])
        XCTAssertEqual(byRow.0, .success, byRow.2)
        XCTAssertEqual(byRow.1, byID.1)
        XCTAssertTrue(byRow.1.contains("BB-2022-0003"), byRow.1)
        // the archive's ID numbers and phones appear masked only
        XCTAssertFalse(byRow.1.contains("13800000"), byRow.1)
        XCTAssertTrue(byRow.1.contains("********"), byRow.1)
        // an unreadable row keeps the batch's errors, with the archive's line
        let bad = run(["explain", "--rules", bengbu, "--trace", t, "--row", "7", "--format", "text"])
        XCTAssertEqual(bad.0, .success, bad.2)
        XCTAssertTrue(bad.1.contains("结论：记录有误"), bad.1)
        XCTAssertTrue(bad.1.contains("第 8 行 家庭月收入（household_monthly_income）：不是有效的数值（值：三千）"), bad.1)
        XCTAssertTrue(bad.1.contains("姓名：周九"), bad.1)
    }

    func testTheRunsSetIsKeptAndApplied() {
        let t = archiveTrace(extra: ["--set", "低保标准=750"])
        let e = run(["explain", "--rules", bengbu, "--trace", t, "--row", "1", "--view", "审计"])
        XCTAssertEqual(e.0, .success, e.2)
        XCTAssertTrue(e.1.contains("低保标准=750"), e.1)
    }

    func expectRefusal(_ args: [String], _ words: String, file: StaticString = #filePath, line: UInt = #line) {
        let (code, out, err) = run(["explain"] + args)
        XCTAssertEqual(code, .usage, err, file: file, line: line)
        XCTAssertEqual(out, "", file: file, line: line)
        XCTAssertTrue(err.contains(words), err, file: file, line: line)
    }

    func testRefusals() throws {
        let t = archiveTrace()
        // another rules text: a comment added to the file the trace was written with
        for f in ["bengbu-2022.rules", "national-base.rules"] {
            try FileManager.default.copyItem(atPath: Self.root.appendingPathComponent("Rules/" + f).path, toPath: path(f))
        }
        let edited = path("bengbu-2022.rules")
        try (try String(contentsOfFile: edited, encoding: .utf8) + "\n# 修改\n").write(toFile: edited, atomically: true, encoding: .utf8)
        expectRefusal(["--rules", edited, "--trace", t, "--row", "1"], "规则文件与判定轨迹不符")
        expectRefusal(["--rules", edited, "--trace", t, "--row", "1", "--lang", "en"], "does not match the trace")
        expectRefusal(["--rules", Self.root.appendingPathComponent("Rules/wuzhou-2018.rules").path, "--trace", t, "--row", "1"], "不符")
        // entries that do not exist
        expectRefusal(["--rules", bengbu, "--trace", t, "--row", "9"], "共有 8 条")
        expectRefusal(["--rules", bengbu, "--trace", t, "--row", "0"], "--row")
        expectRefusal(["--rules", bengbu, "--trace", t, "--row", "x"], "--row")
        expectRefusal(["--rules", bengbu, "--trace", t, "--id", "BB-9"], "没有申请编号为 BB-9")
        expectRefusal(["--rules", bengbu, "--trace", t], "--row")
        expectRefusal(["--rules", bengbu, "--trace", t, "--row", "1", "--id", "BB-2022-0001"], "--row")
        expectRefusal(["--rules", bengbu, "--row", "1"], "--trace")
        expectRefusal(["--rules", bengbu, "--trace", path("none.trace"), "--row", "1"], "无法读取")
        expectRefusal(["--rules", bengbu, "--trace", t, "--row", "1", "--format", "html", "--view", "审计"], "告知单")
        // damaged files
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: t)))
        try Data(bytes.prefix(bytes.count - 30)).write(to: URL(fileURLWithPath: path("cut.trace")))
        expectRefusal(["--rules", bengbu, "--trace", path("cut.trace"), "--row", "1"], "不完整")
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x10
        try Data(flipped).write(to: URL(fileURLWithPath: path("flip.trace")))
        expectRefusal(["--rules", bengbu, "--trace", path("flip.trace"), "--row", "1"], "已损坏")
        expectRefusal(["--rules", bengbu, "--trace", bengbu, "--row", "1"], "不是 nuan 的判定轨迹文件")
    }

    /// A failed run leaves no trace behind, and a trace may not overwrite an input.
    func testAFailedRunLeavesNoTrace() {
        let t = path("failed.trace")
        let (code, _, _) = run(["batch", "--rules", bengbu, "--in", path("missing.csv"), "--out", path("d.jsonl"), "--trace", t])
        XCTAssertNotEqual(code, .success)
        XCTAssertFalse(FileManager.default.fileExists(atPath: t))
        let (code2, _, err2) = run(["batch", "--rules", bengbu, "--in", Self.root.appendingPathComponent("Rules/examples/bengbu-archive.csv").path,
                                    "--out", path("d.jsonl"), "--trace", bengbu])
        XCTAssertEqual(code2, .usage, err2)
    }

    /// A CSV row refused before it is read (an open quote) does not take the 姓名 of the row
    /// read two rows before it, even when their 申请编号 agree: the trace is the same whatever
    /// --jobs and --block-size (nuan-fuzz seed 10, case 6).
    func testAnUnreadRowNeverBorrowsAnEarlierRowsName() throws {
        let src = try String(contentsOf: Self.root.appendingPathComponent("Rules/examples/bengbu-archive.csv"), encoding: .utf8)
        var lines = src.components(separatedBy: "\r\n")  // the archive is written as Excel writes it
        XCTAssertGreaterThan(lines.count, 4)
        // Row 3 repeats row 1 with an open quote in its last cell.
        lines.insert(lines[1] + ",\"open", at: 3)
        let csv = path("a.csv")
        try lines.joined(separator: "\r\n").write(toFile: csv, atomically: true, encoding: .utf8)
        var traces: [Data] = []
        for (jobs, block) in [("1", "4096"), ("2", "1")] {
            let t = path("j\(jobs).trace")
            let (code, _, err) = run(["batch", "--rules", bengbu, "--in", csv, "--out", path("j\(jobs).jsonl"),
                                      "--jobs", jobs, "--block-size", block, "--trace", t])
            XCTAssertEqual(code, .success, err)
            traces.append(try Data(contentsOf: URL(fileURLWithPath: t)))
        }
        XCTAssertEqual(traces[0], traces[1])
        let (code, out, err) = run(["explain", "--rules", bengbu, "--trace", path("j1.trace"), "--row", "3", "--format", "json"])
        XCTAssertEqual(code, .success, err)
        XCTAssertTrue(out.contains("\"status\": \"invalid\""), out)
        XCTAssertFalse(out.contains("张三"), out)
    }

    /// A --set figure with more places than a decision shows is kept exactly in the trace (and
    /// the decision's overrides): explain re-applies the same value (nuan-fuzz seed 83, case 481:
    /// 0.30000000000000004 was kept as 0.30 and explain refused its own trace).
    func testALongSetFigureIsKeptExactly() throws {
        let set = ["--set", "意外致困户收入倍数=0.30000000000000004"]
        let t = archiveTrace(extra: set)
        let (code, out, err) = run(["explain", "--rules", bengbu, "--trace", t, "--row", "1", "--format", "json"])
        XCTAssertEqual(code, .success, err)
        XCTAssertTrue(out.contains("意外致困户收入倍数=0.30000000000000004"), out)
    }

    /// A JSON line after an invalid UTF-8 byte in its block is still read as itself: an unread
    /// row there keeps its own 姓名 whatever the block layout (nuan-fuzz seed 83, case 41).
    func testAnUnreadJSONLineAfterABadByteKeepsItsName() throws {
        var bytes = Array("{\"id\":\"A-1\",\"name\":\"甲\",\"household_size\":2,\"bad\":\"\u{FFFD}\"}\n".utf8)
        let fffd = Array("\u{FFFD}".utf8)
        if let at = (0..<(bytes.count - 2)).first(where: { Array(bytes[$0..<$0 + 3]) == fffd }) { bytes.replaceSubrange(at..<at + 3, with: [0xFF]) }
        bytes += Array("{\"id\":\"A-2\",\"name\":\"宋德明\",\"application_date\":\"12.5\"}\n".utf8)
        let input = path("u.jsonl")
        try Data(bytes).write(to: URL(fileURLWithPath: input))
        var traces: [Data] = []
        for (jobs, block) in [("1", "4096"), ("2", "1")] {
            let t = path("u\(jobs).trace")
            let (code, _, err) = run(["batch", "--rules", bengbu, "--in", input, "--out", path("u\(jobs).jsonl"),
                                      "--jobs", jobs, "--block-size", block, "--trace", t])
            XCTAssertEqual(code, .success, err)
            traces.append(try Data(contentsOf: URL(fileURLWithPath: t)))
        }
        XCTAssertEqual(traces[0], traces[1])
        let (code, out, err) = run(["explain", "--rules", bengbu, "--trace", path("u1.trace"), "--row", "2", "--view", "审计", "--format", "text"])
        XCTAssertEqual(code, .success, err)
        XCTAssertTrue(out.contains("宋德明"), out)
    }
}
