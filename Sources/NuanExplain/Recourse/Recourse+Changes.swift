import NuanSupport
import NuanSyntax
import NuanProgram

/// A refusal: which changes would make the record eligible.
extension RecourseSearch {
    /// Each benefit not paid, with the tests that kept it from being paid, fewest first.
    func blockedBenefits(_ e: Evaluator.Evaluation, keeping kept: Set<Int> = []) -> [(benefit: Int, tests: [DecidingTest])] {
        var why = DecidingTests(program: program, trace: e.trace)
        why.fixed = { [why] t in why.directField(t).map(kept.contains) ?? false }
        var out: [(benefit: Int, tests: [DecidingTest], rank: Int)] = []
        var flat = 0
        for (gi, g) in program.benefitGroups.enumerated() {
            for (k, b) in g.benefits.enumerated() {
                if let tests = why.blockers(benefit: b, outcome: e.outcomes[gi][k]), !tests.isEmpty {
                    out.append((flat, tests, why.closeness(b, tests)))
                }
                flat += 1
            }
        }
        return out.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map { ($0.element.benefit, $0.element.tests) }
    }

    mutating func changesThatGrant() -> [RecourseItem] {
        guard let e = trace(base) else { return [] }
        var items: [RecourseItem] = []
        for c in blockedBenefits(e).prefix(8) {
            for combo in combinations(c.tests, facts: base, values: e.trace.values) {
                guard budget > 0 else { break }
                if let item = verify(combo, benefit: c.benefit, depth: 0), !items.contains(where: { $0.changes == item.changes }) {
                    items.append(item)
                }
            }
            if items.count >= RecourseSearch.maxItems * 2 { break }
        }
        return RecourseSearch.ordered(items)
    }

