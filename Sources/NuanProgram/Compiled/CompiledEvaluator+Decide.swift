import NuanSupport
import NuanSyntax
extension CompiledEvaluator {
    /// Decides one record, with no explanation: exactly `interpreter.decide(f, language:)`.
    /// `interpreter` must be the evaluator this one was made from (or one over the same program).
    public mutating func decide(_ f: Facts, using interpreter: inout Evaluator, language: Language = .chinese) -> Decision {
        if let d = decideCompiled(f, &interpreter, language: language) {
            lastFast = true
            return d
        }
        lastFast = false
        fallbacks += 1
        return interpreter.decide(f, language: language)
    }

    /// Decides one record into `line` when its decision is plain (`DecisionLine`), else gives
    /// the decision `decide` gives. The decision line is what the decision would render as:
    /// `DecisionLineTests` compares the two on every shipped rules file.
    public mutating func decideLine(_ f: Facts, using interpreter: inout Evaluator, into line: inout DecisionLine,
                                    language: Language = .chinese) -> DecisionLine.Outcome {
        guard let (errors, category, score) = evaluateCompiled(f, &interpreter, language: language) else {
            lastFast = false
            fallbacks += 1
            return .decision(interpreter.decide(f, language: language))
        }
        lastFast = true
        if errors.isEmpty && interpreter.assembleLine(&line, category: category, score: score, language: language) {
            return .line
        }
        var decision = Self.decision(f, errors: errors)
        interpreter.assemble(&decision, category: category, score: score, language: language)
        return .decision(decision)
    }

    /// The compiled path of `Evaluator.evaluate`, in the same order; nil where it stops.
    mutating func decideCompiled(_ f: Facts, _ ev: inout Evaluator, language: Language) -> Decision? {
        guard let (errors, category, score) = evaluateCompiled(f, &ev, language: language) else { return nil }
        var decision = Self.decision(f, errors: errors)
        ev.assemble(&decision, category: category, score: score, language: language)
        return decision
    }

    /// The decision `Evaluator.evaluate` begins with, holding the guards' errors.
    static func decision(_ f: Facts, errors: [RecordError]) -> Decision {
        Decision(id: f.id, status: .ineligible, category: "none", awards: [], totalAmount: .zero, score: nil,
                 missing: [], errors: errors, explanation: [], pending: [])
    }

    /// Everything `decideCompiled` does before assembling the decision: the guards' errors,
    /// the benefit outcomes in `ev.outcomes`, the category and the score.
    mutating func evaluateCompiled(_ f: Facts, _ ev: inout Evaluator, language: Language) -> ([RecordError], Value, Rational?)? {
        guard ev.openInputs.isEmpty else { return nil }
        ev.begin(f, tracing: false)
        ev.language = language
        ev.scoreFailure = nil
        if !ev.failures.isEmpty { ev.failures.removeAll(keepingCapacity: true) }
        guard load(f) else { return nil }
        var errors: [RecordError] = []
        // the guards (Evaluator.checkGuards)
        ev.checkJurisdiction(errors: &errors, language: language)
        for k in 0..<layout.validityCount {
            guard let v = value(block: layout.validity + k, &ev) else { return nil }
            if v.isBool(true) { errors.append(ev.validityError(k, language: language)) }
        }
        ev.guardFailed = !errors.isEmpty
        for i in 0..<layout.benefitCount {
            guard let o = benefitOutcome(i, &ev) else { return nil }
            ev.outcomes[i] = o
        }
        guard let category = category(&ev) else { return nil }
        var score: Rational?
        if hasScore {
            guard let s = computeScore(&ev) else { return nil }
            score = s
        }
        return (errors, category.unknown ? .unknown(category.missing) : .choice(Int32(category.x)), score)
    }

