import Foundation
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanTools

/// `nuan prove`: checks properties of a rules file over every record it can tell apart.
enum ProveCommand {
    enum Option: OptionKey {
        case emitExamples, limit, format, lang

        var spec: OptionSpec {
            switch self {
            case .emitExamples:
                return OptionSpec("--emit-examples", .single, value: Message("目录", "DIR"),
                                  help: Message("把边界例子（每个阈值处及其上下各一分）写到 目录/文件名.boundary.rules（继承被证明的文件，nuan test 可运行）",
                                                "write the boundary examples (at, and one fen either side of, every threshold) to DIR/NAME.boundary.rules (extending the proved file; nuan test runs them)"))
            case .limit:
                return OptionSpec("--limit", .single, value: Message("次数", "N"),
                                  help: Message("每个文件最多判定的次数，超过即报告输入空间过大及分支最多的输入（默认 \(Prover.defaultLimit)；最高 \(Prover.maximumLimit)；每次判定至多约 1 KB 内存：heilongjiang-2021 判定 1181037 次，约 400 MB）",
                                                "the decisions a file may take before its space is reported too large, with the inputs that branch most (default \(Prover.defaultLimit); at most \(Prover.maximumLimit); at most about 1 KB of memory each: heilongjiang-2021 takes 1181037, about 400 MB)"))
            case .format:
                return CommonOptions.format(["text", "json"], default: Message(both: "text"),
                                            help: Message("报告格式：text 供阅读，json 供程序读取（每个文件的单元数、判定次数、用时、各性质的状态、每个反例的记录和判定）",
                                                          "report format: text to read, json for programs (per file the cells, decisions, seconds, each property's status, each refutation's record and decision)"))
            case .lang: return CommonOptions.lang.helping("帮助、报告和用法错误的语言",
                                                          "the language of the help, the report and usage errors")
            }
        }
    }

    static let spec = CommandSpec<Option>(
        name: "nuan prove",
        summary: Message("对每一种可区分的记录检验规则文件的性质（专款专用、单调性…）",
                         "check properties of rules files over every record they tell apart (earmarking, monotonicity…)"),
        usage: [Message("nuan prove 文件或目录… [选项]", "nuan prove FILE-OR-DIRECTORY… [options]")],
        description: [Message("把输入空间精确划分为判定结果不变的单元（选项、是否、多选项组合、低保表各行、每个阈值及其上下各一分、未填），每个单元判定一条代表记录，证明或否定：专款专用；唯一 福利组无冲突；每项福利和类别都可达；类别之间无空档；收入更高、人口更少、致困原因更少时合计不增、类别不更优先。每个不成立的性质附一条可直接粘贴的反例（例子）。报告每个文件的单元数和用时。",
                              "Partitions the input space exactly into cells on which the decision is constant (options, flags, option sets, each 低保 row, every threshold with one fen either side, not given), decides one representative record per cell, and proves or refutes: earmarking (专款专用); no clash in a 唯一 group; every benefit and category reachable; no record between categories; more income, fewer members or fewer hardship causes never raise the total or improve the category. Each refutation comes with a ready-to-paste counterexample (例子). Reports the cells and the time per file.")],
        positionals: [Positional(Message("文件或目录…", "FILE-OR-DIRECTORY…"), Message("规则文件或目录", "rules files or directories"))],
        exitCodes: Message("0 全部成立；1 有性质不成立或输入空间过大；2 用法错误或规则文件有错误。",
                           "0 every property holds; 1 a property is refuted or the space is too large; 2 usage error or an error in a rules file."),
        examples: [Example("nuan prove Rules/bengbu-2022.rules"), Example("nuan prove --emit-examples out Rules/"),
                   Example("nuan prove --limit 4000000 Rules/"),
                   Example("nuan prove --format json Rules/")])

    static func run(_ argv: [String], _ io: IO) -> ExitCode {
        let args: Arguments<Option>
        switch spec.parse(argv, io: io) {
        case .exit(let code): return code
        case .parsed(let a): args = a
        }
        let english = args.language == .english
        guard !args.positionals.isEmpty else {
            io.err(spec.usageError(english ? "name the rules files or directories" : "请给出规则文件或目录", args.language))
            return .usage
        }
        let paths = RulesFiles.expand(args.positionals, io: io)
        guard !paths.isEmpty else { return .usage }
        var limit: Int?
        if let text = args.value(.limit) {
            guard let n = Int(text), (1...Prover.maximumLimit).contains(n) else {
                io.err(spec.usageError(limitError(text).text(args.language), args.language))
                return .usage
            }
            limit = n
        }
        let emit = args.value(.emitExamples)
        let json = args.value(.format) == "json"
        var results: [ProveResult] = []
        for path in paths {
            let r = Prover.run(path: path, limit: limit, boundaries: emit != nil)
            if !json { io.out(Disclosure.masked.report(ProveReport.render(r, english: english))) }
            if emit != nil, r.program != nil, !path.hasSuffix(".rules") {
                // A boundary file extends the proved one, and only a .rules file can be extended.
                io.err(english ? "nuan prove: \(path) does not end in .rules, so no boundary file can extend it; none written\n"
                               : "nuan prove：\(path) 不是 .rules 文件，边界例子无法继承它，未写出\n")
            } else if let dir = emit, r.program != nil {
                // FilePath, not NSString's path methods: they trap on a one-character path.
                let name = FilePath.lastComponent(of: path)
                let base = name.hasSuffix(".rules") ? String(name.dropLast(6)) : name
                let target = FilePath.join(dir, base + ".boundary.rules")
                let relative = relativePath(from: dir, to: FilePath.join(FilePath.directory(of: path), name))
                do {
                    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                    try ProveReport.boundaryFile(r, extends: relative).write(toFile: target, atomically: true, encoding: .utf8)
                    if !json { io.out(emitted(target, count: r.boundaryExamples.count).text(args.language) + "\n") }
                } catch {
                    // Not a refutation: the run could not do what was asked (exit 2).
                    io.err((english ? "nuan prove: cannot write " : "nuan prove：无法写入 ") + target + "（" + error.localizedDescription + "）\n")
                    return .usage
                }
            }
            results.append(r)
        }
        let refuted = results.filter(\.refuted).count
        if json {
            io.out(Disclosure.masked.value(ProveReport.json(results, english: english)))
        } else {
            io.out("\n" + ProveReport.summary(files: results.count, refuted: refuted, english: english) + "\n")
        }
        if results.contains(where: { $0.program == nil }) { return .usage }
        return refuted > 0 ? .failure : .success
    }

    /// `to` relative to the directory `from` (both made absolute), for the boundary file's `继承`.
    static func relativePath(from dir: String, to file: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        func parts(_ p: String) -> [String] {
            var out: [String] = []
            for c in FilePath.join(cwd, p).split(separator: "/") where c != "." {
                if c == ".." { if !out.isEmpty { out.removeLast() } } else { out.append(String(c)) }
            }
            return out
        }
        let a = parts(dir), b = parts(file)
        var i = 0
        while i < a.count && i < b.count - 1 && a[i] == b[i] { i += 1 }
        return (Array(repeating: "..", count: a.count - i) + b[i...]).joined(separator: "/")
    }
}
