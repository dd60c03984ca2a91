import NuanSupport
import NuanSyntax
import NuanProgram
/// One part's walk spread over the cores: the first levels of its tree are walked here, and
/// the subtrees below them are walked at once, each by a copy of the partition, their cells
/// put back in the order one walk meets them. The cells, the decisions counted and the
/// branching counts are then exactly those of one walk (`ProveFastPathTests`), so the report
/// does not depend on the number of cores.
///
/// Only inside a part run with the shared budget (`Partition.run`'s parallel path): the
/// subtrees draw together on what the part may still decide, and a part whose subtrees stop
/// early (the file is then too large) is walked again in order, counting only, so that it stops
/// where one walk stops.
extension Partition {
    /// How deep the first levels go before the subtrees are handed out.
    static let splitDepth = 3

    /// A node of the first levels: a cell met there, or a subtree still to walk.
    enum Frontier {
        case cell(Cell)
        case subtree(Facts, InputSet, [(slot: Int, value: Value?)])
    }

    /// Whether `runPart` spreads this walk over the cores.
    var splits: Bool { budget != nil && !reference && !countOnly && ProveParallel.workers > 1 }

    /// `explore(part, facts, open, [])`, its subtrees below `splitDepth` walked at once.
    mutating func exploreSplit(_ part: Part, _ facts: Facts, _ open: InputSet) throws(Overflow) {
        let (c0, e0, f0, t0) = (cells.count, evaluations, fanout, tooLargeFields)
        do {
            try exploreSplitOnce(part, facts, open)
        } catch {
            // Over the limit somewhere below — the file is too large (the subtrees stop only when
            // the part passes its cap or the limit, or the parts together pass the limit). Walk the
            // part again in order here, counting only, so that it stops where a walk in order stops
            // once the parts before it have finished (`SharedBudget`'s cap): the too-large report
            // is then made here, not by walking the part again in `run`.
            guard cap != nil || budget?.knowsCap(partIndex) == true else { throw error }
            cells.removeSubrange(c0...)
            (evaluations, fanout, tooLargeFields) = (e0, f0, t0)
            countOnly = true
            try explore(part, facts, open, [])
        }
    }

    private mutating func exploreSplitOnce(_ part: Part, _ facts: Facts, _ open: InputSet) throws(Overflow) {
        frontier = []
        do {
            try explore(part, facts, open, [])
        } catch {
            frontier = nil
            throw error
        }
        let items = frontier ?? []
        frontier = nil
        var template = self
        template.cells = []
        template.evaluations = 0
        template.fanout = [:]
        template.compiled = nil
        template.traceText = ""
        // The subtrees draw together on what the part may still decide (a walk in order stops
        // the part at its cap, or at the limit), so a part too large stops them soon; what they
        // decided is then taken from the shared budget, for the parts still running.
        let allowance = (cap ?? limit) - evaluations
        guard allowance > 0 else {
            cap = nil
            throw Overflow(fanout: [], evaluations: evaluations)
        }
        template.budget = SharedBudget(limit: allowance, parts: 1)
        template.partIndex = -1
        template.cap = nil
        template.budgetTaken = 0
        let subtrees = items.indices.filter { if case .subtree = items[$0] { return true } else { return false } }
        typealias Walk = (cells: [Cell], evaluations: Int, fanout: [Int: Int], tooLarge: Set<Int>, complete: Bool)
        let walks = ProveParallel.map(subtrees.count) { k -> Walk in
            var sub = template
            guard case .subtree(let f, let o, let path) = items[subtrees[k]] else { return ([], 0, [:], [], true) }
            do {
                try sub.explore(part, f, o, path)
                return (sub.cells, sub.evaluations, sub.fanout, sub.tooLargeFields, true)
            } catch {
                return ([], sub.evaluations, sub.fanout, sub.tooLargeFields, false)
            }
        }
        var next = 0
        var complete = true
        let decided = walks.reduce(0) { $0 + $1.evaluations }
        if let b = budget, case .stop = b.take(decided, part: -1) { complete = false }
        for item in items {
            switch item {
            case .cell(let c):
                cells.append(c)
            case .subtree:
                let w = walks[next]
                next += 1
                cells += w.cells
                evaluations += w.evaluations
                for (slot, n) in w.fanout { fanout[slot, default: 0] += n }
                tooLargeFields.formUnion(w.tooLarge)
                complete = complete && w.complete
            }
        }
        if !complete || evaluations > limit {
            // Not where a walk in order stops: `run` walks the part again in order.
            cap = nil
            throw Overflow(fanout: fanout.sorted { $0.value > $1.value }.map { ($0.key, $0.value) }, evaluations: evaluations)
        }
    }
}
