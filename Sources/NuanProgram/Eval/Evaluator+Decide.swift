import NuanSupport
import NuanSyntax
extension Evaluator {
    /// What became of one benefit in one evaluation.
    package struct BenefitOutcome {
        package var truth: Truth
        package var missing: InputSet
        /// What the truth alone waits on (the interpreter's; `missing` adds the amount's inputs).
        package var truthMissing = InputSet.empty
        package var amount: Rational?
        package var amountUnknown = false
        package var withheld = false
        package var exceptionUsed: Int?
        /// Index into the evaluator's `failures` (kept out of line so an outcome is plain data).
        package var failure: Int32 = -1

        /// Certain to apply, with a settled amount.
        package var certain: Bool { truth == .yes && !amountUnknown && failure < 0 }
        /// Might still apply (or its amount is still open).
        package var open: Bool { (truth == .unknown || amountUnknown) && failure < 0 }
    }

    mutating func benefitOutcome(_ index: Int) -> BenefitOutcome {
        let b = plan.benefits[index]
        var applies: Value = .bool(true)
        if b.recipient >= 0 { applies = group(Int(b.recipient)) }
        if b.condition >= 0, applies != .bool(false) {
            let v = eval(b.condition)
            switch (applies, v) {
            case (_, .bool(false)): applies = v
            case (.bool(true), _): applies = v
            case (.failure, _): break
            case (_, .failure): applies = v
            default: applies = .unknown(applies.missing.union(v.missing))
            }
        }
        var out = BenefitOutcome(truth: Truth(applies), missing: applies.missing)
        out.truthMissing = applies.missing
        if case .failure(let m) = applies { out.failure = recordFailure(m); out.truth = .unknown }
        guard out.truth != .no else { return out }
        let (amount, used, undecided) = amountAfterExceptions(b)
        out.exceptionUsed = used
        if let v = undecided {
            out.amountUnknown = true
            out.missing = out.missing.union(v.missing)
        }
        switch amount {
        case .unset: break
        case .withhold: out.withheld = true
        case .fixed(let n):
            switch eval(n) {
            case .number(let r): out.amount = r
            case .failure(let m): out.failure = recordFailure(m)
            case let v: out.amountUnknown = true; out.missing = out.missing.union(v.missing)
            }
        }
        return out
    }

    /// Whether benefit `flat` would pay money on record `f` if it applied: its amount (after
    /// its exceptions) is a known figure other than zero. 待定, withheld, unknown and failed
    /// amounts pay nothing. `nuan prove` skips a sweep whose benefits all pay nothing.
    package mutating func paysMoney(_ flat: Int, on f: Facts) -> Bool {
        openInputs = .empty
        begin(f, tracing: false)
        let (amount, _, undecided) = amountAfterExceptions(plan.benefits[flat])
        guard undecided == nil, case .fixed(let n) = amount, case .number(let r) = eval(n) else { return false }
        return r != .zero
    }

    /// A benefit's amount after its exceptions: the first whose condition holds (`used`, its
    /// place among them), else its own; `undecided`, the first condition that is neither true
    /// nor false — the amount then waits on it, and the benefit's own amount is returned.
    mutating func amountAfterExceptions(_ b: EvalPlan.Benefit) -> (amount: EvalPlan.Amount, used: Int?, undecided: Value?) {
        var k = Int(b.exceptionStart)
        let end = k + Int(b.exceptionCount)
        while k < end {
            let ex = plan.exceptions[k]
            let v = eval(ex.condition)
            if case .bool(true) = v { return (ex.amount, k - Int(b.exceptionStart), nil) }
            guard case .bool(false) = v else { return (b.amount, nil, v) }
            k += 1
        }
        return (b.amount, nil, nil)
    }

    mutating func recordFailure(_ m: String) -> Int32 {
        failures.append(m)
        return Int32(failures.count - 1)
    }

    /// What an explanation is built from: the trace of one evaluation and the outcomes it
    /// reached. The evaluator hands it over and never reads it back (the explanation is a later
    /// stage, `NuanExplain`).
    package struct Evaluation {
        package var trace: Trace
        package var facts: Facts
        /// Each benefit group's outcomes, in program order.
        package var outcomes: [[BenefitOutcome]]
        package var category: Value
    }

    /// Decides one record, with no explanation. `facts` must have passed record validation.
    public mutating func decide(_ f: Facts, language: Language = .chinese) -> Decision {
        evaluate(f, tracing: false, language: language).decision
    }

