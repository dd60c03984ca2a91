import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// Renders the changes of `nuan diff` as text for a policy officer, or as JSON for scripts.
public enum DiffReport {
    /// The report in Chinese, or in English when `english` (compare with the same `english`, so
    /// the changes' own sentences match).
    public static func text(_ changes: [RulesChange], old: String, new: String, english: Bool = false) -> String {
        typealias M = Message.Diff
        func list(_ xs: [String]) -> String { Message.list(xs.map(Message.init(both:))).text(english: english) }
        guard !changes.isEmpty else { return M.noDifference(old, new).text(english: english) + "\n" }
        var out = M.differences(old, new, changes.count).text(english: english) + "\n"
        for c in changes {
            out += "\n  \(c.summary)\n"
            if !c.usedBy.isEmpty { out += "    " + M.usedBy.text(english: english) + list(c.usedBy) + "\n" }
            if !c.affects.isEmpty { out += "    " + M.affects.text(english: english) + list(c.affects) + "\n" }
        }
        return out
    }

    public static func json(_ changes: [RulesChange], old: String, new: String) -> String {
        func q(_ s: String?) -> String { s.map(JSONText.quote) ?? "null" }
        func list(_ xs: [String]) -> String { "[" + xs.map(JSONText.quote).joined(separator: ", ") + "]" }
        let items = changes.map { c in
            "    {\"code\": \(q(c.code)), \"subject\": \(q(c.subject)), \"summary\": \(q(c.summary)), \"old\": \(q(c.old)), \"new\": \(q(c.new)), \"used_by\": \(list(c.usedBy)), \"affects\": \(list(c.affects))}"
        }
        return "{\n  \"old\": \(q(old)),\n  \"new\": \(q(new)),\n  \"same_meaning\": \(changes.isEmpty),\n  \"changes\": [" +
            (items.isEmpty ? "]\n}\n" : "\n" + items.joined(separator: ",\n") + "\n  ]\n}\n")
    }
}
