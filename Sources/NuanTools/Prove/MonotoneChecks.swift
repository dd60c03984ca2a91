import NuanSupport
import NuanSyntax
import NuanProgram
/// Monotonicity and category gaps, checked from every cell's representative record.
///
/// With every other input fixed, the record's household income is moved to each of its
/// representative values (every threshold a comparison reading it flips at, with the other
/// inputs as they are, and one fen either side): a higher income must not raise the total or
/// improve the category (categories rank in the order they are tried, the first highest;
/// none lowest). Likewise a smaller household (each representative size below the record's)
/// and one hardship cause fewer. Cliffs — the total falling to 0 above a line — are allowed.
/// A category gap is an income whose category is none while a lower and a higher income, all
/// else equal, both have one.
struct MonotoneChecks {
    let program: CheckedProgram
    let income: Int?
    let size: Int?
    let causes: Int?
    let rank: [String: Int]
    /// `rank` by the category code's index (the category enum), -1 for a code without one.
    let rankOfCode: [Int]
    let groupRanges: [Range<Int>]
    /// Per benefit group: its benefits' names (as a decision's `pending` lists them).
    let pendingNames: [Set<String>]
    var done: Set<[ValueKey]> = []
    var evaluations = 0
    /// Representative values over the whole program (every comparison reading the input).
    var values: PartitionValues
    /// Per part (its index): the representative values of what a sweep compares (`sweepRoots`).
    var partValues: [Int: PartitionValues] = [:]
    /// Decides the conditions of the file's `允许类别空档` (a gap the file allows is not reported).
    var gapEvaluator: Evaluator
    /// The fast path (`visitFast`): the evaluators deciding the sweeps' points.
    var interpreter: Evaluator
    var fast: CompiledEvaluator
    /// Per part (its index): what a sweep's point must decide of the record, where no
    /// arithmetic of the file can fail (`ArithmeticBounds`): the part's benefit group and the
    /// `唯一` groups (a clash makes the record invalid), the category only for the category.
    /// Empty: every point is decided whole.
    var scopes: [Int: OutlineScope] = [:]
    /// Per benefit group: the fields its benefits' amounts read (the amounts, their exceptions'
    /// conditions and amounts). A sweep of another field keeps every amount as it is.
    let amountReads: [Set<Int>]

    /// `failureFree`: `ArithmeticBounds.failureFree(program)`, when the caller knows it.
    init(_ program: CheckedProgram, failureFree: Bool? = nil) {
        self.program = program
        values = PartitionValues(program)
        gapEvaluator = Evaluator(program: program)
        interpreter = Evaluator(program: program)
        fast = CompiledEvaluator(interpreter)
        income = program.fieldIndex(named: "household_monthly_income")
        size = program.fieldIndex(named: "household_size")
        causes = program.fieldIndex(named: "hardship_causes")
        var rank: [String: Int] = ["none": 0]
        let codes = program.categories.map(\.code)
        for (i, c) in codes.enumerated() where rank[c] == nil { rank[c] = codes.count - i }
        self.rank = rank
        rankOfCode = program.enums[program.categoryEnum].codes.map { rank[$0] ?? -1 }
        var start = 0
        var ranges: [Range<Int>] = []
        for g in program.benefitGroups {
            ranges.append(start..<(start + g.benefits.count))
            start += g.benefits.count
        }
        groupRanges = ranges
        pendingNames = program.benefitGroups.map { Set($0.benefits.map(\.name)) }
        amountReads = program.benefitGroups.map { g in
            var roots: [Int32] = []
            for b in g.benefits {
                if case .fixed(let n) = b.amount { roots.append(n) }
                for e in b.exceptions {
                    roots.append(e.condition)
                    if case .fixed(let n) = e.amount { roots.append(n) }
                }
            }
            return ProgramTests.fieldsRead(program, roots)
        }
        if failureFree ?? ArithmeticBounds.failureFree(program) {
            let unique = program.benefitGroups.map { $0.policy == .unique }
            scopes[Partition.Part.category.index] = OutlineScope(groups: unique, category: true, score: false)
            for g in program.benefitGroups.indices {
                var groups = unique
                groups[g] = true
                scopes[Partition.Part.group(g).index] = OutlineScope(groups: groups, category: false, score: false)
            }
        }
    }

