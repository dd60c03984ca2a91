import NuanSupport
import NuanSyntax
/// What `nuan prove` (NuanTools/Prove) needs of the relevance machinery to partition a
/// program's input space: a decision with some inputs *open* (unknown, `已知`/`已填` over them
/// unknown too, so a part that comes out settled is the same for every answer to them), the
/// open inputs the undecided parts wait on, and an input's representative values (both sides
/// of every threshold, found by bisection with the other inputs as they stand).
///
/// Adds nothing to the evaluator's behaviour for real records: `openInputs` is empty there.
extension Relevance {
    /// The result of one decision with open inputs.
    package struct OpenDecision {
        package var decision: Decision
        /// Per benefit group: the open inputs its undecided benefits (under the hit policy) and
        /// the recipient groups its granted awards' funds need wait on; empty = settled.
        package var groupWaiting: [InputSet]
        /// Per benefit group: what to settle first — for a `首个` group, what the truth of its
        /// first undecided benefit waits on (else its amount); the later benefits matter only
        /// where it does not apply. Empty: no preference (`groupWaiting`).
        package var groupPreferred: [InputSet]
        /// Open inputs the category waits on.
        package var categoryWaiting: InputSet
        /// Open inputs a validity rule still waits on.
        package var validityWaiting: InputSet
        /// A guard (the 辖区, a validity rule) rejected the record whatever the open inputs are.
        package var guardFailed: Bool
        /// Per benefit (flat, program order): whether its recipient and condition held.
        package var applies: [Truth]
        /// Per recipient group: its value for this record (.bool, or unknown).
        package var groups: [Value]
        /// Whether the application date could still pick another table row.
        package var dateLive: Bool
    }

    /// Decides `facts` with `open` unknown. Fields in `open` must hold `.unknown`.
    ///
    /// `score`: whether the decision computes the priority score — nothing of an open decision
    /// but its `decision` shows it, and `nuan prove` reads none of it (with inputs open only).
    ///
    /// `groups`, `category`: with inputs open, decide only these benefit groups (nil: every
    /// one) and whether the category; what is left out is empty in the result (no benefit of a
    /// group left out applies or waits, the category waits on nothing).
    package mutating func openDecide(_ facts: Facts, open: InputSet, score: Bool = true, groups: [Bool]? = nil,
                                     category: Bool = true) -> OpenDecision {
        evaluator.openInputs = open
        evaluator.decidesScore = score || open.isEmpty
        evaluator.groupsDecided = open.isEmpty ? nil : groups
        evaluator.decidesCategory = category || open.isEmpty
        defer {
            evaluator.decidesScore = true
            evaluator.groupsDecided = nil
            evaluator.decidesCategory = true
        }
        let d = evaluator.decide(facts)
        let failed = evaluator.guardFailed
        var groups: [Value] = []
        for g in program.groups.indices { groups.append(evaluator.group(g)) }
        var groupWaiting: [InputSet] = []
        var groupPreferred: [InputSet] = []
        for group in evaluator.plan.benefitGroups {
            var m = InputSet.empty
            var first = InputSet.empty
            if !failed {
                for k in group.start..<(group.start + group.count) {
                    let o = evaluator.outcomes[k]
                    if group.policy == .first && o.certain { break }
                    guard o.open else { continue }
                    if evaluator.truthStuck(k) {
                        if group.policy == .first { break }
                        continue
                    }
                    m = m.union(o.missing)
                    if group.policy == .first && first.isEmpty {
                        first = (o.truth == .unknown ? o.truthMissing : o.missing).intersection(open)
                    }
                }
            }
            groupWaiting.append(m.intersection(open))
            groupPreferred.append(first)
        }
        if !failed {
            // 专款专用: a granted award's fund must be able to pay the recipient; while no group
            // the fund may pay is known to hold, the open inputs of those groups matter too.
            for a in d.awards where a.benefitIndex >= 0 {
                let b = program.benefits[a.benefitIndex]
                guard let gi = evaluator.plan.benefitGroups.firstIndex(where: { a.benefitIndex >= $0.start && a.benefitIndex < $0.start + $0.count }) else { continue }
                for f in b.funds {
                    guard let pays = program.funds[f].mayPay else { continue }
                    if pays.contains(where: { groups[$0] == .bool(true) }) { continue }
                    for g in pays { groupWaiting[gi] = groupWaiting[gi].union(groups[g].missing.intersection(open)) }
                }
            }
        }
        let categoryWaiting = failed || !evaluator.decidesCategory ? InputSet.empty : evaluator.category().missing.intersection(open)
        let validityWaiting = failed ? InputSet.empty : evaluator.validityWaitingOn().intersection(open)
        let applies = evaluator.outcomes.map(\.truth)
        let state = State(facts: facts, open: open)
        let live = program.applicationDateField.map { open.contains($0) } == true && datedRowsLive(state)
        evaluator.openInputs = .empty
        return OpenDecision(decision: d, groupWaiting: groupWaiting, groupPreferred: groupPreferred, categoryWaiting: categoryWaiting,
                            validityWaiting: validityWaiting, guardFailed: failed, applies: applies, groups: groups, dateLive: live)
    }

    /// A compiled evaluator over this program, for `decideWhole` (one per thread).
    package func compiledEvaluator() -> CompiledEvaluator { CompiledEvaluator(evaluator) }

    /// What `openDecide(facts, open: .empty)` gives of a whole record — its decision, per
    /// benefit whether it applied, per recipient group its value — with the decision made by
    /// `compiled` (from `compiledEvaluator()`; the interpreter decides where it stops).
    package mutating func decideWhole(_ facts: Facts, using compiled: inout CompiledEvaluator) -> (decision: Decision, applies: [Truth], groups: [Value]) {
        evaluator.openInputs = .empty
        let d = compiled.decide(facts, using: &evaluator)
        var groups: [Value] = []
        for g in program.groups.indices { groups.append(compiled.group(g, using: &evaluator)) }
        return (d, evaluator.outcomes.map(\.truth), groups)
    }

    /// The representative values of `slot` (nil = not given) with the other fields as in
    /// `facts` and `open` unknown: every option, both ends of a number's range and both sides
    /// of every threshold a comparison reading it flips at.
    /// `only`: per node, whether its comparison counts (nil: every comparison).
    package mutating func representatives(_ slot: Int, facts: Facts, open: InputSet, comparisons only: [Bool]? = nil) -> [Value?] {
        let r = candidates(slot, State(facts: facts, open: open), comparisons: only)
        evaluator.openInputs = .empty
        return r
    }

    /// The order in which to assign open fields: choices first, then whole numbers, then amounts.
    package var partitionOrder: [Int] { branchOrder }

    /// Fields some rule reads (directly, through a table key or a dated row).
    package var fieldsRead: InputSet { read }
}
