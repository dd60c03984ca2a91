import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools

/// `nuan diff OLD NEW`: what changed between two rules files, by meaning.
enum DiffCommand {
    enum Option: OptionKey {
        case format, lang

        var spec: OptionSpec {
            switch self {
            case .format:
                return CommonOptions.format(["text", "json"], default: Message(both: "text"), help: Message("输出格式", "output format"))
            case .lang: return CommonOptions.lang.helping("帮助、报告和用法错误的语言",
                                                          "the language of the help, the report and usage errors")
            }
        }
    }

    static let spec = CommandSpec<Option>(
        name: "nuan diff",
        summary: Message("比较两个规则文件在含义上的差别", "compare two rules files by meaning"),
        usage: [Message("nuan diff 旧文件 新文件 [选项]", "nuan diff OLD-FILE NEW-FILE [options]")],
        description: [Message("比较两个规则文件（连同它们继承的文件）在含义上的差别，用政策人员的话列出：参数从多少改为多少（并列出用到它的规则）、新增或删除的福利、金额的变化、条件放宽或收紧、资金可以或不再可以支付哪些对象和福利、依据的变化、版本和生效期间。只调整声明顺序、排版或注释不算差别。",
                                "Compares two rules files (with the files they inherit) by meaning, in the words of policy staff: a parameter changed from one figure to another (with the rules using it), benefits added or removed, changed amounts, conditions relaxed or tightened, which beneficiaries and benefits a fund may or may no longer pay, changed citations, versions and periods in force. Reordering declarations, layout and comments are no difference.")],
        positionals: [Positional(Message("旧文件 新文件", "OLD-FILE NEW-FILE"), Message("要比较的两个规则文件", "the two rules files to compare"))],
        exitCodes: Message("0 没有差别；1 有差别；2 用法错误或规则文件有错误。",
                             "0 no difference; 1 differences; 2 usage error or an error in a rules file."),
        examples: [Example("nuan diff --format json OLD.rules NEW.rules")])

    static func run(_ argv: [String], _ io: IO) -> ExitCode {
        let args: Arguments<Option>
        switch spec.parse(argv, io: io) {
        case .exit(let code): return code
        case .parsed(let a): args = a
        }
        guard args.positionals.count == 2 else {
            io.err(spec.usageError(args.language == .english ? "name two rules files: OLD-FILE NEW-FILE" : "请给出两个规则文件：旧文件 新文件", args.language))
            return .usage
        }
        let format = args.value(.format) ?? "text"
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
        let english = args.language == .english
        let changes = RulesDiff.compare(programs[0], programs[1], english: english)
        // Citations and names quoted from the files may hold ID or phone numbers or control characters.
        io.out(format == "json" ? Disclosure.masked.value(DiffReport.json(changes, old: oldPath, new: newPath))
                                : Disclosure.masked.report(DiffReport.text(changes, old: oldPath, new: newPath, english: english)))
        return changes.isEmpty ? .success : .failure
    }
}
