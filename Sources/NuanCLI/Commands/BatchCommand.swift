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
    static let help = """
    用法：nuan batch --rules 规则文件 --in 档案 --out 决定文件 [选项]

    批量重新评估档案：每条记录输出一条决定（顺序与输入相同），最后给出统计与影响报告。
    记录有误的行输出为 invalid 决定（写明行号和字段），其余记录照常评估。

    选项：
      --rules 文件            规则文件（必填）
      --in 文件               档案：.csv（表头为英文键或中文标签）或 .jsonl（每行一个 JSON 对象）
      --out 文件              决定：.jsonl（每行一条决定）或 .csv；- 为标准输出。先写临时文件，完成后改名
      --in-format jsonl|csv   输入格式（默认按扩展名）
      --format jsonl|csv      输出格式（默认按扩展名，否则 jsonl）
      --encoding utf8|gb18030 输入编码（默认逐行识别：有效 UTF-8 的行按 UTF-8，否则按 GB18030）
      --excel                 CSV 输出带 UTF-8 BOM，便于 Excel 打开
      --explain none|brief|full  每条决定的说明详细程度（默认 brief）
      --unmask                输出完整的身份证号和电话号码（默认遮蔽，如 110105********002X）
      --jobs N                工作线程数（默认全部 CPU 核）
      --summary 文件          统计摘要另存为 JSON
      --against 旧规则文件    同一遍中按旧规则再评估，报告变化（类别转移、新增/不再符合、金额变化、各资金费用变化）
      --report 文件.html      生成离线可看的 HTML 报告（含图表）
      --set 名称=值           临时改一个参数（可重复），如 --set 低保标准=750
      --max-line 字节数       一条记录最长的字节数（默认 4194304 = 4 MiB）；更长的行输出为 invalid 决定并跳过
      --stage parse|eval      基准测试用：只解析，或解析并评估，不写输出
      --block-size 字节数     基准测试用：每块读入的字节数（默认按说明详细程度）
      --help                  显示本帮助

    输出（--out、--summary、--report）不能是输入或规则文件，不能互相重复，已有的必须是普通文件；
    符号链接写到它指向的文件（链接保留）；替换的文件保留原权限。所有输出先写临时文件，全部成功后一起改名；
    中途失败则一个也不替换。被 Ctrl-C（SIGINT）、SIGTERM、SIGHUP 中止时删除临时文件，退出码 130、143、129。

    退出码：0 完成；1 运行失败（未替换任何输出文件）；2 用法、输入输出路径或规则文件错误。

    """

    static func run(_ argv: [String], _ io: IO) -> ExitCode {
        let args: Arguments
        do {
            args = try Arguments(argv, valued: ["--rules", "--in", "--out", "--in-format", "--format", "--encoding", "--explain",
                                                "--jobs", "--summary", "--against", "--report", "--set", "--stage", "--block-size",
                                                "--max-line"],
                                 flagNames: ["--excel", "--unmask", "--help", "-h"])
        } catch {
            io.err("nuan batch：\(error)\n")
            return .usage
        }
        if args.flag("--help") || args.flag("-h") { io.out(help); return .success }
        func usage(_ m: String) -> ExitCode { io.err("nuan batch：\(m)（--help 查看用法）\n"); return .usage }

        guard let input = args.value("--in") ?? args.positionals.first else { return usage("缺少 --in 档案文件") }
        if let problem = inputProblem(input) { return usage(problem) }
        let stage = BatchOptions.Stage(rawValue: args.value("--stage") ?? "all")
        guard let stage else { return usage("--stage 应为 parse 或 eval") }
        let output = args.value("--out") ?? ""
        if output.isEmpty && stage == .all { return usage("缺少 --out 决定文件") }
        let inFormat: BatchOptions.InputFormat
        if let f = args.value("--in-format") {
            guard let x = BatchOptions.InputFormat(rawValue: f) else { return usage("--in-format 应为 jsonl 或 csv") }
            inFormat = x
        } else {
            guard let x = BatchOptions.inputFormat(forPath: input) else { return usage("无法从扩展名判断 \(input) 的格式；请用 --in-format jsonl|csv") }
            inFormat = x
        }
        let outFormat: BatchOptions.OutputFormat
        if let f = args.value("--format") {
            guard let x = BatchOptions.OutputFormat(rawValue: f) else { return usage("--format 应为 jsonl 或 csv") }
            outFormat = x
        } else {
            outFormat = BatchOptions.outputFormat(forPath: output) ?? .jsonl
        }
        var encoding: BatchEncoding?
        if let e = args.value("--encoding") {
            guard let x = BatchEncoding(rawValue: e.lowercased().replacingOccurrences(of: "-", with: "")) else { return usage("--encoding 应为 utf8 或 gb18030") }
            encoding = x
        }
        guard let explain = ExplainLevel(rawValue: args.value("--explain") ?? "brief") else { return usage("--explain 应为 none、brief 或 full") }
        var jobs = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        if let j = args.value("--jobs") {
            guard let x = Int(j), x >= 1, x <= 256 else { return usage("--jobs 应为 1 到 256 的整数") }
            jobs = x
        }
        let sets: [(name: String, value: String)]
        do { sets = try RulesOptions.parseSets(args.values("--set")) } catch { return usage("\(error)") }
        guard let program = RulesOptions.load(args.value("--rules"), sets: sets, io: io) else { return .usage }
        var old: CheckedProgram?
        if let a = args.value("--against") {
            guard let p = RulesOptions.load(a, sets: [], io: io) else { return .usage }
            old = p
        }

        var options = BatchOptions(input: input, output: output, inputFormat: inFormat, outputFormat: outFormat, jobs: jobs)
        options.encoding = encoding
        options.excelBOM = args.flag("--excel")
        options.explain = explain
        options.unmask = args.flag("--unmask")
        options.stage = stage
        if let b = args.value("--block-size") {
            guard let x = Int(b), x > 0 else { return usage("--block-size 应为正整数（字节）") }
            options.blockSize = x
        }
        if let m = args.value("--max-line") {
            guard let x = Int(m), x >= 64 else { return usage("--max-line 应为不小于 64 的整数（字节）") }
            options.maxLine = x
        }
        if let f = ProcessInfo.processInfo.environment["NUAN_FAIL_AFTER"], let n = Int(f) { options.failAfter = n }

        // every output staged before the run: a path that may not be written is refused up front
        let inputs = [input] + program.sources.map(\.path) + (old?.sources.map(\.path) ?? [])
        let staged = StagedOutputs(inputs: inputs)
        var summaryIndex: Int?, reportIndex: Int?
        if stage == .all {
            var wanted: [(String, String, (Int) -> Void)] = [(output, "--out", { options.outputIndex = $0 })]
            if let sp = args.value("--summary") { wanted.append((sp, "--summary", { summaryIndex = $0 })) }
            if let rp = args.value("--report") { wanted.append((rp, "--report", { reportIndex = $0 })) }
            for (path, option, keep) in wanted {
                if path == "-" && option != "--out" { staged.abandon(); return usage("\(option) 不能写到标准输出") }
                switch staged.stage(path, what: option) {
                case .success(let i): keep(i)
                case .failure(let e): staged.abandon(); return usage(e.message)
                }
            }
            options.staged = staged
        }
        if io.stderrIsTerminal {
            let err = io.err
            options.progress = { done, bytes, total, secs in
                let rate = secs > 0 ? Double(done) / secs : 0 // timing only
                var left = ""
                if total > 0 && bytes > 0 && bytes < total {
                    left = String(format: "，约剩 %.0f 秒", secs * Double(total - bytes) / Double(bytes)) // timing only
                }
                err(String(format: "\r已处理 %d 条，%.0f 条/秒%@   ", done, rate, left))
            }
        }

        let result = Batch.run(program: program, against: old, options: options)
        if io.stderrIsTerminal && options.progress != nil { io.err("\r\u{1B}[K") }
        if let f = result.failure {
            staged.abandon()
            io.err("nuan batch：\(f)；未替换任何输出文件\n")
            io.err("读入 \(result.recordsIn) 条，输出 0 条（运行中止）\n")
            return .failure
        }
        if stage == .all {
            io.err(result.report.text())
            var ok = true
            if let i = summaryIndex, !staged.write(i, result.report.json(unmask: options.unmask) + "\n") { ok = false; io.err("nuan batch：无法写入 \(staged.files[i].path)：\(String(cString: strerror(errno)))\n") }
            if ok, let i = reportIndex, !staged.write(i, HTMLReport.render(result.report, unmask: options.unmask)) { ok = false; io.err("nuan batch：无法写入 \(staged.files[i].path)：\(String(cString: strerror(errno)))\n") }
            if !ok {
                staged.abandon()
                io.err("nuan batch：运行中止；未替换任何输出文件\n")
                return .failure
            }
            if let e = staged.commit() {
                io.err("nuan batch：\(e)\n")
                return .failure
            }
        }
        let rate = result.seconds > 0 ? Double(result.recordsIn) / result.seconds : 0 // timing only
        io.err("读入 \(result.recordsIn) 条，输出 \(result.recordsOut) 条" +
               String(format: "（%.2f 秒，%.0f 条/秒", result.seconds, rate) +
               (result.gb18030Rows > 0 ? "，\(result.gb18030Rows) 行按 GB18030 读入" : result.encoding == .gb18030 ? "，输入编码 GB18030" : "") + "）\n")
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
