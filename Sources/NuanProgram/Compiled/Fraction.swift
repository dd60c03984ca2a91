import NuanSupport
/// Exact arithmetic on the compiled evaluator's numbers: a fraction `x / y` of two Int64 with
/// y > 0, never reduced on the way (no GCD on the hot path). Sums of one scale (money in fen,
/// counts) are one integer addition; other scales and products are computed in 128 bits.
/// Every result must fit in 64 bits with a numerator other than `Int64.min`, else nil: the
/// record is then decided by the interpreter, whose reduced `Rational` may still fit — or
/// fail the same way, which it reports. A fraction that fits here reduces to a `Rational`
/// that fits too (reducing only shrinks), so the fast path never succeeds where the
/// interpreter would fail.
enum Fraction {
    @inline(__always)
    static func make(_ n: Int128, _ d: Int128) -> (Int64, Int64)? {
        guard let x = Int64(exactly: n), let y = Int64(exactly: d), x != Int64.min, y > 0 else { return nil }
        return (x, y)
    }

    @inline(__always)
    static func add(_ a: Register, _ b: Register) -> (Int64, Int64)? {
        if a.y == b.y {
            let (s, o) = a.x.addingReportingOverflow(b.x)
            return o || s == Int64.min ? nil : (s, a.y)
        }
        return make(Int128(a.x) * Int128(b.y) + Int128(b.x) * Int128(a.y), Int128(a.y) * Int128(b.y))
    }

    @inline(__always)
    static func subtract(_ a: Register, _ b: Register) -> (Int64, Int64)? {
        if a.y == b.y {
            let (s, o) = a.x.subtractingReportingOverflow(b.x)
            return o || s == Int64.min ? nil : (s, a.y)
        }
        return make(Int128(a.x) * Int128(b.y) - Int128(b.x) * Int128(a.y), Int128(a.y) * Int128(b.y))
    }

    @inline(__always)
    static func multiply(_ a: Register, _ b: Register) -> (Int64, Int64)? {
        make(Int128(a.x) * Int128(b.x), Int128(a.y) * Int128(b.y))
    }

    /// nil also when `b` is zero (the interpreter words that error).
    @inline(__always)
    static func divide(_ a: Register, _ b: Register) -> (Int64, Int64)? {
        guard b.x != 0 else { return nil }
        let n = Int128(a.x) * Int128(b.y), d = Int128(a.y) * Int128(b.x)
        return d < 0 ? make(-n, -d) : make(n, d)
    }

    /// The sign of `a - b` (-1, 0, 1).
    @inline(__always)
    static func compare(_ a: Register, _ b: Register) -> Int {
        if a.y == b.y { return a.x < b.x ? -1 : (a.x == b.x ? 0 : 1) }
        let l = Int128(a.x) * Int128(b.y), r = Int128(b.x) * Int128(a.y)
        return l < r ? -1 : (l == r ? 0 : 1)
    }
}
