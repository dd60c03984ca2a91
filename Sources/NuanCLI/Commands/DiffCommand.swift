import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools

/// `nuan diff OLD NEW`: what changed between two rules files, by meaning.
enum DiffCommand {
    static let help = """
    用法：nuan diff 旧文件 新文件  [--format text|json]

    比较两个规则文件（连同它们继承的文件）在含义上的差别，用政策人员的话列出：
    参数从多少改为多少（并列出用到它的规则）、新增或删除的福利、金额的变化、
    条件放宽或收紧、资金可以或不再可以支付哪些对象和福利、依据的变化、版本和生效期间。
    只调整声明顺序、排版或注释不算差别。

    选项：
      --format json  以 JSON 输出
      --help         显示本帮助

    退出码：0 没有差别；1 有差别；2 用法错误或规则文件有错误。

    """

    static func run(_ argv: [String], _ io: IO) -> ExitCode {
        let args: Arguments
        do { args = try Arguments(argv, valued: ["--format"], flagNames: ["--help", "-h"]) } catch {
            io.err("nuan diff：\(error)\n")
            return .usage
        }
        if args.flag("--help") || args.flag("-h") { io.out(help); return .success }
        guard args.positionals.count == 2 else { io.err("nuan diff：请给出两个规则文件：旧文件 新文件\n"); return .usage }
        let format = args.value("--format") ?? "text"
        guard format == "text" || format == "json" else { io.err("nuan diff：--format 只能是 text 或 json\n"); return .usage }
        let (oldPath, newPath) = (args.positionals[0], args.positionals[1])
        var programs: [CheckedProgram] = []
        for path in [oldPath, newPath] {
            let (program, diags) = Nuan.compile(path: path)
            guard let program else {
                io.err(DiagnosticRenderer.render(diags.filter { $0.severity == .error }))
                io.err("nuan diff：\(path) 有错误，无法比较（先用 nuan check 修正）\n")
                return .usage
            }
            programs.append(program)
        }
        let changes = RulesDiff.compare(programs[0], programs[1])
        // Citations and names quoted from the files may hold ID or phone numbers or control characters.
        io.out(format == "json" ? Disclosure.masked.value(DiffReport.json(changes, old: oldPath, new: newPath))
                                : Disclosure.masked.report(DiffReport.text(changes, old: oldPath, new: newPath)))
        return changes.isEmpty ? .success : .failure
    }
}
