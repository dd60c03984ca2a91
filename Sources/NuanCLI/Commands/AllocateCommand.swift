import NuanSupport
import NuanProgram
import NuanTools

/// `nuan allocate`: pays eligible households from limited budgets, in priority order.
enum AllocateCommand {
    enum Option: OptionKey {
        case rules, input, budget, out, format, set, lang

        var spec: OptionSpec {
            switch self {
            case .rules: return CommonOptions.rules
            case .input: return OptionSpec("--in", .single, value: Message("文件", "FILE"),
                                           help: Message("档案：CSV、xlsx 或 JSON Lines 记录，按规则判定；或判定结果：nuan batch 输出的 JSON Lines",
                                                         "an archive (.csv, .xlsx, .jsonl records, decided under the rules) or decisions (nuan batch .jsonl)"))
            case .budget: return OptionSpec("--budget", .repeated, value: Message("资金=金额", "FUND=AMOUNT"),
                                             help: Message("一项资金的预算（元），如 --budget central_aid=500000",
                                                           "one fund's budget in yuan, e.g. --budget central_aid=500000"))
            case .out: return OptionSpec("--out", .single, value: Message("文件", "FILE"),
                                         help: Message("结果：.csv、.xlsx 或 .json（nuan roster 读取 .json）；- 为标准输出（CSV）",
                                                       "the result: .csv, .xlsx or .json (nuan roster reads .json); - is standard output (CSV)"))
            case .format: return CommonOptions.format(["csv", "xlsx", "json"], default: Message("按 --out 的扩展名", "by the extension of --out"),
                                                      help: Message("结果的格式", "the format of the result"))
            case .set: return CommonOptions.set
            case .lang: return CommonOptions.lang.helping("帮助、说明和消息的语言", "the language of the help, the notes and messages")
            }
        }
    }

    static let spec = CommandSpec<Option>(
        name: "nuan allocate",
        summary: Message("在有限预算内按优先分安排发放，并确定每笔的资金来源", "pay households from limited budgets in priority order, each award from an allowed fund"),
        usage: [Message("nuan allocate --rules 规则文件 --in 档案 --budget 资金=金额 … --out 结果", "nuan allocate --rules RULES-FILE --in ARCHIVE --budget FUND=AMOUNT … --out FILE")],
        description: [Message("按规则的优先分从高到低（同分按申请编号，再按输入顺序）依次安排符合条件的户：每笔只从其允许的一项资金中全额支付，任何资金不超预算，同一身份证号的同一项目不重复发放。排在前面的户可改由其他允许的资金支付，以便后面的户也能安排（精确搜索，不是贪心）。安排不了的户列为候补，写明原因和“再增加 某资金 N 元可覆盖”。",
                              "Serves eligible households in order of the rules' priority score (ties by 申请编号, then input order): each award paid whole from one fund allowed to pay it, no budget exceeded, one ID number never paid the same benefit twice. Households ahead may be moved to another allowed fund so that later ones can be paid too (exact search, not greedy). A household that cannot be paid is waitlisted with the reason and how much more money in which fund would reach it.")],
        exitCodes: Message("0 已安排；2 用法错误或规则文件有错误。", "0 allocated; 2 usage error or an error in the rules file."),
        examples: [Example("nuan allocate --rules Rules/bengbu-2022.rules --in Rules/examples/bengbu-archive.csv --budget central_aid=3000 --budget local_finance=1000 --out allocation.json")])

    static func run(_ argv: [String], _ io: IO) -> ExitCode {
        let args: Arguments<Option>
        switch spec.parse(argv, io: io) {
        case .exit(let code): return code
        case .parsed(let a): args = a
        }
        let lang = args.language, en = lang == .english
        func usage(_ m: Message) -> ExitCode { io.err(spec.usageError(m.text(lang), lang)); return .usage }
        guard let input = args.value(.input) else { return usage(Message("缺少 --in 档案", "missing --in ARCHIVE")) }
        guard let out = args.value(.out) else { return usage(Message("缺少 --out 结果文件", "missing --out FILE")) }
        guard let kind = PaperOutput.kind(args.value(.format).map { "." + $0 } ?? out, allowed: [.csv, .xlsx, .json]) else { return usage(Message("--out 应为 .csv、.xlsx 或 .json", "--out must be .csv, .xlsx or .json")) }
        guard let sets = try? RulesOptions.parseSets(args.values(.set)) else { return usage(Message("--set 应写成 名称=值", "--set is NAME=VALUE")) }
        guard let program = RulesOptions.load(args.value(.rules), sets: sets, io: io, english: en) else { return .usage }
        let budgets: [Allocator.Budget]
        switch BudgetOption.parse(args.values(.budget), funds: program.funds.map(\.code)) {
        case .success(let b): budgets = b
        case .failure(let m): return usage(m.message)
        }
        let households: [AidHousehold]
        switch HouseholdSource.read(path: input, program: program) {
        case .success(let h): households = h
        case .failure(let f): io.err(f.message.text(lang) + "\n"); return .usage
        }
        let allocation = Allocator.allocate(households, budgets: budgets, rules: RulesStamp(program))
        let bytes: [UInt8]
        switch kind {
        case .json: bytes = Array(allocation.json(lang).utf8)
        case .xlsx:
            guard let x = try? allocation.table(lang).xlsx() else { io.err(en ? "cannot build the workbook\n" : "无法生成工作簿\n"); return .usage }
            bytes = x
        default: bytes = Array(allocation.table(lang).csv.utf8)
        }
        guard PaperOutput.write(bytes, to: out, io: io, english: en) else { return .usage }
        let summary = allocation.summary(lang)
        if out == "-" { io.err(summary) } else { io.out(summary) }
        return .success
    }
}
