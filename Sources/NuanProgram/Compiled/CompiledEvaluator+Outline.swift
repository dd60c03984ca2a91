import NuanSupport
import NuanSyntax
/// What a decision comes to, without building it: whether the record is invalid, its
/// category, and the money one benefit group pays. `nuan prove`'s sweeps compare only these
/// at each point, and building the whole decision (awards, missing, warnings) was most of a
/// point's cost.
package struct DecisionOutline: Equatable {
    package var invalid: Bool
    /// The category code's index (the category enum), nil for undetermined.
    package var category: Int32?
    /// The money the asked-for benefit group pays (待定 counts 0; 0 when invalid).
    package var groupAmount: Rational
    /// Whether a benefit of that group is still open (the decision's `pending`): its money is
    /// not settled.
    package var groupPending = false
}

/// What of a decision an outline decides: which benefit groups, and whether the category and
/// the score. Leaving a group out is exact only where it can neither fail (an arithmetic error
/// makes the record invalid) nor clash (a `唯一` group): the caller knows (`nuan prove`'s
/// `ArithmeticBounds`); the total then cannot fail either.
package struct OutlineScope: Sendable {
    package var groups: [Bool]
    package var category: Bool
    package var score: Bool

    package init(groups: [Bool], category: Bool, score: Bool) {
        self.groups = groups
        self.category = category
        self.score = score
    }
}

extension CompiledEvaluator {
    /// `decide(f)`'s status, category and group `group`'s money, exactly (`outline(d)` of the
    /// decision `decide` makes), or nil where the compiled path stops — the caller then
    /// decides the record in full. The same steps as `decideCompiled`, then `assemble`'s rules
    /// for the status (an error of a guard, a validity rule, a 唯一 clash, a total that does
    /// not fit) without making the awards.
    /// `scope`: only what it names is decided (nil: everything); the category is then nil
    /// where it is left out.
    package mutating func outline(_ f: Facts, using ev: inout Evaluator, group: Int?, scope: OutlineScope? = nil) -> DecisionOutline? {
        guard ev.openInputs.isEmpty else { return nil }
        ev.begin(f, tracing: false)
        ev.language = .chinese
        ev.scoreFailure = nil
        if !ev.failures.isEmpty { ev.failures.removeAll(keepingCapacity: true) }
        guard load(f) else { return nil }
        var guards = Decision(id: "", status: .ineligible, category: "none", awards: [], totalAmount: .zero, score: nil,
                              missing: [], errors: [], explanation: [], pending: [])
        ev.checkJurisdiction(&guards, language: .chinese)
        var invalid = !guards.errors.isEmpty
        for k in 0..<layout.validityCount {
            guard let v = value(block: layout.validity + k, &ev) else { return nil }
            if v.isBool(true) { invalid = true }
        }
        ev.guardFailed = invalid
        for (gi, g) in plan.benefitGroups.enumerated() where scope?.groups[gi] != false {
            for i in g.start..<(g.start + g.count) {
                guard let o = benefitOutcome(i, &ev) else { return nil }
                if o.failure >= 0 { return nil }
                ev.outcomes[i] = o
            }
        }
        var category: Register?
        if scope?.category != false {
            guard let c = self.category(&ev) else { return nil }
            category = c
        }
        if hasScore && scope?.score != false {
            guard computeScore(&ev) != nil else { return nil }
        }
        var total = Rational.zero
        var amount = Rational.zero
        var clash: [RecordError] = []
        var pending = false
        for (gi, g) in plan.benefitGroups.enumerated() where scope?.groups[gi] != false {
            let (granted, open) = ev.applyHitPolicy(g, group: gi, errors: &clash)
            if gi == group, !open.isEmpty { pending = true }
            for k in g.start..<(g.start + g.count) where granted.contains(k - g.start) && !ev.outcomes[k].withheld {
                guard let a = ev.outcomes[k].amount else { continue }
                guard let t = total.adding(a) else { return nil }
                total = t
                if gi == group {
                    guard let s = amount.adding(a) else { return nil }
                    amount = s
                }
            }
        }
        if !clash.isEmpty { invalid = true }
        var code: Int32?
        if let category, !ev.guardFailed, !category.unknown { code = Int32(category.x) }
        return DecisionOutline(invalid: invalid, category: code, groupAmount: invalid ? .zero : amount, groupPending: pending)
    }
}
