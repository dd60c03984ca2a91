import NuanSupport
import NuanProgram
import NuanTools

/// `nuan audit ROSTER`: checks a signed roster against the decisions and earlier rosters.
enum AuditCommand {
    enum Option: OptionKey {
        case rules, decisions, previous, format, unmask, set, lang

        var spec: OptionSpec {
            switch self {
            case .rules: return CommonOptions.rules
            case .decisions: return OptionSpec("--decisions", .single, value: Message("文件", "FILE"),
                                               help: Message("判定结果（nuan batch 的 JSON Lines），或档案（CSV、xlsx，按规则判定，并可核对姓名和身份证号）",
                                                             "the decisions (nuan batch JSON Lines), or the archive (CSV, xlsx: decided here, and names and ID numbers checked against it)"))
            case .previous: return OptionSpec("--previous", .repeated, value: Message("旧名册", "OLD-ROSTER"),
                                              help: Message("此前的名册，查同一身份证号重复领取", "an earlier roster, to find an ID number paid twice"))
            case .format: return CommonOptions.format(["text", "json"], default: Message(both: "text"), help: Message("输出格式", "output format"))
            case .unmask: return CommonOptions.unmask
            case .set: return CommonOptions.set
            case .lang: return CommonOptions.lang.helping("帮助和结果的语言", "the language of the help and the findings")
            }
        }
    }

    static let spec = CommandSpec<Option>(
        name: "nuan audit",
        summary: Message("核对签回的发放名册：金额、资金、身份证号、重复领取、合计", "check a signed roster: amounts, funds, ID numbers, double payments, totals"),
        usage: [Message("nuan audit 名册 --decisions 判定结果 --rules 规则文件 [--previous 旧名册 …]", "nuan audit ROSTER --decisions DECISIONS --rules RULES-FILE [--previous OLD-ROSTER …]")],
        description: [Message("不必重新分配即可核对名册（CSV 或 xlsx）：规则摘要与 --rules 一致；每行有符合条件的判定，金额不高于判定金额，资金可以支付该项目；身份证号校验位正确、与档案一致、同一项目不重复领取（含 --previous 名册）；同一身份证号姓名一致；各资金小计和合计与各行之和相符（精确到分）。每个问题注明行号和违反的规则。",
                              "Checks a roster (CSV or xlsx) without re-running the allocation: the rules digest is that of --rules; every line has an eligible decision, an amount not above the decided one and a fund that may pay it; the ID number has a valid check digit, matches the archive and is not paid the same benefit twice (--previous rosters included); one ID number has one name; each fund's subtotal and the total are the sums of the lines, to the fen. Each finding names the line and the rule it breaks.")],
        positionals: [Positional(Message("名册", "ROSTER"), Message("要核对的名册（nuan roster --unmask 生成并签回的 CSV 或 xlsx）", "the roster to check (CSV or xlsx written by nuan roster --unmask and signed)"))],
        exitCodes: Message("0 未发现问题；1 发现问题；2 用法错误或规则文件有错误。", "0 no problems; 1 problems found; 2 usage error or an error in the rules file."),
        examples: [Example("nuan audit roster.csv --decisions Rules/examples/bengbu-archive.csv --rules Rules/bengbu-2022.rules")])

    static func run(_ argv: [String], _ io: IO) -> ExitCode {
        let args: Arguments<Option>
        switch spec.parse(argv, io: io) {
        case .exit(let code): return code
        case .parsed(let a): args = a
        }
        let lang = args.language, en = lang == .english
        func usage(_ m: Message) -> ExitCode { io.err(spec.usageError(m.text(lang), lang)); return .usage }
        guard args.positionals.count == 1 else { return usage(Message("请给出一个名册文件", "name one roster file")) }
        guard let decisions = args.value(.decisions) else { return usage(Message("缺少 --decisions 判定结果", "missing --decisions FILE")) }
        guard let sets = try? RulesOptions.parseSets(args.values(.set)) else { return usage(Message("--set 应写成 名称=值", "--set is NAME=VALUE")) }
        guard let program = RulesOptions.load(args.value(.rules), sets: sets, io: io, english: en) else { return .usage }
        var rosters: [RosterFile] = []
        for path in [args.positionals[0]] + args.values(.previous) {
            switch RosterFile.read(path: path) {
            case .success(let r): rosters.append(r)
            case .failure(let f): io.err(f.message.text(lang) + "\n"); return .usage
            }
        }
        let households: [AidHousehold]
        switch HouseholdSource.read(path: decisions, program: program) {
        case .success(let h): households = h
        case .failure(let f): io.err(f.message.text(lang) + "\n"); return .usage
        }
        let findings = RosterAudit.audit(rosters[0], households: households, decisionsDigest: HouseholdSource.rulesDigest(ofDecisions: decisions),
                                         program: program, previous: Array(rosters.dropFirst()), unmask: args.flag(.unmask))
        let n = rosters[0].lines.count
        io.out(args.value(.format) == "json" ? AuditReport.json(findings, lines: n, language: lang) : AuditReport.text(findings, lines: n, language: lang))
        return findings.isEmpty ? .success : .failure
    }
}