    /// As `Evaluator.benefitOutcome`.
    mutating func benefitOutcome(_ index: Int, _ ev: inout Evaluator) -> Evaluator.BenefitOutcome? {
        let b = benefits[index]
        var applies = Register.bool(true)
        if b.recipient >= 0 {
            guard let g = group(Int(b.recipient), &ev) else { return nil }
            applies = g
        }
        if b.condition >= 0, !applies.isBool(false) {
            guard let v = value(block: layout.benefitConditions + index, &ev) else { return nil }
            if v.isBool(false) || applies.isBool(true) { applies = v } else { applies = .unknown(applies.missing.union(v.missing)) }
        }
        var out = Evaluator.BenefitOutcome(truth: applies.unknown ? .unknown : (applies.x != 0 ? .yes : .no), missing: applies.missing)
        guard out.truth != .no else { return out }
        var amount = b.amount
        var amountBlock = layout.benefitAmounts + index
        var k = Int(b.exceptionStart)
        let end = k + Int(b.exceptionCount)
        while k < end {
            guard let v = value(block: layout.exceptionConditions + k, &ev) else { return nil }
            if v.isBool(true) {
                amount = exceptions[k].amount
                amountBlock = layout.exceptionAmounts + k
                out.exceptionUsed = k - Int(b.exceptionStart)
                break
            }
            if v.isBool(false) { k += 1; continue }
            out.amountUnknown = true
            out.missing = out.missing.union(v.missing)
            break
        }
        switch amount {
        case .unset: break
        case .withhold: out.withheld = true
        case .fixed:
            guard let v = value(block: amountBlock, &ev) else { return nil }
            if v.unknown {
                out.amountUnknown = true
                out.missing = out.missing.union(v.missing)
            } else {
                guard let q = v.rational else { return nil }
                out.amount = q
            }
        }
        return out
    }

    /// As `Evaluator.computeScore`: nil where the compiled path stops; `.some(nil)` for a score
    /// left unknown.
    mutating func computeScore(_ ev: inout Evaluator) -> Rational?? {
        var total = Register.known(0)
        var known = true
        for j in 0..<layout.scorePartCount {
            guard let part = scorePart(j, &ev) else { return nil }
            guard let v = part else { known = false; continue }
            guard let (x, y) = Fraction.add(total, v) else { return nil }
            total = .known(x, y)
        }
        guard known else { return .some(nil) }
        guard let q = total.rational else { return nil }
        return .some(q)
    }

    mutating func scorePart(_ j: Int, _ ev: inout Evaluator) -> Register?? {
        if blocks[layout.scoreConditions + j].exists {
            guard let c = value(block: layout.scoreConditions + j, &ev) else { return nil }
            if c.isBool(false) { return .some(.known(0)) }
            if !c.isBool(true) { return .some(nil) }
        }
        var value = Register.known(1)
        if blocks[layout.scoreWeights + j].exists {
            guard let w = self.value(block: layout.scoreWeights + j, &ev) else { return nil }
            if w.unknown { return .some(nil) }
            value = w
        }
        if blocks[layout.scoreExpressions + j].exists {
            guard let x = self.value(block: layout.scoreExpressions + j, &ev) else { return nil }
            if x.unknown { return .some(nil) }
            guard let (n, d) = Fraction.multiply(value, x) else { return nil }
            value = .known(n, d)
        }
        return .some(value)
    }

    // MARK: what a batch summary reads after a decision

    /// Group `i` for the record last decided (as `Evaluator.group`).
    public mutating func group(_ i: Int, using ev: inout Evaluator) -> Value {
        guard lastFast, let v = group(i, &ev) else { return ev.group(i) }
        return v.unknown ? .unknown(v.missing) : .bool(v.x != 0)
    }

    /// Definition `i` for the record last decided (as `Evaluator.definition`).
    public mutating func definition(_ i: Int, using ev: inout Evaluator) -> Value {
        guard lastFast, let v = definition(i, &ev) else { return ev.definition(i) }
        if v.unknown { return .unknown(v.missing) }
        switch ev.program.definitions[i].type {
        case .bool: return .bool(v.x != 0)
        case .money, .number: return v.rational.map { .number($0) } ?? ev.definition(i)
        case .date: return .date(Int32(truncatingIfNeeded: v.x))
        case .choice: return .choice(Int32(truncatingIfNeeded: v.x))
        case .list: return .set(UInt64(bitPattern: v.x))
        case .text, .error: return ev.definition(i)
        }
    }
}
