import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools

/// `nuan screen`: decide one applicant, or interview a caseworker for what is still needed.
enum ScreenCommand {
    static let help = """
    用法：nuan screen --rules 规则文件 [记录.json | -] [选项]

    判定一位申请人，输出决定（结论、类别、发放项目与资金、缺少的信息、逐条判定过程）。

    选项：
      --rules 文件          规则文件（必填），如 Rules/bengbu-2022.rules
      --format text|json    输出格式；终端默认 text（中文），否则 json（决定书契约）
      --explain none|brief|full  说明的详细程度（默认 full）
      --set 名称=值         临时改一个参数（可重复），如 --set 低保标准=750
      --lang zh|en          文本输出的语言（默认中文）
      --interactive         逐项询问仍缺少的信息，决定一旦确定即停止
      --unmask              显示完整的身份证号和电话号码（默认只显示前 6 位和后 4 位、前 3 位和后 4 位）
      --help                显示本帮助

    退出码：0 已判定（符合或不符合）；1 记录有误或缺少信息；2 用法或规则文件错误。

    """

    static func run(_ argv: [String], _ io: IO) -> ExitCode {
        let args: Arguments
        do {
            args = try Arguments(argv, valued: ["--rules", "--format", "--explain", "--set", "--lang"],
                                 flagNames: ["--interactive", "--unmask", "--help", "-h"])
        } catch {
            io.err("nuan screen：\(Disclosure.masked.line("\(error)"))\n")
            return .usage
        }
        if args.flag("--help") || args.flag("-h") { io.out(help); return .success }
        let sets: [(name: String, value: String)]
        do { sets = try RulesOptions.parseSets(args.values("--set")) } catch { io.err("nuan screen：\(Disclosure.masked.line("\(error)"))\n"); return .usage }
        let format = args.value("--format") ?? (io.stdoutIsTerminal ? "text" : "json")
        guard format == "text" || format == "json" else { io.err("nuan screen：--format 应为 text 或 json\n"); return .usage }
        guard let explain = ExplainLevel(rawValue: args.value("--explain") ?? "full") else {
            io.err("nuan screen：--explain 应为 none、brief 或 full\n")
            return .usage
        }
        let english = args.value("--lang") == "en"
        let unmask = args.flag("--unmask")
        guard let program = RulesOptions.load(args.value("--rules"), sets: sets, io: io, english: english) else { return .usage }

        var bytes: [UInt8]?
        if let path = args.positionals.first {
            guard let b = RulesOptions.readInput(path, io: io) else { return .usage }
            bytes = b
        } else if !args.flag("--interactive") {
            io.err("nuan screen：请给出记录文件（或 - 表示标准输入），或使用 --interactive\n")
            return .usage
        }
        let source = args.positionals.first

        var decision: Decision
        var current = program
        var pairs: [(String, RawValue)] = []
        if args.flag("--interactive") {
            if let bytes, let source {
                switch JSONRecordReader.parseObject(bytes) {
                case .success(let p): pairs = p
                case .failure(let e):
                    let decision = Decision.invalid(id: nil, errors: [RecordError(field: "", value: nil, reason: "\(source)：" + e.describe(in: bytes))])
                    emit(decision, program, format: format, english: english, unmask: unmask, io: io)
                    return .failure
                }
            }
            var interview = Interview(program: program, sets: sets, pairs: pairs, io: io, english: english)
            (decision, current) = interview.run(explain: explain)
        } else {
            // the record codec batch uses: the same record gives the same decision in both
            decision = Nuan.screen(program, json: bytes ?? [], source: source, explain: explain,
                                   language: english ? .english : .chinese, unmask: unmask)
        }
        decision.takeName(from: pairs)
        emit(decision, current, format: format, english: english, unmask: unmask, io: io)
        switch decision.status {
        case .eligible, .ineligible: return .success
        case .invalid, .undetermined: return .failure
        }
    }

    /// Masked unless `unmask`: the text decision and the JSON alike.
    static func emit(_ d: Decision, _ program: CheckedProgram, format: String, english: Bool, unmask: Bool, io: IO) {
        if format == "json" {
            io.out(DecisionJSON(program: program, unmask: unmask).render(d, pretty: true) + "\n")
        } else {
            io.out(DecisionText(program: program, english: english, unmask: unmask).render(d))
        }
    }
}
