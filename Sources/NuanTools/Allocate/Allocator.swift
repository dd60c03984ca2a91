import NuanSupport

/// `nuan allocate`: pays eligible households from limited budgets.
///
/// Households are taken in priority order (`AidHousehold.precedes`). Each in turn is served when
/// *some* assignment of its awards and of every award already served fits the budgets — each
/// award from one fund in its `allowed_funds`, whole (`FundingSolver`); earlier households may
/// be moved to another allowed fund to make room, never dropped. A household that cannot be
/// served waits (`waitlisted`) and the pass goes on, so money is never stranded: the served set
/// is the lexicographically first feasible set in priority order — it contains the longest
/// feasible prefix, then the next household that still fits, and so on. The property tests
/// compare it with brute force over every assignment.
///
/// Cost: one feasibility question per household. Direct placement answers most in O(F); the
/// rest go to `FundingSolver` (Hall's bound on running totals, then exact search over classes
/// of identical awards). A waitlisted household also gets the least extra money per fund that
/// reaches it (`Serving.need`: Hall's shortfall, then an upward search), checked — when a
/// household waiting ahead could take that money — by re-running the pass with it.
public enum Allocator {
    public struct Budget: Sendable, Equatable {
        public var fund: String
        public var amount: Rational
        public init(fund: String, amount: Rational) {
            self.fund = fund
            self.amount = amount
        }
    }

    /// Waitlisted households (in priority order) that get the "再增加" amounts; past these the
    /// re-runs would cost more than they tell.
    public static let extrasLimit = 200

    public static func allocate(_ households: [AidHousehold], budgets: [Budget], rules: RulesStamp? = nil,
                                extrasLimit: Int = Allocator.extrasLimit) -> Allocation {
        let funds = budgets.map(\.fund)
        let capacity = budgets.map { Fen.of($0.amount) ?? 0 }
        let plan = Plan(households, funds: funds)
        // Every fund is asked, not only the household's own: more money in a fund it cannot use
        // still reaches it when a household ahead moves there.
        let allFunds = Array(funds.indices)
        let base = pass(plan, capacity: capacity, upTo: plan.rows.count - 1, keep: extrasLimit, needsOf: { _ in allFunds })

        var entries: [Allocation.Entry] = []
        var waitlistedSoFar: [Int] = []
        for (p, row) in plan.rows.enumerated() {
            var entry = Allocation.Entry(rank: p + 1, household: row.household, status: row.statusIfNothing ?? .funded,
                                         payments: [], setAside: row.setAside, reason: nil, extras: [])
            if !row.items.isEmpty {
                if base.served[p] {
                    entry.status = .funded
                } else {
                    entry.status = .waitlisted
                    entry.reason = AllocateMessage.waitlisted(row: row, room: base.roomAtTurn[p] ?? capacity, funds: funds,
                                                              gaveUp: base.gaveUpAt.contains(p))
                    if waitlistedSoFar.count < extrasLimit {
                        entry.extras = extras(p, plan: plan, base: base, capacity: capacity, earlier: waitlistedSoFar)
                            .map { Allocation.Extra(fund: funds[$0.fund], amount: Fen.rational($0.fen)) }
                    }
                    waitlistedSoFar.append(p)
                }
            }
            entries.append(entry)
        }
        // Payments from the final assignment (earlier households may have moved fund).
        var spent = [Int64](repeating: 0, count: funds.count)
        var seen = [Int](repeating: 0, count: plan.rows.count)
        for (i, item) in base.serving.items.enumerated() {
            let p = base.serving.owner[i], f = base.serving.fund[i]
            spent[f] += item.amount
            let k = seen[p]
            seen[p] += 1
            entries[p].payments.append(Allocation.Payment(benefit: plan.rows[p].benefits[k], amount: Fen.rational(item.amount), fund: funds[f]))
        }
        for (p, row) in plan.rows.enumerated() where !base.served[p] {
            entries[p].payments = zip(row.benefits, row.items).map { Allocation.Payment(benefit: $0, amount: Fen.rational($1.amount), fund: "") }
        }
        let uses = budgets.enumerated().map { j, b in Allocation.FundUse(fund: b.fund, budget: b.amount, spent: Fen.rational(spent[j])) }
        return Allocation(entries: entries, funds: uses, searchLimitHits: base.serving.gaveUp, rules: rules)
    }

