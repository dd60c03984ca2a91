/// The fuzzer's generator: SplitMix64 (Steele et al. 2014), integer-only, so a seed gives the
/// same cases on every machine and Swift version (the standard library promises no such thing).
struct FuzzRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The generator of case `n` of run `seed`: each case can be replayed alone (`--case N`).
    init(seed: UInt64, case n: Int) {
        var g = FuzzRandom(seed: seed ^ 0x5EED_F00D_CAFE_D00D)
        for _ in 0..<2 { _ = g.next() }
        state = g.next() &+ UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<n` (n ≥ 1; 0 for n ≤ 0 so callers need no guard).
    mutating func below(_ n: Int) -> Int {
        guard n > 1 else { return 0 }
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A value in lo...hi.
    mutating func between(_ lo: Int, _ hi: Int) -> Int { lo + below(hi - lo + 1) }

    /// True once in `n` draws.
    mutating func oneIn(_ n: Int) -> Bool { below(n) == 0 }

    mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
}
