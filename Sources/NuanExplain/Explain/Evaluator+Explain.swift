import NuanSupport
import NuanSyntax
import NuanProgram

extension Evaluator {
    /// Decides one record and explains it at `explain`'s level: the evaluator's trace, read by
    /// the explanation builder and the reasons. The decision is the same at every level
    /// (tested). With `recourse`, what would change the outcome is searched for and verified.
    /// Nothing of this is built at `.none` without `recourse`: explaining costs only when asked.
    public mutating func decide(_ f: Facts, explain: ExplainLevel, recourse: Bool = false, language: Language = .chinese) -> Decision {
        var (decision, evaluation) = decideLeavingExplanation(f, explain: explain, recourse: recourse, language: language)
        if explain != .none, let e = evaluation {
            decision.explanation = e.explanation(program: program, level: explain, score: decision.score, language: language)
        }
        return decision
    }

    /// `decide(_:explain:recourse:language:)` without the `explanation` entries: the decision
    /// with its reasons (and, at `.full`, its caseworker's and auditor's views), and the
    /// evaluation the entries are built from — `Evaluation.explanation`, or a batch writer that
    /// renders them straight to bytes (`BriefExplanationWriter`). The evaluation is nil at
    /// `.none` without `recourse`.
    /// `memo` keeps sentences of the reasons from record to record (one per worker).
    package mutating func decideLeavingExplanation(_ f: Facts, explain: ExplainLevel, recourse: Bool = false,
                                                   language: Language = .chinese, memo: ReasonsMemo? = nil) -> (Decision, Evaluation?) {
        var (decision, evaluation) = evaluate(f, tracing: explain != .none || recourse, language: language)
        guard let e = evaluation else { return (decision, nil) }
        // An open decision's reasons say what each answer would give: the search runs for it
        // whenever reasons are given.
        let open = decision.status == .undetermined || (decision.status == .eligible && !decision.pending.isEmpty)
        if recourse || (open && explain != .none) {
            decision.recourse = self.recourse(for: decision, facts: e.facts, language: language)
        }
        if explain != .none {
            decision.reasons = Reasons(program: program, evaluation: e, language: language, memo: memo).build(decision, answers: decision.recourse)
            // The caseworker's and auditor's views: only with the full explanation (batch's
            // default, brief, writes the reasons alone).
            if explain == .full {
                (decision.basis, decision.notApplied) = Basis(program: program, evaluation: e, language: language).build(decision)
                decision.inputs = InputLines(program: program, facts: e.facts, english: language == .english).lines()
            }
        }
        if !recourse { decision.recourse = [] }
        return (decision, e)
    }

    /// What would change a decision already made for `f` (`recourse`), searched and verified
    /// on its own — batch's near-miss list asks it of refusals only.
    public mutating func recourse(for decision: Decision, facts f: Facts, language: Language = .chinese) -> [RecourseItem] {
        if ruleInputs == nil { ruleInputs = RuleInputs(program) }
        var search = RecourseSearch(evaluator: self, inputs: ruleInputs!, facts: f, decision: decision, language: language)
        return search.run()
    }
}
