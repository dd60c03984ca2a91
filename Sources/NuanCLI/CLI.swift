import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools

/// The `nuan` command: parses the subcommand name and hands over. Commands only parse
/// arguments, call the engine's libraries, render and return an exit code.
public enum CLI {
    public static let commands: [(name: String, summary: String, run: ([String], IO) -> ExitCode)] = [
        ("screen", "判定一位申请人（--interactive 逐项询问）", ScreenCommand.run),
        ("check", "检查规则文件，列出全部错误和警告", CheckCommand.run),
        ("diff", "比较两个规则文件在含义上的差别", DiffCommand.run),
        ("test", "运行规则文件中的例子（--coverage 覆盖率）", TestCommand.run),
        ("fmt", "把规则文件整理成统一格式（--check 只检查）", FmtCommand.run),
        ("batch", "批量重新评估档案，输出决定与影响报告", BatchCommand.run),
    ]

    public static let usage = """
    nuan — 工会困难职工帮扶与送温暖规则引擎

    用法：nuan <命令> [选项]

    命令：
    \(commands.map { "  " + $0.name.padding(toLength: 8, withPad: " ", startingAt: 0) + $0.summary }.joined(separator: "\n"))

    每个命令都有 --help。例：
      nuan screen --rules Rules/bengbu-2022.rules Rules/examples/bengbu-deep-national.json
      nuan check Rules/

    """

    public static func main(_ argv: [String], io: IO) -> ExitCode {
        guard let name = argv.first else { io.err(usage); return .usage }
        if name == "--help" || name == "-h" || name == "help" { io.out(usage); return .success }
        if name == "--version" { io.out("nuan 0.1.0\n"); return .success }
        guard let cmd = commands.first(where: { $0.name == name }) else {
            io.err("nuan：未知的命令 “\(Disclosure.masked.line(name))”\n\n" + usage)
            return .usage
        }
        return cmd.run(Array(argv.dropFirst()), io)
    }
}