    /// The expressions a sweep's points can differ by in what `better` compares for `part`:
    /// the part's own, the validity rules and every 唯一 group (an invalid point is skipped).
    static func sweepRoots(_ p: CheckedProgram, _ part: Partition.Part) -> [Int32] {
        var roots = ProgramTests.roots(p, part) + ProgramTests.roots(p, .validity)
        for (g, group) in p.benefitGroups.enumerated() where group.policy == .unique && !part.follows(group: g, p) {
            roots += ProgramTests.roots(p, .group(g))
        }
        return roots
    }

    /// The representative values a sweep of `part` walks.
    mutating func sweepValues(_ slot: Int, _ c: Partition.Cell, relevance: inout Relevance) -> [Value?] {
        let k = c.part.index
        if partValues[k] == nil { partValues[k] = PartitionValues(program, roots: MonotoneChecks.sweepRoots(program, c.part), filter: true) }
        return partValues[k]!.values(slot, facts: c.facts, open: InputSet(), relevance: &relevance)
    }

    /// Whether a sweep of `slot` from cell `c` can find nothing: `c` is a benefit group's, the
    /// sweep keeps each of its benefits' amounts as on `c`'s record, and none of them pays money
    /// there — the group pays 0 at every point, and no point is better off than another.
    mutating func paysNothingAlong(_ slot: Int, _ c: Partition.Cell) -> Bool {
        guard case .group(let g) = c.part, !amountReads[g].contains(slot) else { return false }
        return !groupRanges[g].contains { interpreter.paysMoney($0, on: c.facts) }
    }

    func decided(_ d: Decision) -> Bool { d.status != .invalid && rank[d.category] != nil }

    /// Why `b` (the record with more income, fewer members or fewer causes) is better off than
    /// `a` in what `part` decides (a benefit group's amount, or the category), or nil.
    func better(_ b: Decision, than a: Decision, _ part: Partition.Part) -> Message? {
        switch part {
        case .group(let g):
            // A group with a benefit still open has no settled money: unknown is not zero.
            guard a.status != .invalid, b.status != .invalid, !pending(a, group: g), !pending(b, group: g) else { return nil }
            let (x, y) = (amount(a, group: g), amount(b, group: g))
            return x < y ? ProveMessage.totalRises(a.totalAmount, b.totalAmount) : nil
        case .category:
            guard decided(a), decided(b), let ra = rank[a.category], let rb = rank[b.category], rb > ra else { return nil }
            return ProveMessage.categoryImproves(a.category, b.category)
        case .validity, .assertion:
            return nil
        }
    }

    /// Whether a benefit of group `g` is still open in `d` (listed in its `pending`).
    func pending(_ d: Decision, group g: Int) -> Bool {
        d.pending.contains { pendingNames[g].contains($0) }
    }

    /// The money a decision pays from one benefit group (待定 amounts count as 0).
    func amount(_ d: Decision, group g: Int) -> Rational {
        let range = groupRanges[g]
        return Rational.sum(d.awards.filter { range.contains($0.benefitIndex) }.compactMap(\.amount)) ?? .zero
    }

    func key(_ f: Facts, without slot: Int, part: Partition.Part) -> [ValueKey] {
        var k: [ValueKey] = [ValueKey(.number(Rational(integer: Int64(slot))), given: false), ValueKey(.number(Rational(integer: Int64(part.index))), given: false)]
        for (i, v) in f.values.enumerated() where i != slot { k.append(ValueKey(v, given: f.given[i])) }
        return k
    }

