import NuanSupport
import NuanSyntax
import NuanProgram
/// The properties `nuan prove` decides for every cell of the partition.
public enum ProveProperty: String, Sendable, CaseIterable {
    /// 专款专用: every allowed fund of every award may pay the recipient.
    case earmark
    /// No two benefits of a `唯一` group apply at once.
    case uniqueClash = "unique_clash"
    /// Every benefit is paid to some record (under `首个`: wins for some record).
    case benefitReachable = "benefit_reachable"
    /// Every category is some record's category.
    case categoryReachable = "category_reachable"
    /// No record's category is none while a poorer and a richer record, all else equal, have one.
    case categoryGap = "category_gap"
    /// More income never raises the total or improves the category.
    case monotoneIncome = "monotone_income"
    /// Fewer household members never raise the total or improve the category.
    case monotoneMembers = "monotone_members"
    /// Fewer hardship causes never raise the total or improve the category.
    case monotoneCauses = "monotone_causes"
    /// The file's own assertions (`断言`).
    case assertion
}

/// One refutation: what fails, and the record (or the pair of records) that shows it.
public struct ProveFinding: Sendable {
    public var property: ProveProperty
    /// The benefit, category, fund or assertion concerned.
    public var subject: String
    public var detail: Message
    /// The counterexample record and the decision it got.
    public var record: Facts?
    public var decision: Decision?
    /// For a monotonicity or gap finding: the record it is compared with.
    public var other: Facts?
    public var otherDecision: Decision?
    /// How many cells show the same failure.
    public var count = 1
}

/// The outcome of proving one file.
public struct ProveResult: Sendable {
    public var path: String
    public var program: CheckedProgram?
    public var diagnostics: [Diagnostic] = []
    public var cells = 0
    public var evaluations = 0
    public var seconds = 0.0
    public var findings: [ProveFinding] = []
    /// Which properties were decided (all of them unless the space was too large).
    public var decided: [ProveProperty] = []
    /// When the input space was too large: per field label, the values branched into.
    public var blowup: [(field: String, values: Int)]?
    /// List fields with too many option classes to enumerate.
    public var tooLarge: [String] = []
    /// Boundary examples (at, and one fen either side of, every threshold), as `例子` text.
    public var boundaryExamples: [String] = []
    /// The decisions the file was allowed (`nuan prove --limit`).
    public var limit = Prover.defaultLimit

    public var refuted: Bool { !findings.isEmpty || blowup != nil }
}
