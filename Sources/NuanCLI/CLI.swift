import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools

/// The `nuan` command: parses the subcommand name and hands over. Commands only parse
/// arguments, call the engine's libraries, render and return an exit code.
public enum CLI {
    /// A subcommand: its name, the summary of its spec, how to run it and its `--help`.
    public struct Command {
        public let name: String
        public let summary: Message
        public let run: ([String], IO) -> ExitCode
        public let help: (Language) -> String

        init<Key>(_ spec: CommandSpec<Key>, _ run: @escaping ([String], IO) -> ExitCode) {
            name = String(spec.name.split(separator: " ").last!)
            summary = spec.summary
            self.run = run
            help = { spec.help($0) }
        }
    }

    public static let commands: [Command] = [
        Command(ScreenCommand.spec, ScreenCommand.run),
        Command(CheckCommand.spec, CheckCommand.run),
        Command(DiffCommand.spec, DiffCommand.run),
        Command(TestCommand.spec, TestCommand.run),
        Command(ProveCommand.spec, ProveCommand.run),
        Command(FmtCommand.spec, FmtCommand.run),
        Command(BatchCommand.spec, BatchCommand.run),
        Command(ExplainCommand.spec, ExplainCommand.run),
        Command(ServeCommand.spec, ServeCommand.run),
        Command(AllocateCommand.spec, AllocateCommand.run),
        Command(RosterCommand.spec, RosterCommand.run),
        Command(AuditCommand.spec, AuditCommand.run),
        Command(ReplayCommand.spec, ReplayCommand.run),
    ]

    enum Option: OptionKey {
        case version, lang

        var spec: OptionSpec {
            switch self {
            case .version: return OptionSpec("--version", .flag, help: Message("显示版本", "show the version"))
            case .lang: return CommonOptions.lang.helping("帮助的语言（命令的 --lang 见各命令的 --help）",
                                                          "the language of this help (see each command's --help for its --lang)")
            }
        }
    }

    static let spec = CommandSpec<Option>(
        name: "nuan",
        summary: Message("nuan — 工会困难职工帮扶与送温暖规则引擎", "nuan — a rules engine for trade-union hardship aid"),
        usage: [Message("nuan <命令> [选项]", "nuan <command> [options]"), Message("nuan help [命令]", "nuan help [command]")],
        notes: [Message("每个命令都有 --help（加 --lang en 为英文）。", "Every command has --help (--lang en for English).")],
        subcommands: commands.map { ($0.name, $0.summary) },
        examples: [Example("nuan screen --rules Rules/bengbu-2022.rules Rules/examples/bengbu-deep-national.json"),
                   Example("nuan check Rules/")])

    /// The top-level help (`nuan --help`).
    public static func usage(_ language: Language = .chinese) -> String { spec.help(language) }

    public static func main(_ argv: [String], io: IO) -> ExitCode {
        guard let name = argv.first else { io.err(usage()); return .usage }
        if let cmd = commands.first(where: { $0.name == name }) { return cmd.run(Array(argv.dropFirst()), io) }
        if name == "help" {
            // `nuan help check` is `nuan check --help`
            if argv.count > 1, let cmd = commands.first(where: { $0.name == argv[1] }) { return cmd.run(["--help"] + argv.dropFirst(2), io) }
            return main(["--help"] + argv.dropFirst(), io: io)
        }
        let args: Arguments<Option>
        switch spec.parse(argv, io: io) {
        case .exit(let code): return code
        case .parsed(let a): args = a
        }
        if args.flag(.version) { io.out("nuan 0.1.0\n"); return .success }
        let unknown = args.positionals.first ?? name
        let message = args.language == .english ? "nuan: unknown command “\(Disclosure.masked.line(unknown))”\n\n"
                                                : "nuan：未知的命令 “\(Disclosure.masked.line(unknown))”\n\n"
        io.err(message + usage(args.language))
        return .usage
    }
}
