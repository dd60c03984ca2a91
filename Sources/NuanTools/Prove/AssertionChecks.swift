import NuanSupport
import NuanSyntax
import NuanProgram
/// The file's own assertions (`断言`), checked on every cell of their part of the partition:
/// each assertion's part follows the inputs its condition reads, the validity rules and every
/// benefit group that can break its claim, so each cell's decision is the decision of every
/// record in it. `有依据` needs no record: the checker decides it (`nuan check`).
struct AssertionChecks {
    let program: CheckedProgram
    var evaluator: Evaluator

    init(_ program: CheckedProgram) {
        self.program = program
        evaluator = Evaluator(program: program)
    }

    static func isDynamic(_ a: CheckedProgram.Assertion) -> Bool {
        switch a.claim {
        case .cited, .categoryGapAllowed: return false
        case .totalAtMost, .noFund: return true
        }
    }

    /// Whether benefit group `g` can break the assertion's claim: it pays a fixed amount (a
    /// cap on the total), or one of its benefits may be paid from a fund the claim excludes.
    static func concerns(_ a: CheckedProgram.Assertion, group g: CheckedProgram.BenefitGroup, _ p: CheckedProgram) -> Bool {
        switch a.claim {
        case .cited, .categoryGapAllowed: return false
        case .totalAtMost:
            return g.benefits.contains { b in
                if case .fixed = b.amount { return true }
                return b.exceptions.contains { if case .fixed = $0.amount { return true } else { return false } }
            }
        case .noFund(let codes):
            return g.benefits.contains { b in b.funds.contains { codes.contains(p.funds[$0].code) } }
        }
    }

    /// Whether the file allows a category gap at this record (`则 允许类别空档`, with its
    /// condition holding, or with none).
    static func allowsGap(_ facts: Facts, _ p: CheckedProgram, _ evaluator: inout Evaluator) -> Bool {
        let allowances = p.assertions.filter { if case .categoryGapAllowed = $0.claim { return true } else { return false } }
        guard !allowances.isEmpty else { return false }
        if allowances.contains(where: { $0.condition == nil }) { return true }
        return allowances.contains { evaluator.truth($0.condition!, of: facts) == .yes }
    }

    mutating func visit(_ c: Partition.Cell, into checks: inout CellChecks) {
        guard case .assertion(let k) = c.part else { return }
        let a = program.assertions[k]
        var truth = Truth.yes
        if let root = a.condition { truth = evaluator.truth(root, of: c.facts) }
        // The claim is about the records the condition holds for: a record that leaves an
        // input it reads not given (unknown is a value of every optional input) is not one.
        guard truth == .yes else { return }
        switch a.claim {
        case .cited, .categoryGapAllowed: return
        case .totalAtMost(let cap):
            guard c.decision.totalAmount > cap else { return }
            checks.add(ProveFinding(property: .assertion, subject: a.name,
                                    detail: ProveMessage.assertionTotal(c.decision.totalAmount, cap),
                                    record: c.facts, decision: c.decision), key: "assert/\(k)/total")
        case .noFund(let codes):
            for aw in c.decision.awards {
                let funds = (aw.fund.map { [$0] } ?? []) + aw.allowedFunds
                guard let f = funds.first(where: codes.contains) else { continue }
                checks.add(ProveFinding(property: .assertion, subject: a.name,
                                        detail: ProveMessage.assertionFund(benefit: aw.benefit, fund: f),
                                        record: c.facts, decision: c.decision), key: "assert/\(k)/\(aw.benefit)/\(f)")
            }
        }
    }
}
