import Foundation
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools

/// `nuan check`: every problem in the given rules files, at once.
enum CheckCommand {
    enum Option: OptionKey {
        case strict, lang

        var spec: OptionSpec {
            switch self {
            case .strict: return OptionSpec("--strict", .flag, help: Message("把警告也当作错误", "count warnings as errors"))
            case .lang: return CommonOptions.lang.helping("说明的语言（语法、名称、类型错误和检查警告）",
                                                          "the language of every message (syntax, name and type errors, lint warnings)")
            }
        }
    }

    static let spec = CommandSpec<Option>(
        name: "nuan check",
        summary: Message("检查规则文件，列出全部错误和警告", "check rules files, listing every error and warning"),
        usage: [Message("nuan check 文件或目录… [选项]", "nuan check FILE-OR-DIRECTORY… [options]")],
        description: [Message("检查规则文件（目录下的全部 *.rules），一次列出全部错误和警告，格式为 文件:行:列: error|warning: 说明，并在出错的行下标出位置。",
                                "Checks rules files (every *.rules under a directory) and lists every error and warning at once, as FILE:LINE:COLUMN: error|warning: MESSAGE, with the place marked under the line.")],
        positionals: [Positional(Message("文件或目录…", "FILE-OR-DIRECTORY…"), Message("要检查的规则文件或目录", "the rules files or directories to check"))],
        exitCodes: Message("0 没有错误；1 有错误（--strict 时含警告）；2 用法错误。",
                             "0 no errors; 1 errors (or warnings, with --strict); 2 usage error."),
        examples: [Example("nuan check Rules/"), Example("nuan check --strict --lang en my.rules")])

    static func run(_ argv: [String], _ io: IO) -> ExitCode {
        let args: Arguments<Option>
        switch spec.parse(argv, io: io) {
        case .exit(let code): return code
        case .parsed(let a): args = a
        }
        let english = args.language == .english
        guard !args.positionals.isEmpty else {
            io.err(english ? "nuan check: name the rules files or directories to check\n" : "nuan check：请给出规则文件或目录\n")
            return .usage
        }
        let files = RulesFiles.expand(args.positionals, io: io, english: english)
        guard !files.isEmpty else { return .usage }
        var errors = 0, warnings = 0
        for path in files {
            let diags = RulesCheck.check(path: path, english: english)
            errors += diags.filter { $0.severity == .error }.count
            warnings += diags.filter { $0.severity == .warning }.count
            if !diags.isEmpty { io.out(DiagnosticRenderer.render(diags, english: english)) }
        }
        io.err(english ? "checked \(counted(files.count, "file")): \(counted(errors, "error")), \(counted(warnings, "warning"))\n"
                       : "检查了 \(files.count) 个文件：\(errors) 个错误，\(warnings) 个警告\n")
        return errors > 0 || (args.flag(.strict) && warnings > 0) ? .failure : .success
    }

    /// `1 error`, `2 errors`.
    static func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

/// Expands directories to the `*.rules` files they hold (sorted, recursively).
enum RulesFiles {
    static func expand(_ paths: [String], io: IO, english: Bool = false) -> [String] {
        var out: [String] = []
        for p in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
                io.err(english ? "cannot find \(p)\n" : "找不到 \(p)\n")
                continue
            }
            if isDir.boolValue {
                let items = (FileManager.default.enumerator(atPath: p)?.allObjects as? [String]) ?? []
                out += items.filter { $0.hasSuffix(".rules") }.sorted().map { p.hasSuffix("/") ? p + $0 : p + "/" + $0 }
            } else {
                out.append(p)
            }
        }
        return out
    }
}
