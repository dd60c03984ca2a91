import Foundation
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools

/// Loads a rules file for a command, printing its diagnostics (rendered with file:line:column
/// and a caret) to standard error.
enum RulesOptions {
    struct SetError: Error, CustomStringConvertible {
        var description: String
    }

    static func parseSets(_ raw: [String]) throws -> [(name: String, value: String)] {
        try raw.map { s in
            guard let eq = s.firstIndex(of: "="), eq != s.startIndex else {
                throw SetError(description: "--set 应写成 名称=值，例如 --set 低保标准=750")
            }
            return (String(s[..<eq]), String(s[s.index(after: eq)...]))
        }
    }

    /// `english` (`--lang en`) prints the rules file's diagnostics and these messages in English.
    static func load(_ path: String?, sets: [(name: String, value: String)], io: IO, english: Bool = false) -> CheckedProgram? {
        guard let path else {
            io.err(english ? "missing --rules RULES-FILE (for example --rules Rules/bengbu-2022.rules)\n"
                           : "缺少 --rules 规则文件（例如 --rules Rules/bengbu-2022.rules）\n")
            return nil
        }
        let (program, diags) = Nuan.compile(path: path, overrides: sets)
        let shown = diags.filter { $0.severity == .error || program == nil }
        if !shown.isEmpty { io.err(DiagnosticRenderer.render(shown, english: english)) }
        if program == nil {
            let n = diags.filter { $0.severity == .error }.count
            io.err(english ? "the rules file has \(n) error\(n == 1 ? "" : "s"); no decision was made\n"
                           : "规则文件有 \(n) 处错误，未进行判定\n")
        }
        return program
    }

    static func readInput(_ path: String, io: IO) -> [UInt8]? {
        if path == "-" { return io.readAll() }
        guard let d = FileManager.default.contents(atPath: path) else {
            io.err("无法读取文件 \(path)\n")
            return nil
        }
        return [UInt8](d)
    }
}
