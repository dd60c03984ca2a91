import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools

/// `nuan test`: runs the worked examples of rules files; `--coverage` reports what they miss.
enum TestCommand {
    static let help = """
    用法：nuan test 文件或目录…  [--coverage] [--format text|json] [--verbose]

    运行规则文件中的例子（例子 "标题" 输入 { … } 期望 { … }），目录下的全部 *.rules。
    每个文件一行 ok 或 FAIL；每个失败的例子列出期望、实际结果和判定过程中与差异有关的部分。

    选项：
      --coverage            另外报告覆盖率：哪些规则和条件分支没有例子覆盖（按通知条款列出）
      --format text|json    输出格式（默认 text；json 供程序读取）
      --verbose             也列出通过的例子
      --help                显示本帮助

    退出码：0 全部通过；1 有例子失败；2 用法错误或规则文件有错误。

    """

    static func run(_ argv: [String], _ io: IO) -> ExitCode {
        let args: Arguments
        do { args = try Arguments(argv, valued: ["--format"], flagNames: ["--coverage", "--verbose", "-v", "--help", "-h"]) } catch {
            io.err("nuan test：\(error)\n")
            return .usage
        }
        if args.flag("--help") || args.flag("-h") { io.out(help); return .success }
        let format = args.value("--format") ?? "text"
        guard format == "text" || format == "json" else { io.err("nuan test：--format 应为 text 或 json\n"); return .usage }
        guard !args.positionals.isEmpty else { io.err("nuan test：请给出规则文件或目录\n"); return .usage }
        let paths = RulesFiles.expand(args.positionals, io: io)
        guard !paths.isEmpty else { return .usage }
        let results = paths.map { ExampleRunner.run(path: $0) }
        let coverage = args.flag("--coverage") ? results.compactMap { ExampleCoverage.compute($0) } : nil

        if format == "json" {
            io.out(Disclosure.masked.value(ExampleCoverage.json(results: results, coverage: coverage)) + "\n")
        } else {
            let verbose = args.flag("--verbose") || args.flag("-v")
            for r in results { io.out(Disclosure.masked.report(ExampleReport.render(r, verbose: verbose))) }
            if let coverage {
                io.out("\n")
                for c in coverage { io.out(Disclosure.masked.report(ExampleCoverage.render(c))) }
            }
            io.out("\n" + ExampleReport.summary(results))
        }
        if results.contains(where: \.rulesError) { return .usage }
        return results.contains(where: { $0.failed > 0 }) ? .failure : .success
    }
}
