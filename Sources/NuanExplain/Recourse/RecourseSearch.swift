import NuanSupport
import NuanSyntax
import NuanProgram

/// Finds `recourse` (差什么才符合): the smallest sets of changes to a record that change its
/// outcome — for a refusal, what would make it eligible; for an undetermined decision, the
/// answers that would settle it. Candidates come from the tests that blocked each benefit in
/// the record's own trace; every candidate is evaluated on the changed record, numeric
/// changes are moved to the exact boundary (to the fen, respecting ≤ and <) by bisection, and
/// a change that is not needed for the result is dropped. Nothing unverified is reported.
struct RecourseSearch {
    let program: CheckedProgram
    let inputs: RuleInputs
    var evaluator: Evaluator
    let base: Facts
    let baseDecision: Decision
    let language: Language
    /// Evaluations left: a search never runs away on a pathological file.
    var budget = 600
    /// At most this many items are reported.
    static let maxItems = 5

    /// `evaluator` decides the changed records: a copy of the caller's, so its compiled plan
    /// and scratch arrays are shared, not built again for every search.
    init(evaluator: Evaluator, inputs: RuleInputs, facts: Facts, decision: Decision, language: Language) {
        self.program = evaluator.program
        self.inputs = inputs
        self.evaluator = evaluator
        self.base = facts
        self.baseDecision = decision
        self.language = language
    }

    /// The outcome a change is judged by. Two outcomes are the same when the contract's
    /// `result` is (status and total): a boundary is where that changes.
    struct Outcome: Equatable {
        var status: Decision.Status
        var total: Rational
        var pendingEmpty: Bool
        var benefits: [String]

        static func == (a: Outcome, b: Outcome) -> Bool { a.status == b.status && a.total == b.total }
    }

    /// Whether a changed record's outcome is one recourse reports.
    func reaches(_ o: Outcome) -> Bool {
        switch baseDecision.status {
        case .ineligible: return o.status == .eligible
        case .undetermined: return o.status == .eligible || o.status == .ineligible
        case .eligible: return !baseDecision.pending.isEmpty && o.status == .eligible && o.pendingEmpty
        case .invalid: return false
        }
    }

    mutating func outcome(_ f: Facts) -> Outcome? {
        guard budget > 0 else { return nil }
        budget -= 1
        let d = evaluator.decide(f, language: language)
        return Outcome(status: d.status, total: d.totalAmount, pendingEmpty: d.pending.isEmpty, benefits: d.awards.map(\.benefit))
    }

    mutating func trace(_ f: Facts) -> Evaluator.Evaluation? {
        guard budget > 0 else { return nil }
        budget -= 1
        return evaluator.evaluate(f, tracing: true, language: language).evaluation
    }

    func item(_ changes: [RecourseItem.Change], _ o: Outcome) -> RecourseItem {
        RecourseItem(changes: changes, status: o.status, totalAmount: o.total, benefits: o.benefits)
    }

    static func applying(_ changes: [RecourseItem.Change], to f: Facts) -> Facts {
        var g = f
        for c in changes {
            g.values[c.slot] = c.to
            g.given[c.slot] = true
        }
        return g
    }

    /// The search. Refusals look for changes; open decisions (undetermined, or eligible with
    /// benefits still open) look for answers to what is missing.
    mutating func run() -> [RecourseItem] {
        var found: [RecourseItem] = []
        switch baseDecision.status {
        case .ineligible:
            found = changesThatGrant()
        case .undetermined, .eligible:
            guard baseDecision.status == .undetermined || !baseDecision.pending.isEmpty else { return [] }
            found = answersThatSettle()
        case .invalid:
            return []
        }
        return Array(found.prefix(RecourseSearch.maxItems))
    }

    // MARK: proposable fields

    /// A field recourse may propose to change: not an identity or contact field (text, ID and
    /// phone numbers), not the application date or a table's key (the region), not one the
    /// rules mark `不作建议`.
    func proposable(_ slot: Int) -> Bool { RecourseSearch.proposable(slot, in: program) }

    static func proposable(_ slot: Int, in program: CheckedProgram) -> Bool {
        guard slot < program.fields.count else { return false }
        let f = program.fields[slot]
        guard !f.notProposable, slot != program.applicationDateField else { return false }
        switch f.base {
        case .integer, .number, .money, .boolean, .choice, .list: break
        default: return false
        }
        return !program.parameters.contains { $0.keyField == slot }
    }
}
