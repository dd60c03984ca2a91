import Foundation
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools

/// `nuan fmt`: rewrites rules files in the canonical layout, keeping every comment.
enum FmtCommand {
    enum Option: OptionKey {
        case check, stdout, lang

        var spec: OptionSpec {
            switch self {
            case .check: return OptionSpec("--check", .flag, help: Message("只检查：列出需要整理的文件，不改写（有则退出码 1）",
                                                                             "only check: list the files that need formatting, without rewriting them (exit 1 if any)"))
            case .stdout: return OptionSpec("--stdout", .flag, help: Message("把整理结果写到标准输出，不改写文件",
                                                                               "write the result to standard output instead of rewriting the files"))
            case .lang: return CommonOptions.lang.helping("帮助和用法错误的语言（其余信息为中文）",
                                                          "the language of the help and of usage errors (other messages are in Chinese)")
            }
        }
    }

    static let spec = CommandSpec<Option>(
        name: "nuan fmt",
        summary: Message("把规则文件整理成统一格式（--check 只检查）", "format rules files in the canonical layout (--check only checks)"),
        usage: [Message("nuan fmt 文件或目录… [选项]", "nuan fmt FILE-OR-DIRECTORY… [options]"),
                Message("nuan fmt - [选项]（从标准输入读，整理后写到标准输出）", "nuan fmt - [options] (reads standard input, writes standard output)")],
        description: [Message("把规则文件整理成统一格式：头部各项在 规则 下各占一行，声明之间空一行，当、资金、依据、除非 等子句各占一行，选项和表格每行一项，运算符两边各一个空格，关键字用中文写法，全角标点改为半角（字符串内不变）。注释全部保留。",
                                "Rewrites rules files in the canonical layout: each header item on its own line under 规则, a blank line between declarations, clauses such as 当, 资金, 依据 and 除非 on their own lines, one option or table row per line, one space around operators, keywords in their Chinese spelling, full-width punctuation made half-width (not inside strings). Every comment is kept.")],
        positionals: [Positional(Message("文件或目录…", "FILE-OR-DIRECTORY…"), Message("规则文件或目录；- 为标准输入", "rules files or directories; - for standard input"))],
        exitCodes: Message("0 成功（--check 时：都已整理好）；1 --check 发现需要整理的文件；2 用法错误或文件无法解析（语法错误的文件不会被改写）。",
                             "0 success (with --check: everything formatted); 1 --check found files to format; 2 usage error or a file that cannot be parsed (a file with a syntax error is never rewritten)."),
        examples: [Example("nuan fmt --check Rules/"), Example("nuan fmt --stdout my.rules")])

    static func run(_ argv: [String], _ io: IO) -> ExitCode {
        let args: Arguments<Option>
        switch spec.parse(argv, io: io) {
        case .exit(let code): return code
        case .parsed(let a): args = a
        }
        guard !args.positionals.isEmpty else {
            io.err(spec.usageError(args.language == .english ? "name the rules files or directories (- for standard input)" : "请给出规则文件或目录（- 表示标准输入）", args.language))
            return .usage
        }
        let check = args.flag(.check)

        if args.positionals == ["-"] {
            let text = String(decoding: io.readAll(), as: UTF8.self)
            let (out, diags) = RulesFormatter.format(path: "<标准输入>", text: text)
            guard let out else { io.err(DiagnosticRenderer.render(diags)); return .usage }
            if check {
                if out != text { io.out("<标准输入>\n"); return .failure }
                return .success
            }
            io.out(out)
            return .success
        }

        let paths = RulesFiles.expand(args.positionals.filter { $0 != "-" }, io: io)
        guard !paths.isEmpty else { return .usage }
        var broken = false, changed = 0
        for path in paths {
            let text: String
            switch RulesLoader.readText(path: path) {
            case .success(let t): text = t
            case .failure(let f):
                io.err(DiagnosticRenderer.render(RulesLoader.readFailure(f, path: path)))
                broken = true
                continue
            }
            let (out, diags) = RulesFormatter.format(path: path, text: text)
            guard let out else {
                io.err(DiagnosticRenderer.render(diags.filter { $0.severity == .error }))
                io.err("\(path)：有语法错误，未整理\n")
                broken = true
                continue
            }
            if args.flag(.stdout) { io.out(out); continue }
            guard out != text else { continue }
            changed += 1
            if check { io.out("\(path)\n"); continue }
            do {
                try out.write(toFile: path, atomically: true, encoding: .utf8)
                io.err("已整理 \(path)\n")
            } catch {
                io.err("无法写入 \(path)：\(error)\n")
                broken = true
            }
        }
        if check && changed > 0 { io.err("\(changed) 个文件需要整理（nuan fmt 文件 即可整理）\n") }
        if broken { return .usage }
        return check && changed > 0 ? .failure : .success
    }
}
