import NuanSupport
import NuanSyntax
import NuanProgram

/// Deciding one record with its explanation: the front door's second half (the first,
/// `Nuan.compile`, lives with the checker).
extension Nuan {
    /// Decides one record given as JSON text.
    public static func screen(_ program: CheckedProgram, json: [UInt8], explain: ExplainLevel = .full, language: Language = .chinese) -> Decision {
        switch JSONRecordReader.parseObject(json) {
        case .failure(let e):
            return .invalid(id: nil, errors: [RecordError(field: "", value: nil, reason: e.describe(in: json))])
        case .success(let pairs):
            return screen(program, pairs: pairs, explain: explain, language: language)
        }
    }

    /// Decides one record given as key/value pairs (English keys or Chinese labels).
    /// `unmask` echoes personal values in full in record errors (`--unmask`).
    public static func screen(_ program: CheckedProgram, pairs: [(String, RawValue)], explain: ExplainLevel = .full, language: Language = .chinese,
                              unmask: Bool = false) -> Decision {
        let decoder = RecordDecoder(program: program, unmask: unmask)
        let (facts, errors, _) = decoder.decode(pairs)
        var decision: Decision
        if !errors.isEmpty {
            decision = .invalid(id: facts.id, errors: errors)
        } else {
            var evaluator = Evaluator(program: program)
            decision = evaluator.decide(facts, explain: explain, language: language)
        }
        decision.takeName(from: facts, program: program)
        return decision
    }
}
