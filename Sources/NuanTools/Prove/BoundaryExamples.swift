import NuanSupport
import NuanSyntax
import NuanProgram
/// The boundary examples of a partition, as `例子` that `nuan test` keeps: wherever, all else
/// equal, a different value of one input changes the decision.
///
/// The partition is a tree: at each branch point one input is given each of its representative
/// values in turn. Neighbouring branches (amounts in order, options and flags in the order
/// tried, "not given" first) are compared record by record where the rest of the path is the
/// same, and, since neighbours often read different inputs below, by swapping the value into a
/// few records of the other branch and deciding again. Each change of decision at each step of
/// an input gives both records once; at a threshold between two leaves one fen (or one member)
/// apart, also the records one fen further on each side. Then each option of a pinned record is
/// replaced by every other option its part's rules treat alike. So every threshold, option,
/// flag and 已填 test that decides something is pinned, with the amounts and funds it gives.
/// Examples are taken round robin over the inputs, the leaf boundaries first, up to `cap`.
enum BoundaryExamples {
    /// At most this many examples per file.
    static let cap = 1200
    /// Records of a branch (one per decision) swapped into its neighbour at each branch point.
    static let perBranch = 6

    static func outcome(_ d: Decision) -> String {
        let a = d.awards.map { "\($0.benefit)=\($0.amount?.formatted() ?? "-")@\($0.fund ?? "-")" }
        let score = d.score.map { $0.formatted(places: 2) } ?? "-"
        return "\(d.status.rawValue)|\(d.category)|\(d.totalAmount.formatted())|\(score)|\(a.joined(separator: ","))"
    }

    /// One branch point being walked: the input it branches on, its depth, and per value tried
    /// the index of the branch's first cell (a branch's cells are contiguous: depth first).
    private struct Frame {
        var slot: Int
        var depth: Int
        var branches: [(value: Value?, start: Int)]
    }

    /// A record to write, the input it pins, and whether it sits at a leaf's threshold.
    private struct Pick {
        var facts: Facts
        var decision: Decision
        var slot: Int
        var leaf: Bool
    }

    private static func key(_ v: Value?) -> ValueKey { v.map { ValueKey($0, given: true) } ?? .open }

