import NuanSupport
import NuanSyntax
import NuanProgram

extension Evaluator {
    /// Decides one record and explains it at `explain`'s level: the evaluator's trace, read by
    /// the explanation builder. The decision is the same at every level (tested).
    public mutating func decide(_ f: Facts, explain: ExplainLevel, language: Language = .chinese) -> Decision {
        var (decision, evaluation) = evaluate(f, tracing: explain != .none, language: language)
        guard let e = evaluation else { return decision }
        var builder = ExplanationBuilder(program: program, trace: e.trace, facts: e.facts, level: explain, language: language)
        decision.explanation = builder.build(outcomes: e.outcomes, category: e.category, score: decision.score)
        return decision
    }
}