    /// Decides one record and, with `tracing`, keeps what an explanation needs.
    package mutating func evaluate(_ f: Facts, tracing: Bool, language: Language = .chinese) -> (decision: Decision, evaluation: Evaluation?) {
        begin(f, tracing: tracing)
        self.language = language
        var decision = Decision(id: f.id, status: .ineligible, category: "none", awards: [], totalAmount: .zero, score: nil,
                                missing: [], errors: [], explanation: [], pending: [])
        if !failures.isEmpty { failures.removeAll(keepingCapacity: true) }
        checkGuards(&decision, language: language)
        if let decided = groupsDecided {
            for (gi, g) in plan.benefitGroups.enumerated() {
                for i in g.start..<(g.start + g.count) { outcomes[i] = decided[gi] ? benefitOutcome(i) : BenefitOutcome(truth: .no, missing: .empty) }
            }
        } else {
            for i in plan.benefits.indices { outcomes[i] = benefitOutcome(i) }
        }
        let categoryValue = decidesCategory ? category() : .unknown(.empty)
        if !decidesScore { scoreFailure = nil }
        let score = plan.hasScore && decidesScore ? computeScore() : nil
        assemble(&decision, category: categoryValue, score: score, language: language)
        guard tracing, let t = trace else { return (decision, nil) }
        let byGroup = plan.benefitGroups.map { Array(outcomes[$0.start..<($0.start + $0.count)]) }
        return (decision, Evaluation(trace: t, facts: facts, outcomes: byGroup, category: categoryValue))
    }

    /// Turns the record's evaluated parts — the benefit outcomes in `outcomes`, the category, the
    /// score — into its decision: hit policies, awards, total, status, missing, warnings. Evaluates
    /// nothing, so the compiled evaluator (`Compiled/`) shares it and decides exactly alike.
    mutating func assemble(_ decision: inout Decision, category categoryValue: Value, score: Rational?, language: Language) {
        var missing = InputSet.empty
        for (gi, g) in plan.benefitGroups.enumerated() {
            for k in g.start..<(g.start + g.count) {
                if outcomes[k].failure >= 0 { decision.errors.append(RecordError(field: "", value: nil, reason: failures[Int(outcomes[k].failure)], language: language)) }
            }
            let (granted, pending) = applyHitPolicy(g, group: gi, errors: &decision.errors)
            for k in g.start..<(g.start + g.count) {
                let r = outcomes[k]
                if granted.contains(k - g.start) && !r.withheld {
                    decision.awards.append(award(k, r))
                } else if pending.contains(k - g.start) {
                    decision.pending.append(program.benefitGroups[gi].benefits[k - g.start].name)
                    missing = missing.union(r.missing)
                }
            }
        }
        decision.score = score
        if let total = Rational.sum(decision.awards.compactMap(\.amount)) { decision.totalAmount = total } else {
            // A total that does not fit is never shown short of a part.
            decision.errors.append(RecordError(field: "total_amount", value: nil, reason: EvalMessage.totalOverflow, language: language))
        }
        if plan.hasScore && decision.score == nil, let m = scoreFailure {
            decision.errors.append(RecordError(field: "score", value: nil, reason: m, language: language))
        }
        // An evaluation error (an overflow) in the category is an error, not an unknown category.
        if case .failure(let m) = categoryValue { decision.errors.append(RecordError(field: "category", value: nil, reason: m, language: language)) }
        if !decision.errors.isEmpty { decision.status = .invalid }
        else if !decision.awards.isEmpty { decision.status = .eligible }
        else if !decision.pending.isEmpty { decision.status = .undetermined }
        decision.category = categoryCode(categoryValue)
        if !missing.isEmpty { decision.missing = missing.slots.map { program.inputName($0) } }
        if decision.status == .invalid { decision.awards = []; decision.totalAmount = .zero }
        // A record the guards reject is not decided under these rules: no category or score
        // of it is counted (a household outside the 辖区 is no 深度困难 case of this notice).
        if guardFailed { decision.category = "undetermined"; decision.score = nil }
        addWarnings(&decision, language: language)
    }

    /// `assemble` for a plain record (`DecisionLine`): false, and `assemble` must decide it,
    /// where the decision would hold an error, something pending, or a guard's refusal.
    mutating func assembleLine(_ line: inout DecisionLine, category categoryValue: Value, score: Rational?, language: Language) -> Bool {
        guard !guardFailed else { return false }
        if case .failure = categoryValue { return false }
        if plan.hasScore && score == nil && scoreFailure != nil { return false }
        line.awards.removeAll(keepingCapacity: true)
        line.amounts.removeAll(keepingCapacity: true)
        var errors: [RecordError] = []
        var total = Rational.zero
        for (gi, g) in plan.benefitGroups.enumerated() {
            for k in g.start..<(g.start + g.count) where outcomes[k].failure >= 0 { return false }
            let (granted, pending) = applyHitPolicy(g, group: gi, errors: &errors)
            guard errors.isEmpty && pending.isEmpty else { return false }
            for k in g.start..<(g.start + g.count) where granted.contains(k - g.start) && !outcomes[k].withheld {
                let amount = outcomes[k].amount
                line.awards.append(Int32(k))
                line.amounts.append(amount)
                if let a = amount {
                    guard let s = total.adding(a) else { return false }
                    total = s
                }
            }
        }
        line.total = total
        line.score = score
        line.status = line.awards.isEmpty ? .ineligible : .eligible
        line.category = categoryCode(categoryValue)
        line.warnings.removeAll(keepingCapacity: true)
        addWarnings(to: &line.warnings, language: language)
        return true
    }

