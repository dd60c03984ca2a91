import NuanSupport
import NuanSyntax
import NuanProgram
/// Several parts partitioned in one walk: the assertions' parts follow much the same inputs
/// (the validity rules and the groups that pay), so their trees are mostly one tree. At each
/// node the program is decided once for all of them; each part then waits on what it waits on,
/// and the parts split where they branch on different inputs or values. Each part meets its
/// nodes in the order a walk of its own meets them, so it gets the same cells in the same order,
/// and its decisions are counted as that walk counts them (`ProveFastPathTests`).
extension Partition {
    /// Per part (in `ps`' order): its cells, the decisions its own walk makes, its list fields
    /// too large to enumerate.
    mutating func runJoint(_ ps: [Part], _ f: Facts, _ open: InputSet) throws(Overflow) -> [(cells: [Cell], evaluations: Int, tooLarge: Set<Int>)] {
        var vals = ps.map { PartitionValues(program, part: $0) }
        var out = Array(repeating: [Cell](), count: ps.count)
        var counts = Array(repeating: 0, count: ps.count)
        if splitsJoint {
            try exploreJointSplit(ps, f, open, &vals, &out, &counts)
        } else {
            try exploreJoint(ps, Array(ps.indices), f, open, [], &vals, &out, &counts)
        }
        return ps.indices.map { (out[$0], counts[$0], Set(vals[$0].tooLarge)) }
    }

    /// What the part waits on at a node decided as `od` (as `explore` picks it), nil for a cell.
    /// (`mutating` though it changes nothing: called from the walk, a non-mutating method
    /// copied the whole partition at every node.)
    mutating func next(_ part: Part, _ od: Relevance.OpenDecision, _ values: PartitionValues, _ facts: Facts, _ open: InputSet) -> Int? {
        guard !od.guardFailed else { return nil }
        if let d = values.datePending(facts, open) { return d }
        let waiting: InputSet
        switch part {
        case .group(let g):
            waiting = od.groupWaiting[g]
            // A `首个` group: its first undecided benefit's inputs first, when that keeps the
            // order the representative values need (`PartitionValues.mayAssign`).
            if preferFirstBenefit, let x = values.order.first(where: { od.groupPreferred[g].has($0) }),
               values.mayAssign(x, open: open) {
                return x
            }
        case .category: waiting = od.categoryWaiting
        case .validity: waiting = od.validityWaiting
        case .assertion(let k):
            var w = od.validityWaiting
            for g in program.benefitGroups.indices where part.follows(group: g, program) { w = w.union(od.groupWaiting[g]) }
            for f in program.assertions[k].fields where open.has(f) { w = w.union(InputSet(slot: f)) }
            waiting = w
        }
        return values.order.first { waiting.has($0) }
    }

    mutating func exploreJoint(_ ps: [Part], _ members: [Int], _ facts: Facts, _ open: InputSet, _ path: [(slot: Int, value: Value?)],
                               _ vals: inout [PartitionValues], _ out: inout [[Cell]], _ counts: inout [Int]) throws(Overflow) {
        if jointFrontier != nil, path.count == Partition.splitDepth {
            jointFrontier!.append(.subtree(members: members, facts, open, path))
            return
        }
        for i in members { counts[i] += 1 }
        try charge(members.count)
        if members.contains(where: { counts[$0] > limit }) { throw Overflow(fanout: [], evaluations: counts.reduce(0, +)) }
        let od = relevance.openDecide(facts, open: open, score: openScopes.isEmpty)
        // Parts by the input they branch on next, in the order they first appear.
        var groups: [(slot: Int?, members: [Int])] = []
        for i in members {
            let n = next(ps[i], od, vals[i], facts, open)
            if let k = groups.firstIndex(where: { $0.slot == n }) { groups[k].members.append(i) } else { groups.append((n, [i])) }
        }
        for (slot, ms) in groups {
            guard let slot else {
                let concrete = self.concrete(facts, open)
                for i in ms { counts[i] += 1 }
                try charge(ms.count)
                if compiled == nil { compiled = relevance.compiledEvaluator() }
                let c = relevance.decideWhole(concrete, using: &compiled!)
                for i in ms {
                    let cell = Cell(part: ps[i], facts: concrete, decision: c.decision, applies: c.applies, groups: c.groups, path: path)
                    if jointFrontier != nil { jointFrontier!.append(.cell(cell, members: [i])) } else { out[i].append(cell) }
                }
                continue
            }
            var rest = open
            rest.remove(slot)
            // Parts whose values for the input differ (their option classes) go their own ways.
            var byValues: [(values: [Value?], members: [Int])] = []
            for i in ms {
                let vs = vals[i].values(slot, facts: facts, open: rest, relevance: &relevance)
                if let k = byValues.firstIndex(where: { $0.values == vs }) { byValues[k].members.append(i) } else { byValues.append((vs, [i])) }
            }
            for (vs, sub) in byValues {
                for v in vs {
                    var f = facts
                    f.values[slot] = v ?? program.fields[slot].defaultValue ?? .unknown(InputSet(slot: slot))
                    f.given[slot] = v != nil
                    try exploreJoint(ps, sub, f, rest, path + [(slot, v)], &vals, &out, &counts)
                }
            }
        }
    }

    /// Takes `n` decisions from the shared budget (in batches).
    mutating func charge(_ n: Int) throws(Overflow) {
        guard let b = budget else { return }
        budgetTaken += n
        if budgetTaken >= SharedBudget.batch {
            let taken = budgetTaken
            budgetTaken = 0
            if case .stop = b.take(taken, part: -1) { throw Overflow(fanout: [], evaluations: evaluations) }
        }
    }
}
