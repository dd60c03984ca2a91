import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// Conditions (widened / narrowed / changed), categories, benefits and the score.
extension ProgramDiff {
    enum Direction { case widened, narrowed }

    typealias Op = CheckedProgram.Node.Op

    func flatten(_ n: Int32, _ op: Op, _ p: CheckedProgram) -> [Int32] {
        let x = p.nodes[Int(n)]
        return x.op == op ? flatten(x.a, op, p) + flatten(x.b, op, p) : [n]
    }

    /// Whether the new condition holds for more applicants (widened), fewer (narrowed), or
    /// neither can be said (nil). Reads: conditions added to or dropped from a 且 / 或 chain, a
    /// single threshold moved on the same left side, a list grown or shrunk; 非 flips.
    func direction(_ o: Int32, _ n: Int32, flipped: Bool = false) -> Direction? {
        let on = old.nodes[Int(o)], nn = new.nodes[Int(n)]
        func result(_ d: Direction) -> Direction { flipped ? (d == .widened ? .narrowed : .widened) : d }
        if on.op == .not && nn.op == .not { return direction(on.a, nn.a, flipped: !flipped) }
        for (op, adding) in [(Op.and, Direction.narrowed), (Op.or, Direction.widened)] {
            let oc = flatten(o, op, old), nc = flatten(n, op, new)
            guard oc.count > 1 || nc.count > 1 else { continue }
            let ot = oc.map { oldKey.text($0) }, nt = nc.map { newKey.text($0) }
            let onlyOld = oc.indices.filter { !nt.contains(ot[$0]) }.map { oc[$0] }
            let onlyNew = nc.indices.filter { !ot.contains(nt[$0]) }.map { nc[$0] }
            // Pair each dropped operand with a changed one where the change has a direction;
            // operands left over were added (or dropped) outright.
            let removing: Direction = adding == .narrowed ? .widened : .narrowed
            var directions: [Direction] = []
            var unmatched = onlyNew
            for x in onlyOld {
                if let j = unmatched.firstIndex(where: { direction(x, $0) != nil }) {
                    directions.append(direction(x, unmatched[j])!)
                    unmatched.remove(at: j)
                } else {
                    directions.append(removing)
                }
            }
            directions += unmatched.map { _ in adding }
            guard let first = directions.first, directions.allSatisfy({ $0 == first }) else { return nil }
            return result(first)
        }
        let co = Conditions(program: old), cn = Conditions(program: new)
        guard on.op == nn.op || (isUpper(on.op) && isUpper(nn.op)) || (isLower(on.op) && isLower(nn.op)) else { return nil }
        switch on.op {
        case .less, .lessEqual, .greater, .greaterEqual:
            let a = co.atom(o, foldParameters: false), b = cn.atom(n, foldParameters: false)
            guard a.key == b.key, case .bound(let op1, let v1) = a.fact, case .bound(let op2, let v2) = b.fact, v1.base == v2.base else { return nil }
            if isUpper(op1) && isUpper(op2) {
                if v2.coefficient != v1.coefficient { return result(v2.coefficient > v1.coefficient ? .widened : .narrowed) }
                return op1 == op2 ? nil : result(op2 == .lessEqual ? .widened : .narrowed)
            }
            if isLower(op1) && isLower(op2) {
                if v2.coefficient != v1.coefficient { return result(v2.coefficient < v1.coefficient ? .widened : .narrowed) }
                return op1 == op2 ? nil : result(op2 == .greaterEqual ? .widened : .narrowed)
            }
            return nil
        case .inSet, .notInSet, .containsAny, .containsAll:
            guard oldKey.text(on.a) == newKey.text(nn.a) else { return nil }
            let a = Set(oldText.listItems(old.nodes[Int(on.b)])), b = Set(newText.listItems(new.nodes[Int(nn.b)]))
            guard a != b else { return nil }
            let grows = on.op != .notInSet && on.op != .containsAll
            if a.isSubset(of: b) { return result(grows ? .widened : .narrowed) }
            if b.isSubset(of: a) { return result(grows ? .narrowed : .widened) }
            return nil
        default: return nil
        }
    }

    func isUpper(_ op: Op) -> Bool { op == .less || op == .lessEqual }
    func isLower(_ op: Op) -> Bool { op == .greater || op == .greaterEqual }

