/// An exact rational number: money, thresholds and multipliers are never binary floating point.
///
/// `2000/3` stays exactly two thousand thirds, so comparing it with `666.67` comes out right.
/// Numerator and denominator are kept reduced with a positive denominator, and the numerator is
/// never `Int64.min`: the range is symmetric, so negating and taking the magnitude cannot trap.
/// Every operation that could leave that range (`adding`, `subtracting`, `multiplied`,
/// `divided`, `parse`, `init(_:_:)`, `init(exactly:)`) returns `nil` instead; the checker turns
/// that into a diagnostic and the evaluator into an `invalid` decision, never a wrong figure.
/// Intermediate products are computed in 128 bits, where they cannot overflow.
public struct Rational: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let numerator: Int64
    public let denominator: Int64

    public static let zero = Rational(integer: 0)
    public static let one = Rational(integer: 1)
    /// The largest magnitude a numerator may have.
    public static let maxNumerator = Int64.max

    /// A whole number; `nil` for `Int64.min`, which has no negation.
    public init?(exactly integer: Int64) {
        guard integer != Int64.min else { return nil }
        self.init(unchecked: integer, 1)
    }

    /// A whole number the program itself supplies (a count, a constant). `Int64.min`, which no
    /// count or constant is, has no negation and is replaced by `-Int64.max`; input goes
    /// through `init(exactly:)` or `parse`, which refuse it.
    public init(integer: Int64) {
        numerator = integer == Int64.min ? -Int64.max : integer
        denominator = 1
    }

    /// Creates `n/d` reduced; `nil` when `d` is zero or the value does not fit.
    public init?(_ n: Int64, _ d: Int64) {
        guard d != 0 else { return nil }
        guard let r = Rational.reduce(Int128(n), Int128(d)) else { return nil }
        self = r
    }

    private init(unchecked n: Int64, _ d: Int64) {
        numerator = n
        denominator = d
    }

    private static func gcd(_ a: Int128, _ b: Int128) -> Int128 {
        var a = a < 0 ? -a : a
        var b = b < 0 ? -b : b
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }

    /// Binary (Stein's) GCD: shifts and subtractions instead of divisions.
    private static func gcd64(_ x: Int64, _ y: Int64) -> Int64 {
        var a = x.magnitude, b = y.magnitude
        if a == 0 { return Int64(b) }
        if b == 0 { return Int64(a) }
        let shift = (a | b).trailingZeroBitCount
        a >>= UInt64(a.trailingZeroBitCount)
        repeat {
            b >>= UInt64(b.trailingZeroBitCount)
            if a > b { swap(&a, &b) }
            b -= a
        } while b != 0
        return Int64(a << UInt64(shift))
    }

    private static func reduce(_ n: Int128, _ d: Int128) -> Rational? {
        // Most figures fit in 64 bits: reduce there (128-bit division is several times slower).
        if let n64 = Int64(exactly: n), let d64 = Int64(exactly: d), d64 != Int64.min, n64 != Int64.min, d64 != 0 {
            var n = n64, d = d64
            if d < 0 { n = -n; d = -d }
            if d != 1 {
                let g = gcd64(n, d)
                if g > 1 { n /= g; d /= g }
            }
            return Rational(unchecked: n, d)
        }
        var n = n, d = d
        if d < 0 { n = -n; d = -d }
        if d != 1 {
            let g = gcd(n, d)
            if g > 1 { n /= g; d /= g }
        }
        guard let n64 = Int64(exactly: n), let d64 = Int64(exactly: d), n64 != Int64.min else { return nil }
        return Rational(unchecked: n64, d64)
    }

    public var isInteger: Bool { denominator == 1 }
    public var isNegative: Bool { numerator < 0 }

    public func adding(_ o: Rational) -> Rational? {
        if denominator == o.denominator {
            let (s, over) = numerator.addingReportingOverflow(o.numerator)
            if !over && s != Int64.min {
                if denominator == 1 { return Rational(unchecked: s, 1) }
                return Rational.reduce(Int128(s), Int128(denominator))
            }
        }
        return Rational.reduce(
            Int128(numerator) * Int128(o.denominator) + Int128(o.numerator) * Int128(denominator),
            Int128(denominator) * Int128(o.denominator))
    }

    public func subtracting(_ o: Rational) -> Rational? {
        adding(o.negated)
    }

    public func multiplied(by o: Rational) -> Rational? {
        if denominator == 1 && o.denominator == 1 {
            let (p, over) = numerator.multipliedReportingOverflow(by: o.numerator)
            if !over && p != Int64.min { return Rational(unchecked: p, 1) }
        }
        return Rational.reduce(Int128(numerator) * Int128(o.numerator), Int128(denominator) * Int128(o.denominator))
    }

    /// `nil` when dividing by zero or on overflow.
    public func divided(by o: Rational) -> Rational? {
        guard o.numerator != 0 else { return nil }
        return Rational.reduce(Int128(numerator) * Int128(o.denominator), Int128(denominator) * Int128(o.numerator))
    }

    /// Never traps: the numerator is never `Int64.min`.
    public var negated: Rational { Rational(unchecked: -numerator, denominator) }

    /// The absolute value; never traps, for the same reason.
    public var magnitude: Rational { numerator < 0 ? negated : self }

    /// The sum of all `terms`, or `nil` if it (or a partial sum) does not fit: a total never
    /// silently leaves a part out.
    /// An array's sum, specialised here for callers in other modules.
    public static func sum(_ terms: [Rational]) -> Rational? { sum(sequence: terms) }

    public static func sum<S: Sequence>(_ terms: S) -> Rational? where S.Element == Rational { sum(sequence: terms) }

    static func sum<S: Sequence>(sequence terms: S) -> Rational? where S.Element == Rational {
        var total = Rational.zero
        for t in terms {
            guard let s = total.adding(t) else { return nil }
            total = s
        }
        return total
    }

    /// Whether the value is a whole number of `1/unit` (money: `unit` 100, whole fen).
    public func isMultiple(ofOneOver unit: Int64) -> Bool {
        unit > 0 && unit % denominator == 0
    }

    public static func < (a: Rational, b: Rational) -> Bool {
        if a.denominator == b.denominator { return a.numerator < b.numerator }
        return Int128(a.numerator) * Int128(b.denominator) < Int128(b.numerator) * Int128(a.denominator)
    }

    /// Parses a plain decimal literal such as `1800`, `-3`, `1980.00`, `0.5`. No exponent, no
    /// thousands separators: what a record or a rules file may contain.
    /// Bytes straight from a record reader: not generic, so a caller in another module gets the
    /// version specialised here (a generic call across modules is unspecialised and slow).
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Rational? { parse(collection: bytes) }

    public static func parse<S: Collection>(utf8 bytes: S) -> Rational? where S.Element == UInt8 { parse(collection: bytes) }

    static func parse<S: Collection>(collection bytes: S) -> Rational? where S.Element == UInt8 {
        var n: Int64 = 0
        var scale: Int64 = 1
        var negative = false
        var seenDigit = false, seenPoint = false
        var first = true
        // Zeros after the point, applied only when a digit other than 0 follows: trailing zeros
        // change nothing, and `4611686018427387904.00` (a total prove writes) must read back.
        var zeros = 0
        for b in bytes {
            defer { first = false }
            switch b {
            case UInt8(ascii: "-") where first: negative = true
            case UInt8(ascii: "+") where first: continue
            case UInt8(ascii: "."):
                if seenPoint { return nil }
                seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                if seenPoint && b == UInt8(ascii: "0") {
                    zeros += 1
                    continue
                }
                while zeros > 0 {
                    let (m, o1) = n.multipliedReportingOverflow(by: 10)
                    let (sc, o2) = scale.multipliedReportingOverflow(by: 10)
                    if o1 || o2 { return nil }
                    (n, scale) = (m, sc)
                    zeros -= 1
                }
                let (m, o1) = n.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int64(b &- 48))
                if o1 || o2 { return nil }
                n = s
                if seenPoint {
                    let (sc, o3) = scale.multipliedReportingOverflow(by: 10)
                    if o3 { return nil }
                    scale = sc
                }
            default: return nil
            }
        }
        guard seenDigit else { return nil }
        return Rational(negative ? -n : n, scale)
    }

    public static func parse(_ text: String) -> Rational? { parse(utf8: text.utf8) }

    /// Decimal text with exactly `places` places, rounding half away from zero.
    public func formatted(places: Int = 2) -> String {
        // 10^18 × a 64-bit numerator still fits in 128 bits.
        let places = Swift.min(Swift.max(places, 0), 18)
        return formattedSmall(places: places) ?? formattedWide(places: places)
    }

    /// `formatted` in 128-bit arithmetic: any value (the reference for `formattedSmall`).
    func formattedWide(places: Int) -> String {
        var scale: Int128 = 1
        for _ in 0..<places { scale *= 10 }
        let n = Int128(numerator) * scale
        let d = Int128(denominator)
        var q = n / d
        let r = n % d
        if (r < 0 ? -r : r) * 2 >= d { q += n < 0 ? -1 : 1 }
        let neg = q < 0
        let mag = neg ? -q : q
        var digits = String(mag)
        if places > 0 {
            while digits.count <= places { digits = "0" + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (neg ? "-" : "") + digits
    }

    /// `formatted` in 64-bit arithmetic, written straight into the string's bytes (most
    /// figures: amounts in fen, incomes, scores); nil when the scaled value may not fit.
    func formattedSmall(places: Int) -> String? {
        var scale: Int64 = 1
        for _ in 0..<places { scale &*= 10 }
        let (n, overflow) = numerator.multipliedReportingOverflow(by: scale)
        let d = denominator
        guard !overflow, n != Int64.min, d < (1 << 62) else { return nil }
        var q = n / d
        let r = n % d
        if (r < 0 ? -r : r) * 2 >= d { q += n < 0 ? -1 : 1 }
        let neg = q < 0
        var mag = UInt64(neg ? -q : q)
        // the digits, at least places + 1 of them, backwards into a 32-byte buffer
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { b in
            var i = 32
            var written = 0
            repeat {
                if places > 0 && written == places { i -= 1; b[i] = 0x2E }
                i -= 1
                b[i] = 0x30 + UInt8(mag % 10)
                mag /= 10
                written += 1
            } while mag > 0 || written <= places
            if neg { i -= 1; b[i] = 0x2D }
            return String(decoding: UnsafeBufferPointer(rebasing: b[i..<32]), as: UTF8.self)
        }
    }

    /// The exact decimal text, however many places (up to 18), when the value has one — as every
    /// figure read from decimal text does; else `description`. For what must be read back to the
    /// same value (a run's `--set` overrides: `0.30000000000000004` is not `0.30`).
    public var exactDecimal: String {
        if denominator == 1 { return String(numerator) }
        var d = denominator
        while d % 2 == 0 { d /= 2 }
        while d % 5 == 0 { d /= 5 }
        guard d == 1 else { return description }
        for places in 1...18 {
            let text = formatted(places: places)
            if Rational.parse(text) == self {
                var t = text
                while t.hasSuffix("0") { t.removeLast() }
                if t.hasSuffix(".") { t.removeLast() }
                return t
            }
        }
        return description
    }

    /// The shortest exact decimal text when there is one with ≤ 6 places, else 2 places rounded.
    public var description: String {
        if denominator == 1 { return String(numerator) }
        var d = denominator
        while d % 2 == 0 { d /= 2 }
        while d % 5 == 0 { d /= 5 }
        if d == 1 {
            var places = 0
            var p: Int64 = 1
            while denominator > p || p % denominator != 0 { p *= 10; places += 1; if places > 6 { break } }
            if places <= 6 {
                var text = formatted(places: places)
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
                return text
            }
        }
        return formatted(places: 2)
    }
}
