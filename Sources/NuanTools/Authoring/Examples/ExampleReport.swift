import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// Renders `nuan test` results for a policy officer: one `ok`/`FAIL` line per file, then for
/// each failing example what was expected, what came out, and the part of the decision's
/// explanation that accounts for the difference.
///
/// Every function takes `english` (Chinese by default); run the examples with the same
/// `english` (`ExampleRunner.run(path:english:)`), so the mismatches and the decisions'
/// explanations are in that language too.
public enum ExampleReport {
    typealias M = Message.Examples

    /// The per-file line: `ok    path  3 个例子` / `FAIL  path  3 个例子，失败 1`.
    public static func fileLine(_ f: ExampleRunner.FileResult, english: Bool = false) -> String {
        let path = f.path
        let line: Message
        if f.rulesError { line = M.rulesError(path) } else if f.examples.isEmpty { line = M.noExamples(path) } else if f.failed == 0 {
            line = M.passedFile(path, f.examples.count)
        } else {
            line = M.failedFile(path, f.examples.count, failed: f.failed)
        }
        return line.text(english: english) + "\n"
    }

    /// Everything about one file: its line, then each failure (and, with `verbose`, each pass).
    public static func render(_ f: ExampleRunner.FileResult, verbose: Bool = false, english: Bool = false) -> String {
        var out = fileLine(f, english: english)
        if f.rulesError {
            out += DiagnosticRenderer.render(f.diagnostics, english: english)
            return out
        }
        for ex in f.examples {
            if ex.passed {
                if verbose { out += "  " + M.passedExample(ex.title).text(english: english) + "\n" }
                continue
            }
            out += failure(ex, program: f.program!, english: english)
        }
        return out
    }

    public static func failure(_ ex: ExampleRunner.ExampleResult, program: CheckedProgram, english: Bool = false) -> String {
        func t(_ m: Message) -> String { m.text(english: english) }
        var out = "\n  " + t(M.failedExample(ex.title, ex.range.position)) + "\n"
        if let c = ex.citation { out += "    " + t(M.citation(c)) + "\n" }
        if !ex.errors.isEmpty {
            out += "    " + t(M.exampleHasErrors) + "\n"
            out += indent(DiagnosticRenderer.render(ex.errors, english: english), by: "    ")
            return out
        }
        for m in ex.mismatches {
            out += "    " + t(M.mismatch(M.aspect(m.aspect), m.expected, m.actual)) + "\n"
            for d in m.details { out += "      \(d)\n" }
        }
        guard let d = ex.decision else { return out }
        let wanted = m(ex.mismatches)
        let entries = d.explanation.filter { wanted.contains($0.rule) }
        if !entries.isEmpty {
            out += "    " + t(M.explanation) + "\n"
            let text = DecisionText(program: program, english: english)
            for e in entries { out += indent(text.entry(e, depth: 0), by: "      ") }
        }
        if !d.missing.isEmpty && !ex.mismatches.contains(where: { $0.aspect == .missing }) {
            out += "    " + t(M.missingInformation) + t(.list(d.missing.map { k in
                Message(both: program.fieldIndex(named: k).flatMap { program.fields[$0].label } ?? k)
            })) + "\n"
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
    public static func summary(_ files: [ExampleRunner.FileResult], english: Bool = false) -> String {
        let total = files.reduce(0) { $0 + $1.examples.count }
        let failed = files.reduce(0) { $0 + $1.failed }
        let broken = files.filter(\.rulesError).count
        return M.summary(total: total, failed: failed).with(broken > 0 ? M.brokenFiles(broken) : nil).text(english: english) + "\n"
    }
}