    mutating func visit(_ c: Partition.Cell, partition: inout Partition, into checks: inout CellChecks) {
        guard c.part != .validity, c.decision.status != .invalid else { return }
        if case .assertion = c.part { return }
        if let s = income, case .number(let x) = c.facts.values[s], c.facts.given[s] {
            sweep(c, slot: s, at: x, property: .monotoneIncome, higherIsWorse: false, partition: &partition, into: &checks)
        }
        if let s = size, case .number(let n) = c.facts.values[s], c.facts.given[s] {
            sweep(c, slot: s, at: n, property: .monotoneMembers, higherIsWorse: true, partition: &partition, into: &checks)
        }
        if let s = causes, case .set(let m) = c.facts.values[s], c.facts.given[s], m != 0 {
            for o in 0..<64 where m & (1 << UInt64(o)) != 0 {
                var f = c.facts
                f.values[s] = .set(m & ~(1 << UInt64(o)))
                let d = partition.decide(f)
                evaluations += 1
                if let why = better(d, than: c.decision, c.part) {
                    checks.add(ProveFinding(property: .monotoneCauses, subject: program.fields[s].display, detail: why,
                                            record: c.facts, decision: c.decision, other: f, otherDecision: d),
                               key: "causes/\(c.part)/\(c.decision.category)->\(d.category)/\(c.decision.totalAmount)->\(d.totalAmount)")
                }
            }
        }
    }

    /// Decides the record at each representative value of `slot` and compares neighbours in
    /// order; `higherIsWorse` for the household size (more members = poorer per head).
    mutating func sweep(_ c: Partition.Cell, slot: Int, at x: Rational, property: ProveProperty, higherIsWorse: Bool,
                        partition: inout Partition, into checks: inout CellChecks) {
        guard done.insert(key(c.facts, without: slot, part: c.part)).inserted else { return }
        let values = sweepValues(slot, c, relevance: &partition.relevance)
        var points: [(Rational, Facts, Decision)] = []
        for case .number(let v)? in values {
            var f = c.facts
            f.values[slot] = .number(v)
            f.given[slot] = true
            points.append((v, f, v == x ? c.decision : partition.decide(f)))
            evaluations += 1
        }
        points.sort { $0.0 < $1.0 }
        if higherIsWorse { points.reverse() }
        // "Richer" runs along the list: no point may be better off than the one before it
        // (totals and category ranks are totally ordered, so neighbours are enough).
        var previous: (Facts, Decision)?
        for p in points where p.2.status != .invalid {
            if let (bf, bd) = previous, let why = better(p.2, than: bd, c.part) {
                checks.add(ProveFinding(property: property, subject: program.fields[slot].display, detail: why,
                                        record: bf, decision: bd, other: p.1, otherDecision: p.2),
                           key: "\(property.rawValue)/\(c.part)/\(bd.category)->\(p.2.category)/\(bd.totalAmount)->\(p.2.totalAmount)")
            }
            previous = (p.1, p.2)
        }
        guard property == .monotoneIncome, c.part == .category else { return }
        // Gaps: none between two categories.
        let seq = points.filter { decided($0.2) }
        for (i, p) in seq.enumerated() where p.2.category == "none" {
            guard let lo = seq[..<i].last(where: { $0.2.category != "none" }),
                  seq[(i + 1)...].contains(where: { $0.2.category != "none" }),
                  !AssertionChecks.allowsGap(p.1, program, &gapEvaluator) else { continue }
            checks.add(ProveFinding(property: .categoryGap, subject: program.fields[slot].display,
                                    detail: ProveMessage.gap(lo.2.category),
                                    record: p.1, decision: p.2, other: lo.1, otherDecision: lo.2),
                       key: "gap/\(lo.2.category)")
        }
    }
}

extension Partition {
    /// The decision for a whole record (no open inputs).
    mutating func decide(_ f: Facts) -> Decision {
        evaluations += 1
        return relevance.openDecide(f, open: InputSet()).decision
    }
}
