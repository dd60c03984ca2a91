import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools

/// `nuan screen`: decide one applicant, or interview a caseworker for what is still needed.
enum ScreenCommand {
    enum Option: OptionKey {
        case rules, format, view, allRules, explain, set, lang, interactive, unmask

        var spec: OptionSpec {
            switch self {
            case .rules: return CommonOptions.rules
            case .format:
                return CommonOptions.format(["text", "json", "html"], default: Message("终端上 text，否则 json", "text on a terminal, else json"),
                                            help: Message("输出格式：text 为说明文字，json 为决定书契约，html 为可打印（A4）的告知单",
                                                          "output format: text to read, json the decision contract, html the applicant's notice to print (A4)"))
            case .view:
                return OptionSpec("--view", .single, choices: DecisionView.names.map(\.0), default: Message("经办", "caseworker"),
                                  help: Message("文本的视图：告知单（给申请人）、经办（理由与起决定作用的规则）、审计（完整判定过程、输入、数字来源与规则摘要）",
                                                "the text's view: notice (for the applicant), caseworker (reasons and the rules that decided), auditor (the full trace, the inputs, every figure's source and the rules' digests)"))
            case .allRules:
                return OptionSpec("--all-rules", .flag, help: Message("经办视图也逐条列出未适用的规则（每条一行）",
                                                                       "the caseworker's view also lists the rules that did not apply, one line each"))
            case .explain: return CommonOptions.explain(default: "full")
            case .set: return CommonOptions.set
            case .lang: return CommonOptions.lang.helping("文本输出和说明的语言", "the language of the text output and explanations")
            case .interactive: return OptionSpec("--interactive", .flag, help: Message("逐项询问仍缺少的信息，决定一旦确定即停止",
                                                                                         "ask for what is still missing, one input at a time, until the decision is settled"))
            case .unmask:
                return CommonOptions.unmask.helping("显示完整的身份证号和电话号码（默认只显示前 6 位和后 4 位、前 3 位和后 4 位）",
                                                    "show full ID and phone numbers (by default only the first 6 and last 4, the first 3 and last 4 digits)")
            }
        }
    }

    static let spec = CommandSpec<Option>(
        name: "nuan screen",
        summary: Message("判定一位申请人（--interactive 逐项询问）", "decide one applicant (--interactive asks)"),
        usage: [Message("nuan screen --rules 规则文件 [记录.json | -] [选项]", "nuan screen --rules RULES-FILE [RECORD.json | -] [options]")],
        description: [Message("判定一位申请人，输出决定（结论、类别、发放项目与资金、缺少的信息、逐条判定过程）。",
                                "Decides one applicant and prints the decision (outcome, category, awards and funds, missing information, the reasoning rule by rule).")],
        positionals: [Positional(Message("记录.json | -", "RECORD.json | -"), Message("申请人的记录（JSON 对象）；- 为标准输入", "the applicant's record (a JSON object); - for standard input"))],
        exitCodes: Message("0 已判定（符合或不符合）；1 记录有误或缺少信息；2 用法或规则文件错误。",
                             "0 decided (eligible or not); 1 invalid record or missing information; 2 usage or rules-file error."),
        examples: [Example("nuan screen --rules Rules/bengbu-2022.rules Rules/examples/bengbu-deep-national.json"),
                   Example("nuan screen --rules Rules/bengbu-2022.rules --interactive")])

    static func run(_ argv: [String], _ io: IO) -> ExitCode {
        let args: Arguments<Option>
        switch spec.parse(argv, io: io) {
        case .exit(let code): return code
        case .parsed(let a): args = a
        }
        let english = args.language == .english
        let sets: [(name: String, value: String)]
        do { sets = try RulesOptions.parseSets(args.values(.set)) } catch { io.err("nuan screen：\(Disclosure.masked.line("\(error)"))\n"); return .usage }
        let format = args.value(.format) ?? (io.stdoutIsTerminal ? "text" : "json")
        var view: DecisionView = args.value(.view).flatMap(DecisionView.init(name:)) ?? .caseworker  // choices checked by the parser
        if format == "html" {
            guard args.value(.view) == nil || view == .notice else {
                io.err(ScreenMessage.htmlIsTheNotice.text(english: english) + "\n")
                return .usage
            }
            view = .notice
        }
        let explain = args.value(.explain).flatMap(ExplainLevel.init(rawValue:)) ?? .full  // choices checked by the parser
        let unmask = args.flag(.unmask)
        guard let program = RulesOptions.load(args.value(.rules), sets: sets, io: io, english: english) else { return .usage }

        var bytes: [UInt8]?
        if let path = args.positionals.first {
            guard let b = RulesOptions.readInput(path, io: io) else { return .usage }
            bytes = b
        } else if !args.flag(.interactive) {
            io.err("nuan screen：请给出记录文件（或 - 表示标准输入），或使用 --interactive\n")
            return .usage
        }
        let source = args.positionals.first

        var decision: Decision
        var current = program
        var pairs: [(String, RawValue)] = []
        if args.flag(.interactive) {
            if let bytes, let source {
                switch JSONRecordReader.parseObject(bytes) {
                case .success(let p): pairs = p
                case .failure(let e):
                    let decision = Decision.invalid(id: nil, errors: [RecordError(field: "", value: nil, reason: "\(source)：" + e.describe(in: bytes))])
                    emit(decision, program, format: format, view: view, allRules: args.flag(.allRules), english: english, unmask: unmask, io: io)
                    return .failure
                }
            }
            var interview = Interview(program: program, sets: sets, pairs: pairs, io: io, english: english)
            (decision, current) = interview.run(explain: explain)
        } else {
            // the record codec batch uses: the same record gives the same decision in both
            decision = Nuan.screen(program, json: bytes ?? [], source: source, explain: explain, recourse: true,
                                   language: english ? .english : .chinese, unmask: unmask)
        }
        decision.takeName(from: pairs)
        emit(decision, current, format: format, view: view, allRules: args.flag(.allRules), english: english, unmask: unmask, io: io)
        switch decision.status {
        case .eligible, .ineligible: return .success
        case .invalid, .undetermined: return .failure
        }
    }

    /// Masked unless `unmask`: the text decision, the notice page and the JSON alike.
    static func emit(_ d: Decision, _ program: CheckedProgram, format: String, view: DecisionView, allRules: Bool, english: Bool, unmask: Bool, io: IO) {
        switch format {
        case "json": io.out(DecisionJSON(program: program, unmask: unmask).render(d, pretty: true) + "\n")
        case "html": io.out(NoticeHTML(program: program, english: english, unmask: unmask).render(d))
        default:
            var text = DecisionText(program: program, english: english, unmask: unmask, showRecourse: true, view: view)
            text.allRules = allRules
            io.out(text.render(d))
        }
    }
}

/// The screen command's own messages.
enum ScreenMessage {
    static let htmlIsTheNotice = Message("nuan screen：--format html 是申请人的告知单，只能与 --view 告知单 同用",
                                         "nuan screen: --format html is the applicant's notice; it goes with --view notice only")
}
