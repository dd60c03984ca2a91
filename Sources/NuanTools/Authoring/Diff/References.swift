import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// Who refers to what in a checked program: for each rule (`定义 X`, `对象 X`, `类别 X`,
/// `福利 X`, `评分 X`), the parameters, definitions, groups and funds it names directly. Lets
/// `nuan diff` say where a changed figure is used and which decisions it reaches.
struct References {
    private(set) var uses: [(user: String, names: Set<String>)] = []

    init(_ p: CheckedProgram) {
        func walk(_ n: Int32, _ into: inout Set<String>) {
            guard n >= 0 else { return }
            let x = p.nodes[Int(n)]
            switch x.op {
            case .parameter: into.insert("参数 " + p.parameters[Int(x.a)].name)
            case .definition: into.insert("定义 " + p.definitions[Int(x.a)].name)
            case .group: into.insert("对象 " + p.groups[Int(x.a)].name)
            case .constant, .field, .category, .given: break
            case .min, .max:
                for i in 0..<Int(x.b) { walk(p.arguments[Int(x.a) + i], &into) }
            default:
                walk(x.a, &into); walk(x.b, &into); walk(x.c, &into)
            }
        }
        for d in p.definitions { var s = Set<String>(); walk(d.root, &s); uses.append(("定义 " + d.name, s)) }
        for g in p.groups { var s = Set<String>(); walk(g.root, &s); uses.append(("对象 " + g.name, s)) }
        for c in p.categories { var s = Set<String>(); walk(c.root, &s); uses.append(("类别 " + c.code, s)) }
        for b in p.benefits {
            var s = Set<String>()
            if case .fixed(let n) = b.amount { walk(n, &s) }
            if let c = b.condition { walk(c, &s) }
            if let r = b.recipient { s.insert("对象 " + p.groups[r].name) }
            for f in b.funds { s.insert("资金 " + p.funds[f].code) }
            for e in b.exceptions {
                walk(e.condition, &s)
                if case .fixed(let n) = e.amount { walk(n, &s) }
            }
            uses.append(("福利 " + b.name, s))
        }
        if let score = p.score {
            var s = Set<String>()
            for part in score.parts { for n in [part.weight, part.expr, part.condition].compactMap({ $0 }) { walk(n, &s) } }
            uses.append(("评分 " + score.name, s))
        }
    }

    /// Rules naming `name` directly, in program order.
    func users(of name: String) -> [String] {
        uses.filter { $0.names.contains(name) }.map(\.user)
    }

    /// Categories, benefits and the score that `name` reaches only through definitions and
    /// groups (those naming it directly are `users`).
    func reached(from name: String) -> [String] {
        var seen: Set<String> = [name]
        var frontier = [name]
        var out: [String] = []
        let direct = Set(users(of: name))
        while let n = frontier.popLast() {
            for u in users(of: n) where seen.insert(u).inserted {
                if u.hasPrefix("定义 ") || u.hasPrefix("对象 ") { frontier.append(u) }
                if !direct.contains(u) && !(u.hasPrefix("定义 ") || u.hasPrefix("对象 ")) { out.append(u) }
            }
        }
        let order = Dictionary(uses.enumerated().map { ($0.element.user, $0.offset) }, uniquingKeysWith: { a, _ in a })
        return out.sorted { order[$0, default: 0] < order[$1, default: 0] }
    }
}
