import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// What `nuan fmt` must leave unchanged in a decision: everything it says, leaving out the
/// texts that quote the rules as written (fmt normalises `/` to `÷`, so the explanation's quoted
/// conditions may differ; an error naming an expression that overflowed quotes it too, so its
/// spaces and operator spellings are normalised, as in the reasons that repeat it) and the rules digest. The formatter's tests and `nuan-fuzz` compare
/// decisions before and after formatting by this signature.
public enum FormatInvariant {
    /// A text that may quote the rules as written, without their layout and operator spelling
    /// (what `nuan fmt` may change): compared, never shown.
    public static func layoutFree(_ s: String) -> String {
        String(s.filter { !$0.isWhitespace }.map { $0 == "*" ? "×" : $0 == "/" ? "÷" : $0 })
    }

    public static func signature(_ d: Decision, _ p: CheckedProgram) -> String {
        var d = d
        func strip(_ e: ExplanationEntry) -> ExplanationEntry {
            var e = e
            if e.kind == .exception { e.rule = "除非" }
            e.values = []
            e.margins = []
            e.children = e.children.map(strip)
            return e
        }
        d.explanation = d.explanation.map(strip)
        d.errors = d.errors.map { e in var e = e; e.reason = layoutFree(e.reason); return e }
        // The reasons repeat such an error, and may quote a test as the file writes it.
        d.reasons = d.reasons.map(layoutFree)
        let json = DecisionJSON(program: p).render(d)
        return json.components(separatedBy: ",\"rules\":").first ?? json
    }
}