    /// Compares two conditions (or expressions) by their canonical text.
    mutating func condition(_ code: String, _ subject: Message, _ o: Int32?, _ n: Int32?, what: Message = M.condition, users: [Message] = [], affects: [Message] = []) {
        let a = o.map { oldKey.text($0) }, b = n.map { newKey.text($0) }
        guard a != b else { return }
        let shownOld = o.map { oldText.text($0) }, shownNew = n.map { newText.text($0) }
        var verb = M.conditionChanged
        switch (o, n) {
        case (nil, _?): verb = M.conditionAdded
        case (_?, nil): verb = M.conditionRemoved
        case (let o?, let n?):
            if old.nodes[Int(o)].type == .bool, let d = direction(o, n) { verb = d == .widened ? M.widened : M.narrowed }
        default: break
        }
        add(code, subject, M.condition(subject, what, verb, show(shownOld), show(shownNew)),
            old: shownOld, new: shownNew, usedBy: users, affects: affects)
    }

    // MARK: Categories

    mutating func categories() {
        func key(_ c: CheckedProgram.Category) -> String { c.code }
        for c in old.categories where !new.categories.contains(where: { key($0) == key(c) }) {
            add("category.removed", M.category(c.code), M.removed(M.category(c.code), c.label ?? c.code))
        }
        for c in new.categories {
            let s = M.category(c.code, c.label ?? c.code)
            guard let o = old.categories.first(where: { key($0) == key(c) }) else {
                add("category.added", s, M.added(s, when: newText.text(c.root)), new: newText.text(c.root))
                continue
            }
            compareText("category.label", s, M.name, o.label, c.label)
            condition("category.condition", s, o.root, c.root)
            citation(s, o.citation, c.citation)
        }
        let a = old.categories.map(key).filter { k in new.categories.contains { key($0) == k } }
        let b = new.categories.map(key).filter { k in old.categories.contains { key($0) == k } }
        if a != b {
            add("category.order", M.categoryOrder, M.categoryOrderChanged(a.joined(separator: " → "), b.joined(separator: " → ")),
                old: a.joined(separator: ", "), new: b.joined(separator: ", "))
        }
    }

    // MARK: Benefits

    func amountText(_ p: CheckedProgram, _ printer: NodePrinter, _ a: CheckedProgram.Amount, _ unit: Unit?) -> String {
        switch a {
        case .unset: return "待定"
        case .withhold: return "不发"
        case .fixed(let n):
            if let unit, case .constant = p.nodes[Int(n)].op, case .number(let r) = p.constants[Int(p.nodes[Int(n)].a)] { return "\(r) \(unit.rawValue)" }
            return printer.text(n)
        }
    }