    /// Benefit `flat`'s award as `Decision.awards` holds it, without an amount.
    public func awardTemplate(_ flat: Int) -> Decision.Award { plan.awards[flat] }

    /// How many benefits the program has, over all its groups (`awardTemplate`'s indices).
    public var flatBenefitCount: Int { plan.awards.count }

    func categoryCode(_ v: Value) -> String {
        if case .choice(let c) = v { return program.enums[program.categoryEnum].codes[Int(c)] }
        return "undetermined"
    }

    /// Benefit `flat`'s award (`EvalPlan.awards`, built once) with this record's amount.
    func award(_ flat: Int, _ r: BenefitOutcome) -> Decision.Award {
        var a = plan.awards[flat]
        a.amount = r.amount
        return a
    }

    /// Which benefits of a group (indices within the group) are granted, and which are still
    /// open, under its hit policy. Bit sets, not arrays: nothing is allocated.
    func applyHitPolicy(_ g: EvalPlan.Group, group gi: Int, errors: inout [RecordError]) -> (granted: IndexSet32, pending: IndexSet32) {
        let range = g.start..<(g.start + g.count)
        var yes = IndexSet32(), open = IndexSet32()
        for k in range {
            if outcomes[k].certain { yes.insert(k - g.start) }
            if outcomes[k].open { open.insert(k - g.start) }
        }
        switch g.policy {
        case .all:
            return (yes, open)
        case .first:
            for k in 0..<g.count {
                if open.contains(k) {
                    var p = open.prefix(through: k)
                    if let f = yes.first { p.insert(f) }
                    return (IndexSet32(), p)
                }
                if yes.contains(k) { return (IndexSet32(single: k), IndexSet32()) }
            }
            return (IndexSet32(), IndexSet32())
        case .highest:
            var best = -1
            for k in 0..<g.count where yes.contains(k) {
                if best < 0 || (outcomes[g.start + best].amount ?? .zero) < (outcomes[g.start + k].amount ?? .zero) { best = k }
            }
            guard best >= 0 else { return (IndexSet32(), open) }
            let bestAmount = outcomes[g.start + best].amount ?? .zero
            var stillOpen = IndexSet32()
            for k in 0..<g.count where open.contains(k) {
                if let a = outcomes[g.start + k].amount, a <= bestAmount { continue }
                stillOpen.insert(k)
            }
            if stillOpen.isEmpty { return (IndexSet32(single: best), IndexSet32()) }
            stillOpen.insert(best)
            return (IndexSet32(), stillOpen)
        case .unique:
            if yes.count > 1 {
                let names = (0..<g.count).filter { yes.contains($0) }.map { program.benefitGroups[gi].benefits[$0].name }
                errors.append(RecordError(field: "", value: nil, reason: EvalMessage.uniqueClash(group: program.benefitGroups[gi].name, names), language: language))
                return (IndexSet32(), IndexSet32())
            }
            return (yes, open)
        }
    }

    mutating func computeScore() -> Rational? {
        var total = Rational.zero
        var known = true
        scoreFailure = nil
        for p in plan.scoreParts {
            guard let v = scorePart(p) else { known = false; continue }
            guard let s = total.adding(v) else { scoreFailure = EvalMessage.scoreOverflow.text(language); return nil }
            total = s
        }
        return known ? total : nil
    }

    mutating func scorePart(_ p: EvalPlan.ScorePart) -> Rational? {
        if p.condition >= 0 {
            switch eval(p.condition) {
            case .bool(false): return .zero
            case .bool(true): break
            case .failure(let m): scoreFailure = m; return nil
            default: return nil
            }
        }
        var value = Rational.one
        if p.weight >= 0 {
            let w = eval(p.weight)
            guard case .number(let r) = w else { if case .failure(let m) = w { scoreFailure = m }; return nil }
            value = r
        }
        if p.expr >= 0 {
            let x = eval(p.expr)
            guard case .number(let r) = x else { if case .failure(let m) = x { scoreFailure = m }; return nil }
            guard let v = value.multiplied(by: r) else { scoreFailure = EvalMessage.scorePartOverflow.text(language); return nil }
            value = v
        }
        return value
    }
}

/// A set of benefit indices within one group (the checker allows at most 128 per group).
struct IndexSet32 {
    var bits: InputSet = .empty

    init() {}
    init(single k: Int) { insert(k) }

    mutating func insert(_ k: Int) { if k < 128 { bits.insert(k) } }
    func contains(_ k: Int) -> Bool {
        guard k >= 0 && k < 128 else { return false }
        return k < 64 ? bits.low & (1 << UInt64(k)) != 0 : bits.high & (1 << UInt64(k - 64)) != 0
    }
    var isEmpty: Bool { bits.isEmpty }
    var count: Int { bits.low.nonzeroBitCount + bits.high.nonzeroBitCount }
    var first: Int? { bits.slots.first }

    func prefix(through k: Int) -> IndexSet32 {
        var out = IndexSet32()
        for i in 0...k where contains(i) { out.insert(i) }
        return out
    }
}
