import Foundation
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools

/// `nuan fmt`: rewrites rules files in the canonical layout, keeping every comment.
enum FmtCommand {
    static let help = """
    用法：nuan fmt 文件或目录…  [--check] [--stdout]
          nuan fmt -            （从标准输入读，整理后写到标准输出）

    把规则文件整理成统一格式：头部各项在 规则 下各占一行，声明之间空一行，
    当、资金、依据、除非 等子句各占一行，选项和表格每行一项，运算符两边各一个空格，
    关键字用中文写法，全角标点改为半角（字符串内不变）。注释全部保留。

    选项：
      --check    只检查：列出需要整理的文件，不改写（有则退出码 1）
      --stdout   把整理结果写到标准输出，不改写文件
      --help     显示本帮助

    退出码：0 成功（--check 时：都已整理好）；1 --check 发现需要整理的文件；
            2 用法错误或文件无法解析（语法错误的文件不会被改写）。

    """

    static func run(_ argv: [String], _ io: IO) -> ExitCode {
        let args: Arguments
        do { args = try Arguments(argv, valued: [], flagNames: ["--check", "--stdout", "--help", "-h"]) } catch {
            io.err("nuan fmt：\(error)\n")
            return .usage
        }
        if args.flag("--help") || args.flag("-h") { io.out(help); return .success }
        guard !args.positionals.isEmpty else { io.err("nuan fmt：请给出规则文件或目录（- 表示标准输入）\n"); return .usage }
        let check = args.flag("--check")

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
            if args.flag("--stdout") { io.out(out); continue }
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