    static func collect(_ partition: inout Partition) -> [String] {
        let program = partition.program
        let cells = partition.cells
        let outcomes = cells.map { outcome($0.decision) }
        var picks: [Int: [Pick]] = [:]   // per input slot
        var slotOrder: [Int] = []
        var seen: Set<[ValueKey]> = []
        var transitions: Set<String> = []
        // Per slot, every record that pins it (before dedup), with its decision and part.
        var pinned: [Int: [(facts: Facts, decision: Decision, leaf: Bool, part: Partition.Part)]] = [:]
        var part = Partition.Part.validity
        func add(_ f: Facts, _ d: Decision, _ slot: Int, leaf: Bool) {
            pinned[slot, default: []].append((f, d, leaf, part))
            guard seen.insert(f.values.enumerated().map { ValueKey($1, given: f.given[$0]) }).inserted else { return }
            if picks[slot] == nil { slotOrder.append(slot) }
            picks[slot, default: []].append(Pick(facts: f, decision: d, slot: slot, leaf: leaf))
        }
        /// The rest of a cell's path below `depth`, hashed.
        func suffix(_ c: Int, _ depth: Int) -> Int {
            var h = Hasher()
            for e in cells[c].path.dropFirst(depth + 1) { h.combine(e.slot); h.combine(key(e.value)) }
            return h.finalize()
        }
        func sameSuffix(_ a: Int, _ b: Int, _ depth: Int) -> Bool {
            let (x, y) = (cells[a].path.dropFirst(depth + 1), cells[b].path.dropFirst(depth + 1))
            return x.count == y.count && zip(x, y).allSatisfy { $0.slot == $1.slot && key($0.value) == key($1.value) }
        }
        // A branch point is complete: compare neighbouring branches cell by cell, where the rest of
        // the path is the same (all else equal), and keep each distinct change of decision once.
        func finish(_ frame: Frame, end: Int) {
            guard frame.branches.count > 1 else { return }
            part = cells[frame.branches[0].start].part
            let field = program.fields[frame.slot]
            let numeric = field.type == .money || field.type == .number
            var bs = frame.branches.enumerated().map { k, b in
                (value: b.value, range: b.start..<(k + 1 < frame.branches.count ? frame.branches[k + 1].start : end))
            }
            if numeric {
                // Not given first, then the amounts in order.
                bs.sort { a, b in
                    switch (a.value, b.value) {
                    case (nil, _): return b.value != nil
                    case (_, nil): return false
                    case (.number(let x)?, .number(let y)?): return x < y
                    default: return false
                    }
                }
            }
            let unit = (field.base == .integer ? Rational(1, 1) : Rational(1, 100)) ?? .one
            for k in bs.indices.dropFirst() {
                var lower: [Int: [Int]] = [:]
                for c in bs[k - 1].range { lower[suffix(c, frame.depth), default: []].append(c) }
                for c in bs[k].range {
                    guard let l = lower[suffix(c, frame.depth)]?.first(where: { sameSuffix($0, c, frame.depth) }) else { continue }
                    let (lo, hi) = (cells[l], cells[c])
                    let (a, b) = (outcomes[l], outcomes[c])
                    guard a != b else { continue }
                    let leaf = lo.path.count == frame.depth + 1
                    // Each change of decision at this value step once (the first, in partition order).
                    let step = "\(frame.slot)|\(String(describing: bs[k - 1].value))|\(String(describing: bs[k].value))|\(a)|\(b)"
                    guard transitions.insert(step).inserted else { continue }
                    if numeric, leaf, case .number(let x)? = bs[k - 1].value, case .number(let y)? = bs[k].value,
                       y.subtracting(x) == unit {
                        if let below = x.subtracting(unit), below >= (field.atLeast ?? .zero) {
                            var f = lo.facts
                            f.values[frame.slot] = .number(below)
                            add(f, partition.decide(f), frame.slot, leaf: true)
                        }
                        add(lo.facts, lo.decision, frame.slot, leaf: true)
                        add(hi.facts, hi.decision, frame.slot, leaf: true)
                        if let above = y.adding(unit) {
                            var f = hi.facts
                            f.values[frame.slot] = .number(above)
                            add(f, partition.decide(f), frame.slot, leaf: true)
                        }
                    } else {
                        add(lo.facts, lo.decision, frame.slot, leaf: leaf)
                        add(hi.facts, hi.decision, frame.slot, leaf: leaf)
                    }
                }
                // Neighbouring branches often read different inputs below (a benefit that needs
                // no income on one side, an income test on the other), so few cells match. Then
                // the value is swapped into a record of the other branch, one per decision seen
                // there, and the record decided again: exactly one input differs.
                for (from, to) in [(k, k - 1), (k - 1, k)] {
                    var shown: Set<String> = []
                    for c in bs[from].range where shown.count < perBranch {
                        guard shown.insert(outcomes[c]).inserted else { continue }
                        var f = cells[c].facts
                        f.values[frame.slot] = bs[to].value ?? field.defaultValue ?? .unknown(InputSet(slot: frame.slot))
                        f.given[frame.slot] = bs[to].value != nil
                        let d = partition.decide(f)
                        let o = outcome(d)
                        guard o != outcomes[c] else { continue }
                        let step = "\(frame.slot)|\(String(describing: bs[to].value))|\(String(describing: bs[from].value))|\(o)|\(outcomes[c])"
                        guard transitions.insert(step).inserted else { continue }
                        add(f, d, frame.slot, leaf: false)
                        add(cells[c].facts, cells[c].decision, frame.slot, leaf: false)
                    }
                }
            }
        }
        // Walk the cells in the order the partition made them (depth first): where a cell's path
        // first differs from the previous cell's, a new branch of that branch point begins.
        var stack: [Frame] = []   // stack[d]: the branch point at depth d of the current path
        var previousPart: Int? = nil
        for (i, c) in cells.enumerated() {
            var d = 0
            if previousPart == c.part.index, i > 0 {
                let p = cells[i - 1].path
                while d < c.path.count, d < p.count, c.path[d].slot == p[d].slot, key(c.path[d].value) == key(p[d].value) { d += 1 }
            }
            let sameTree = previousPart == c.part.index && d < c.path.count && stack.count > d
            // Branch points deeper than the divergence are complete.
            while stack.count > (sameTree ? d + 1 : 0) { finish(stack.removeLast(), end: i) }
            if sameTree { stack[d].branches.append((c.path[d].value, i)) }
            for e in stack.count..<c.path.count {
                stack.append(Frame(slot: c.path[e].slot, depth: e, branches: [(c.path[e].value, i)]))
            }
            previousPart = c.part.index
        }
        while let f = stack.popLast() { finish(f, end: cells.count) }
        // Options a part's rules treat alike stand for each other in its partition; a change that
        // tells them apart (an option dropped from a list) shows only on a record that names the
        // others. So each option of a pinned record is also replaced by every other member of its
        // class, once per replacement and decision.
        var classCache: [String: [[Int]]] = [:]
        var tried: Set<String> = []
        for slot in slotOrder {
            let n: Int
            switch program.fields[slot].type {
            case .choice(let e), .list(let e): n = min(program.enums[e].codes.count, 63)
            default: continue
            }
            for pin in pinned[slot] ?? [] where pin.facts.given[slot] {
                let key = "\(pin.part.index)|\(slot)"
                if classCache[key] == nil {
                    let t = ProgramTests(program, roots: ProgramTests.roots(program, pin.part))
                    classCache[key] = t.opaque.contains(slot) ? [] : OptionClasses.classes(n, t.masks[slot] ?? [])
                }
                let v = pin.facts.values[slot]
                func has(_ o: Int) -> Bool {
                    switch v {
                    case .choice(let c): return Int(c) == o
                    case .set(let m): return m & (1 << UInt64(o)) != 0
                    default: return false
                    }
                }
                part = pin.part
                for cls in classCache[key]! where cls.count > 1 {
                    for o in cls where has(o) {
                        for m in cls where m != o && !has(m) {
                            guard tried.insert("\(slot)|\(o)|\(m)|\(outcome(pin.decision))").inserted else { continue }
                            var f = pin.facts
                            switch v {
                            case .choice: f.values[slot] = .choice(Int32(m))
                            case .set(let mask): f.values[slot] = .set(mask & ~(1 << UInt64(o)) | (1 << UInt64(m)))
                            default: continue
                            }
                            add(f, partition.decide(f), slot, leaf: pin.leaf)
                        }
                    }
                }
            }
        }

        // Round robin over the inputs: leaf boundaries first, then the other branch points.
        var chosen: [Pick] = []
        for leafPass in [true, false] {
            var queues = slotOrder.map { s in picks[s]!.filter { $0.leaf == leafPass } }
            var k = 0
            while chosen.count < cap, queues.contains(where: { k < $0.count }) {
                for q in queues.indices where k < queues[q].count && chosen.count < cap { chosen.append(queues[q][k]) }
                k += 1
            }
            queues.removeAll()
        }
        return chosen.enumerated().map { n, r in
            let field = program.fields[r.slot]
            let shown = r.facts.given[r.slot] ? ExampleText.literal(r.facts.values[r.slot], field, program) : "（未填）"
            let title = "边界 \(n + 1)：\(field.display) = \(shown)"
            return ExampleText.render(title: title, citation: "nuan prove --emit-examples", facts: r.facts, decision: r.decision, program: program)
        }
    }
}
