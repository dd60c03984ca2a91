/// Whether a set of indivisible awards can be paid from budgeted funds, and how.
///
/// Each item is one award: a whole number of fen and the funds that may lawfully pay it (by
/// index, in the order the rules prefer). An assignment puts every item in exactly one of its
/// allowed funds so that no fund pays more than its capacity. Because an award cannot be split
/// between funds this is a bin-packing problem with eligibility sets (NP-hard in general), so
/// the solver answers exactly by search, in three steps, cheapest first:
///
/// 1. **Hall's condition** (the max-flow / min-cut bound of the divisible relaxation): for
///    every set T of funds, the items that may only be paid from T must fit in T's capacity.
///    With F funds that is 2^F sums over the distinct allowed-sets; it proves most
///    infeasibilities (a budget simply spent) at once. Cost O(2^F · M), M distinct sets.
///    Each capacity is first rounded down to a multiple of the greatest common divisor of the
///    amounts that fund may pay (`usable`), which keeps every assignment and makes the bound
///    nearly exact when amounts are multiples of one another (1000 and 2000 元).
/// 2. **Exact search** over *classes* of identical items (same amount, same allowed set):
///    how many items of each class each fund pays, largest amounts first, with memoised
///    failed states (capacities left after a class) and the same Hall bound on what remains.
///    Items of one class are interchangeable, so a whole archive of 1000-元 awards is one
///    class whichever household they belong to. Cost: exponential in the number of classes
///    and funds in the worst case, bounded by `nodeLimit` visited states; within that limit
///    the answer is exact (a `nil` then means no assignment exists).
/// 3. Callers (`Allocator`) try direct placement into room already free before calling this,
///    so search runs only when earlier households must move to another allowed fund.
package enum FundingSolver {
    package struct Item: Hashable, Sendable {
        package var amount: Int64
        /// Allowed budgeted funds (indices), in the rules' order of preference.
        package var allowed: [Int]
        package init(amount: Int64, allowed: [Int]) {
            self.amount = amount
            self.allowed = allowed
        }
    }

    package enum Answer: Equatable {
        /// A fund for every item, in item order.
        case feasible([Int])
        case infeasible
        /// The search visited `nodeLimit` states without an answer (treated as infeasible and
        /// counted by the allocation, so it is never silent).
        case gaveUp
    }

    /// States visited before giving up; far above what a real archive (a few classes: the
    /// rules' benefits × their amounts) needs, and low enough that a pathological case costs
    /// seconds, not hours. A hit is reported, never hidden.
    package static let nodeLimit = 200_000

    package static func solve(_ items: [Item], capacity capacity0: [Int64], nodeLimit: Int = FundingSolver.nodeLimit) -> Answer {
        let capacity = usable(capacity0, gcds: gcds(items, funds: capacity0.count))
        if !hall(items, capacity) { return .infeasible }
        // Classes of identical items, most constrained (largest, fewest funds) first.
        var classIndex: [Item: Int] = [:]
        var classes: [(item: Item, members: [Int])] = []
        for (i, it) in items.enumerated() {
            if let c = classIndex[it] { classes[c].members.append(i); continue }
            classIndex[it] = classes.count
            classes.append((it, [i]))
        }
        classes.sort { a, b in
            a.item.amount != b.item.amount ? a.item.amount > b.item.amount
                : a.item.allowed.count != b.item.allowed.count ? a.item.allowed.count < b.item.allowed.count
                : a.members[0] < b.members[0]
        }
        var search = Search(classes: classes.map { ($0.item, $0.members.count) }, nodeLimit: nodeLimit)
        var counts: [[Int]] = []
        guard search.run(0, capacity, &counts) == true else { return search.nodes >= nodeLimit ? .gaveUp : .infeasible }
        var fund = [Int](repeating: -1, count: items.count)
        for (c, cls) in classes.enumerated() {
            var k = 0
            for (j, f) in cls.item.allowed.enumerated() {
                for _ in 0..<counts[c][j] { fund[cls.members[k]] = f; k += 1 }
            }
        }
        return .feasible(fund)
    }

    /// Per fund, the greatest common divisor of the amounts it may pay (0: none): whatever a
    /// fund pays is a multiple of it.
    package static func gcds(_ items: [Item], funds: Int, into start: [Int64]? = nil) -> [Int64] {
        var g = start ?? Array(repeating: 0, count: funds)
        for it in items { for f in it.allowed { g[f] = gcd(g[f], it.amount) } }
        return g
    }

    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }

    /// The capacity a fund can actually use: rounded down to a multiple of what it pays
    /// (1000-元 awards cannot use the 500 left in a fund). Exact — no assignment changes — and
    /// it makes Hall's bound far stronger on real archives, where amounts share a divisor.
    package static func usable(_ capacity: [Int64], gcds g: [Int64]) -> [Int64] {
        zip(capacity, g).map { c, d in d > 1 ? c - c % d : c }
    }

    /// Hall's condition over every set of funds (necessary; sufficient for divisible money).
    package static func hall(_ items: [Item], _ capacity: [Int64]) -> Bool {
        var demandByMask: [Int: Int64] = [:]
        for it in items {
            let m = it.allowed.reduce(0) { $0 | (1 << $1) }
            demandByMask[m, default: 0] += it.amount
        }
        return hall(demandByMask, capacity)
    }

    static func hall(_ demandByMask: [Int: Int64], _ capacity: [Int64]) -> Bool {
        let f = capacity.count
        guard f < 20 else { return true }
        for t in 1..<(1 << f) {
            var cap: Int64 = 0
            for j in 0..<f where t & (1 << j) != 0 { cap += capacity[j] }
            var need: Int64 = 0
            for (m, d) in demandByMask where m & ~t == 0 { need += d }
            if need > cap { return false }
        }
        for (m, d) in demandByMask where m == 0 && d > 0 { return false }
        return true
    }

    /// Depth-first search over classes: how many items of class `c` each allowed fund pays.
    struct Search {
        let classes: [(item: Item, count: Int)]
        let nodeLimit: Int
        var nodes = 0
        /// Capacities known to fail from class c on.
        var failed: [Set<[Int64]>]
        /// What classes c… demand, by allowed-fund set: Hall's bound on what is left.
        let rest: [[Int: Int64]]

        init(classes: [(item: Item, count: Int)], nodeLimit: Int) {
            self.classes = classes
            self.nodeLimit = nodeLimit
            failed = Array(repeating: [], count: classes.count + 1)
            var suffix: [[Int: Int64]] = Array(repeating: [:], count: classes.count + 1)
            for k in stride(from: classes.count - 1, through: 0, by: -1) {
                suffix[k] = suffix[k + 1]
                let m = classes[k].item.allowed.reduce(0) { $0 | (1 << $1) }
                suffix[k][m, default: 0] += classes[k].item.amount * Int64(classes[k].count)
            }
            rest = suffix
        }

        mutating func run(_ c: Int, _ cap: [Int64], _ counts: inout [[Int]]) -> Bool? {
            if c == classes.count { return true }
            if failed[c].contains(cap) { return nil }
            nodes += 1
            if nodes >= nodeLimit { return nil }
            if !FundingSolver.hall(rest[c], cap) { failed[c].insert(cap); return nil }
            let cls = classes[c]
            var split = [Int](repeating: 0, count: cls.item.allowed.count)
            var cap2 = cap
            if distribute(c, 0, cls.count, &split, &cap2, &counts) { return true }
            if nodes < nodeLimit { failed[c].insert(cap) }
            return nil
        }

        /// Puts `left` items of class `c` into allowed funds j, j+1, … (as many as fit in each,
        /// trying the most first), then goes on to class c+1.
        mutating func distribute(_ c: Int, _ j: Int, _ left: Int, _ split: inout [Int], _ cap: inout [Int64],
                                 _ counts: inout [[Int]]) -> Bool {
            let cls = classes[c]
            let a = cls.item.amount
            if j == cls.item.allowed.count - 1 {
                let f = cls.item.allowed[j]
                guard Int64(left) * a <= cap[f] else { return false }
                split[j] = left
                cap[f] -= Int64(left) * a
                counts.append(split)
                let ok = run(c + 1, cap, &counts) == true
                cap[f] += Int64(left) * a
                if !ok { counts.removeLast() }
                return ok
            }
            let f = cls.item.allowed[j]
            let most = a == 0 ? left : Int(min(Int64(left), cap[f] / a))
            var x = most
            while x >= 0 {
                split[j] = x
                cap[f] -= Int64(x) * a
                let ok = distribute(c, j + 1, left - x, &split, &cap, &counts)
                cap[f] += Int64(x) * a
                if ok { return true }
                if nodes >= nodeLimit { return false }
                x -= 1
            }
            split[j] = 0
            return false
        }
    }
}
