import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// `nuan diff` of the record-validity rules (`无效`), matched by name: added, removed, and a
/// changed condition, message or citation.
extension ProgramDiff {
    mutating func validityRules() {
        for v in old.validityRules where !new.validityRules.contains(where: { $0.name == v.name }) {
            let s = M.validityRule(v.name)
            add("validity.removed", s, M.validityRemoved(s, oldText.text(v.root)), old: oldText.text(v.root))
        }
        for v in new.validityRules {
            let s = M.validityRule(v.name)
            guard let o = old.validityRules.first(where: { $0.name == v.name }) else {
                add("validity.added", s, M.validityAdded(s, newText.text(v.root), v.message), new: newText.text(v.root))
                continue
            }
            condition("validity.condition", s, o.root, v.root)
            compareText("validity.message", s, M.prompt, o.message, v.message)
            citation(s, o.citation, v.citation)
        }
    }
}
