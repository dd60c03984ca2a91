import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// Renders the changes of `nuan diff` as text for a policy officer, or as JSON for scripts.
public enum DiffReport {
    public static func text(_ changes: [RulesChange], old: String, new: String) -> String {
        guard !changes.isEmpty else { return "\(old) → \(new)：没有含义上的差别\n" }
        var out = "\(old) → \(new)：\(changes.count) 处含义上的差别\n"
        for c in changes {
            out += "\n  \(c.summary)\n"
            if !c.usedBy.isEmpty { out += "    用于：\(c.usedBy.joined(separator: "、"))\n" }
            if !c.affects.isEmpty { out += "    间接影响：\(c.affects.joined(separator: "、"))\n" }
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
