import NuanSupport
import NuanSyntax
import NuanProgram

/// An open decision: which answer to a missing input would settle it, and how.
extension RecourseSearch {
    mutating func answersThatSettle() -> [RecourseItem] {
        var items: [RecourseItem] = []
        let slots = baseDecision.missing.compactMap { program.fieldIndex(named: $0) }.filter(proposable)
        for slot in slots {
            guard budget > 0 else { break }
            var candidates: [Value] = []
            switch program.fields[slot].type {
            case .bool: candidates = [.bool(true), .bool(false)]
            case .choice(let e): candidates = (0..<min(program.enums[e].codes.count, 8)).map { .choice(Int32($0)) }
            case .list(let e): candidates = [.set(0)] + (0..<min(program.enums[e].codes.count, 8)).map { .set(1 << UInt64($0)) }
            case .money, .number:
                items += boundaries(of: slot)
                continue
            default: continue
            }
            for v in candidates {
                let change = RecourseItem.Change(slot: slot, from: nil, to: v)
                guard let o = outcome(RecourseSearch.applying([change], to: base)), reaches(o) else { continue }
                items.append(item([change], o))
            }
        }
        return items
    }

    /// A missing number: where the outcome changes as it grows, each boundary exact to the
    /// fen, with the answer on either side of it. Probes at the field's least value, at the
    /// points where each comparison that reads it turns (found from two evaluations), and at
    /// its largest; bisection between neighbouring probes that disagree.
    mutating func boundaries(of slot: Int) -> [RecourseItem] {
        let range = bounds(slot)
        let s = steps(slot)
        let p0 = range.lowerBound
        let p1 = min(range.upperBound, p0 + (s == 1 ? 1 : 100_000))
        var probes: Set<Int64> = [range.lowerBound, range.upperBound]
        let start = base
        func facts(_ u: Int64) -> Facts {
            RecourseSearch.applying([RecourseItem.Change(slot: slot, from: nil, to: RecourseSearch.value(units: u, steps: s))], to: start)
        }
        if p1 != p0, let e0 = trace(facts(p0)), let e1 = trace(facts(p1)) {
            for n in inputs.reads.indices where inputs.reads[n].slots.contains(slot) {
                switch program.nodes[n].op {
                case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: break
                default: continue
                }
                guard let d0 = gap(Int32(n), e0.trace.values), let d1 = gap(Int32(n), e1.trace.values),
                      let x = RecourseSearch.crossing(u0: p0, d0: d0, u1: p1, d1: d1),
                      let down = RecourseSearch.units(x, steps: 1), let up = RecourseSearch.units(x, steps: 1, up: true) else { continue }
                for c in [down - 1, down, up, up + 1] where range.contains(c) { probes.insert(c) }
                if probes.count > 40 { break }
            }
        }
        var points: [(Int64, Outcome)] = []
        for u in probes.sorted() {
            guard let o = outcome(facts(u)) else { break }
            points.append((u, o))
        }
        var items: [RecourseItem] = []
        for k in points.indices.dropLast() where points[k].1 != points[k + 1].1 {
            let (a, oa) = points[k]
            let (b, ob) = points[k + 1]
            var left = a, right = b
            if b - a > 1 {
                guard let edge = bisect(from: a, to: b, { search, u in search.outcome(facts(u)) != oa }) else { break }
                right = edge
                left = edge - 1
            }
            guard let ol = outcome(facts(left)), let or = outcome(facts(right)) else { break }
            _ = ob
            for (u, o) in [(left, ol), (right, or)] where reaches(o) {
                let change = RecourseItem.Change(slot: slot, from: nil, to: RecourseSearch.value(units: u, steps: s))
                if !items.contains(where: { $0.changes == [change] }) {
                    items.append(item([change], o))
                }
            }
            if items.count >= 4 { break }
        }
        return items
    }
}
