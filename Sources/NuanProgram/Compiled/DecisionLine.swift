import NuanSupport

/// A decision as a batch writes it with `--explain none`, when it is plain: no error, nothing
/// pending (so nothing missing), no guard refused — eligible with its awards or ineligible.
/// `CompiledEvaluator.decideLine` fills it from the benefit outcomes without building a
/// `Decision` (whose arrays cost an allocation and a release each a record); its arrays are
/// kept from record to record. Every other record gets its `Decision`, which stays the
/// reference: `Evaluator.assembleLine` must give what `Evaluator.assemble` gives, field by field.
public struct DecisionLine {
    public internal(set) var status = Decision.Status.ineligible
    /// The category's code as `Decision.category` holds it.
    public internal(set) var category = "none"
    /// The awarded benefits' flat indices (the program's order, as `Decision.awards`), and the
    /// amount of each (nil: 待定).
    public internal(set) var awards: [Int32] = []
    public internal(set) var amounts: [Rational?] = []
    public internal(set) var total = Rational.zero
    public internal(set) var score: Rational?
    public internal(set) var warnings: [DecisionWarning] = []

    public init() {}

    /// What `decideLine` gave: the line filled, or the record's decision.
    public enum Outcome {
        case line
        case decision(Decision)
    }
}
