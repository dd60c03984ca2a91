import NuanSupport
import NuanSyntax
import NuanProgram

/// `nuan explain`: a decision of a batch run explained later, from its compact trace entry and
/// the rules file. The record's inputs are decided again by the interpreter (the reference),
/// with the full explanation and recourse as `nuan screen` gives them, so every view is the one
/// `nuan screen` shows for that record; if the outcome is not the one the trace holds, nothing
/// is explained.
extension Nuan {
    public static func explain(_ program: CheckedProgram, _ entry: CompactTrace.Entry, row: Int,
                               language: Language = .chinese) throws(TraceProblem) -> Decision {
        switch entry {
        case .decided(let facts, let outcome):
            let d = decide(program, facts, .valid(fast: false), explain: .full, recourse: true, language: language)
            guard CompactTrace.Outcome(d) == outcome else { throw .outcomeDiffers(row: row) }
            return d
        case .unread(let id, let name, let errors, let outcome):
            guard outcome.status == .invalid, !errors.isEmpty else { throw .outcomeDiffers(row: row) }
            var d = Decision.invalid(id: id, errors: errors)
            d.reasons = Reasons.invalid(errors, language: language)
            d.name = name
            return d
        }
    }
}
