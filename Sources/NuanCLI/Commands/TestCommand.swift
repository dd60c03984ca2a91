import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools

/// `nuan test`: runs the worked examples of rules files; `--coverage` reports what they miss.
enum TestCommand {
    enum Option: OptionKey {
        case coverage, format, verbose, lang

        var spec: OptionSpec {
            switch self {
            case .coverage:
                return OptionSpec("--coverage", .flag, help: Message("另外报告覆盖率：哪些规则和条件分支没有例子覆盖（按通知条款列出）",
                                                                       "also report coverage: the rules and condition branches no example covers (by notice clause)"))
            case .format:
                return CommonOptions.format(["text", "json"], default: Message(both: "text"),
                                            help: Message("输出格式（json 供程序读取）", "output format (json for programs)"))
            case .verbose: return OptionSpec("--verbose", short: "-v", .flag, help: Message("也列出通过的例子", "also list the examples that pass"))
            case .lang: return CommonOptions.lang.helping("帮助、报告和用法错误的语言",
                                                          "the language of the help, the report and usage errors")
            }
        }
    }

    static let spec = CommandSpec<Option>(
        name: "nuan test",
        summary: Message("运行规则文件中的例子（--coverage 覆盖率）", "run the examples in rules files (--coverage for coverage)"),
        usage: [Message("nuan test 文件或目录… [选项]", "nuan test FILE-OR-DIRECTORY… [options]")],
        description: [Message("运行规则文件中的例子（例子 \"标题\" 输入 { … } 期望 { … }），目录下的全部 *.rules。每个文件一行 ok 或 FAIL；每个失败的例子列出期望、实际结果和判定过程中与差异有关的部分。",
                                "Runs the worked examples of rules files (例子 \"TITLE\" 输入 { … } 期望 { … }), every *.rules under a directory. One line per file, ok or FAIL; each failing example lists what was expected, what came out, and the part of the decision that differs.")],
        positionals: [Positional(Message("文件或目录…", "FILE-OR-DIRECTORY…"), Message("规则文件或目录", "rules files or directories"))],
        exitCodes: Message("0 全部通过；1 有例子失败；2 用法错误或规则文件有错误。",
                             "0 all pass; 1 an example fails; 2 usage error or an error in a rules file."),
        examples: [Example("nuan test --coverage Rules/bengbu-2022.rules"), Example("nuan test --format json Rules/")])

    static func run(_ argv: [String], _ io: IO) -> ExitCode {
        let args: Arguments<Option>
        switch spec.parse(argv, io: io) {
        case .exit(let code): return code
        case .parsed(let a): args = a
        }
        let format = args.value(.format) ?? "text"
        guard !args.positionals.isEmpty else {
            io.err(spec.usageError(args.language == .english ? "name the rules files or directories" : "请给出规则文件或目录", args.language))
            return .usage
        }
        let paths = RulesFiles.expand(args.positionals, io: io)
        guard !paths.isEmpty else { return .usage }
        let english = args.language == .english
        let results = paths.map { ExampleRunner.run(path: $0, english: english) }
        let coverage = args.flag(.coverage) ? results.compactMap { ExampleCoverage.compute($0) } : nil

        if format == "json" {
            io.out(Disclosure.masked.value(ExampleCoverage.json(results: results, coverage: coverage, english: english)) + "\n")
        } else {
            let verbose = args.flag(.verbose)
            for r in results { io.out(Disclosure.masked.report(ExampleReport.render(r, verbose: verbose, english: english))) }
            if let coverage {
                io.out("\n")
                for c in coverage { io.out(Disclosure.masked.report(ExampleCoverage.render(c, english: english))) }
            }
            io.out("\n" + ExampleReport.summary(results, english: english))
        }
        if results.contains(where: \.rulesError) { return .usage }
        return results.contains(where: { $0.failed > 0 }) ? .failure : .success
    }
}
