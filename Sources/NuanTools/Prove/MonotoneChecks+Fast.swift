import NuanSupport
import NuanSyntax
import NuanProgram
/// The fast path of `MonotoneChecks`: the same sweeps over the same representative values, in
/// the same order, with the same findings — only cheaper.
///
/// - Each point of a sweep is decided by the compiled evaluator (exact, differential-tested
///   against the interpreter, which decides whenever the compiled path stops) and kept as the
///   little `better` compares: whether it is invalid, its category and the part's amount —
///   no record or decision is copied per point.
/// - A sweep already made (the record with the swept input left out, and the part) is found
///   by a hash of the record's values in place (`SweepPlan`), not by building a key per cell.
/// - Only when a comparison fails are the two records rebuilt and decided by the interpreter,
///   exactly as the reference (`visit`) decides them, so each finding — its records, its
///   decisions, its wording and its key — is the reference's.
///
/// `ProveFastPathTests` compares the two paths on fixtures that refute every property.
extension MonotoneChecks {
    /// What `better` reads of one decision.
    struct Point {
        var value: Rational
        var invalid: Bool
        /// The category's rank (`rank`; -1 for a category without one, such as undetermined).
        var rank: Int
        /// Whether the category is none.
        var none: Bool
        /// The part's money (a benefit group's amount); zero for the category.
        var amount: Rational
        /// Whether the part's benefit group still has a benefit open (its money unsettled).
        var pending = false

        /// Whether the point has a category to compare (`decided`).
        var decided: Bool { !invalid && rank >= 0 }

        /// `better` on two points: whether `self` is better off than `a` in what `part` decides.
        func isBetter(than a: Point, _ part: Partition.Part) -> Bool {
            switch part {
            case .group:
                return !a.invalid && !invalid && !a.pending && !pending && a.amount < amount
            case .category:
                return a.decided && decided && rank > a.rank
            case .validity, .assertion:
                return false
            }
        }
    }

    func point(_ v: Rational, _ d: Decision, _ part: Partition.Part) -> Point {
        var amount = Rational.zero
        var open = false
        if case .group(let g) = part {
            amount = self.amount(d, group: g)
            open = pending(d, group: g)
        }
        let r = part == .category ? rank[d.category] ?? -1 : -1
        return Point(value: v, invalid: d.status == .invalid, rank: r, none: d.category == "none", amount: amount, pending: open)
    }

    /// The point of a whole record, counted as the reference counts its decision: from the
    /// compiled evaluator's outline of the decision (`CompiledEvaluator.outline`), or where that
    /// stops from the decision itself.
    mutating func quickPoint(_ f: Facts, _ v: Rational, _ part: Partition.Part, partition: inout Partition) -> Point {
        var group: Int?
        if case .group(let g) = part { group = g }
        guard let o = fast.outline(f, using: &interpreter, group: group, scope: scopes[part.index]) else {
            return point(v, quickDecide(f, partition: &partition), part)
        }
        partition.evaluations += 1
        let rank = part == .category ? o.category.map { rankOfCode[Int($0)] } ?? -1 : -1
        return Point(value: v, invalid: o.invalid, rank: rank, none: o.category == 0, amount: o.groupAmount,
                     pending: group != nil && o.groupPending)
    }

    /// The decision of a whole record by the compiled evaluator, counted as the reference counts it.
    mutating func quickDecide(_ f: Facts, partition: inout Partition) -> Decision {
        partition.evaluations += 1
        return fast.decide(f, using: &interpreter)
    }

    /// Every cell's monotonicity findings, the sweeps spread over the cores in ranges of cells:
    /// per cell index (ascending), the findings in the order the reference adds them.
    static func sweepAll(_ program: CheckedProgram, _ partition: Partition) -> (log: [(cell: Int, finding: ProveFinding, key: String)], evaluations: Int) {
        let failureFree = ArithmeticBounds.failureFree(program)
        let planner = MonotoneChecks(program, failureFree: failureFree)
        let cells = partition.cells
        // By index, not `for c in cells`: iterating copies each cell (a retain of every array in it).
        var plans = [UInt8](repeating: 0, count: cells.count)
        var swept = [Bool](repeating: false, count: cells.count)
        var weights = 0
        // Which cells start a sweep (`SweepPlan`).
        let starts = SweepPlan.plan(cells, income: planner.income, size: planner.size)
        for i in cells.indices {
            plans[i] = starts[i]
            swept[i] = cells[i].part != .validity && cells[i].decision.status != .invalid
            if swept[i] { weights += plans[i].nonzeroBitCount + 1 }
        }
        // Ranges of about equal work, a few per core so that a slow range does not hold the rest.
        let pieces = ProveParallel.workers == 1 ? 1 : ProveParallel.workers * 4
        var bounds = [0]
        var acc = 0
        for i in cells.indices {
            if swept[i] { acc += plans[i].nonzeroBitCount + 1 }
            if acc * pieces >= weights * bounds.count, bounds.count < pieces { bounds.append(i + 1) }
        }
        if bounds.last != cells.count { bounds.append(cells.count) }
        let runs = ProveParallel.map(bounds.count - 1) { k -> ([(cell: Int, finding: ProveFinding, key: String)], Int) in
            var m = MonotoneChecks(program, failureFree: failureFree)
            var p = partition
            p.compiled = nil
            let e0 = p.evaluations
            var log: [(cell: Int, finding: ProveFinding, key: String)] = []
            for i in bounds[k]..<bounds[k + 1] {
                var found: [(ProveFinding, String)] = []
                m.visitFast(cells[i], plan: plans[i], partition: &p, into: &found)
                for (f, key) in found { log.append((i, f, key)) }
            }
            return (log, p.evaluations - e0)
        }
        return (runs.flatMap(\.0), runs.reduce(0) { $0 + $1.1 })
    }

