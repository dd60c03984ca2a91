import NuanSupport
import NuanSyntax
/// The representative values of one input: enough values that, if no two of them lead to
/// different decisions, no admissible value does. `nil` stands for "not given" (the default,
/// or unknown). Numbers are tried at the ends of their range and on both sides of every
/// threshold a comparison that reads them flips at, found by bisection on the fen (or unit)
/// grid with the other inputs as they stand — so a per-capita test's threshold comes out
/// multiplied by the household size when that is known.
extension Relevance {
    mutating func candidates(_ slot: Int, _ s: State, comparisons only: [Bool]? = nil) -> [Value?] {
        let f = program.fields[slot]
        var out: [Value?] = [nil]
        switch f.type {
        case .bool:
            out += [.bool(true), .bool(false)]
        case .choice(let en):
            out += program.enums[en].codes.indices.map { .choice(Int32($0)) }
        case .list(let en):
            let n = program.enums[en].codes.count
            out.append(.set(0))
            out += (0..<min(n, 63)).map { .set(1 << UInt64($0)) }
            if n > 1 && n < 64 { out.append(.set((1 << UInt64(n)) - 1)) }
        case .text:
            out += textValues(slot).map { .text($0) }
        case .date:
            out += dateValues(slot).map { .date($0) }
        case .number, .money:
            out += numberValues(slot, s, comparisons: only).map { .number($0) }
        case .error:
            break
        }
        return out
    }

    /// Keys of the tables keyed by this field, texts the rules test it against, and one value
    /// that none of them lists.
    func textValues(_ slot: Int) -> [String] {
        var out: [String] = []
        var seenRows = Set<[Int]>()
        for p in program.parameters where p.keyField == slot {
            for key in p.rows.flatMap(\.keys) {
                // Aliases (蚌埠市 | 340300) reach the same rows: one of them is enough.
                if let rows = p.rowIndex[key], seenRows.insert(rows).inserted { out.append(key) }
            }
        }
        for n in program.nodes where n.op == .inSet || n.op == .notInSet || n.op == .equal || n.op == .notEqual {
            for side in [n.a, n.b] where side >= 0 && program.nodes[Int(side)].op == .constant {
                if case .text(let all) = program.constants[Int(program.nodes[Int(side)].a)] {
                    out += all.split(separator: "\u{1F}").map(String.init)
                }
            }
        }
        out.append("（未列出的\(program.fields[slot].display)）")
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }

    /// The first day of every dated row, the day before it, and the ends of the period in force.
    func dateValues(_ slot: Int) -> [Int32] {
        var days: [Int32] = []
        for p in program.parameters { for r in p.rows { if let d = r.from { days += [d - 1, d] } } }
        if let a = program.inForceFrom { days += [a - 1, a] }
        if let b = program.inForceTo { days += [b, b + 1] }
        for c in program.constants { if case .date(let d) = c { days += [d - 1, d, d + 1] } }
        return Array(Set(days)).sorted()
    }

    /// Both ends of the range, and both sides of every threshold a comparison reading the
    /// field flips at.
    mutating func numberValues(_ slot: Int, _ s: State, comparisons only: [Bool]? = nil) -> [Rational] {
        let f = program.fields[slot]
        let unit = f.base == .integer ? Rational.one : (Rational(1, 100) ?? .one)
        let lo = f.atLeast ?? .zero
        var hi = Rational(integer: f.base == .integer ? 100 : 10_000_000)
        if let top = f.atMost, top < hi { hi = top }
        guard lo <= hi else { return [lo] }
        // Sample points: the ends and every figure the rules hold; a flip between two
        // neighbouring samples is then located exactly by bisection.
        var samples: Set<Rational> = [lo, hi]
        for c in program.constants { if case .number(let r) = c, lo < r, r < hi { samples.insert(r) } }
        for p in program.parameters {
            for r in [p.value].compactMap({ $0 }) + p.rows.compactMap(\.value) where lo < r && r < hi { samples.insert(r) }
        }
        let points = samples.sorted()
        var values: Set<Rational> = [lo, hi]
        var facts = s.facts
        facts.given[slot] = true
        evaluator.openInputs = s.open.removing(slot)
        for c in inputs.comparisons where inputs.reads[Int(c)].contains(slot) && only?[Int(c)] != false {
            func truth(_ v: Rational) -> Truth {
                facts.values[slot] = .number(v)
                evaluator.begin(facts, tracing: false)
                return Truth(evaluator.eval(c))
            }
            var previous: (Rational, Truth)?
            for v in points {
                let t = truth(v)
                if let (pv, pt) = previous, pt != t, pt != .unknown, t != .unknown {
                    let (a, b) = Relevance.bisect(pv, v, unit: unit, from: pt, truth)
                    values.insert(a)
                    values.insert(b)
                }
                previous = (v, t)
            }
        }
        // Only values a record can hold: a figure the rules hold (1.5 倍) or the end of a
        // bisection between two of them may fall between grid values — its grid neighbours
        // in the range stand for it (a household of 1.5 people is no record).
        var onGrid = Set<Rational>()
        for v in values {
            guard let q = v.divided(by: unit), !q.isInteger else {
                onGrid.insert(v)
                continue
            }
            for k in [q.floorInteger, q.ceilingInteger] {
                if let g = Rational(integer: k).multiplied(by: unit), lo <= g, g <= hi { onGrid.insert(g) }
            }
        }
        return onGrid.sorted()
    }

    /// The last grid value with truth `t0` and the first after it, between `a` and `b`.
    static func bisect(_ a: Rational, _ b: Rational, unit: Rational, from t0: Truth, _ truth: (Rational) -> Truth) -> (Rational, Rational) {
        guard let qa = a.divided(by: unit), let qb = b.divided(by: unit) else { return (a, b) }
        var l = qa.floorInteger, h = qb.ceilingInteger
        func at(_ k: Int64) -> Rational { Rational(integer: k).multiplied(by: unit) ?? a }
        // Keep the ends inside [a, b] so every probe is an admissible value.
        if at(l) < a { l += 1 }
        if at(h) > b { h -= 1 }
        guard l < h else { return (a, b) }
        if truth(at(l)) != t0 { return (a, at(l)) }
        if truth(at(h)) == t0 { return (at(h), b) }
        while h - l > 1 {
            let m = l + (h - l) / 2
            if truth(at(m)) == t0 { l = m } else { h = m }
        }
        return (at(l), at(h))
    }
}

extension Rational {
    /// The greatest integer ≤ self.
    var floorInteger: Int64 {
        let q = numerator / denominator
        return (numerator % denominator != 0 && numerator < 0) ? q - 1 : q
    }

    /// The least integer ≥ self.
    var ceilingInteger: Int64 {
        let q = numerator / denominator
        return (numerator % denominator != 0 && numerator > 0) ? q + 1 : q
    }
}
