#if canImport(Glibc)
import Glibc
#endif

/// The keys that may repeat in an archive, found by a first pass over a large regular file so
/// that the deciding pass registers only their records (`DuplicateRegistry`) instead of every
/// record's 申请编号 and ID number (issue 15: peak RSS under 200 MB on 5M records).
///
/// The first pass reads every record as the deciding pass does (the same worker code, parse
/// stage) and notes a 32-bit fingerprint of each key: the id's bytes, and the ID number's code.
/// Fingerprints occurring at least twice in the whole file are the candidates. Equal keys have
/// equal fingerprints, so a key that repeats is always a candidate; a collision of two different
/// keys only makes a candidate too many, which the registry then tells apart by the exact
/// text/code as before. A record none of whose keys is a candidate can neither repeat an earlier
/// record nor be repeated by a later one, so leaving it out of the registry changes no decision.
///
/// Both passes also add up a 64-bit digest of every record's keys (order-free); the run fails,
/// writing nothing, when they differ (the file changed between the readings), so a filter
/// computed on other keys can never silently miss a repeat.
enum RepeatKeys {
    /// The id's bytes (hashed as the registry hashes them), mixed.
    @inline(__always) static func idHash(_ id: String?) -> UInt64 {
        guard let id, !id.isEmpty else { return 0 }
        return nonzero(mix(DuplicateRegistry.hash(id) ^ 0x2545_F491_4F6C_DD1D))
    }

    @inline(__always) static func numberHash(_ code: UInt64) -> UInt64 {
        code == 0 ? 0 : nonzero(mix(code ^ 0x9E37_79B9_7F4A_7C15))
    }

    /// 0 means "no key": a key whose hash is 0 is given 1 (it must still be counted).
    @inline(__always) static func nonzero(_ h: UInt64) -> UInt64 { h == 0 ? 1 : h }

    /// The fingerprint of a key hash (0: no key).
    @inline(__always) static func print(_ h: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: h >> 32) }

    /// One record's contribution to the pass digest (both keys, nil id and no ID number included).
    @inline(__always) static func digest(_ idHash: UInt64, _ numberHash: UInt64) -> UInt64 {
        mix(idHash &+ ((numberHash << 23) | (numberHash >> 41)) &+ 0x6A09_E667_F3BC_C909)
    }

    /// splitmix64's finaliser.
    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A worker's fingerprints in the first pass: fixed chunks (no copy as they grow), each sorted
/// by the worker when it fills, so the pass ends with sorted runs to merge.
struct FingerprintChunks {
    static let chunk = 1 << 20
    private(set) var full: [UnsafeMutableBufferPointer<UInt32>] = []
    private var current: UnsafeMutablePointer<UInt32>?
    private var count = 0
    private var scratch: UnsafeMutablePointer<UInt32>?
    /// Record digest and count (see `RepeatKeys.digest`).
    var digest: UInt64 = 0
    var records = 0

    mutating func append(_ p: UInt32) {
        if current == nil { current = .allocate(capacity: Self.chunk) }
        current![count] = p
        count += 1
        if count == Self.chunk { seal() }
    }

    /// Sorts the chunk being filled and closes it.
    mutating func seal() {
        guard let c = current else { return }
        if count == 0 { c.deallocate(); current = nil; return }
        if scratch == nil { scratch = .allocate(capacity: Self.chunk) }
        Self.radixSort(c, count, scratch!)
        full.append(UnsafeMutableBufferPointer(start: c, count: count))
        current = nil
        count = 0
    }

    /// Seals the last chunk and frees the scratch buffer; the chunks go to the caller.
    mutating func finish() -> [UnsafeMutableBufferPointer<UInt32>] {
        seal()
        scratch?.deallocate()
        scratch = nil
        let f = full
        full = []
        return f
    }

    mutating func free() {
        for c in finish() { c.deallocate() }
    }