    /// Fewest changes first; then eligible before the rest, more money before less.
    static func ordered(_ items: [RecourseItem]) -> [RecourseItem] {
        func rank(_ s: Decision.Status) -> Int { s == .eligible ? 0 : s == .ineligible ? 1 : 2 }
        return items.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if x.changes.count != y.changes.count { return x.changes.count < y.changes.count }
            if rank(x.status) != rank(y.status) { return rank(x.status) < rank(y.status) }
            if x.totalAmount != y.totalAmount { return x.totalAmount > y.totalAmount }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// One change per test, every way (at most 12 ways); a combination that sets one field to
    /// two values is left out.
    mutating func combinations(_ tests: [DecidingTest], facts f: Facts, values: [Value?]) -> [[RecourseItem.Change]] {
        var combos: [[RecourseItem.Change]] = [[]]
        for t in tests {
            let options = changes(turning: t, facts: f, values: values)
            guard !options.isEmpty else { return [] }
            var next: [[RecourseItem.Change]] = []
            for c in combos {
                for o in options {
                    if let same = c.first(where: { $0.slot == o.slot }) { if same.to == o.to { next.append(c) }; continue }
                    next.append(c + [o])
                    if next.count >= 12 { break }
                }
                if next.count >= 12 { break }
            }
            combos = next
        }
        return combos.filter { !$0.isEmpty }
    }

    /// The single-field changes that would turn one test.
    mutating func changes(turning t: DecidingTest, facts f: Facts, values: [Value?]) -> [RecourseItem.Change] {
        let node = program.nodes[Int(t.node)]
        func change(_ slot: Int, _ to: Value) -> RecourseItem.Change {
            RecourseItem.Change(slot: slot, from: f.given[slot] ? f.values[slot] : nil, to: to)
        }
        func fieldSlot(_ n: Int32) -> Int? {
            let x = program.nodes[Int(n)]
            guard x.op == .field, proposable(Int(x.a)) else { return nil }
            return Int(x.a)
        }
        func optionCount(_ n: Int32) -> Int {
            switch program.nodes[Int(n)].type {
            case .choice(let e), .list(let e): return e >= 0 ? program.enums[e].codes.count : 0
            default: return 0
            }
        }
        switch node.op {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
            if program.nodes[Int(node.a)].type.isNumeric {
                var out: [RecourseItem.Change] = []
                for slot in inputs.reads[Int(t.node)].slots where proposable(slot) && program.fields[slot].type.isNumeric {
                    if let u = turningPoint(t, slot: slot, in: f, values: values) {
                        out.append(change(slot, RecourseSearch.value(units: u, steps: steps(slot))))
                    }
                }
                return out
            }
            // An option against an option: set it (=), or to each other option (≠).
            guard let slot = fieldSlot(node.a), case .choice(let target)? = values[Int(node.b)] else { return [] }
            let wantEqual = (node.op == .equal) != t.holds
            if wantEqual { return [change(slot, .choice(target))] }
            return (0..<optionCount(node.a)).filter { $0 != Int(target) }.prefix(4).map { change(slot, .choice(Int32($0))) }
        case .field where node.type == .bool:
            guard let slot = fieldSlot(t.node) else { return [] }
            return [change(slot, .bool(!t.holds))]
        case .inSet, .notInSet:
            guard let slot = fieldSlot(node.a), case .set(let set)? = values[Int(node.b)] else { return [] }
            let wantInside = (node.op == .inSet) != t.holds
            return (0..<optionCount(node.a)).filter { (set & (1 << UInt64($0)) != 0) == wantInside }.prefix(4)
                .map { change(slot, .choice(Int32($0))) }
        case .containsAny, .containsAll:
            guard let slot = fieldSlot(node.a), case .set(let have)? = values[Int(node.a)], case .set(let set)? = values[Int(node.b)] else { return [] }
            switch (node.op, t.holds) {
            case (.containsAny, false):
                return (0..<optionCount(node.a)).filter { set & (1 << UInt64($0)) != 0 }.prefix(4).map { change(slot, .set(have | 1 << UInt64($0))) }
            case (.containsAny, true): return [change(slot, .set(have & ~set))]
            case (.containsAll, false): return [change(slot, .set(have | set))]
            default:
                return (0..<optionCount(node.a)).filter { set & have & (1 << UInt64($0)) != 0 }.prefix(4).map { change(slot, .set(have & ~(1 << UInt64($0)))) }
            }
        case .isEmpty:
            guard t.holds == false, let slot = fieldSlot(node.a) else { return [] }
            return [change(slot, .set(0))]
        default:
            return []
        }
    }

    /// Evaluates a set of changes; when it is not enough, looks again in the changed record
    /// for what still blocks the same benefit (twice at most).
    mutating func verify(_ combo: [RecourseItem.Change], benefit: Int, depth: Int) -> RecourseItem? {
        let f = RecourseSearch.applying(combo, to: base)
        guard let o = outcome(f) else { return nil }
        if reaches(o) { return finish(combo, o) }
        guard depth < 2, let e = trace(f) else { return nil }
        // Still blocked, or now contradicting a validity rule (建档类型 set, 建档层级 still 未建档):
        // what stands in the way in the changed record.
        // Never by undoing a change already made.
        let kept = Set(combo.map(\.slot))
        var tests = blockedBenefits(e, keeping: kept).first(where: { $0.benefit == benefit })?.tests ?? []
        if o.status == .invalid {
            var why = DecidingTests(program: program, trace: e.trace)
            why.fixed = { [why] t in why.directField(t).map(kept.contains) ?? false }
            for rule in program.validityRules where why.truth(rule.root) == true {
                guard let bl = why.blockers(rule.root, want: false) else { return nil }
                tests += bl.filter { !tests.contains($0) }
            }
        }
        guard !tests.isEmpty else { return nil }
        for extra in combinations(tests, facts: f, values: e.trace.values).prefix(4) {
            var merged = combo
            for c in extra {
                if let i = merged.firstIndex(where: { $0.slot == c.slot }) { merged[i].to = c.to } else {
                    merged.append(RecourseItem.Change(slot: c.slot, from: base.given[c.slot] ? base.values[c.slot] : nil, to: c.to))
                }
            }
            if let item = verify(merged, benefit: benefit, depth: depth + 1) { return item }
        }
        return nil
    }

    /// A set that reaches `o`, made as small as it goes: changes not needed for the outcome
    /// are dropped, numeric changes moved to the exact boundary; then verified once more.
    mutating func finish(_ combo: [RecourseItem.Change], _ o: Outcome) -> RecourseItem? {
        var set = combo
        for _ in 0..<3 {
            var dropped = false
            for i in set.indices.reversed() where set.count > 1 {
                var without = set
                without.remove(at: i)
                if outcome(RecourseSearch.applying(without, to: base)) == o { set = without; dropped = true }
            }
            for i in set.indices { tighten(&set, i, o); trimList(&set, i, o) }
            if !dropped { break }
        }
        guard let final = outcome(RecourseSearch.applying(set, to: base)), final == o else { return nil }
        return item(set, o)
    }

    /// Takes out of a list change every option it added that the outcome does not need.
    mutating func trimList(_ set: inout [RecourseItem.Change], _ i: Int, _ o: Outcome) {
        guard case .set(let to) = set[i].to else { return }
        let from: UInt64
        if case .set(let f)? = set[i].from { from = f } else { from = 0 }
        for bit in 0..<64 where to & ~from & (1 << UInt64(bit)) != 0 {
            guard case .set(let now) = set[i].to else { return }
            var trial = set
            trial[i].to = .set(now & ~(1 << UInt64(bit)))
            if outcome(RecourseSearch.applying(trial, to: base)) == o { set = trial }
        }
    }

    /// Moves a numeric change to the value nearest the record's own at which the outcome is
    /// still `o` — one step nearer, and it is not.
    mutating func tighten(_ set: inout [RecourseItem.Change], _ i: Int, _ o: Outcome) {
        let slot = set[i].slot
        guard program.fields[slot].type.isNumeric, case .number? = set[i].from,
              let u0 = numberAt(base, slot), case .number(let r) = set[i].to,
              let u1 = RecourseSearch.units(r, steps: steps(slot)), abs(u1 - u0) > 1 else { return }
        let others = set
        let s = steps(slot)
        let edge = bisect(from: u0, to: u1) { search, u in
            var trial = others
            trial[i].to = RecourseSearch.value(units: u, steps: s)
            return search.outcome(RecourseSearch.applying(trial, to: search.base)) == o
        }
        if let edge { set[i].to = RecourseSearch.value(units: edge, steps: s) }
    }
}
