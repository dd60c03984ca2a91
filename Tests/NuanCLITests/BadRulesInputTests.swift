import Foundation
import XCTest
@testable import NuanCLI
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// Hostile rules files through every command, in process: a clean message and exit code 2 (or 1
/// for `check`/`test`), never a crash, and nothing of a file that is not a rules file quoted.
final class BadRulesInputTests: XCTestCase {
    var dir: URL!

    override func setUp() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-badrules-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    func path(_ n: String) -> String { dir.appendingPathComponent(n).path }

    func write(_ n: String, _ text: String) -> String {
        try? text.write(toFile: path(n), atomically: true, encoding: .utf8)
        return path(n)
    }

    func run(_ argv: [String]) -> (ExitCode, String) {
        let (io, out, err) = IO.capture()
        let code = CLI.main(argv, io: io)
        return (code, out() + err())
    }

    /// Every command that reads rules, on one rules file.
    func everyCommand(_ rules: String) -> [(String, ExitCode, String)] {
        let record = write("r.json", #"{"id":"A","household_size":3,"household_monthly_income":900}"#)
        let csv = write("r.csv", "id,household_size,household_monthly_income\nA,3,900\n")
        let good = write("good.rules", "规则 \"好\"\n字段 household_size 家庭人口 : 整数 至少 1\n")
        return [("check", ["check", rules]), ("screen", ["screen", "--rules", rules, record, "--format", "json"]),
                ("batch", ["batch", "--rules", rules, "--in", csv, "--out", path("o.jsonl")]),
                ("fmt", ["fmt", "--stdout", rules]), ("diff", ["diff", rules, good]), ("diff2", ["diff", good, rules]),
                ("test", ["test", rules])].map { name, argv in
            let (code, text) = run(argv)
            return (name, code, text)
        }
    }

    func testDeepRulesGiveADiagnosticInEveryCommand() {
        let header = "规则 \"深\"\n字段 household_size 家庭人口 : 整数 至少 1\n"
        let files = [
            ("parens.rules", header + "定义 x = " + String(repeating: "(", count: 3_000) + "家庭人口 > 1" + String(repeating: ")", count: 3_000) + "\n", "parse.too-deep"),
            ("and.rules", header + "定义 x = 家庭人口 > 1" + String(repeating: " 且 家庭人口 > 1", count: 3_000) + "\n", "parse.too-deep"),
            ("defs.rules", header + (1..<3_000).map { "定义 d\($0) = d\($0 - 1) 且 家庭人口 > 1\n" }.joined() + "定义 d0 = 家庭人口 > 1\n", "check.too-deep"),
        ]
        for (name, text, code) in files {
            let rules = write(name, text)
            for (command, exit, output) in everyCommand(rules) {
                if command == "fmt" && code == "check.too-deep" { continue }  // fmt only parses: nothing too deep
                XCTAssertNotEqual(exit, .success, "\(name) \(command)")
                XCTAssertTrue(output.contains(code) || output.contains("有错误"), "\(name) \(command): \(output.prefix(300))")
                XCTAssertLessThan(output.utf8.count, 4000, "\(name) \(command): the message quotes too much")
            }
        }
    }

    func testOneCharacterRulesPath() {
        _ = FileManager.default.changeCurrentDirectoryPath(dir.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(NSTemporaryDirectory()) }
        XCTAssertEqual(run(["check", "x"]).0, .usage)
        XCTAssertEqual(run(["screen", "--rules", "x", "r.json"]).0, .usage)
        _ = write("x", "规则 \"x\"\n字段 household_size 家庭人口 : 整数 至少 1\n")
        _ = write("r.json", #"{"household_size":3}"#)
        XCTAssertEqual(run(["check", "x"]).0, .success)
        XCTAssertNotEqual(run(["screen", "--rules", "x", "r.json"]).0, .usage)
    }

    func testExtendsOnlyRulesFilesAndNeverQuotesOthers() throws {
        let secret = write("secret.txt", "TOKEN=abc123secret\n")
        let rules = write("a.rules", "规则 \"a\"\n继承 \"secret.txt\"\n")
        for (_, _, output) in everyCommand(rules) {
            XCTAssertFalse(output.contains("abc123secret"), output)
        }
        XCTAssertTrue(run(["check", rules]).1.contains("[load.not-rules]"))
        let environ = write("env.rules", "规则 \"e\"\n继承 \"/proc/self/environ\"\n")
        XCTAssertTrue(run(["check", environ]).1.contains("只能继承 .rules 规则文件，/proc/self/environ 不是"))
        // A `.rules` name that is not a rules file (here a link to the secret) is read but not quoted.
        try FileManager.default.createSymbolicLink(atPath: path("link.rules"), withDestinationPath: secret)
        let linked = write("b.rules", "规则 \"b\"\n继承 \"link.rules\"\n")
        let (code, output) = run(["check", linked])
        XCTAssertEqual(code, .failure)
        XCTAssertTrue(output.contains("这不是规则文件"), output)
        XCTAssertFalse(output.contains("TOKEN"), output)
        // Resolved against the including file's folder, not the working directory.
        let sub = dir.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try "规则 \"p\"\n".write(to: sub.appendingPathComponent("p.rules"), atomically: true, encoding: .utf8)
        try "规则 \"c\"\n继承 \"p.rules\"\n".write(to: sub.appendingPathComponent("c.rules"), atomically: true, encoding: .utf8)
        XCTAssertEqual(run(["check", sub.appendingPathComponent("c.rules").path]).0, .success)
    }

    func testDevicesDirectoriesAndBinaryFiles() throws {
        XCTAssertTrue(run(["check", "/dev/zero"]).1.contains("[load.not-a-file]"))
        XCTAssertTrue(run(["screen", "--rules", dir.path, "-"]).1.contains("[load.not-a-file]"))
        let big = path("big.rules")
        _ = FileManager.default.createFile(atPath: big, contents: Data(repeating: UInt8(ascii: "#"), count: NestingLimits.fileBytes + 1))
        XCTAssertTrue(run(["check", big]).1.contains("[load.too-large]"))
        // Valid UTF-8 with a header and then noise: at most 20 characters reported, control
        // characters escaped, long lines shown as a window.
        var noise = "规则 \"b\"\n"
        var seed: UInt64 = 42
        for _ in 0..<20_000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            noise.unicodeScalars.append(Unicode.Scalar(UInt8((seed >> 33) % 0x80)))
        }
        let (_, output) = run(["check", write("noise.rules", noise)])
        XCTAssertLessThan(output.utf8.count, 12_000)
        XCTAssertFalse(output.contains("\u{1B}"), "raw escape characters reach the terminal")
        XCTAssertTrue(output.contains("个无法识别的字符未列出"), output)
    }

    func testBadSetValuesAreUsageErrors() {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let rules = root.appendingPathComponent("Rules/bengbu-2022.rules").path
        let record = root.appendingPathComponent("Rules/examples/bengbu-deep-national.json").path
        for (set, fragment) in [("低保标准=-4611686018427387904", "为负"), ("低保标准=0.0000001", "精确到分以下"), ("低保标准=0", "必须大于 0"),
                                ("低保标准[合肥市]=600", "没有 “合肥市” 这一行；已有的行：蚌埠市 | 340300")] {
            for command in [["screen", "--rules", rules, record], ["batch", "--rules", rules, "--in", record, "--out", path("o.jsonl")]] {
                let (code, output) = run(command + ["--set", set])
                XCTAssertEqual(code, .usage, "\(set): \(output)")
                XCTAssertTrue(output.contains(fragment), output)
            }
        }
        XCTAssertEqual(run(["screen", "--rules", rules, record, "--set", "低保标准[340300]=600", "--format", "json"]).0, .success)
    }
}
