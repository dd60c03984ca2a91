import Foundation
import XCTest
@testable import NuanCLI
import NuanSupport
@testable import NuanProgram

/// The spec-driven parser: each usage error, in both languages, and the shared options checked
/// the same way by every command.
final class ArgumentsTests: XCTestCase {
    enum Key: OptionKey {
        case rules, format, set, strict, verbose, encoding, lang

        var spec: OptionSpec {
            switch self {
            case .rules: return CommonOptions.rules
            case .format: return CommonOptions.format(["text", "json"], default: nil, help: Message("格式", "format"))
            case .set: return CommonOptions.set
            case .strict: return OptionSpec("--strict", .flag, help: Message("严格", "strict"))
            case .verbose: return OptionSpec("--verbose", short: "-v", .flag, help: Message("详细", "verbose"))
            case .encoding: return OptionSpec("--encoding", .single, choices: ["utf8", "gb18030"], matching: .looseCaseAndDash, help: Message("编码", "encoding"))
            case .lang: return CommonOptions.lang
            }
        }
    }

    static let spec = CommandSpec<Key>(name: "nuan demo", summary: Message("演示", "demo"), usage: [Message(both: "nuan demo")])

    func parse(_ argv: [String]) throws -> Arguments<Key> { try Arguments(argv, spec: Self.spec) }

