import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// Who refers to what in a checked program: for each rule (a definition, a group, a category, a
/// benefit, the score), the parameters, definitions, groups and funds it names directly. Lets
/// `nuan diff` say where a changed figure is used and which decisions it reaches.
struct References {
    /// What can be named: a kind and a name. Rules are told apart by `Item`; their names for a
    /// reader are `Message`s (`定义 X`).
    struct Item: Hashable {
        enum Kind { case parameter, definition, group, category, fund, benefit, score }
        let kind: Kind
        let name: String

        static func parameter(_ n: String) -> Item { Item(kind: .parameter, name: n) }
        static func definition(_ n: String) -> Item { Item(kind: .definition, name: n) }
        static func group(_ n: String) -> Item { Item(kind: .group, name: n) }

        /// Definitions and groups pass a change on to the rules that use them.
        var passesOn: Bool { kind == .definition || kind == .group }

        var label: Message {
            switch kind {
            case .parameter: return Message.Diff.parameter(name)
            case .definition: return Message.Diff.definition(name)
            case .group: return Message.Diff.group(name)
            case .category: return Message.Diff.category(name)
            case .fund: return Message.Diff.fund(name)
            case .benefit: return Message.Diff.benefit(name)
            case .score: return Message.Diff.score(name)
            }
        }
    }

    private(set) var uses: [(user: Item, names: Set<Item>)] = []

    init(_ p: CheckedProgram) {
        func walk(_ n: Int32, _ into: inout Set<Item>) {
            guard n >= 0 else { return }
            let x = p.nodes[Int(n)]
            switch x.op {
            case .parameter: into.insert(.parameter(p.parameters[Int(x.a)].name))
            case .definition: into.insert(.definition(p.definitions[Int(x.a)].name))
            case .group: into.insert(.group(p.groups[Int(x.a)].name))
            case .constant, .field, .category, .given: break
            case .min, .max:
                for i in 0..<Int(x.b) { walk(p.arguments[Int(x.a) + i], &into) }
            default:
                walk(x.a, &into); walk(x.b, &into); walk(x.c, &into)
            }
        }
        for d in p.definitions { var s = Set<Item>(); walk(d.root, &s); uses.append((.definition(d.name), s)) }
        for g in p.groups { var s = Set<Item>(); walk(g.root, &s); uses.append((.group(g.name), s)) }
        for c in p.categories { var s = Set<Item>(); walk(c.root, &s); uses.append((Item(kind: .category, name: c.code), s)) }
        for b in p.benefits {
            var s = Set<Item>()
            if case .fixed(let n) = b.amount { walk(n, &s) }
            if let c = b.condition { walk(c, &s) }
            if let r = b.recipient { s.insert(.group(p.groups[r].name)) }
            for f in b.funds { s.insert(Item(kind: .fund, name: p.funds[f].code)) }
            for e in b.exceptions {
                walk(e.condition, &s)
                if case .fixed(let n) = e.amount { walk(n, &s) }
            }
            uses.append((Item(kind: .benefit, name: b.name), s))
        }
        if let score = p.score {
            var s = Set<Item>()
            for part in score.parts { for n in [part.weight, part.expr, part.condition].compactMap({ $0 }) { walk(n, &s) } }
            uses.append((Item(kind: .score, name: score.name), s))
        }
    }

    /// Rules naming `name` directly, in program order.
    func users(of name: Item) -> [Message] { direct(name).map(\.label) }

    private func direct(_ name: Item) -> [Item] {
        uses.filter { $0.names.contains(name) }.map(\.user)
    }

    /// Categories, benefits and the score that `name` reaches only through definitions and
    /// groups (those naming it directly are `users`).
    func reached(from name: Item) -> [Message] {
        var seen: Set<Item> = [name]
        var frontier = [name]
        var out: [Item] = []
        let direct = Set(direct(name))
        while let n = frontier.popLast() {
            for u in self.direct(n) where seen.insert(u).inserted {
                if u.passesOn { frontier.append(u) }
                if !direct.contains(u) && !u.passesOn { out.append(u) }
            }
        }
        let order = Dictionary(uses.enumerated().map { ($0.element.user, $0.offset) }, uniquingKeysWith: { a, _ in a })
        return out.sorted { order[$0, default: 0] < order[$1, default: 0] }.map(\.label)
    }
}
