import Foundation
#if canImport(Glibc)
import Glibc
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools
#endif

/// `nuan batch`: re-decide a whole archive (CSV or JSON Lines), streaming and on every core.
enum BatchCommand {
    enum Option: OptionKey {
        case rules, input, output, inFormat, sheet, format, encoding, keepUnknownColumns, excel, explain, recourse, nearMiss, unmask, jobs, summary, trace, against, report, set, maxLine
        case stage, blockSize, lang

        var spec: OptionSpec {
            switch self {
            case .rules: return CommonOptions.rules
            case .input:
                return OptionSpec("--in", .single, value: Message("档案", "ARCHIVE"),
                                  help: Message("档案：.xlsx 工作簿或 .csv（表头为英文键、中文标签或常用别名），或 .jsonl（每行一个 JSON 对象）；- 为标准输入（默认 jsonl）",
                                                  "the archive: an .xlsx workbook or .csv (headed by English keys, Chinese labels or their common variants), or .jsonl (one JSON object a line); - for standard input (jsonl unless --in-format)"))
            case .output:
                return OptionSpec("--out", .single, value: Message("决定文件", "DECISIONS"),
                                  help: Message("决定：.jsonl（每行一条决定）、.csv 或 .xlsx 工作簿；- 为标准输出。先写临时文件，完成后改名",
                                                  "the decisions: .jsonl (one a line), .csv or an .xlsx workbook; - for standard output. Written to a temporary file, renamed when done"))
            case .inFormat:
                return OptionSpec("--in-format", .single, choices: ["jsonl", "csv", "xlsx"], default: Message("按扩展名", "by extension"),
                                  help: Message("输入格式", "input format"))
            case .format:
                return CommonOptions.format(["jsonl", "csv", "xlsx"], default: Message("按扩展名，否则 jsonl", "by extension, else jsonl"),
                                            help: Message("输出格式", "output format"))
            case .encoding:
                return OptionSpec("--encoding", .single, choices: ["utf8", "gb18030"], matching: .looseCaseAndDash,
                                  default: Message("逐行识别：有效 UTF-8 的行按 UTF-8，否则按 GB18030", "per line: a valid UTF-8 line is UTF-8, any other GB18030"),
                                  help: Message("输入编码", "input encoding"))
            case .keepUnknownColumns:
                return OptionSpec("--keep-unknown-columns", .flag,
                                  help: Message("表头中与已知列名相近的列（如 “家庭人数” 之于 “家庭人口”）确是另外的列，原样带到输出（默认视为写错：判定任何记录前停止，并问“是不是”）",
                                                  "a header column close to a known name (“家庭人数” for “家庭人口”) is meant as an extra column and carried to the output (by default it is taken for a misspelling: the run stops before deciding any record, asking “did you mean”)"))
            case .excel: return OptionSpec("--excel", .flag, help: Message("CSV 输出带 UTF-8 BOM，便于 Excel 打开", "CSV output starts with a UTF-8 BOM, for Excel"))
            case .explain: return CommonOptions.explain(default: "brief").helping("每条决定的说明详细程度", "how much of each decision is explained")
            case .recourse:
                return OptionSpec("--recourse", .flag, help: Message("每条不完全符合的决定附上“差什么才符合”（recourse：改哪几项、改成多少即可改变结论，逐条验证过；较慢）",
                                                                       "add to each decision that is not fully eligible what would change it (recourse: which fields, to what value; each verified; slower)"))
            case .nearMiss:
                return OptionSpec("--near-miss", .single, value: Message("金额", "AMOUNT"),
                                  help: Message("边缘名单：列出只差一项金额（如家庭月收入）在此数以内即可符合的不符合户，按差距排序，写入摘要和报告",
                                                "the near-miss list: refused households that one change of a money field (such as household income) within AMOUNT yuan would make eligible, nearest first, in the summary and the report"))
            case .unmask:
                return CommonOptions.unmask.helping("输出完整的身份证号和电话号码（默认遮蔽，如 110105********002X）",
                                                    "write full ID and phone numbers (masked by default, e.g. 110105********002X)")
            case .jobs: return OptionSpec("--jobs", .single, value: Message(both: "N"), default: Message("全部 CPU 核", "every core"),
                                          help: Message("工作线程数（1 到 256）", "worker threads (1 to 256)"))
            case .summary: return OptionSpec("--summary", .single, value: Message("文件", "FILE"), help: Message("统计摘要另存为 JSON", "also write the summary as JSON"))
            case .trace: return OptionSpec("--trace", .single, value: Message("文件", "FILE"),
                                           help: Message("为每条决定保存紧凑的判定轨迹（按输入顺序），供 nuan explain 日后给出任一视图的说明",
                                                         "keep the compact trace of every decision (in input order), from which nuan explain gives any view later"))
            case .against:
                return OptionSpec("--against", .single, value: Message("旧规则文件", "OLD-RULES"),
                                  help: Message("同一遍中按旧规则再评估，报告变化（类别转移、新增/不再符合、金额变化、各资金费用变化）",
                                                  "decide again under the old rules in the same pass and report the changes (category moves, newly or no longer eligible, amounts, cost per fund)"))
            case .report: return OptionSpec("--report", .single, value: Message("文件.html", "FILE.html"),
                                            help: Message("生成离线可看的 HTML 报告（含图表）", "write an HTML report that works offline (with charts)"))
            case .set: return CommonOptions.set
            case .maxLine:
                return OptionSpec("--max-line", .single, value: Message("字节数", "BYTES"), default: Message(both: "4194304 = 4 MiB"),
                                  help: Message("一条记录最长的字节数（不小于 64）；更长的行输出为 invalid 决定并跳过",
                                                  "the longest record in bytes (at least 64); a longer line is one invalid decision and is skipped"))
            case .stage: return OptionSpec("--stage", .single, choices: ["parse", "eval"],
                                           help: Message("基准测试用：只解析，或解析并评估，不写输出", "for benchmarks: only parse, or parse and decide; nothing is written"))
            case .blockSize:
                return OptionSpec("--block-size", .single, value: Message("字节数", "BYTES"), default: Message("按说明详细程度", "by --explain"),
                                  help: Message("基准测试用：每块读入的字节数", "for benchmarks: bytes read per block"))
            case .sheet:
                return OptionSpec("--sheet", .single, value: Message("工作表", "SHEET"), default: Message("第一个工作表", "the first sheet"),
                                  help: Message(".xlsx 档案中要读的工作表名称", "the worksheet of an .xlsx archive to read"))
            case .lang: return CommonOptions.lang.helping("帮助、摘要、报告和用法错误的语言（决定文件的内容为中文）",
                                                          "the language of the help, the summary, the report and usage errors (the decisions themselves are in Chinese)")
            }
        }
    }