    /// One pass down the plan (stopping after row `last`); `needsOf(p)` names the funds whose
    /// least extra amount is wanted for a household that cannot be served.
    struct Pass {
        var serving: Serving
        var served: [Bool]
        var roomAtTurn: [Int: [Int64]] = [:]
        var needs: [Int: [Int: Int64]] = [:]
        var gaveUpAt: Set<Int> = []
        /// The state before each of the first `keep` households waitlisted, for re-runs.
        var before: [Int: Serving] = [:]
    }

    static func pass(_ plan: Plan, capacity: [Int64], upTo last: Int, keep: Int = 0, needsOf: (Int) -> [Int]) -> Pass {
        let r = Pass(serving: Serving(capacity: capacity), served: Array(repeating: false, count: plan.rows.count))
        return resume(r, plan, from: 0, upTo: last, keep: keep, needsOf: needsOf)
    }

    /// Goes on with pass `r` from row `start` (every row before it already decided in `r`).
    static func resume(_ r0: Pass, _ plan: Plan, from start: Int, upTo last: Int, keep: Int = 0, needsOf: (Int) -> [Int]) -> Pass {
        var r = r0
        guard last >= start else { return r }
        for p in start...last {
            let items = plan.rows[p].items
            if items.isEmpty { continue }
            let hits = r.serving.gaveUp
            if r.serving.take(p, items) { r.served[p] = true; continue }
            if r.serving.gaveUp > hits { r.gaveUpAt.insert(p) }
            if r.before.count < keep { r.before[p] = r.serving }
            r.roomAtTurn[p] = r.serving.room
            var n: [Int: Int64] = [:]
            for f in needsOf(p) { if let x = r.serving.need(items, in: f) { n[f] = x } }
            r.needs[p] = n
        }
        return r
    }

    /// The extra money per fund that reaches household `p`. The least amount for the served
    /// set ahead of it is exact when no household waiting ahead of it would be reached by that
    /// amount first (then the pass is unchanged up to `p`); otherwise the pass is re-run with
    /// the amount, adding what is still missing, until `p` is served (at most a few rounds).
    /// A re-run starts from the base pass's state before the first waiting household the amount
    /// reaches — everything ahead of it is decided as in the base pass — with the budget raised.
    static func extras(_ p: Int, plan: Plan, base: Pass, capacity: [Int64], earlier: [Int]) -> [(fund: Int, fen: Int64)] {
        var out: [(fund: Int, fen: Int64)] = []
        for (f, first) in (base.needs[p] ?? [:]).sorted(by: { $0.key < $1.key }) {
            var x = first
            if !earlier.contains(where: { q in base.needs[q]?[f].map { $0 <= x } ?? false }) {
                out.append((f, x))
                continue
            }
            for _ in 0..<8 {
                let again: Pass
                if let q = earlier.first(where: { q in base.needs[q]?[f].map { $0 <= x } ?? false }), var state = base.before[q] {
                    state.raise(f, by: x)
                    var start = Pass(serving: state, served: base.served)
                    for k in q..<base.served.count { start.served[k] = false }
                    again = resume(start, plan, from: q, upTo: p, needsOf: { $0 == p ? [f] : [] })
                } else {
                    var cap = capacity
                    cap[f] += x
                    again = pass(plan, capacity: cap, upTo: p, needsOf: { $0 == p ? [f] : [] })
                }
                if again.served[p] { out.append((f, x)); break }
                guard let more = again.needs[p]?[f], more > 0 else { break }
                x += more
            }
        }
        return out
    }
}