    mutating func benefits() {
        func locate(_ p: CheckedProgram) -> [String: (CheckedProgram.Benefit, CheckedProgram.BenefitGroup)] {
            var out: [String: (CheckedProgram.Benefit, CheckedProgram.BenefitGroup)] = [:]
            for g in p.benefitGroups { for b in g.benefits { out[b.name] = (b, g) } }
            return out
        }
        let before = locate(old), after = locate(new)
        func groupName(_ g: CheckedProgram.BenefitGroup) -> Message { g.implicit ? M.notInGroup : M.groupWithPolicy(g.name, g.policy.chinese) }
        for g in old.benefitGroups where !g.implicit && !new.benefitGroups.contains(where: { !$0.implicit && $0.name == g.name }) {
            add("benefit-group.removed", M.benefitGroup(g.name), M.removed(M.benefitGroup(g.name)))
        }
        for g in new.benefitGroups where !g.implicit {
            let s = M.benefitGroup(g.name)
            guard let o = old.benefitGroups.first(where: { !$0.implicit && $0.name == g.name }) else {
                add("benefit-group.added", s, M.benefitGroupAdded(g.name, g.policy.chinese))
                continue
            }
            if o.policy != g.policy { add("benefit-group.policy", s, M.policy(s, o.policy.chinese, g.policy.chinese), old: o.policy.chinese, new: g.policy.chinese) }
            if g.policy == .first || g.policy == .highest {
                let a = o.benefits.map(\.name).filter { n in g.benefits.contains { $0.name == n } }
                let b = g.benefits.map(\.name).filter { n in o.benefits.contains { $0.name == n } }
                if a != b {
                    add("benefit-group.order", s, M.benefitOrder(s, g.policy.chinese, a.joined(separator: " → "), b.joined(separator: " → ")),
                        old: a.joined(separator: ", "), new: b.joined(separator: ", "))
                }
            }
        }
        for b in old.benefits where after[b.name] == nil {
            add("benefit.removed", M.benefit(b.name), M.removed(M.benefit(b.name), amountText(old, oldText, b.amount, b.unit)))
        }
        for b in new.benefits {
            let s = M.benefit(b.name)
            let (nb, ng) = after[b.name]!
            guard let (ob, og) = before[b.name] else {
                add("benefit.added", s, M.benefitAdded(b.name, amountText(new, newText, b.amount, b.unit), in: ng.implicit ? nil : groupName(ng)),
                    new: amountText(new, newText, b.amount, b.unit))
                continue
            }
            if og.implicit != ng.implicit || og.name != ng.name { compareText("benefit.group", s, M.benefitGroupOf, groupName(og), groupName(ng)) }
            compareText("benefit.amount", s, M.amount, amountText(old, oldText, ob.amount, ob.unit), amountText(new, newText, nb.amount, nb.unit))
            let ra = ob.recipient.map { old.groups[$0].name }, rb = nb.recipient.map { new.groups[$0].name }
            compareText("benefit.recipient", s, M.recipient, ra, rb)
            condition("benefit.condition", s, ob.condition, nb.condition)
            let fa = ob.funds.map { old.funds[$0].code }, fb = nb.funds.map { new.funds[$0].code }
            for f in fb where !fa.contains(f) { add("benefit.fund-allowed", s, M.mayPayBenefit(f, b.name, true), new: f) }
            for f in fa where !fb.contains(f) { add("benefit.fund-removed", s, M.mayPayBenefit(f, b.name, false), old: f) }
            if let x = fa.first, let y = fb.first, x != y { add("benefit.fund-first", s, M.firstFund(b.name, x, y), old: x, new: y) }
            citation(s, ob.citation, nb.citation)
            for i in 0..<max(ob.exceptions.count, nb.exceptions.count) {
                let es = M.exception(s, i + 1)
                guard i < ob.exceptions.count else {
                    let e = nb.exceptions[i]
                    add("benefit.exception-added", es, M.exceptionAdded(s, newText.text(e.condition), amountText(new, newText, e.amount, nb.unit)))
                    continue
                }
                guard i < nb.exceptions.count else {
                    let e = ob.exceptions[i]
                    add("benefit.exception-removed", es, M.exceptionRemoved(s, oldText.text(e.condition), amountText(old, oldText, e.amount, ob.unit)))
                    continue
                }
                let (eo, en) = (ob.exceptions[i], nb.exceptions[i])
                condition("benefit.exception-condition", es, eo.condition, en.condition)
                compareText("benefit.exception-amount", es, M.amount, amountText(old, oldText, eo.amount, ob.unit), amountText(new, newText, en.amount, nb.unit))
                citation(es, eo.citation, en.citation)
            }
        }
    }

    // MARK: Score

    mutating func score() {
        switch (old.score, new.score) {
        case (nil, nil): return
        case (nil, let s?): add("score.added", M.score(s.name), M.scoreAdded(M.score(s.name), parts: s.parts.count))
        case (let s?, nil): add("score.removed", M.score(s.name), M.removed(M.score(s.name)))
        case (let a?, let b?):
            let s = M.score(b.name)
            compareText("score.name", s, M.name, a.name, b.name)
            for p in a.parts where !b.parts.contains(where: { $0.name == p.name }) { add("score.part-removed", s, M.scorePartChanged(s, p.name, added: false)) }
            for p in b.parts {
                guard let o = a.parts.first(where: { $0.name == p.name }) else {
                    add("score.part-added", s, M.scorePartChanged(s, p.name, added: true))
                    continue
                }
                let ps = M.scorePart(s, p.name)
                condition("score.weight", ps, o.weight, p.weight, what: M.weight)
                condition("score.expr", ps, o.expr, p.expr, what: M.expression)
                condition("score.condition", ps, o.condition, p.condition)
            }
            citation(s, a.citation, b.citation)
        }
    }
}