    static let spec = CommandSpec<Option>(
        name: "nuan batch",
        summary: Message("批量重新评估档案，输出决定与影响报告", "re-decide an archive, writing decisions and an impact report"),
        usage: [Message("nuan batch --rules 规则文件 --in 档案 --out 决定文件 [选项]", "nuan batch --rules RULES-FILE --in ARCHIVE --out DECISIONS [options]")],
        description: [Message("批量重新评估档案：每条记录输出一条决定（顺序与输入相同），最后给出统计与影响报告。记录有误的行输出为 invalid 决定（写明行号和字段），其余记录照常评估。",
                                "Re-decides a whole archive: one decision per record (in input order), then statistics and an impact report. A record in error is an invalid decision (naming its line and field); the other records are decided as usual.")],
        notes: [Message("输出（--out、--summary、--report）不能是输入或规则文件，不能互相重复，已有的必须是普通文件；符号链接写到它指向的文件（链接保留）；替换的文件保留原权限。所有输出先写临时文件，全部成功后一起改名；中途失败则一个也不替换。被 Ctrl-C（SIGINT）、SIGTERM、SIGHUP 中止时删除临时文件，退出码 130、143、129。",
                          "The outputs (--out, --summary, --report) may not be the input or a rules file, nor each other, and an existing one must be a regular file; a symbolic link is written through (the link stays); a replaced file keeps its permissions. Every output is written to a temporary file first and all are renamed together once all succeeded; after a failure none is replaced. Stopped by Ctrl-C (SIGINT), SIGTERM or SIGHUP, the temporary files are removed and the exit code is 130, 143 or 129.")],
        exitCodes: Message("0 完成；1 运行失败（未替换任何输出文件）；2 用法、输入输出路径或规则文件错误。",
                             "0 done; 1 the run failed (no output replaced); 2 usage, input or output path, or rules-file error."),
        examples: [Example("nuan batch --rules Rules/bengbu-2022.rules --in Rules/examples/bengbu-archive.xlsx --out decisions.xlsx"),
                   Example("nuan batch --rules Rules/bengbu-2022.rules --in archive.csv --out decisions.jsonl"),
                   Example("nuan batch --rules new.rules --against old.rules --in archive.jsonl --out impact.csv --excel --summary summary.json --report report.html")])

