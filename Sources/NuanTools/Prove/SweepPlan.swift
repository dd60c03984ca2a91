import NuanSupport
import NuanSyntax
import NuanProgram
/// Which cells start a sweep: the first cell, in cell order, of each record with the swept input
/// (household income or size) left out, within one part — later cells with the same record
/// would sweep the same points.
///
/// A cell's record is its path: every cell starts from the same record and takes the values its
/// path gives (a value "not given" is the same as an input never assigned: its default, or
/// unknown), so two cells of one part hold the same record exactly when the given values on
/// their paths are the same. Each path is hashed once — a mixed hash per given value, summed, so
/// the hash without the swept input is the sum less its share — and records are found in
/// tables of their own (open addressing by that hash, paths compared on a match), in shards by
/// hash spread over the cores: a record is always in the same shard, so each shard meets its
/// records' first cells in order.
enum SweepPlan {
    /// Per cell: bit 1 when it starts an income sweep, bit 2 a size sweep.
    static func plan(_ cells: [Partition.Cell], income: Int?, size: Int?) -> [UInt8] {
        let n = cells.count
        // The hashes, at once in ranges (0: no sweep of that input from this cell).
        let chunks = ProveParallel.workers == 1 ? 1 : ProveParallel.workers * 2
        let hashed = ProveParallel.map(chunks) { k -> [(UInt64, UInt64)] in
            (n * k / chunks..<n * (k + 1) / chunks).map { hashes(cells[$0], income: income, size: size) }
        }
        let keys = hashed.flatMap { $0 }
        let shards = ProveParallel.workers
        let bits = ProveParallel.map(shards) { shard -> [UInt8] in
            var out = [UInt8](repeating: 0, count: n)
            for (bit, slot) in [(UInt8(1), income), (UInt8(2), size)] {
                guard let slot else { continue }
                var table = SeenTable(capacity: n / shards + 16)
                for i in 0..<n {
                    let h = bit == 1 ? keys[i].0 : keys[i].1
                    guard h != 0, Int(h % UInt64(shards)) == shard else { continue }
                    if table.insert(i, hash: h, same: { same(cells[$0], cells[i], without: slot) }) { out[i] |= bit }
                }
            }
            return out
        }
        return (0..<n).map { i in bits.reduce(0) { $0 | $1[i] } }
    }

    /// A cell's income and size sweep hashes (0: none).
    static func hashes(_ c: Partition.Cell, income: Int?, size: Int?) -> (UInt64, UInt64) {
        guard c.part != .validity, c.decision.status != .invalid else { return (0, 0) }
        if case .assertion = c.part { return (0, 0) }
        let f = c.facts
        func swept(_ s: Int?) -> Int? {
            guard let s, case .number = f.values[s], f.given[s] else { return nil }
            return s
        }
        let (a, b) = (swept(income), swept(size))
        guard a != nil || b != nil else { return (0, 0) }
        var total: UInt64 = 0
        var own = (UInt64(0), UInt64(0))
        for step in c.path {
            guard let v = step.value else { continue }
            let h = field(step.slot, v)
            total &+= h
            if step.slot == a { own.0 = h }
            if step.slot == b { own.1 = h }
        }
        func key(_ s: Int?, _ h: UInt64) -> UInt64 {
            guard let s else { return 0 }
            let k = Mix.finish((total &- h) ^ (UInt64(bitPattern: Int64(s)) &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(bitPattern: Int64(c.part.index)) &* 0xC2B2_AE3D_27D4_EB4F)
            return k == 0 ? 1 : k
        }
        return (key(a, own.0), key(b, own.1))
    }

    /// One given value's share of a record's hash.
    static func field(_ i: Int, _ v: Value) -> UInt64 {
        var h = Mix(UInt64(i))
        switch v {
        case .unknown(let m): h.add(1); h.add(m.low); h.add(m.high)
        case .bool(let b): h.add(b ? 21 : 20)
        case .number(let r): h.add(3); h.add(UInt64(bitPattern: r.numerator)); h.add(UInt64(bitPattern: r.denominator))
        case .text(let t): h.add(4); for b in t.utf8 { h.add(UInt64(b)) }
        case .date(let d): h.add(5); h.add(UInt64(bitPattern: Int64(d)))
        case .choice(let c): h.add(6); h.add(UInt64(bitPattern: Int64(c)))
        case .set(let m): h.add(7); h.add(m)
        case .failure(let t): h.add(8); for b in t.utf8 { h.add(UInt64(b)) }
        }
        return Mix.finish(h.value)
    }

    /// Whether two cells are of one part and hold the same record but for `slot`: the same
    /// given values on their paths (texts byte for byte, as the hash reads them).
    static func same(_ a: Partition.Cell, _ b: Partition.Cell, without slot: Int) -> Bool {
        guard a.part == b.part else { return false }
        var count = 0
        for x in a.path where x.slot != slot {
            guard let v = x.value else { continue }
            count += 1
            guard let y = b.path.first(where: { $0.slot == x.slot }), let w = y.value, same(v, w) else { return false }
        }
        return count == b.path.reduce(0) { $0 + ($1.slot != slot && $1.value != nil ? 1 : 0) }
    }

    static func same(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.text(let x), .text(let y)), (.failure(let x), .failure(let y)): return x.utf8.elementsEqual(y.utf8)
        default: return a == b
        }
    }

    /// 64-bit multiply-xor mixing (an FNV-style step per word, a final avalanche).
    struct Mix {
        private var h: UInt64
        init(_ seed: UInt64) { h = 0xcbf2_9ce4_8422_2325 ^ seed }
        mutating func add(_ x: UInt64) { h = (h ^ x) &* 0x0000_0100_0000_01B3; h ^= h >> 29 }
        var value: UInt64 { h }
        static func finish(_ v: UInt64) -> UInt64 {
            var x = v
            x ^= x >> 33; x = x &* 0xff51_afd7_ed55_8ccd; x ^= x >> 33
            x = x &* 0xc4ce_b9fe_1a85_ec53; x ^= x >> 33
            return x
        }
    }

    /// The cells met so far, by hash: open addressing, each slot a cell index + 1.
    struct SeenTable {
        var slots: [Int32]
        var hashes: [UInt64]
        var count = 0

        init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            slots = [Int32](repeating: 0, count: size)
            hashes = [UInt64](repeating: 0, count: size)
        }

        /// Adds cell `i` unless a cell `same` as it is here: whether it was added.
        mutating func insert(_ i: Int, hash: UInt64, same: (Int) -> Bool) -> Bool {
            if (count + 1) * 2 > slots.count { grow() }
            let mask = slots.count - 1
            var at = Int(truncatingIfNeeded: hash) & mask
            while slots[at] != 0 {
                if hashes[at] == hash && same(Int(slots[at]) - 1) { return false }
                at = (at + 1) & mask
            }
            slots[at] = Int32(i + 1)
            hashes[at] = hash
            count += 1
            return true
        }

        private mutating func grow() {
            let (oldSlots, oldHashes) = (slots, hashes)
            slots = [Int32](repeating: 0, count: oldSlots.count * 2)
            hashes = [UInt64](repeating: 0, count: oldSlots.count * 2)
            let mask = slots.count - 1
            for k in oldSlots.indices where oldSlots[k] != 0 {
                var at = Int(truncatingIfNeeded: oldHashes[k]) & mask
                while slots[at] != 0 { at = (at + 1) & mask }
                slots[at] = oldSlots[k]
                hashes[at] = oldHashes[k]
            }
        }
    }
}
