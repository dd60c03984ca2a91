import Foundation
import NuanSupport
import NuanProgram
import NuanTools

/// `nuan replay DECISION.json --record RECORD.json`: re-decides and confirms a decision.
enum ReplayCommand {
    enum Option: OptionKey {
        case record, rules, format, lang

        var spec: OptionSpec {
            switch self {
            case .record: return OptionSpec("--record", .single, value: Message("记录", "RECORD"),
                                            help: Message("作出该判定的申请记录（JSON）", "the applicant record (JSON) the decision was made from"))
            case .rules: return OptionSpec("--rules", .single, value: Message("规则文件", "RULES-FILE"),
                                           help: Message("规则文件；默认为判定中 rules.files 所列的第一个文件", "the rules file; by default the first file the decision's rules.files names"))
            case .format: return CommonOptions.format(["text", "json"], default: Message(both: "text"), help: Message("输出格式", "output format"))
            case .lang: return CommonOptions.lang.helping("帮助和结果的语言", "the language of the help and the result")
            }
        }
    }

    static let spec = CommandSpec<Option>(
        name: "nuan replay",
        summary: Message("按判定所记的规则重新判定，逐字节核对", "decide again under the rules a decision names and confirm it byte for byte"),
        usage: [Message("nuan replay 判定.json --record 记录.json [--rules 规则文件]", "nuan replay DECISION.json --record RECORD.json [--rules RULES-FILE]")],
        description: [Message("读取 nuan screen --format json 写出的判定，按其 rules 块所记的规则文件和 --set 重新判定同一记录，结果与原判定逐字节相同则确认；不同则列出不同的字段；规则文本的 SHA-256 与判定所记不同时拒绝重判，并列出改动过的文件。",
                              "Reads a decision written by nuan screen --format json, decides the same record again under the rules file and --set values its rules block names, and confirms it when the result is the same bytes; otherwise lists the fields that differ. When the rules text's SHA-256 is not the one recorded, it refuses and names the files that changed.")],
        positionals: [Positional(Message("判定.json", "DECISION.json"), Message("要核对的判定", "the decision to confirm"))],
        exitCodes: Message("0 已确认；1 结果不同或规则已改动；2 用法错误或规则文件有错误。", "0 confirmed; 1 different, or the rules changed; 2 usage error or an error in the rules file."),
        examples: [Example("nuan replay decision.json --record Rules/examples/bengbu-deep-national.json")])

    static func run(_ argv: [String], _ io: IO) -> ExitCode {
        let args: Arguments<Option>
        switch spec.parse(argv, io: io) {
        case .exit(let code): return code
        case .parsed(let a): args = a
        }
        let lang = args.language, en = lang == .english
        func usage(_ m: Message) -> ExitCode { io.err(spec.usageError(m.text(lang), lang)); return .usage }
        guard args.positionals.count == 1 else { return usage(Message("请给出一个判定文件", "name one decision file")) }
        guard let recordPath = args.value(.record) else { return usage(Message("缺少 --record 记录", "missing --record RECORD")) }
        guard let decision = RulesOptions.readInput(args.positionals[0], io: io), let record = RulesOptions.readInput(recordPath, io: io) else { return .usage }
        let named: DecisionReplay.Named
        switch DecisionReplay.named(in: decision) {
        case .success(let n): named = n
        case .failure(let f): io.err(f.message.text(lang) + "\n"); return .usage
        }
        guard let program = RulesOptions.load(args.value(.rules) ?? named.rulesPath, sets: named.overrides, io: io, english: en) else { return .usage }
        let outcome = DecisionReplay.replay(decision: decision, named: named, record: record, program: program)
        io.out(args.value(.format) == "json" ? json(outcome) : text(outcome, english: en))
        if case .confirmed = outcome { return .success }
        return .failure
    }

    static func text(_ outcome: DecisionReplay.Outcome, english en: Bool) -> String {
        switch outcome {
        case .confirmed(let form):
            return en ? "confirmed: the same decision, byte for byte (\(form))\n" : "已确认：重新判定结果与原判定逐字节相同（\(form)）\n"
        case .differs(let fields):
            return en ? "different: \(fields.joined(separator: ", ")) differ\n" : "不同：\(fields.joined(separator: "、")) 与原判定不同\n"
        case .otherRules(let recorded, let current, let files):
            let list = files.isEmpty ? "" : (en ? "; changed: " : "；改动的文件：") + files.joined(separator: en ? ", " : "、")
            return en ? "refused: the decision was made under rules sha256 \(recorded), these are \(current)\(list)\n"
                      : "拒绝重判：原判定所用规则 sha256 为 \(recorded)，现规则为 \(current)\(list)\n"
        }
    }

    static func json(_ outcome: DecisionReplay.Outcome) -> String {
        let q = JSONText.quote
        switch outcome {
        case .confirmed(let form): return "{\"result\": \"confirmed\", \"form\": \(q(form))}\n"
        case .differs(let fields): return "{\"result\": \"different\", \"fields\": [\(fields.map(q).joined(separator: ", "))]}\n"
        case .otherRules(let recorded, let current, let files):
            return "{\"result\": \"refused\", \"recorded_sha256\": \(q(recorded)), \"sha256\": \(q(current)), \"changed_files\": [\(files.map(q).joined(separator: ", "))]}\n"
        }
    }
}
