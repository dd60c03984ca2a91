import NuanSupport

/// One thing wrong with a roster: where (file and line), which rule it breaks (a stable code)
/// and what, in words.
public struct AuditFinding: Sendable, Equatable {
    public enum Rule: String, Sendable, CaseIterable {
        /// The roster's 规则 row names other rules than `--rules` (or the decisions do).
        case rulesDigest = "rules.digest"
        /// The roster has no 规则 row: it cannot be tied to a rules text.
        case rulesMissing = "rules.missing"
        /// No eligible decision for the line's 申请编号.
        case noDecision = "decision.missing"
        /// The decision has no award for the line's 项目.
        case noAward = "decision.no_award"
        /// The amount is above what was decided (edited after approval).
        case amountAboveDecided = "amount.above_decided"
        case amountUnreadable = "amount.unreadable"
        /// The fund may not pay this award (专款专用).
        case fundNotAllowed = "fund.not_allowed"
        /// The ID number fails GB 11643 (length, digits, check digit, birth date).
        case idCheck = "id.check"
        /// The ID number is masked, so nothing about it can be checked.
        case idMasked = "id.masked"
        /// Not the ID number the archive has for this 申请编号.
        case idMismatch = "id.mismatch"
        /// The same ID number is paid the same benefit twice (in this roster or an earlier one).
        case idDuplicate = "id.duplicate"
        /// One ID number under two names (in the rosters or against the archive).
        case nameMismatch = "name.mismatch"
        /// A 小计 or the 合计 is not the sum of its lines (to the fen), or is missing.
        case total = "total.mismatch"
    }

    public var path: String
    /// 1-based line of a CSV file (row of a workbook); 0 for the file as a whole.
    public var line: Int
    public var rule: Rule
    public var message: Message
}
