import NuanSupport
import NuanSyntax
import NuanProgram

/// The record's inputs as the rules read them, for the auditor: each field given or defaulted,
/// `家庭月收入（household_monthly_income）：15000.00`, a default marked as such. Personal
/// numbers stay in the text for the renderer, which masks them unless `--unmask`.
struct InputLines {
    let program: CheckedProgram
    let facts: Facts
    let english: Bool

    func lines() -> [String] {
        let fmt = ValueFormatter(program: program, english: english)
        var out: [String] = []
        for (i, f) in program.fields.enumerated() {
            let v = facts.values[i]
            guard v.isKnown else { continue }
            var shown = fmt.format(v, type: f.type)
            if f.isPersonal, case .text(let s) = v { shown = ExplanationBuilder.personal(s) }
            let name = english ? f.key : "\(f.display)（\(f.key)）"
            let note = facts.given[i] ? "" : ExplainText.byDefault.text(english: english)
            out.append(name + (english ? ": " : "：") + shown + note)
        }
        return out
    }
}
