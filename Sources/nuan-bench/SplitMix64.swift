/// A small, fast, deterministic pseudo-random generator (SplitMix64, Steele et al. 2014).
///
/// The generator owns its state so that `nuan-bench gen --seed S` writes the same bytes on every
/// machine and every Swift version; the standard library's generators make no such promise.
/// All draws are integer-only (no floating point anywhere in the generator).
struct SplitMix64 {
    private var state: UInt64

    /// Creates a generator; equal seeds give equal sequences.
    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    @inline(__always) mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<n` (Lemire's multiply-high reduction; the bias is below 2⁻³² for our n).
    @inline(__always) mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A value in `range` (inclusive bounds).
    @inline(__always) mutating func between(_ lo: Int, _ hi: Int) -> Int { lo + below(hi - lo + 1) }

    /// True with probability `ppm` parts per million.
    @inline(__always) mutating func chance(ppm: Int) -> Bool { below(1_000_000) < ppm }

    /// Picks an index according to integer weights (any positive scale).
    mutating func weighted(_ weights: [Int]) -> Int {
        var total = 0
        for w in weights { total += w }
        var r = below(total)
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }
}
