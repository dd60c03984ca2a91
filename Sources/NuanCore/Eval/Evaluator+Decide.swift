extension Evaluator {
    /// What became of one benefit in one evaluation.
    struct BenefitOutcome {
        var truth: Truth
        var missing: InputSet
        var amount: Rational?
        var amountUnknown = false
        var withheld = false
        var exceptionUsed: Int?
        var failure: String?
    }

    mutating func benefitOutcome(_ b: CheckedProgram.Benefit) -> BenefitOutcome {
        var applies: Value = .bool(true)
        if let g = b.recipient { applies = group(g) }
        if let c = b.condition, applies != .bool(false) {
            let v = eval(c)
            switch (applies, v) {
            case (_, .bool(false)): applies = v
            case (.bool(true), _): applies = v
            case (.failure, _): break
            case (_, .failure): applies = v
            default: applies = .unknown(applies.missing.union(v.missing))
            }
        }
        var out = BenefitOutcome(truth: Truth(applies), missing: applies.missing)
        if case .failure(let m) = applies { out.failure = m; out.truth = .unknown }
        guard out.truth != .no else { return out }
        var amount = b.amount
        for (k, ex) in b.exceptions.enumerated() {
            let v = eval(ex.condition)
            if case .bool(true) = v { amount = ex.amount; out.exceptionUsed = k; break }
            if case .bool(false) = v { continue }
            out.amountUnknown = true
            out.missing = out.missing.union(v.missing)
            break
        }
        switch amount {
        case .unset: break
        case .withhold: out.withheld = true
        case .fixed(let n):
            switch eval(n) {
            case .number(let r): out.amount = r
            case .failure(let m): out.failure = m
            case let v: out.amountUnknown = true; out.missing = out.missing.union(v.missing)
            }
        }
        return out
    }

    /// Decides one record. `facts` must have passed record validation.
    public mutating func decide(_ f: Facts, explain: ExplainLevel = .none, language: Language = .chinese) -> Decision {
        begin(f, tracing: explain != .none)
        var awards: [Decision.Award] = []
        var pendingNames: [String] = []
        var missing = InputSet.empty
        var errors: [RecordError] = []
        var outcomes: [[BenefitOutcome]] = []
        for g in program.benefitGroups {
            var results: [BenefitOutcome] = []
            for b in g.benefits { results.append(benefitOutcome(b)) }
            outcomes.append(results)
            for r in results { if let m = r.failure { errors.append(RecordError(field: "", value: nil, reason: m)) } }
            let chosen = applyHitPolicy(g, results, errors: &errors)
            for (k, r) in results.enumerated() {
                let b = g.benefits[k]
                if chosen.granted.contains(k) && !r.withheld {
                    awards.append(award(b, r))
                } else if chosen.pending.contains(k) {
                    pendingNames.append(b.name)
                    missing = missing.union(r.missing)
                }
            }
        }
        let categoryValue = category()
        var scoreValue: Rational?
        if program.score != nil { scoreValue = computeScore() }
        var total = Rational.zero
        for a in awards { if let x = a.amount { total = total.adding(x) ?? total } }
        let status: Decision.Status
        if !errors.isEmpty { status = .invalid }
        else if !awards.isEmpty { status = .eligible }
        else if !pendingNames.isEmpty { status = .undetermined }
        else { status = .ineligible }
        var decision = Decision(id: f.id, status: status, category: categoryCode(categoryValue), awards: awards,
                                totalAmount: total, score: scoreValue,
                                missing: missing.slots.map { program.inputName($0) },
                                errors: errors, explanation: [], pending: pendingNames)
        if status == .invalid { decision.awards = []; decision.totalAmount = .zero }
        if explain != .none, let t = trace {
            var builder = ExplanationBuilder(program: program, trace: t, facts: facts, level: explain, language: language)
            decision.explanation = builder.build(outcomes: outcomes, category: categoryValue, score: scoreValue)
        }
        return decision
    }

    func categoryCode(_ v: Value) -> String {
        if case .choice(let c) = v { return program.enums[program.categoryEnum].codes[Int(c)] }
        return "undetermined"
    }

    func award(_ b: CheckedProgram.Benefit, _ r: BenefitOutcome) -> Decision.Award {
        let codes = b.funds.map { program.funds[$0].code }
        return Decision.Award(benefit: b.name, amount: r.amount, unit: b.unit, fund: codes.first, allowedFunds: codes, citation: b.citation)
    }

    /// Which benefits of a group are granted, and which are still open, under its hit policy.
    func applyHitPolicy(_ g: CheckedProgram.BenefitGroup, _ rs: [BenefitOutcome], errors: inout [RecordError]) -> (granted: [Int], pending: [Int]) {
        let yes = rs.indices.filter { rs[$0].truth == .yes && !rs[$0].amountUnknown && rs[$0].failure == nil }
        let open = rs.indices.filter { (rs[$0].truth == .unknown || rs[$0].amountUnknown) && rs[$0].failure == nil }
        switch g.policy {
        case .all:
            return (yes, open)
        case .first:
            for k in rs.indices {
                if open.contains(k) { return ([], open.filter { $0 <= k } + (yes.first.map { [$0] } ?? [])) }
                if yes.contains(k) { return ([k], []) }
            }
            return ([], [])
        case .highest:
            guard let best = yes.max(by: { (rs[$0].amount ?? .zero) < (rs[$1].amount ?? .zero) }) else { return ([], open) }
            let bestAmount = rs[best].amount ?? .zero
            let stillOpen = open.filter { rs[$0].amount == nil || rs[$0].amount! > bestAmount }
            return stillOpen.isEmpty ? ([best], []) : ([], stillOpen + [best])
        case .unique:
            if yes.count > 1 {
                let names = yes.map { "“\(g.benefits[$0].name)”" }.joined(separator: "与")
                errors.append(RecordError(field: "", value: nil, reason: "福利组 \(g.name) 为唯一命中，但 \(names) 同时适用；请修正规则文件"))
                return ([], [])
            }
            return (yes, open)
        }
    }

    mutating func computeScore() -> Rational? {
        guard let s = program.score else { return nil }
        var total = Rational.zero
        var known = true
        for p in s.parts {
            guard let v = scorePart(p) else { known = false; continue }
            total = total.adding(v) ?? total
        }
        return known ? total : nil
    }

    mutating func scorePart(_ p: CheckedProgram.ScorePart) -> Rational? {
        if let c = p.condition {
            switch eval(c) {
            case .bool(false): return .zero
            case .bool(true): break
            default: return nil
            }
        }
        var value = Rational.one
        if let w = p.weight { guard case .number(let r) = eval(w) else { return nil }; value = r }
        if let e = p.expr {
            guard case .number(let r) = eval(e) else { return nil }
            value = value.multiplied(by: r) ?? value
        }
        return value
    }
}
