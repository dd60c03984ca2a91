import Foundation
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain

/// `nuan explain`: any view of any decision of a batch run, later, from the run's compact
/// trace (`nuan batch --trace`) and the rules file — what `nuan screen` shows for that record.
enum ExplainCommand {
    enum Option: OptionKey {
        case rules, trace, row, id, view, allRules, format, lang

        var spec: OptionSpec {
            switch self {
            case .rules: return CommonOptions.rules.helping("写出判定轨迹时所用的规则文件（摘要不符则拒绝）",
                                                              "the rules file the trace was written with (refused if its digest differs)")
            case .trace: return OptionSpec("--trace", .single, value: Message("轨迹文件", "TRACE-FILE"),
                                           help: Message("nuan batch --trace 写出的判定轨迹", "the trace nuan batch --trace wrote"))
            case .row: return OptionSpec("--row", .single, value: Message(both: "N"),
                                         help: Message("第 N 条决定（按输入顺序，从 1 数起）", "decision N (in input order, counted from 1)"))
            case .id: return OptionSpec("--id", .single, value: Message("申请编号", "RECORD-ID"),
                                        help: Message("申请编号为此值的第一条决定", "the first decision whose record id is this"))
            case .view: return ScreenCommand.Option.view.spec
            case .allRules: return ScreenCommand.Option.allRules.spec
            case .format:
                return CommonOptions.format(["text", "json", "html"], default: Message("终端上 text，否则 json", "text on a terminal, else json"),
                                            help: Message("输出格式：text 为说明文字，json 为决定书契约，html 为可打印（A4）的告知单",
                                                          "output format: text to read, json the decision contract, html the applicant's notice to print (A4)"))
            case .lang: return CommonOptions.lang.helping("说明和消息的语言", "the language of the explanation and messages")
            }
        }
    }

    static let spec = CommandSpec<Option>(
        name: "nuan explain",
        summary: Message("从批量判定轨迹中说明任一条决定（任一视图）", "explain any decision of a batch run from its trace (any view)"),
        usage: [Message("nuan explain --rules 规则文件 --trace 轨迹文件 (--row N | --id 申请编号) [选项]",
                        "nuan explain --rules RULES-FILE --trace TRACE-FILE (--row N | --id RECORD-ID) [options]")],
        description: [Message("nuan batch --trace 为每条决定保存紧凑的判定轨迹（规则读到的输入与结果）。本命令用规则文件重新判定该记录，给出与 nuan screen 对该记录完全相同的说明；重新判定的结果与轨迹不一致时拒绝。",
                              "nuan batch --trace keeps a compact trace of every decision (the inputs the rules read, and the outcome). This command decides that record again under the rules file and prints exactly what nuan screen shows for it; it refuses if the outcome is not the one the trace holds.")],
        notes: [Message("拒绝（退出码 2）：规则摘要与轨迹不符（规则文件或其继承的文件已修改）、轨迹文件损坏或不完整、所指的条目不存在。批量运行的 --set 记在轨迹中，说明时自动沿用。",
                        "Refused (exit 2): the rules digest differs from the trace's (the file, or a file it extends, changed), the trace is damaged or incomplete, or there is no such entry. The run's --set are kept in the trace and applied again."),
                Message("轨迹中不保存完整的身份证号和电话号码（只保存遮盖后的形式），所以说明中也只有遮盖后的号码；完整号码只在原档案中。无法读入的记录只保存批量运行时的错误（含档案中的行号）。",
                        "The trace never holds full ID or phone numbers (only their masked forms), so neither does the explanation; full numbers are only in the archive. A record that could not be read keeps only the errors the batch found (with the archive's line numbers).")],
        exitCodes: Message("0 已给出说明；2 用法错误，或拒绝（规则不符、轨迹损坏、条目不存在）。",
                           "0 explained; 2 usage error, or refused (rules differ, trace damaged, no such entry)."),
        examples: [Example("nuan batch --rules Rules/bengbu-2022.rules --in archive.jsonl --out decisions.jsonl --explain none --trace run.trace"),
                   Example("nuan explain --rules Rules/bengbu-2022.rules --trace run.trace --row 2 --view 告知单"),
                   Example("nuan explain --rules Rules/bengbu-2022.rules --trace run.trace --id BB-2022-0001 --view 审计 --lang en")])

    static func run(_ argv: [String], _ io: IO) -> ExitCode {
        let args: Arguments<Option>
        switch spec.parse(argv, io: io) {
        case .exit(let code): return code
        case .parsed(let a): args = a
        }
        let english = args.language == .english
        let language: Language = english ? .english : .chinese
        func refuse(_ m: Message) -> ExitCode {
            io.err(ExplainMessage.prefix.text(english: english) + Disclosure.masked.line(m.text(english: english)) + "\n")
            return .usage
        }
        if let extra = args.positionals.first { return refuse(ExplainMessage.unexpected(extra)) }
        guard let tracePath = args.value(.trace) else { return refuse(ExplainMessage.noTrace) }
        let row: Int?
        switch (args.value(.row), args.value(.id)) {
        case (nil, nil), (.some, .some): return refuse(ExplainMessage.rowOrID)
        case (let r?, nil):
            guard let n = Int(r), n >= 1 else { return refuse(ExplainMessage.badRow(r)) }
            row = n
        case (nil, .some): row = nil
        }
        let format = args.value(.format) ?? (io.stdoutIsTerminal ? "text" : "json")
        var view: DecisionView = args.value(.view).flatMap(DecisionView.init(name:)) ?? .caseworker
        if format == "html" {
            guard args.value(.view) == nil || view == .notice else { return refuse(ExplainMessage.htmlIsTheNotice) }
            view = .notice
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: tracePath), options: .alwaysMapped) } catch {
            return refuse(ExplainMessage.cannotRead(tracePath))
        }
        let outcome: Result<(Decision, CheckedProgram), TraceProblem> = data.withUnsafeBytes { bytes in
            do throws(TraceProblem) {
                let reader = try CompactTraceReader(bytes)
                guard let program = RulesOptions.load(args.value(.rules), sets: reader.header.overridePairs, io: io, english: english) else {
                    return .failure(.rulesDiffer(trace: reader.header.digest, rules: ""))
                }
                try reader.check(against: program)
                let n: Int, entry: CompactTrace.Entry
                if let row {
                    (n, entry) = (row, try reader.entry(row: row, program: program))
                } else {
                    (n, entry) = try reader.find(id: args.value(.id) ?? "", program: program)
                }
                return .success((try Nuan.explain(program, entry, row: n, language: language), program))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .failure(.rulesDiffer(_, let rules)) where rules.isEmpty: return .usage   // the rules file's own errors are printed
        case .failure(let problem): return refuse(problem.message)
        case .success(let (decision, program)):
            ScreenCommand.emit(decision, program, format: format, view: view, allRules: args.flag(.allRules), english: english, unmask: false, io: io)
            return .success
        }
    }
}
