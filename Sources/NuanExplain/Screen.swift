import NuanSupport
import NuanSyntax
import NuanProgram

/// Deciding one record with its explanation: the front door's second half (the first,
/// `Nuan.compile`, lives with the checker).
extension Nuan {
    /// Decides one record given as JSON text, read by the record codec batch uses.
    /// `source` (a file name) prefixes a JSON syntax error. With `recourse`, what would change
    /// the outcome is searched for too (`nuan screen` always asks for it).
    public static func screen(_ program: CheckedProgram, json: [UInt8], source: String? = nil, explain: ExplainLevel = .full,
                              recourse: Bool = false, language: Language = .chinese, unmask: Bool = false) -> Decision {
        let (facts, reading) = RecordCodec(program: program, unmask: unmask, language: language).decode(json: json, source: source)
        return decide(program, facts, reading, explain: explain, recourse: recourse, language: language)
    }

    /// Decides one record given as key/value pairs (English keys or Chinese labels).
    /// `unmask` echoes personal values in full in record errors (`--unmask`).
    public static func screen(_ program: CheckedProgram, pairs: [(String, RawValue)], explain: ExplainLevel = .full, recourse: Bool = false,
                              language: Language = .chinese, unmask: Bool = false) -> Decision {
        let (facts, errors, _) = RecordCodec(program: program, unmask: unmask, language: language).decode(pairs: pairs)
        return decide(program, facts, errors.isEmpty ? .valid(fast: false) : .invalid(id: facts.id, errors: errors),
                      explain: explain, recourse: recourse, language: language)
    }

    static func decide(_ program: CheckedProgram, _ facts: Facts, _ reading: RecordCodec.Reading,
                       explain: ExplainLevel, recourse: Bool, language: Language) -> Decision {
        var decision: Decision
        switch reading {
        case .invalid(let id, let errors):
            decision = .invalid(id: id, errors: errors)
            if explain != .none { decision.reasons = Reasons.invalid(errors, language: language) }
        case .valid:
            var evaluator = Evaluator(program: program)
            decision = evaluator.decide(facts, explain: explain, recourse: recourse, language: language)
        }
        decision.takeName(from: facts, program: program)
        return decision
    }
}