    /// LSD radix sort, four passes of 8 bits (the result ends in `a`).
    static func radixSort(_ a: UnsafeMutablePointer<UInt32>, _ n: Int, _ tmp: UnsafeMutablePointer<UInt32>) {
        var src = a, dst = tmp
        var counts = [Int](repeating: 0, count: 256)
        for shift in stride(from: 0, to: 32, by: 8) {
            counts.withUnsafeMutableBufferPointer { c in
                for i in 0..<256 { c[i] = 0 }
                for i in 0..<n { c[Int((src[i] >> UInt32(shift)) & 0xFF)] += 1 }
                var sum = 0
                for i in 0..<256 { let k = c[i]; c[i] = sum; sum += k }
                for i in 0..<n {
                    let v = src[i]
                    let b = Int((v >> UInt32(shift)) & 0xFF)
                    dst[c[b]] = v
                    c[b] += 1
                }
            }
            swap(&src, &dst)
        }
        // four passes: the sorted data is back in `a`
    }
}

/// The fingerprints that occur at least twice: a sorted array with a bitmap in front.
struct RepeatCandidates: Sendable {
    let prints: [UInt32]
    private let bits: [UInt64]
    private let mask: UInt32

    init(sorted prints: [UInt32]) {
        self.prints = prints
        var n = 1 << 12
        while n < prints.count * 16 { n <<= 1 }
        var b = [UInt64](repeating: 0, count: n / 64)
        for p in prints { let i = Int(p & UInt32(n - 1)); b[i >> 6] |= 1 << UInt64(i & 63) }
        bits = b
        mask = UInt32(n - 1)
    }

    @inline(__always) func contains(_ p: UInt32) -> Bool {
        let i = Int(p & mask)
        guard bits[i >> 6] & (1 << UInt64(i & 63)) != 0 else { return false }
        var lo = 0, hi = prints.count
        while lo < hi {
            let m = (lo + hi) >> 1
            if prints[m] < p { lo = m + 1 } else { hi = m }
        }
        return lo < prints.count && prints[lo] == p
    }

    /// Whether a record with these key hashes must be registered.
    @inline(__always) func mustRegister(idHash: UInt64, numberHash: UInt64) -> Bool {
        (idHash != 0 && contains(RepeatKeys.print(idHash))) || (numberHash != 0 && contains(RepeatKeys.print(numberHash)))
    }

    /// Merges sorted runs (freeing them) and keeps the values that occur more than once.
    static func merging(_ runs: [UnsafeMutableBufferPointer<UInt32>]) -> RepeatCandidates {
        defer { for r in runs { r.deallocate() } }
        // a binary min-heap of (value, run), refilled from each run's cursor
        var pos = [Int](repeating: 0, count: runs.count)
        var heap: [(UInt32, Int)] = []
        heap.reserveCapacity(runs.count)
        func up(_ k0: Int) {
            var k = k0
            while k > 0 {
                let p = (k - 1) >> 1
                if heap[p].0 <= heap[k].0 { break }
                heap.swapAt(p, k)
                k = p
            }
        }
        func down(_ k0: Int) {
            var k = k0
            while true {
                let l = 2 * k + 1, r = l + 1
                var m = k
                if l < heap.count && heap[l].0 < heap[m].0 { m = l }
                if r < heap.count && heap[r].0 < heap[m].0 { m = r }
                if m == k { return }
                heap.swapAt(m, k)
                k = m
            }
        }
        for (i, r) in runs.enumerated() where r.count > 0 {
            heap.append((r[0], i))
            up(heap.count - 1)
            pos[i] = 1
        }
        var out: [UInt32] = []
        var last: UInt32 = 0
        var seen = 0            // occurrences of `last` so far
        while let top = heap.first {
            let (v, i) = top
            if seen > 0 && v == last {
                seen += 1
                if seen == 2 { out.append(v) }
            } else {
                last = v
                seen = 1
            }
            // next value of the same run: a run is sorted, so repeats inside it are consecutive
            let r = runs[i]
            if pos[i] < r.count {
                heap[0] = (r[pos[i]], i)
                pos[i] += 1
            } else {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            if !heap.isEmpty { down(0) }
        }
        return RepeatCandidates(sorted: out)
    }
}