    static func run(_ argv: [String], _ io: IO) -> ExitCode {
        let args: Arguments<Option>
        switch spec.parse(argv, io: io) {
        case .exit(let code): return code
        case .parsed(let a): args = a
        }
        let english = args.language == .english
        func t(_ m: Message) -> String { m.text(english: english) }
        func usage(_ m: Message) -> ExitCode { io.err(spec.usageError(t(m), args.language)); return .usage }
        func usage(_ m: String) -> ExitCode { io.err(spec.usageError(m, args.language)); return .usage }

        guard let input = args.value(.input) ?? args.positionals.first else { return usage(BatchCommandMessage.missingInput) }
        if input != "-", let problem = inputProblem(input) { return usage(problem) }
        // choices are checked by the parser: these conversions cannot fail
        let stage = args.value(.stage).flatMap(BatchOptions.Stage.init(rawValue:)) ?? .all
        let output = args.value(.output) ?? ""
        if output.isEmpty && stage == .all { return usage(BatchCommandMessage.missingOutput) }
        let inFormat: BatchOptions.InputFormat
        if let x = args.value(.inFormat).flatMap(BatchOptions.InputFormat.init(rawValue:)) {
            inFormat = x
        } else {
            guard let x = input == "-" ? .jsonl : BatchOptions.inputFormat(forPath: input) else { return usage(BatchCommandMessage.unknownExtension(input)) }
            inFormat = x
        }
        let outFormat = args.value(.format).flatMap(BatchOptions.OutputFormat.init(rawValue:))
            ?? BatchOptions.outputFormat(forPath: output) ?? .jsonl
        let encoding = args.value(.encoding).flatMap(BatchEncoding.init(rawValue:))
        let explain = args.value(.explain).flatMap(ExplainLevel.init(rawValue:)) ?? .brief
        var jobs = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        if let j = args.value(.jobs) {
            guard let x = Int(j), x >= 1, x <= 256 else { return usage(BatchCommandMessage.jobs) }
            jobs = x
        }
        let sets: [(name: String, value: String)]
        do { sets = try RulesOptions.parseSets(args.values(.set)) } catch { return usage("\(error)") }
        guard let program = RulesOptions.load(args.value(.rules), sets: sets, io: io) else { return .usage }
        var old: CheckedProgram?
        if let a = args.value(.against) {
            guard let p = RulesOptions.load(a, sets: [], io: io) else { return .usage }
            old = p
        }

        var options = BatchOptions(input: input, output: output, inputFormat: inFormat, outputFormat: outFormat, jobs: jobs)
        options.english = english
        options.sheet = args.value(.sheet)
        if input == "-" {
            if inFormat == .xlsx { return usage(BatchCommandMessage.workbookFromStandardInput) }
            options.inputDescriptor = 0
        }
        options.encoding = encoding
        options.excelBOM = args.flag(.excel)
        options.keepUnknownColumns = args.flag(.keepUnknownColumns)
        options.explain = explain
        options.recourse = args.flag(.recourse)
        if let m = args.value(.nearMiss) {
            guard let r = Rational.parse(m.hasSuffix("元") ? String(m.dropLast()) : m), !r.isNegative, r.isMultiple(ofOneOver: 100) else {
                return usage(BatchCommandMessage.nearMiss(m))
            }
            options.nearMiss = r
        }
        options.unmask = args.flag(.unmask)
        options.stage = stage
        if let b = args.value(.blockSize) {
            guard let x = Int(b), x > 0 else { return usage(BatchCommandMessage.blockSize) }
            options.blockSize = x
        }
        if let m = args.value(.maxLine) {
            guard let x = Int(m), x >= 64 else { return usage(BatchCommandMessage.maxLine) }
            options.maxLine = x
        }
        if let f = ProcessInfo.processInfo.environment["NUAN_FAIL_AFTER"], let n = Int(f) { options.failAfter = n }

        // every output staged before the run: a path that may not be written is refused up front
        let inputs = [input] + program.sources.map(\.path) + (old?.sources.map(\.path) ?? [])
        let staged = StagedOutputs(inputs: inputs)
        var summaryIndex: Int?, reportIndex: Int?
        if stage == .all {
            var wanted: [(String, String, (Int) -> Void)] = [(output, Option.output.spec.name, { options.outputIndex = $0 })]
            if let sp = args.value(.summary) { wanted.append((sp, Option.summary.spec.name, { summaryIndex = $0 })) }
            if let rp = args.value(.report) { wanted.append((rp, Option.report.spec.name, { reportIndex = $0 })) }
            if let tp = args.value(.trace) { options.trace = tp; wanted.append((tp, Option.trace.spec.name, { options.traceIndex = $0 })) }
            for (path, option, keep) in wanted {
                if path == "-" && option != Option.output.spec.name { staged.abandon(); return usage(BatchCommandMessage.notToStandardOutput(option)) }
                switch staged.stage(path, what: option) {
                case .success(let i): keep(i)
                case .failure(let e): staged.abandon(); return usage(e.message(english: english))
                }
            }
            options.staged = staged
        }
        if io.stderrIsTerminal {
            let err = io.err
            options.progress = { done, bytes, total, secs in
                let rate = secs > 0 ? Double(done) / secs : 0 // timing only
                var left: String?
                if total > 0 && bytes > 0 && bytes < total {
                    left = String(format: "%.0f", secs * Double(total - bytes) / Double(bytes)) // timing only
                }
                err(BatchCommandMessage.progress(done, String(format: "%.0f", rate), left).text(english: english))
            }
        }

        let result = Batch.run(program: program, against: old, options: options)
        if io.stderrIsTerminal && options.progress != nil { io.err("\r\u{1B}[K") }
        if let f = result.failure {
            staged.abandon()
            io.err(t(BatchCommandMessage.failed(f)))
            io.err(t(BatchCommandMessage.stopped(result.recordsIn)))
            return .failure
        }
        if stage == .all {
            io.err(result.report.text(english: english))
            var ok = true
            if let i = summaryIndex, !staged.write(i, result.report.json(unmask: options.unmask) + "\n") { ok = false; io.err(t(BatchCommandMessage.cannotWrite(staged.files[i].path, String(cString: strerror(errno))))) }
            if ok, let i = reportIndex, !staged.write(i, HTMLReport.render(result.report, unmask: options.unmask, english: english)) { ok = false; io.err(t(BatchCommandMessage.cannotWrite(staged.files[i].path, String(cString: strerror(errno))))) }
            if !ok {
                staged.abandon()
                io.err(t(BatchCommandMessage.abandoned))
                return .failure
            }
            if let e = staged.commit(english: english) {
                io.err(t(BatchCommandMessage.commitFailed(e)))
                return .failure
            }
        }
        let rate = result.seconds > 0 ? Double(result.recordsIn) / result.seconds : 0 // timing only
        io.err(t(BatchCommandMessage.done(result.recordsIn, result.recordsOut, seconds: String(format: "%.2f", result.seconds),
                                         rate: String(format: "%.0f", rate), gb18030Rows: result.gb18030Rows,
                                         gb18030: result.encoding == .gb18030)))
        return .success
    }

    /// Why `path` cannot be read as an archive (a usage error), or nil. Devices and pipes are
    /// read like files (a line longer than --max-line is then one invalid decision).
    static func inputProblem(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return "无法读取 --in \(path)：\(String(cString: strerror(errno)))" }
        if (st.st_mode & S_IFMT) == S_IFDIR { return "--in \(path) 是一个目录，不是档案文件" }
        if access(path, R_OK) != 0 { return "无法读取 --in \(path)：\(String(cString: strerror(errno)))" }
        return nil
    }
}
