import Foundation
import NuanSupport
import NuanProgram
import NuanTools

/// `nuan roster`: the 实名制 名册 of an allocation, or its 公示 list.
enum RosterCommand {
    enum Option: OptionKey {
        case rules, input, allocation, out, format, publicList, unmask, set, lang

        var spec: OptionSpec {
            switch self {
            case .rules: return CommonOptions.rules
            case .input: return OptionSpec("--in", .single, value: Message("档案", "ARCHIVE"),
                                           help: Message("分配时用的档案（CSV 或 xlsx），提供姓名、身份证号、工作单位和电话",
                                                         "the archive the allocation was made from (CSV or xlsx): names, ID numbers, employers, phones"))
            case .allocation: return OptionSpec("--allocation", .single, value: Message("文件", "FILE"),
                                                help: Message("nuan allocate 输出的 .json", "the .json written by nuan allocate"))
            case .out: return OptionSpec("--out", .single, value: Message("文件", "FILE"),
                                         help: Message("名册：.csv、.xlsx，或可打印的 .html（A4，每页重复表头）；- 为标准输出（CSV）",
                                                       "the roster: .csv, .xlsx or a printable .html (A4, headers on every page); - is standard output (CSV)"))
            case .format: return CommonOptions.format(["csv", "xlsx", "html"], default: Message("按 --out 的扩展名", "by the extension of --out"),
                                                      help: Message("名册的格式", "the format of the roster"))
            case .publicList: return OptionSpec("--public", .flag, help: Message("输出公示名单：姓名部分遮蔽、类别、金额，不含身份证号和电话",
                                                                                 "the list for posting (公示): names partly masked, category, amount; no ID or phone numbers"))
            case .unmask: return CommonOptions.unmask
            case .set: return CommonOptions.set
            case .lang: return CommonOptions.lang.helping("帮助和消息的语言（名册本身为中文）", "the language of the help and messages (the roster itself is Chinese)")
            }
        }
    }

    static let spec = CommandSpec<Option>(
        name: "nuan roster",
        summary: Message("生成实名制发放名册或公示名单", "write the real-name payment roster or the public list"),
        usage: [Message("nuan roster --rules 规则文件 --in 档案 --allocation 分配.json --out 名册 [--public] [--unmask]",
                        "nuan roster --rules RULES-FILE --in ARCHIVE --allocation ALLOCATION.json --out FILE [--public] [--unmask]")],
        description: [Message("按分配结果列出每笔发放：序号、申请编号、姓名、工作单位、基本情况、联系方式、身份证号、慰问金额、资金来源、项目和留空的经办人签字，并给出各资金小计和合计。身份证号和电话默认遮蔽。",
                              "Lists every payment of the allocation: serial number, application number, name, employer, situation, phone, ID number, amount, fund, benefit and an empty column for the caseworker's signature, with a subtotal per fund and the total. ID and phone numbers are masked unless --unmask.")],
        exitCodes: Message("0 已生成；2 用法错误、规则文件有错误或分配结果与规则不符。", "0 written; 2 usage error, an error in the rules file, or an allocation made under other rules."),
        examples: [Example("nuan roster --rules Rules/bengbu-2022.rules --in Rules/examples/bengbu-archive.csv --allocation allocation.json --out roster.html")])

    static func run(_ argv: [String], _ io: IO) -> ExitCode {
        let args: Arguments<Option>
        switch spec.parse(argv, io: io) {
        case .exit(let code): return code
        case .parsed(let a): args = a
        }
        let lang = args.language, en = lang == .english
        func usage(_ m: Message) -> ExitCode { io.err(spec.usageError(m.text(lang), lang)); return .usage }
        guard let input = args.value(.input) else { return usage(Message("缺少 --in 档案", "missing --in ARCHIVE")) }
        guard let allocationPath = args.value(.allocation) else { return usage(Message("缺少 --allocation 分配结果", "missing --allocation FILE")) }
        guard let out = args.value(.out) else { return usage(Message("缺少 --out 名册文件", "missing --out FILE")) }
        guard let kind = PaperOutput.kind(args.value(.format).map { "." + $0 } ?? out, allowed: [.csv, .xlsx, .html]) else { return usage(Message("--out 应为 .csv、.xlsx 或 .html", "--out must be .csv, .xlsx or .html")) }
        guard let sets = try? RulesOptions.parseSets(args.values(.set)) else { return usage(Message("--set 应写成 名称=值", "--set is NAME=VALUE")) }
        guard let program = RulesOptions.load(args.value(.rules), sets: sets, io: io, english: en) else { return .usage }
        guard let allocation = FileManager.default.contents(atPath: allocationPath) else { io.err(en ? "cannot read \(allocationPath)\n" : "无法读取 \(allocationPath)\n"); return .usage }
        let households: [AidHousehold]
        switch HouseholdSource.read(path: input, program: program) {
        case .success(let h): households = h
        case .failure(let f): io.err(f.message.text(lang) + "\n"); return .usage
        }
        let roster: Roster
        switch Roster.build(allocationJSON: [UInt8](allocation), households: households, program: program) {
        case .success(let r): roster = r
        case .failure(let f): io.err(f.message.text(lang) + "\n"); return .usage
        }
        let (publicList, unmask) = (args.flag(.publicList), args.flag(.unmask))
        let table = publicList ? roster.publicTable : roster.table(unmask: unmask)
        let bytes: [UInt8]
        switch kind {
        case .html: bytes = Array(roster.html(unmask: unmask, publicList: publicList).utf8)
        case .xlsx:
            guard let x = try? table.xlsx() else { io.err(en ? "cannot build the workbook\n" : "无法生成工作簿\n"); return .usage }
            bytes = x
        default: bytes = Array(table.csv.utf8)
        }
        guard PaperOutput.write(bytes, to: out, io: io, english: en) else { return .usage }
        let done = en ? "\(roster.lines.count) payments, total \(roster.total.formatted(places: 2))\n"
                      : "\(roster.lines.count) 笔，合计 \(roster.total.formatted(places: 2)) 元\n"
        if out == "-" { io.err(done) } else { io.out(done) }
        return .success
    }
}
