import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// `nuan diff` of the record-validity rules (`无效`), matched by name: added, removed, and a
/// changed condition, message or citation.
extension ProgramDiff {
    mutating func validityRules() {
        for v in old.validityRules where !new.validityRules.contains(where: { $0.name == v.name }) {
            add("validity.removed", "无效规则 \(v.name)", "删除了无效规则 \(v.name)（当 \(oldText.text(v.root))）", old: oldText.text(v.root))
        }
        for v in new.validityRules {
            let s = "无效规则 \(v.name)"
            guard let o = old.validityRules.first(where: { $0.name == v.name }) else {
                add("validity.added", s, "新增无效规则 \(v.name)：当 \(newText.text(v.root))，提示 “\(v.message)”", new: newText.text(v.root))
                continue
            }
            condition("validity.condition", s, o.root, v.root)
            compareText("validity.message", s, "提示", o.message, v.message)
            citation(s, o.citation, v.citation)
        }
    }
}
