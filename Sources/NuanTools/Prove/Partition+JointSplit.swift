import NuanSupport
import NuanSyntax
import NuanProgram
/// The assertions' joint walk spread over the cores, as `Partition+Split` spreads one part's:
/// its first levels are walked here, the subtrees below them at once, and each part's cells and
/// decisions are put back in the order one walk meets them, so every part gets exactly the
/// cells and counts of the walk in order (`ProveFastPathTests`).
///
/// A walk too large stops as the joint walk in order does: `run` then walks each part again on
/// its own, in order, and reports the space too large where a run in order reports it.
extension Partition {
    /// A node of the joint walk's first levels: a cell of some parts, or a subtree still to walk.
    enum JointFrontier {
        case cell(Cell, members: [Int])
        case subtree(members: [Int], Facts, InputSet, [(slot: Int, value: Value?)])
    }

    /// Whether the joint walk is spread over the cores.
    var splitsJoint: Bool { budget != nil && !reference && !countOnly && ProveParallel.workers > 1 }

    /// `exploreJoint` from the root, its subtrees below `splitDepth` walked at once.
    mutating func exploreJointSplit(_ ps: [Part], _ f: Facts, _ open: InputSet, _ vals: inout [PartitionValues],
                                    _ out: inout [[Cell]], _ counts: inout [Int]) throws(Overflow) {
        jointFrontier = []
        do {
            try exploreJoint(ps, Array(ps.indices), f, open, [], &vals, &out, &counts)
        } catch {
            jointFrontier = nil
            throw error
        }
        let items = jointFrontier ?? []
        jointFrontier = nil
        var template = self
        template.compiled = nil
        template.budgetTaken = 0
        let start = vals
        let subtrees = items.indices.filter { if case .subtree = items[$0] { return true } else { return false } }
        typealias Walk = (out: [[Cell]], counts: [Int], complete: Bool)
        let walks = ProveParallel.map(subtrees.count) { k -> Walk in
            var sub = template
            var v = start
            var o = Array(repeating: [Cell](), count: ps.count)
            var c = Array(repeating: 0, count: ps.count)
            guard case .subtree(let members, let facts, let rest, let path) = items[subtrees[k]] else { return (o, c, true) }
            do {
                try sub.exploreJoint(ps, members, facts, rest, path, &v, &o, &c)
                return (o, c, true)
            } catch {
                return (o, c, false)
            }
        }
        var next = 0
        var complete = true
        for item in items {
            switch item {
            case .cell(let cell, let members):
                for i in members { out[i].append(cell) }
            case .subtree:
                let w = walks[next]
                next += 1
                for i in ps.indices {
                    out[i] += w.out[i]
                    counts[i] += w.counts[i]
                }
                complete = complete && w.complete
            }
        }
        // Over the limit somewhere below (or the parts together past it): too large, as the walk
        // in order finds it.
        if !complete || counts.contains(where: { $0 > limit }) {
            throw Overflow(fanout: [], evaluations: counts.reduce(0, +))
        }
    }
}
