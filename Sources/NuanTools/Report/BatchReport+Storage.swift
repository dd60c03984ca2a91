import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// Counters kept so that `add` does no hashing of long strings and no allocation per record:
/// small arrays searched linearly (a report holds a handful of funds, benefits, categories).
extension BatchReport {
    /// Money and counts by key (a fund code or a benefit name), in first-seen order.
    /// Equality ignores the order (blocks merged in a different grouping stay equal).
    public struct Tallies: Sendable, Equatable {
        public private(set) var keys: [String] = []
        public private(set) var values: [MoneyTally] = []
        private var last = 0

        public init() {}

        public subscript(key: String) -> MoneyTally? {
            keys.firstIndex(where: { Self.same($0, key) }).map { values[$0] }
        }

        /// Byte equality: keys are codes and names copied from the rules, so no Unicode
        /// canonical-equivalence comparison (slow for Chinese text) is needed.
        @inline(__always)
        static func same(_ a: String, _ b: String) -> Bool {
            guard a.utf8.count == b.utf8.count else { return false }
            let fast = a.utf8.withContiguousStorageIfAvailable { pa in
                b.utf8.withContiguousStorageIfAvailable { pb in
                    pa.baseAddress == pb.baseAddress || pa.elementsEqual(pb)
                }
            }
            return (fast ?? nil) ?? a.utf8.elementsEqual(b.utf8)
        }

        @inline(__always)
        mutating func slot(_ key: String) -> Int {
            if last < keys.count && Self.same(keys[last], key) { return last }
            if let i = keys.firstIndex(where: { Self.same($0, key) }) { last = i; return i }
            keys.append(key)
            values.append(MoneyTally())
            last = keys.count - 1
            return last
        }

        mutating func add(_ key: String, _ amount: Rational?, _ overflow: inout Bool) {
            add(at: slot(key), amount, &overflow)
        }

        /// `add` for the key at `i`, a slot `slot(key)` gave for this tally (keys are only ever
        /// appended, so a caller may keep it for as long as it adds to the same tally).
        mutating func add(at i: Int, _ amount: Rational?, _ overflow: inout Bool) {
            values[i].awards += 1
            if let amount {
                if let s = values[i].total.adding(amount) { values[i].total = s } else { overflow = true }
            } else {
                values[i].pendingAwards += 1
            }
        }

        mutating func merge(_ other: Tallies, _ overflow: inout Bool) {
            for (k, v) in zip(other.keys, other.values) {
                let i = slot(k)
                values[i].awards += v.awards
                values[i].pendingAwards += v.pendingAwards
                if let s = values[i].total.adding(v.total) { values[i].total = s } else { overflow = true }
            }
        }

        public static func == (a: Tallies, b: Tallies) -> Bool {
            Dictionary(uniqueKeysWithValues: zip(a.keys, a.values)) == Dictionary(uniqueKeysWithValues: zip(b.keys, b.values))
        }
    }

    /// Counts by category: the known codes in fixed slots, any other code in a dictionary.
    public struct CategoryCounts: Sendable, Equatable {
        var known = [Int](repeating: 0, count: BatchReport.knownCategories.count)
        var other: [String: Int] = [:]

        public init() {}

        @inline(__always)
        static func slot(_ c: String) -> Int? {
            switch c {
            case "deep": return 0
            case "relative": return 1
            case "accidental": return 2
            case "none": return 3
            case "undetermined": return 4
            default: return nil
            }
        }

        /// Counts `c`; returns its fixed slot (nil for a code not in `knownCategories`).
        @discardableResult
        mutating func add(_ c: String, _ n: Int = 1) -> Int? {
            let slot = Self.slot(c)
            if let i = slot { known[i] += n } else { other[c, default: 0] += n }
            return slot
        }

        mutating func merge(_ o: CategoryCounts) {
            for i in known.indices { known[i] += o.known[i] }
            for (k, v) in o.other { other[k, default: 0] += v }
        }

        /// Every category counted at least once.
        public var dictionary: [String: Int] {
            var d = other
            for (i, c) in BatchReport.knownCategories.enumerated() where known[i] > 0 { d[c] = known[i] }
            return d
        }
    }

    /// old category × new category: the known codes in a fixed 5×5 grid, others in a dictionary.
    public struct TransitionCounts: Sendable, Equatable {
        var grid = [Int](repeating: 0, count: BatchReport.knownCategories.count * BatchReport.knownCategories.count)
        var other: [String: [String: Int]] = [:]

        public init() {}

        mutating func add(_ from: String, _ to: String, _ n: Int = 1) {
            if let i = CategoryCounts.slot(from), let j = CategoryCounts.slot(to) {
                grid[i * BatchReport.knownCategories.count + j] += n
            } else {
                other[from, default: [:]][to, default: 0] += n
            }
        }

        mutating func merge(_ o: TransitionCounts) {
            for i in grid.indices { grid[i] += o.grid[i] }
            for (from, row) in o.other { for (to, n) in row { other[from, default: [:]][to, default: 0] += n } }
        }

        /// old category → new category → records (pairs never seen are absent).
        public var dictionary: [String: [String: Int]] {
            var d = other
            let cats = BatchReport.knownCategories
            for (i, from) in cats.enumerated() {
                for (j, to) in cats.enumerated() where grid[i * cats.count + j] > 0 {
                    d[from, default: [:]][to] = grid[i * cats.count + j]
                }
            }
            return d
        }
    }
}