    /// The error's message in both languages (the test fails if `argv` parses).
    func error(_ argv: [String], file: StaticString = #filePath, line: UInt = #line) -> Message {
        do {
            _ = try parse(argv)
            XCTFail("\(argv) parsed", file: file, line: line)
        } catch let e as Arguments<Key>.UsageError {
            return e.message
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
        return Message(both: "")
    }

    func testValuesFlagsAndPositionals() throws {
        let a = try parse(["--rules", "a.rules", "x.json", "--format=json", "--set", "甲=1", "--set=乙=2", "-v", "--strict", "--strict",
                           "-", "--", "--not-an-option"])
        XCTAssertEqual(a.value(.rules), "a.rules")
        XCTAssertEqual(a.value(.format), "json")
        XCTAssertEqual(a.values(.set), ["甲=1", "乙=2"])
        XCTAssertTrue(a.flag(.verbose))
        XCTAssertTrue(a.flag(.strict))
        XCTAssertFalse(a.help)
        XCTAssertEqual(a.positionals, ["x.json", "-", "--not-an-option"])
        XCTAssertEqual(a.language, .chinese)
        let b = try parse([])
        XCTAssertNil(b.value(.rules))
        XCTAssertEqual(b.values(.set), [])
        XCTAssertFalse(b.flag(.verbose))
        XCTAssertTrue(try parse(["-h"]).help)
        XCTAssertTrue(try parse(["x", "--help"]).help)
        XCTAssertEqual(try parse(["--lang", "en"]).language, .english)
    }

    func testLooseChoiceGivesTheDeclaredSpelling() throws {
        XCTAssertEqual(try parse(["--encoding", "UTF-8"]).value(.encoding), "utf8")
        XCTAssertEqual(try parse(["--encoding=GB-18030"]).value(.encoding), "gb18030")
        XCTAssertEqual(error(["--format", "JSON"]).zh, "--format 只能是 text 或 json，不能是 “JSON”")
    }

    func testUnknownOptionSuggestsTheNearest() {
        XCTAssertEqual(error(["--rule", "a.rules"]), Message("未知的选项 --rule；是不是 --rules？", "unknown option --rule; did you mean --rules?"))
        XCTAssertEqual(error(["--hlep"]).zh, "未知的选项 --hlep；是不是 --help？")
        XCTAssertEqual(error(["--frobnicate"]), Message("未知的选项 --frobnicate", "unknown option --frobnicate"))
        XCTAssertEqual(error(["-x"]).en, "unknown option -x; did you mean -v?")
    }

    func testFlagGivenAValue() {
        XCTAssertEqual(error(["--strict=yes"]), Message("选项 --strict 不带值", "option --strict takes no value"))
        XCTAssertEqual(error(["--help=1"]).zh, "选项 --help 不带值")
    }

    func testMissingValue() {
        XCTAssertEqual(error(["x", "--rules"]), Message("选项 --rules 需要一个值", "option --rules needs a value"))
        XCTAssertEqual(error(["--set"]).en, "option --set needs a value")
    }

    func testChoiceNotAllowedNamesTheChoices() {
        XCTAssertEqual(error(["--lang", "fr"]), Message("--lang 只能是 zh 或 en，不能是 “fr”", "--lang must be zh or en, not “fr”"))
        XCTAssertEqual(error(["--encoding", "latin1"]).zh, "--encoding 只能是 utf8 或 gb18030，不能是 “latin1”")
        let three = OptionSpec("--explain", .single, choices: ["none", "brief", "full"], help: Message(both: ""))
        XCTAssertEqual(Arguments<Key>.notAChoice("most", three).message,
                       Message("--explain 只能是 none、brief 或 full，不能是 “most”", "--explain must be none, brief or full, not “most”"))
    }

    /// Documented choice: a single-valued option given twice is an error, even with the same
    /// value (the last one silently winning hides a mistake); repeated options and flags are not.
    func testSingleValuedOptionGivenTwice() {
        XCTAssertEqual(error(["--rules", "a.rules", "--rules", "b.rules"]),
                       Message("选项 --rules 只能给一次", "option --rules may be given only once"))
        XCTAssertEqual(error(["--format", "json", "--format=json"]).zh, "选项 --format 只能给一次")
        XCTAssertNoThrow(try parse(["--set", "a=1", "--set", "a=1", "-v", "--verbose"]))
    }

    /// Messages come in the language `--lang` asks for, read even when the error comes first.
    func testUsageErrorLanguage() {
        let (io, _, err) = IO.capture()
        guard case .exit(.usage) = Self.spec.parse(["--bogus", "--lang", "en"], io: io) else { return XCTFail() }
        XCTAssertEqual(err(), "nuan demo: unknown option --bogus (see --help)\n")
        let (io2, _, err2) = IO.capture()
        guard case .exit(.usage) = Self.spec.parse(["--bogus", "--lang", "fr"], io: io2) else { return XCTFail() }
        XCTAssertEqual(err2(), "nuan demo：未知的选项 --bogus（--help 查看用法）\n")
        // an ID number typed where an option goes is masked
        let (io3, _, err3) = IO.capture()
        guard case .exit(.usage) = Self.spec.parse(["--11010519491231002X"], io: io3) else { return XCTFail() }
        XCTAssertFalse(err3().contains("11010519491231002X"), err3())
    }

    /// Every command and nuan-fuzz: `--lang fr` is the same usage error, naming the choices,
    /// and so is a repeated single-valued option and an unknown one.
    func testSharedOptionsAreCheckedTheSameEverywhere() {
        for (name, run) in HelpGoldenTests.helps {
            let (io, out, err) = IO.capture()
            XCTAssertEqual(run(["--lang", "fr", "x"], io), .usage, name)
            XCTAssertEqual(out(), "", name)
            XCTAssertTrue(err().contains("--lang 只能是 zh 或 en，不能是 “fr”") || err().contains("--lang must be zh or en, not “fr”"), "\(name): \(err())")
            let (io2, _, err2) = IO.capture()
            XCTAssertEqual(run(["--lang", "en", "--lang", "zh", "x"], io2), .usage, name)
            XCTAssertTrue(err2().contains("选项 --lang 只能给一次"), "\(name): \(err2())")  // the last --lang says the language
            let (io3, _, err3) = IO.capture()
            XCTAssertEqual(run(["--bogus", "--lang", "zh"], io3), .usage, name)
            XCTAssertTrue(err3().contains("未知的选项 --bogus"), "\(name): \(err3())")
        }
        // fmt, check, serve and prove (text only, for now) take no --format.
        for c in CLI.commands where c.name != "fmt" && c.name != "check" && c.name != "serve" && c.name != "prove" {
            let (io, _, err) = IO.capture()
            XCTAssertEqual(CLI.main([c.name, "--format", "xml"], io: io), .usage, c.name)
            XCTAssertTrue(err().contains("--format 只能是"), "\(c.name): \(err())")
        }
    }

    /// The spec is the only source of option names: commands read by `OptionKey` case (a name
    /// not declared cannot be written), the help lists every declared option in both languages,
    /// no name or alias is declared twice, and no command reads options by string any more.
    func testEveryOptionIsDeclaredOnceAndListed() throws {
        let specs: [(String, [OptionSpec], (Language) -> String)] =
            [("nuan", CLI.spec.options, CLI.spec.help)] + CLI.commands.map { c in (c.name, specOptions(c.name), c.help) }
            + [("nuan-fuzz", Fuzz.spec.options, Fuzz.spec.help)]
        for (name, options, help) in specs {
            XCTAssertFalse(options.isEmpty)
            let names = options.flatMap { [$0.name] + ($0.short.map { [$0] } ?? []) }
            XCTAssertEqual(Set(names).count, names.count, "\(name): an option declared twice")
            for language in [Language.chinese, .english] {
                let text = help(language)
                for n in names { XCTAssertTrue(text.contains(n), "\(name): \(n) is accepted but not in the help") }
            }
        }
        let sources = Self.root.appendingPathComponent("Sources/NuanCLI")
        let files = (FileManager.default.enumerator(atPath: sources.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".swift") }
        XCTAssertGreaterThan(files.count, 10)
        for f in files {
            let text = try String(contentsOf: sources.appendingPathComponent(f), encoding: .utf8)
            for reading in [".value(\"", ".values(\"", ".flag(\"", "valued:", "flagNames:"] {
                XCTAssertFalse(text.contains(reading), "\(f) reads an option by its name (\(reading))")
            }
        }
    }

    func specOptions(_ command: String) -> [OptionSpec] {
        switch command {
        case "screen": return ScreenCommand.spec.options
        case "check": return CheckCommand.spec.options
        case "diff": return DiffCommand.spec.options
        case "test": return TestCommand.spec.options
        case "fmt": return FmtCommand.spec.options
        case "batch": return BatchCommand.spec.options
        case "serve": return ServeCommand.spec.options
        case "allocate": return AllocateCommand.spec.options
        case "roster": return RosterCommand.spec.options
        case "audit": return AuditCommand.spec.options
        case "replay": return ReplayCommand.spec.options
        case "prove": return ProveCommand.spec.options
        case "explain": return ExplainCommand.spec.options
        default: XCTFail("no spec for \(command)"); return []
        }
    }

    static let root = HelpGoldenTests.root
}
