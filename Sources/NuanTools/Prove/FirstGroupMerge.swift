import NuanSupport
import NuanSyntax
import NuanProgram
/// Fewer values of a list field where a `命中 首个` group is all it decides.
///
/// A `首个` group pays its first benefit that applies; the later ones do not change what it
/// pays. Where a group's benefits test a list field (人员类别) against different options, the
/// option sets the tests tell apart multiply (heilongjiang's six visits: 75 sets), though the
/// group can only come out as one of its benefits or none. At a node where the partition assigns
/// such a field, sets are merged when the group surely comes out the same way for every value of
/// the inputs still open: the same benefit wins (every benefit before it surely does not apply)
/// and each of its funds surely may, or surely may not, pay the record. Of each kind, the set
/// the most benefits apply to is kept (the boundary examples then name records two benefits
/// both pay, which a reordering of the group changes).
///
/// Only where merging cannot hide a broken property: not the hardship causes, household size or
/// income (the monotonicity sweeps move them), not a field a validity rule reads, not a field an
/// amount or exception reads, and not a field a benefit's test reads together with a field the
/// sweeps move (the winner then stays the same along every sweep). The reachability checks also
/// read which benefits applied without winning; a file with a benefit no record gets is proved
/// again without merging (`Prover`), so that what they say is read off every set.
struct FirstGroupMerge {
    let program: CheckedProgram
    let inputs: RuleInputs
    /// Per benefit group: the list fields whose values may be merged at its nodes.
    let mergeable: [Set<Int>]
    /// Per benefit (flat): the fields its recipient and condition read.
    let truthReads: [InputSet]
    /// Per benefit group: its benefits' range in the flat list.
    let ranges: [Range<Int>]

    init(_ p: CheckedProgram) {
        program = p
        let inputs = RuleInputs(p)
        self.inputs = inputs
        func reads(_ n: Int32?) -> InputSet {
            guard let n, n >= 0, Int(n) < inputs.reads.count else { return .empty }
            return inputs.reads[Int(n)]
        }
        func reads(_ a: CheckedProgram.Amount) -> InputSet { if case .fixed(let n) = a { return reads(n) }; return .empty }
        let swept = ["household_monthly_income", "household_size", "hardship_causes"].compactMap { p.fieldIndex(named: $0) }
        let validity = p.validityRules.reduce(InputSet.empty) { $0.union(reads($1.root)) }
        let truthReads = p.benefits.map { b in reads(b.condition).union(b.recipient.map { reads(p.groups[$0].root) } ?? .empty) }
        var ranges: [Range<Int>] = []
        var mergeable: [Set<Int>] = []
        var start = 0
        for g in p.benefitGroups {
            let range = start..<(start + g.benefits.count)
            start += g.benefits.count
            ranges.append(range)
            guard g.policy == .first else { mergeable.append([]); continue }
            var slots: Set<Int> = []
            for s in p.fields.indices {
                guard case .list = p.fields[s].type, !swept.contains(s), !validity.has(s) else { continue }
                let ok = range.allSatisfy { k in
                    let b = p.benefits[k]
                    var amounts = reads(b.amount)
                    for e in b.exceptions { amounts = amounts.union(reads(e.condition)).union(reads(e.amount)) }
                    if amounts.has(s) { return false }
                    return !truthReads[k].has(s) || !swept.contains { truthReads[k].has($0) }
                }
                if ok { slots.insert(s) }
            }
            mergeable.append(slots)
        }
        groupReadsAll = p.groups.map { reads($0.root) }
        self.mergeable = mergeable
        self.truthReads = truthReads
        self.ranges = ranges
    }

    func applies(group g: Int, slot: Int) -> Bool { mergeable[g].contains(slot) }

    /// Per recipient group: the fields it reads.
    private let groupReadsAll: [InputSet]

    private func groupReads(_ r: Int) -> InputSet { groupReadsAll[r] }

    /// The inputs besides `slot` that what `slot` decides in group `g` reads: the tests of its
    /// benefits that read `slot`, their recipients and the groups their funds may pay. A set's
    /// outcome depends only on these (`Partition`'s memo key).
    func context(group g: Int, slot: Int) -> [Int] {
        var s = InputSet.empty
        for k in ranges[g] {
            let b = program.benefits[k]
            if truthReads[k].has(slot) { s = s.union(truthReads[k]) }
            var rs = b.funds.flatMap { program.funds[$0].mayPay ?? [] }
            if let r = b.recipient { rs.append(r) }
            for r in rs where groupReads(r).has(slot) { s = s.union(groupReads(r)) }
        }
        s.remove(slot)
        return s.slots
    }

    /// What decides whether two sets merge, or nil when this set is kept on its own. `applies`
    /// and `groups` are the set's decision with the other inputs open; `fixed` is the node's
    /// (the field open), which gives the same for everything that does not read the field.
    func signature(applies: [Truth], groups: [Value], fixed: Relevance.OpenDecision, group g: Int, slot: Int) -> [Int]? {
        let benefits = program.benefits
        func truth(_ k: Int) -> Truth { truthReads[k].has(slot) ? applies[k] : fixed.applies[k] }
        func value(_ r: Int) -> Value { groupReads(r).has(slot) ? groups[r] : fixed.groups[r] }
        var winner = -1
        for k in ranges[g] {
            let t = truth(k)
            if t == .yes { winner = k; break }
            // An open benefit before the winner: the winner is open.
            if t == .unknown { return nil }
        }
        // Per fund of the winner: whether it may pay the record (专款专用 asks only that some
        // group it may pay holds).
        var key = [winner]
        if winner >= 0 {
            for f in benefits[winner].funds {
                guard let pays = program.funds[f].mayPay else { continue }
                if pays.contains(where: { value($0) == .bool(true) }) {
                    key.append(1)
                } else if pays.allSatisfy({ value($0) == .bool(false) }) {
                    key.append(0)
                } else if pays.contains(where: { value($0) != .bool(false) && groupReads($0).has(slot) }) {
                    return nil
                } else {
                    key.append(2)
                }
            }
        }
        return key
    }

    /// Whether `f` reports a benefit no record gets in a group whose sets may be merged (the
    /// report then says whether it applied, and what beat it, from the sets walked).
    func mayHide(_ f: ProveFinding) -> Bool {
        guard f.property == .benefitReachable else { return false }
        return ranges.indices.contains { g in !mergeable[g].isEmpty && ranges[g].contains { program.benefits[$0].name == f.subject } }
    }

    /// How many of group `g`'s benefits surely apply to the set (the winner and those after it).
    func held(applies: [Truth], fixed: Relevance.OpenDecision, group g: Int, slot: Int) -> Int {
        ranges[g].reduce(0) { n, k in n + ((truthReads[k].has(slot) ? applies[k] : fixed.applies[k]) == .yes ? 1 : 0) }
    }

    /// Which of a node's values to keep, given each one's signature (nil: kept) and how many of
    /// the group's benefits apply to it: of each signature, the set the most benefits apply to
    /// (the first of those). The boundary examples (`--emit-examples`) are made from the cells:
    /// a record two benefits both pay is what shows that the group's order matters, so a later
    /// reordering of the group fails an example.
    static func keep(_ signatures: [[Int]?], held: [Int]) -> [Bool] {
        var best: [[Int]: Int] = [:]
        for (i, s) in signatures.enumerated() {
            guard let s else { continue }
            if let b = best[s], held[b] >= held[i] { continue }
            best[s] = i
        }
        let kept = Set(best.values)
        return signatures.indices.map { signatures[$0] == nil || kept.contains($0) }
    }
}
