import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// Renders `nuan test` results for a policy officer: one `ok`/`FAIL` line per file, then for
/// each failing example what was expected, what came out, and the part of the decision's
/// explanation that accounts for the difference.
public enum ExampleReport {
    static func aspectName(_ a: ExampleRunner.Mismatch.Aspect) -> String {
        switch a {
        case .status: return "状态"
        case .category: return "类别"
        case .total: return "合计"
        case .awards: return "发放"
        case .missing: return "缺少"
        case .warnings: return "警告"
        }
    }

    /// The per-file line: `ok    path  3 个例子` / `FAIL  path  3 个例子，失败 1`.
    public static func fileLine(_ f: ExampleRunner.FileResult) -> String {
        let path = f.path
        if f.rulesError { return "ERROR \(path)  规则文件有错误，例子未运行\n" }
        if f.examples.isEmpty { return "ok    \(path)  没有例子\n" }
        if f.failed == 0 { return "ok    \(path)  \(f.examples.count) 个例子\n" }
        return "FAIL  \(path)  \(f.examples.count) 个例子，失败 \(f.failed)\n"
    }

    /// Everything about one file: its line, then each failure (and, with `verbose`, each pass).
    public static func render(_ f: ExampleRunner.FileResult, verbose: Bool = false) -> String {
        var out = fileLine(f)
        if f.rulesError {
            out += DiagnosticRenderer.render(f.diagnostics)
            return out
        }
        for ex in f.examples {
            if ex.passed {
                if verbose { out += "  ✓ 例子 \"\(ex.title)\"\n" }
                continue
            }
            out += failure(ex, program: f.program!)
        }
        return out
    }

    public static func failure(_ ex: ExampleRunner.ExampleResult, program: CheckedProgram) -> String {
        var out = "\n  ✗ 例子 \"\(ex.title)\"（\(ex.range.position)）\n"
        if let c = ex.citation { out += "    依据：\(c)\n" }
        if !ex.errors.isEmpty {
            out += "    例子本身有错误，无法判定：\n"
            out += indent(DiagnosticRenderer.render(ex.errors), by: "    ")
            return out
        }
        for m in ex.mismatches {
            out += "    \(aspectName(m.aspect))：期望 \(m.expected)；实际 \(m.actual)\n"
            for d in m.details { out += "      \(d)\n" }
        }
        guard let d = ex.decision else { return out }
        let wanted = m(ex.mismatches)
        let entries = d.explanation.filter { wanted.contains($0.rule) }
        if !entries.isEmpty {
            out += "    判定过程（与差异有关的部分）：\n"
            let text = DecisionText(program: program)
            for e in entries { out += indent(text.entry(e, depth: 0), by: "      ") }
        }
        if !d.missing.isEmpty && !ex.mismatches.contains(where: { $0.aspect == .missing }) {
            out += "    缺少信息：" + d.missing.map { k in
                program.fieldIndex(named: k).flatMap { program.fields[$0].label } ?? k
            }.joined(separator: "、") + "\n"
        }
        return out
    }

    /// The rules named by the mismatches, in order, once each.
    static func m(_ ms: [ExampleRunner.Mismatch]) -> [String] {
        var seen: [String] = []
        for x in ms { for r in x.rules where !seen.contains(r) { seen.append(r) } }
        return seen
    }

    static func indent(_ s: String, by pad: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
    }

    /// `N 个例子：通过 P，失败 F` (and the files whose rules did not compile).
    public static func summary(_ files: [ExampleRunner.FileResult]) -> String {
        let total = files.reduce(0) { $0 + $1.examples.count }
        let failed = files.reduce(0) { $0 + $1.failed }
        var s = "\(total) 个例子：通过 \(total - failed)，失败 \(failed)"
        let broken = files.filter(\.rulesError).count
        if broken > 0 { s += "；\(broken) 个规则文件有错误" }
        return s + "\n"
    }
}