    mutating func visitFast(_ c: Partition.Cell, plan: UInt8, partition: inout Partition, into checks: inout [(ProveFinding, String)]) {
        guard c.part != .validity, c.decision.status != .invalid else { return }
        if case .assertion = c.part { return }
        if plan & 1 != 0, let s = income, case .number(let x) = c.facts.values[s], c.facts.given[s] {
            sweepFast(c, slot: s, at: x, property: .monotoneIncome, higherIsWorse: false, partition: &partition, into: &checks)
        }
        if plan & 2 != 0, let s = size, case .number(let n) = c.facts.values[s], c.facts.given[s] {
            sweepFast(c, slot: s, at: n, property: .monotoneMembers, higherIsWorse: true, partition: &partition, into: &checks)
        }
        if let s = causes, case .set(let m) = c.facts.values[s], c.facts.given[s], m != 0, !paysNothingAlong(s, c) {
            let here = point(.zero, c.decision, c.part)
            var f = c.facts
            for o in 0..<64 where m & (1 << UInt64(o)) != 0 {
                f.values[s] = .set(m & ~(1 << UInt64(o)))
                // (Decided first: a mutating argument to a method of self would copy self.)
                let p = quickPoint(f, .zero, c.part, partition: &partition)
                guard p.isBetter(than: here, c.part) else { continue }
                // A finding: decide the record again exactly as the reference does.
                let d = relevanceDecide(f, partition: &partition)
                if let why = better(d, than: c.decision, c.part) {
                    checks.append((ProveFinding(property: .monotoneCauses, subject: program.fields[s].display, detail: why,
                                                record: c.facts, decision: c.decision, other: f, otherDecision: d),
                                   "causes/\(c.part)/\(c.decision.category)->\(d.category)/\(c.decision.totalAmount)->\(d.totalAmount)"))
                }
            }
        }
    }

    /// The interpreter's decision of a record (what the reference's `partition.decide` returns),
    /// not counted: the point was counted when it was first decided.
    func relevanceDecide(_ f: Facts, partition: inout Partition) -> Decision {
        let n = partition.evaluations
        defer { partition.evaluations = n }
        return partition.decide(f)
    }

    mutating func sweepFast(_ c: Partition.Cell, slot: Int, at x: Rational, property: ProveProperty, higherIsWorse: Bool,
                            partition: inout Partition, into checks: inout [(ProveFinding, String)]) {
        if paysNothingAlong(slot, c) { return }
        let values = sweepValues(slot, c, relevance: &partition.relevance)
        var points: [Point] = []
        points.reserveCapacity(values.count)
        var f = c.facts
        f.given[slot] = true
        for case .number(let v)? in values {
            if v == x {
                points.append(point(v, c.decision, c.part))
            } else {
                f.values[slot] = .number(v)
                points.append(quickPoint(f, v, c.part, partition: &partition))
            }
        }
        points.sort { $0.value < $1.value }
        if higherIsWorse { points.reverse() }
        var previous: Point?
        for p in points where !p.invalid {
            if let b = previous, p.isBetter(than: b, c.part) {
                let (bf, bd) = record(c, slot, b.value, x, &partition), (pf, pd) = record(c, slot, p.value, x, &partition)
                if let why = better(pd, than: bd, c.part) {
                    checks.append((ProveFinding(property: property, subject: program.fields[slot].display, detail: why,
                                                record: bf, decision: bd, other: pf, otherDecision: pd),
                                   "\(property.rawValue)/\(c.part)/\(bd.category)->\(pd.category)/\(bd.totalAmount)->\(pd.totalAmount)"))
                }
            }
            previous = p
        }
        guard property == .monotoneIncome, c.part == .category else { return }
        // Gaps: none between two categories.
        let seq = points.filter(\.decided)
        for (i, p) in seq.enumerated() where p.none {
            guard let lo = seq[..<i].last(where: { !$0.none }), seq[(i + 1)...].contains(where: { !$0.none }) else { continue }
            var pf = c.facts
            pf.values[slot] = .number(p.value)
            pf.given[slot] = true
            guard !AssertionChecks.allowsGap(pf, program, &gapEvaluator) else { continue }
            let pd = p.value == x ? c.decision : relevanceDecide(pf, partition: &partition)
            let (lf, ld) = record(c, slot, lo.value, x, &partition)
            checks.append((ProveFinding(property: .categoryGap, subject: program.fields[slot].display,
                                        detail: ProveMessage.gap(ld.category),
                                        record: pf, decision: pd, other: lf, otherDecision: ld),
                           "gap/\(ld.category)"))
        }
    }

    /// The record of a sweep's point and its decision, as the reference has them.
    func record(_ c: Partition.Cell, _ slot: Int, _ v: Rational, _ x: Rational, _ partition: inout Partition) -> (Facts, Decision) {
        var r = c.facts
        r.values[slot] = .number(v)
        r.given[slot] = true
        return (r, v == x ? c.decision : relevanceDecide(r, partition: &partition))
    }
}
