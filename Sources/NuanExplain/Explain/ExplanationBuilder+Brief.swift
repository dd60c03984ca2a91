import NuanSupport
import NuanSyntax
import NuanProgram

/// What a brief explanation (`--explain brief`) holds that does not depend on the record: every
/// rule's entry without its outcome, and the few texts its results are made of. A batch writer
/// renders these once per program and, per record, writes only the outcomes and results the
/// evaluation reached (`BriefExplanationWriter`), instead of building `ExplanationEntry` values
/// and Strings that `ExplanationBuilder.brief` would mostly throw away. The entries are the
/// ones `ExplanationBuilder.build` makes (the same texts, in the same order); a test compares
/// the two on generated records for every shipped rules file.
package struct BriefSkeleton: Sendable {
    /// One per category, in program order; outcome `.info` stands in for the record's.
    package let categories: [ExplanationEntry]
    /// One per benefit, flat (groups in order, benefits in order within them).
    package let benefits: [ExplanationEntry]
    /// Each flat benefit's exceptions.
    package let exceptions: [[ExplanationEntry]]
    /// The score's entry, when the program has a score.
    package let score: ExplanationEntry?
    /// `" 元/户"`: what follows a benefit's amount in its result.
    package let unitSuffix: [String]
    package let withheldByException: String
    package let amountOpenMissing: String
    package let amountSetByOfficeNoneInNotice: String
    package let listSeparator: String

    package init(program: CheckedProgram, english: Bool) {
        func t(_ m: Message) -> String { m.text(english: english) }
        categories = program.categories.map {
            ExplanationEntry(kind: .category, rule: ExplainText.category($0.code, $0.label, english: english), citation: $0.citation, outcome: .info)
        }
        var bs: [ExplanationEntry] = [], xs: [[ExplanationEntry]] = [], units: [String] = []
        for g in program.benefitGroups {
            for b in g.benefits {
                bs.append(ExplanationEntry(kind: .benefit, rule: t(ExplainText.benefit) + b.name, citation: b.citation, outcome: .info))
                xs.append(b.exceptions.map {
                    ExplanationEntry(kind: .exception, rule: t(ExplainText.unless) + program.nodeRanges[Int($0.condition)].text,
                                     citation: $0.citation, outcome: .info)
                })
                units.append(" " + (english ? (b.unit?.english ?? "yuan") : (b.unit?.rawValue ?? "元")))
            }
        }
        benefits = bs
        exceptions = xs
        unitSuffix = units
        score = program.score.map { ExplanationEntry(kind: .score, rule: t(ExplainText.score) + $0.name, citation: $0.citation, outcome: .info) }
        withheldByException = t(ExplainText.withheldByException)
        amountOpenMissing = t(ExplainText.amountOpenMissing)
        amountSetByOfficeNoneInNotice = t(ExplainText.amountSetByOfficeNoneInNotice)
        listSeparator = t(ExplainText.listSeparator)
    }

    /// The note of a record whose application date falls outside the rules' period in force
    /// (`ExplanationBuilder.periodNote`).
    package static func periodNote(program: CheckedProgram, facts: Facts, english: Bool) -> ExplanationEntry? {
        ExplanationBuilder.periodNote(program: program, facts: facts, english: english)
    }

    /// The result of exception `x` of a benefit when the record took its amount
    /// (`ExplanationBuilder.amountText`).
    package static func exceptionResult(program: CheckedProgram, evaluation: Evaluator.Evaluation, _ x: CheckedProgram.Exception,
                                        unit: Unit?, english: Bool) -> String {
        ExplanationBuilder(program: program, trace: evaluation.trace, facts: evaluation.facts, level: .brief,
                           language: english ? .english : .chinese).amountText(x.amount, unit: unit)
    }
}

extension Evaluator.Evaluation {
    /// The explanation `Evaluator.decide(_:explain:…)` gives at `level`: the reference the
    /// batch's brief writer falls back on.
    /// `memo` keeps what depends on the program alone from record to record (one per worker).
    package func explanation(program: CheckedProgram, level: ExplainLevel, score: Rational?, language: Language,
                             memo: ExplainMemo? = nil) -> [ExplanationEntry] {
        var builder = ExplanationBuilder(program: program, trace: trace, facts: facts, level: level, language: language, memo: memo)
        return builder.build(outcomes: outcomes, category: category, score: score)
    }
}
