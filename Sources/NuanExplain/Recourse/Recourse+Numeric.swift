import NuanSupport
import NuanSyntax
import NuanProgram

/// Numeric fields are searched in whole steps — fen for money and decimals, one for integers —
/// so every boundary reported is exact to the fen.
extension RecourseSearch {
    func steps(_ slot: Int) -> Int64 { program.fields[slot].base == .integer ? 1 : 100 }

    static func value(units: Int64, steps: Int64) -> Value { .number(Rational(units, steps) ?? .zero) }

    /// `r` in steps, rounded down (or up).
    static func units(_ r: Rational, steps: Int64, up: Bool = false) -> Int64? {
        let n = Int128(r.numerator) * Int128(steps)
        let d = Int128(r.denominator)
        var q = n / d
        if n % d != 0 && ((n < 0) != up) { q += up ? 1 : -1 }
        guard q > Int128(-Int64.max), q < Int128(Int64.max) else { return nil }
        return Int64(q)
    }

    /// The range a proposal stays in: the field's `至少`/`至多`, else 0 and 100,000,000 yuan
    /// (or persons) — nothing a record could not say.
    func bounds(_ slot: Int) -> ClosedRange<Int64> {
        let f = program.fields[slot], s = steps(slot)
        let lo = f.atLeast.flatMap { RecourseSearch.units($0, steps: s, up: true) } ?? 0
        let hi = f.atMost.flatMap { RecourseSearch.units($0, steps: s) } ?? 100_000_000 * s
        return lo <= hi ? lo...hi : lo...lo
    }

    /// The field's value in steps; nil beyond 2^60 steps (an absurd figure a record may still
    /// give): the search's arithmetic — probes, differences, midpoints — then cannot overflow.
    func numberAt(_ f: Facts, _ slot: Int) -> Int64? {
        guard case .number(let r) = f.values[slot], let u = RecourseSearch.units(r, steps: steps(slot)),
              u.magnitude <= 1 << 60 else { return nil }
        return u
    }

    /// A test's truth with the field at `units`.
    mutating func test(_ node: Int32, slot: Int, units: Int64, in f: Facts) -> Bool? {
        var g = f
        g.values[slot] = RecourseSearch.value(units: units, steps: steps(slot))
        g.given[slot] = true
        guard let e = trace(g), case .bool(let b)? = e.trace.values[Int(node)] else { return nil }
        return b
    }

    /// `left − right` of a comparison in a trace, when both are numbers.
    func gap(_ node: Int32, _ values: [Value?]) -> Rational? {
        let n = program.nodes[Int(node)]
        guard case .number(let l)? = values[Int(n.a)], case .number(let r)? = values[Int(n.b)] else { return nil }
        return l.subtracting(r)
    }

    /// Where a straight line through two gaps crosses zero, in steps (unrounded).
    static func crossing(u0: Int64, d0: Rational, u1: Int64, d1: Rational) -> Rational? {
        guard d0 != d1, let slope = d1.subtracting(d0).flatMap({ $0.divided(by: Rational(integer: u1 - u0)) }),
              let shift = d0.divided(by: slope) else { return nil }
        return Rational(integer: u0).subtracting(shift)
    }

    /// The value of `slot` nearest its present one at which the comparison `test` turns: the
    /// point where its sides meet (two evaluations, the sides being linear in the field, as
    /// per-capita income is in household income), checked on both sides; bisection when they
    /// are not linear.
    mutating func turningPoint(_ t: DecidingTest, slot: Int, in f: Facts, values: [Value?]) -> Int64? {
        guard let u0 = numberAt(f, slot) else { return nil }
        let range = bounds(slot)
        let want = !t.holds
        let probe = u0 + (steps(slot) == 1 ? 1 : 10_000) <= range.upperBound ? u0 + (steps(slot) == 1 ? 1 : 10_000) : u0 - (steps(slot) == 1 ? 1 : 10_000)
        var g = f
        g.values[slot] = RecourseSearch.value(units: probe, steps: steps(slot))
        g.given[slot] = true
        if let d0 = gap(t.node, values), let e = trace(g), let d1 = gap(t.node, e.trace.values),
           let x = RecourseSearch.crossing(u0: u0, d0: d0, u1: probe, d1: d1),
           let down = RecourseSearch.units(x, steps: 1), let up = RecourseSearch.units(x, steps: 1, up: true) {
            let candidates = Set([down - 1, down, up, up + 1]).filter { range.contains($0) && $0 != u0 }
                .sorted { abs($0 - u0) < abs($1 - u0) }
            for c in candidates where test(t.node, slot: slot, units: c, in: f) == want {
                let back = c > u0 ? c - 1 : c + 1
                if back == u0 || test(t.node, slot: slot, units: back, in: f) != want { return c }
            }
        }
        // Not linear: bisect towards whichever end of the range turns the test.
        for end in [range.upperBound, range.lowerBound] where end != u0 {
            guard test(t.node, slot: slot, units: end, in: f) == want else { continue }
            return bisect(from: u0, to: end) { s, u in s.test(t.node, slot: slot, units: u, in: f) == want }
        }
        return nil
    }

    /// The point next to `from`'s side where `holds` starts to hold, given it holds at `to`
    /// and not at `from`: the two are one step apart when it returns.
    mutating func bisect(from: Int64, to: Int64, _ holds: (inout RecourseSearch, Int64) -> Bool) -> Int64? {
        var bad = from, good = to
        while abs(good - bad) > 1 {
            guard budget > 0 else { return nil }
            let mid = bad + (good - bad) / 2
            if holds(&self, mid) { good = mid } else { bad = mid }
        }
        return good
    }
}
