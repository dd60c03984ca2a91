import NuanSupport
import NuanSyntax
import NuanProgram
/// Whether any arithmetic of a program can fail — a result beyond 64-bit fractions, or a
/// division by zero — on a record `nuan prove` considers: every number within its field's range
/// (`至少`/`至多`, else 0 … 10,000,000 元 or 0 … 100) on its grid (a fen, or one).
///
/// A failure makes the record invalid wherever it happens, so without this a benefit group's
/// cells and sweeps would have to follow every threshold of the whole program, not only their
/// own and the validity rules' (`MonotoneChecks.sweepRoots`).
///
/// Interval arithmetic over the expression graph, each number with the bound of its
/// denominator (a divisor of a known number where sums and products keep one, else a
/// ceiling); an operation whose bounds do not fit is taken as one that may fail.
struct ArithmeticBounds {
    /// A number's possible values: `lo … hi`, its reduced denominator dividing `divides` (when
    /// known) and at most `denominator`.
    struct Bound {
        var lo: Rational
        var hi: Rational
        var divides: Int64?
        var denominator: Int64

        static func point(_ r: Rational) -> Bound { Bound(lo: r, hi: r, divides: r.denominator, denominator: r.denominator) }

        /// The largest magnitude.
        var magnitude: Rational { lo.magnitude < hi.magnitude ? hi.magnitude : lo.magnitude }

        /// Whether every value fits a 64-bit fraction (numerator = value × denominator).
        var fits: Bool {
            guard let n = magnitude.multiplied(by: Rational(integer: denominator)) else { return false }
            return n < Rational(integer: Int64.max / 2)
        }

        /// Either of two values (a conditional's branches, a min or max, a clamp).
        func union(_ o: Bound) -> Bound? {
            let d = divides.flatMap { a in o.divides.flatMap { lcm(a, $0) } }
            return Bound(lo: lo < o.lo ? lo : o.lo, hi: hi < o.hi ? o.hi : hi, divides: d,
                         denominator: d ?? max(denominator, o.denominator))
        }
    }

    let program: CheckedProgram
    private var memo: [Int32: Bound?] = [:]
    private var visiting: Set<Int32> = []
    /// Set once some operation may fail.
    private(set) var mayFail = false

    /// Whether no arithmetic of `program` can fail on a record `nuan prove` considers: every
    /// expression node, each benefit's amounts summed into the total, and the priority score.
    static func failureFree(_ program: CheckedProgram) -> Bool {
        var b = ArithmeticBounds(program: program)
        for i in program.nodes.indices { _ = b.bound(Int32(i)) }
        guard !b.mayFail else { return false }
        // The total: every amount at once (any subset of them is granted).
        var total: Bound? = .point(.zero)
        for benefit in program.benefits {
            var amounts: [CheckedProgram.Amount] = [benefit.amount]
            amounts += benefit.exceptions.map(\.amount)
            var most: Bound?
            for case .fixed(let n) in amounts {
                guard let a = b.bound(n) else { return false }
                most = most.map { $0.union(a) } ?? a
            }
            if let m = most, let sum = total.flatMap({ b.add($0, .init(lo: min(m.lo, .zero), hi: max(m.hi, .zero), divides: m.divides, denominator: m.denominator)) }) {
                total = sum
            } else if most != nil {
                return false
            }
        }
        guard let t = total, t.fits else { return false }
        // The score: each part's weight times its expression (or the weight alone), summed.
        var score: Bound? = .point(.zero)
        for part in program.score?.parts ?? [] {
            var v: Bound? = .point(.one)
            if let w = part.weight { v = .point(Rational(integer: Int64(w))) }
            if let x = part.expr { v = v.flatMap { a in b.bound(x).flatMap { b.multiply(a, $0) } } }
            guard let p = v, let s = score.flatMap({ b.add($0, .init(lo: min(p.lo, .zero), hi: max(p.hi, .zero), divides: p.divides, denominator: p.denominator)) }) else { return false }
            score = s
        }
        return score?.fits == true && !b.mayFail
    }

    /// The bound of node `i`'s number (nil: not a number, or unbounded — then `mayFail` is set
    /// where it matters).
    mutating func bound(_ i: Int32) -> Bound? {
        guard i >= 0, Int(i) < program.nodes.count else { return nil }
        if let m = memo[i] { return m }
        guard visiting.insert(i).inserted else { return nil }
        defer { visiting.remove(i) }
        let b = compute(program.nodes[Int(i)])
        memo[i] = b
        return b
    }

