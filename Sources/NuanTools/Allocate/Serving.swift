/// The state of one pass down the priority order: which awards are paid from which fund and
/// what each fund has left. A household is taken when its awards fit — directly into room
/// already free (the common case, O(F) per award), or else by `FundingSolver` re-assigning
/// every award taken so far, which may move earlier households to another allowed fund.
struct Serving {
    typealias Item = FundingSolver.Item

    let capacity: [Int64]
    private(set) var items: [Item] = []
    /// The household (its place in the plan) each item belongs to.
    private(set) var owner: [Int] = []
    private(set) var fund: [Int] = []
    private(set) var room: [Int64]
    private(set) var gaveUp = 0

    init(capacity: [Int64]) {
        self.capacity = capacity
        room = capacity
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
            return true
        }
        switch FundingSolver.solve(items + new, capacity: capacity) {
        case .feasible(let assignment):
            items += new
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

    /// The least extra money in fund `f` (whole fen) with which everything taken so far plus
    /// `new` fits, or nil when no amount in `f` alone would do. Binary search over the amount:
    /// feasibility only grows with a budget. The upper end — every item `f` may pay, all in
    /// `f` — is enough whenever any amount is.
    func need(_ new: [Item], in f: Int) -> Int64? {
        let all = items + new
        let hi0 = all.filter { $0.allowed.contains(f) }.reduce(Int64(0)) { $0 + $1.amount }
        func fits(_ x: Int64) -> Bool {
            var cap = capacity
            cap[f] += x
            if case .feasible = FundingSolver.solve(all, capacity: cap) { return true }
            return false
        }
        guard hi0 > 0, fits(hi0) else { return nil }
        var (lo, hi) = (Int64(0), hi0)
        if fits(0) { return 0 }
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if fits(mid) { hi = mid } else { lo = mid }
        }
        return hi
    }
}
