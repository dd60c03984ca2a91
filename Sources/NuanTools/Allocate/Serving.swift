/// The state of one pass down the priority order: which awards are paid from which fund and
/// what each fund has left. A household is taken when its awards fit — directly into room
/// already free (the common case, O(F) per award), or else by `FundingSolver` re-assigning
/// every award taken so far, which may move earlier households to another allowed fund.
struct Serving {
    typealias Item = FundingSolver.Item

    private(set) var capacity: [Int64]
    private(set) var items: [Item] = []
    /// The household (its place in the plan) each item belongs to.
    private(set) var owner: [Int] = []
    private(set) var fund: [Int] = []
    private(set) var room: [Int64]
    private(set) var gaveUp = 0
    /// The amounts taken, summed by allowed-fund set (bit mask): Hall's condition needs only these.
    private(set) var demand: [Int: Int64] = [:]
    /// Per fund, the gcd of the amounts taken it may pay (`FundingSolver.usable`).
    private(set) var gcdAt: [Int64]

    init(capacity: [Int64]) {
        self.capacity = capacity
        room = capacity
        gcdAt = Array(repeating: 0, count: capacity.count)
    }

    /// The same state with `x` fen more in fund `f` (a re-run asking what more money would do).
    mutating func raise(_ f: Int, by x: Int64) {
        capacity[f] += x
        room[f] += x
    }

    /// Takes household `p` with awards `new` when some assignment of everything taken so far
    /// plus `new` fits the budgets.
    mutating func take(_ p: Int, _ new: [Item]) -> Bool {
        var r = room
        var placed: [Int] = []
        for it in new {
            guard let f = it.allowed.first(where: { r[$0] >= it.amount }) else { break }
            r[f] -= it.amount
            placed.append(f)
        }
        if placed.count == new.count {
            items += new
            owner += Array(repeating: p, count: new.count)
            fund += placed
            room = r
            add(new, to: &demand)
            gcdAt = FundingSolver.gcds(new, funds: capacity.count, into: gcdAt)
            return true
        }
        // Hall's condition on the sums alone settles most refusals without touching the items.
        var d = demand
        add(new, to: &d)
        let g = FundingSolver.gcds(new, funds: capacity.count, into: gcdAt)
        guard FundingSolver.hall(d, FundingSolver.usable(capacity, gcds: g)) else { return false }
        switch FundingSolver.solve(items + new, capacity: capacity) {
        case .feasible(let assignment):
            items += new
            demand = d
            gcdAt = g
            owner += Array(repeating: p, count: new.count)
            fund = assignment
            room = capacity
            for (i, f) in fund.enumerated() { room[f] -= items[i].amount }
            return true
        case .gaveUp:
            gaveUp += 1
            return false
        case .infeasible:
            return false
        }
    }

    func add(_ new: [Item], to d: inout [Int: Int64]) {
        for it in new { d[it.allowed.reduce(0) { $0 | (1 << $1) }, default: 0] += it.amount }
    }

    /// The least extra money in fund `f` (whole fen) with which everything taken so far plus
    /// `new` fits, or nil when no amount in `f` alone would do. Hall's condition gives the
    /// least amount for divisible money at once — the largest shortfall over the sets of funds
    /// that include `f` (nil when a set without `f` falls short) — and it is a lower bound;
    /// when whole awards do not fit there, the amount is searched upward (doubling, then
    /// halving: feasibility only grows with a budget) up to every item `f` may pay, all in `f`.
    func need(_ new: [Item], in f: Int) -> Int64? {
        var d = demand
        add(new, to: &d)
        let funds = capacity.count
        guard funds < 20 else { return nil }
        // other funds at what they can use; `f` as it is (the extra may round it up)
        var usable = FundingSolver.usable(capacity, gcds: FundingSolver.gcds(new, funds: funds, into: gcdAt))
        usable[f] = capacity[f]
        var lower: Int64 = 0
        for t in 1..<(1 << funds) {
            var cap: Int64 = 0
            for j in 0..<funds where t & (1 << j) != 0 { cap += usable[j] }
            var sum: Int64 = 0
            for (m, x) in d where m & ~t == 0 { sum += x }
            guard sum > cap else { continue }
            if t & (1 << f) == 0 { return nil }
            lower = max(lower, sum - cap)
        }
        let all = items + new
        func fits(_ x: Int64) -> Bool {
            var cap = capacity
            cap[f] += x
            if case .feasible = FundingSolver.solve(all, capacity: cap) { return true }
            return false
        }
        if fits(lower) { return lower }
        let top = all.filter { $0.allowed.contains(f) }.reduce(Int64(0)) { $0 + $1.amount }
        guard top > lower, fits(top) else { return nil }
        var (lo, hi) = (lower, top)
        var step: Int64 = 1
        while lo + step < hi {
            if fits(lo + step) { hi = lo + step; break }
            lo += step
            step *= 2
        }
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if fits(mid) { hi = mid } else { lo = mid }
        }
        return hi
    }
}