    private mutating func compute(_ n: CheckedProgram.Node) -> Bound? {
        switch n.op {
        case .constant:
            if case .number(let r) = program.constants[Int(n.a)] { return .point(r) }
            return nil
        case .field:
            return field(Int(n.a))
        case .parameter:
            let p = program.parameters[Int(n.a)]
            let values = [p.value].compactMap { $0 } + p.rows.compactMap(\.value)
            return values.map(Bound.point).reduce(nil as Bound?) { acc, v in acc.map { $0.union(v) ?? v } ?? v }
        case .definition:
            return bound(program.definitions[Int(n.a)].root)
        case .negate:
            return bound(n.a).map { Bound(lo: $0.hi.negated, hi: $0.lo.negated, divides: $0.divides, denominator: $0.denominator) }
        case .add, .subtract, .multiply, .divide:
            let a = bound(n.a), b = bound(n.b)
            guard let x = a, let y = b else {
                mayFail = true
                return nil
            }
            let r: Bound?
            switch n.op {
            case .add: r = add(x, y)
            case .subtract: r = add(x, Bound(lo: y.hi.negated, hi: y.lo.negated, divides: y.divides, denominator: y.denominator))
            case .multiply: r = multiply(x, y)
            default: r = divide(x, y)
            }
            guard let r, r.fits else {
                mayFail = true
                return nil
            }
            return r
        case .min, .max:
            var out: Bound?
            for k in 0..<Int(n.b) {
                guard let v = bound(program.arguments[Int(n.a) + k]) else { return nil }
                out = out.map { $0.union(v) ?? v } ?? v
            }
            return out
        case .clamp:
            guard let x = bound(n.a), let lo = bound(n.b), let hi = bound(n.c) else { return nil }
            return x.union(lo)?.union(hi)
        case .conditional:
            // The condition's own arithmetic is checked as a node of its own.
            guard let x = bound(n.b), let y = bound(n.c) else { return nil }
            return x.union(y)
        default:
            // Comparisons, logic, tests, groups, the category: no number (their operands are
            // nodes checked on their own).
            return nil
        }
    }

    /// A field's values in `nuan prove`: its range (as `Relevance.numberValues` takes it) and
    /// its default, on its grid.
    private func field(_ slot: Int) -> Bound? {
        let f = program.fields[slot]
        guard f.type.isNumeric else { return nil }
        var lo = f.atLeast ?? .zero
        var hi = Rational(integer: f.base == .integer ? 100 : 10_000_000)
        if let top = f.atMost, top < hi { hi = top }
        if hi < lo { hi = lo }
        if case .number(let d)? = f.defaultValue {
            if d < lo { lo = d }
            if hi < d { hi = d }
        }
        let grid: Int64 = f.base == .integer ? 1 : 100
        let d = [lo.denominator, hi.denominator].reduce(grid) { acc, x in acc.flatMap { lcm($0, x) } ?? nil }
        return Bound(lo: lo, hi: hi, divides: d, denominator: d ?? Int64.max)
    }

    func add(_ x: Bound, _ y: Bound) -> Bound? {
        guard let lo = x.lo.adding(y.lo), let hi = x.hi.adding(y.hi) else { return nil }
        if let a = x.divides, let b = y.divides, let d = lcm(a, b) { return Bound(lo: lo, hi: hi, divides: d, denominator: d) }
        let (d, over) = x.denominator.multipliedReportingOverflow(by: y.denominator)
        return over ? nil : Bound(lo: lo, hi: hi, divides: nil, denominator: d)
    }

    func multiply(_ x: Bound, _ y: Bound) -> Bound? {
        var corners: [Rational] = []
        for a in [x.lo, x.hi] { for b in [y.lo, y.hi] { guard let c = a.multiplied(by: b) else { return nil }; corners.append(c) } }
        let (d, over) = x.denominator.multipliedReportingOverflow(by: y.denominator)
        guard !over else { return nil }
        let divides = x.divides.flatMap { a in y.divides.flatMap { b in b.multipliedReportingOverflow(by: a).overflow ? nil : a * b } }
        return Bound(lo: corners.min()!, hi: corners.max()!, divides: divides, denominator: divides ?? d)
    }

    /// `x ÷ y`, when `y` is never zero: its denominator divides x's times y's numerator, which is
    /// at most |y| × y's denominator.
    func divide(_ x: Bound, _ y: Bound) -> Bound? {
        guard y.lo > .zero || y.hi < .zero else { return nil }
        var corners: [Rational] = []
        for a in [x.lo, x.hi] { for b in [y.lo, y.hi] { guard let c = a.divided(by: b) else { return nil }; corners.append(c) } }
        guard let yn = y.magnitude.multiplied(by: Rational(integer: y.denominator)) else { return nil }
        let ynMax = (yn.numerator + yn.denominator - 1) / yn.denominator
        let (d, over) = x.denominator.multipliedReportingOverflow(by: ynMax)
        guard !over else { return nil }
        return Bound(lo: corners.min()!, hi: corners.max()!, divides: nil, denominator: d)
    }
}

private func lcm(_ a: Int64, _ b: Int64) -> Int64? {
    func gcd(_ x: Int64, _ y: Int64) -> Int64 { y == 0 ? x : gcd(y, x % y) }
    guard a > 0, b > 0 else { return nil }
    let (m, over) = (a / gcd(a, b)).multipliedReportingOverflow(by: b)
    return over ? nil : m
}
