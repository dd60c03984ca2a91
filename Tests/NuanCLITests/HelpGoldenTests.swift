import Foundation
import XCTest
@testable import NuanCLI
@testable import NuanProgram

/// `--help` of every command in both languages, byte for byte against
/// `Tests/Fixtures/help/<command>.<lang>.txt`. The help is generated from each command's
/// `CommandSpec`; a change to a declaration shows up here. `NUAN_RECORD=1 swift test --filter
/// HelpGoldenTests` re-records; review with `git diff Tests/Fixtures/help`.
final class HelpGoldenTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every command line that shows a help, with the golden's name.
    static let helps: [(name: String, run: ([String], IO) -> ExitCode)] =
        [("nuan", { CLI.main($0, io: $1) })]
        + CLI.commands.map { c in (c.name, { CLI.main([c.name] + $0, io: $1) }) }
        + [("nuan-fuzz", { Fuzz.main($0, io: $1) })]

    func testHelpOfEveryCommandInBothLanguages() {
        XCTAssertEqual(Self.helps.count, 15)
        for (name, run) in Self.helps {
            for lang in ["zh", "en"] {
                let (io, out, err) = IO.capture()
                XCTAssertEqual(run(["--help", "--lang", lang], io), .success, "\(name) \(lang): \(err())")
                XCTAssertEqual(err(), "")
                Self.check(out(), against: "Tests/Fixtures/help/\(name).\(lang).txt")
            }
        }
    }

    /// Without `--lang` the help is Chinese (English for the developers' nuan-fuzz); `-h`, `--help`
    /// before or after other options and `nuan help CMD` give the same text.
    func testDefaultLanguageAndSpellings() {
        func help(_ run: ([String], IO) -> ExitCode, _ argv: [String]) -> String {
            let (io, out, _) = IO.capture()
            XCTAssertEqual(run(argv, io), .success, "\(argv)")
            return out()
        }
        for (name, run) in Self.helps {
            let zh = help(run, ["--help", "--lang", "zh"]), en = help(run, ["--help", "--lang", "en"])
            XCTAssertNotEqual(zh, en, name)
            XCTAssertEqual(help(run, ["-h"]), name == "nuan-fuzz" ? en : zh, name)
            XCTAssertEqual(help(run, ["--lang=en", "--help"]), en, name)
        }
        for c in CLI.commands {
            let (io, out, _) = IO.capture()
            XCTAssertEqual(CLI.main(["help", c.name, "--lang", "en"], io: io), .success)
            XCTAssertEqual(out(), c.help(.english))
        }
    }

    /// The layout's promises: no trailing spaces, no tab, no line over 80 columns except a
    /// command line (usage or example) that cannot be broken, and every declared option listed.
    func testLayout() {
        for (name, run) in Self.helps {
            for lang in ["zh", "en"] {
                let (io, out, _) = IO.capture()
                _ = run(["--help", "--lang", lang], io)
                let text = out()
                XCTAssertTrue(text.hasSuffix("\n\n"), name)
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    XCTAssertFalse(line.hasSuffix(" "), "\(name).\(lang): trailing space: \(line)")
                    XCTAssertFalse(line.contains("\t"), "\(name).\(lang)")
                    let isCommandLine = line.hasPrefix("  nuan")
                    if !isCommandLine { XCTAssertLessThanOrEqual(HelpText.displayWidth(String(line)), HelpText.width, "\(name).\(lang): \(line)") }
                }
            }
        }
    }

    static func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(relative).path).flatMap { String(data: $0, encoding: .utf8) }
    }

    static func check(_ actual: String, against relative: String, file: StaticString = #filePath, line: UInt = #line) {
        if ProcessInfo.processInfo.environment["NUAN_RECORD"] == "1" {
            try? actual.write(to: root.appendingPathComponent(relative), atomically: true, encoding: .utf8)
            return
        }
        guard let expected = read(relative) else {
            XCTFail("缺少 golden 文件 \(relative)；用 NUAN_RECORD=1 swift test --filter HelpGoldenTests 生成", file: file, line: line)
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let k = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
            XCTFail("\(relative) 与实际输出不同（第 \(k + 1) 行）：\n期望：\(k < e.count ? String(e[k]) : "<结束>")\n实际：\(k < a.count ? String(a[k]) : "<结束>")\n（确认无误后用 NUAN_RECORD=1 重新生成）",
                    file: file, line: line)
        }
    }
}
