import NuanSupport
import NuanSyntax
/// The decision for one record — the output contract of `shared/spec/decision.md`.
public struct Decision: Sendable {
    public enum Status: String, Sendable { case eligible, ineligible, undetermined, invalid }

    public struct Award: Sendable, Equatable {
        public var benefit: String
        /// nil where the notice leaves the amount to the paying office (待定).
        public var amount: Rational?
        public var unit: Unit?
        public var fund: String?
        public var allowedFunds: [String]
        public var citation: String?
        /// The benefit's position in the program (all groups, in order); -1 when unknown.
        public var benefitIndex: Int = -1

        public init(benefit: String, amount: Rational?, unit: Unit?, fund: String?, allowedFunds: [String], citation: String?,
                    benefitIndex: Int = -1) {
            self.benefit = benefit
            self.amount = amount
            self.unit = unit
            self.fund = fund
            self.allowedFunds = allowedFunds
            self.citation = citation
            self.benefitIndex = benefitIndex
        }
    }

    public var id: String?
    public var status: Status
    /// `deep`, `relative`, `accidental`, `none` or `undetermined`.
    public var category: String
    public var awards: [Award]
    public var totalAmount: Rational
    public var score: Rational?
    /// Record keys (or parameter names) that would settle what is still open.
    public var missing: [String]
    public var errors: [RecordError]
    /// What does not change the decision but a caseworker must see (`warnings`).
    public var warnings: [DecisionWarning] = []
    /// One to three sentences saying what decided it, with the deciding values (`reasons`);
    /// empty when no explanation was asked for (`--explain none`).
    public var reasons: [String] = []
    /// What would change the outcome (`recourse`), when asked for; each item verified.
    public var recourse: [RecourseItem] = []
    /// The caseworker's view: each rule that decided, with the values it used in plain words
    /// (not part of the JSON contract). Empty unless an explanation was asked for.
    public var basis: [ExplanationEntry] = []
    /// The rules that did not apply, one line each (the caseworker's view, on request).
    public var notApplied: [ExplanationEntry] = []
    /// The record's inputs as the rules read them, one line each (the auditor's view; with
    /// `--explain full`).
    public var inputs: [String] = []
    /// Empty unless an explanation was asked for.
    public var explanation: [ExplanationEntry]
    /// Benefits that may still apply once `missing` is given.
    public var pending: [String]
    /// The applicant's 姓名, for the printed decision (not part of the JSON contract).
    public var name: String? = nil

    public static func invalid(id: String?, errors: [RecordError]) -> Decision {
        Decision(id: id, status: .invalid, category: "undetermined", awards: [], totalAmount: .zero, score: nil,
                 missing: [], errors: errors, explanation: [], pending: [])
    }

    /// Takes the applicant's 姓名 from the record's `name` field, when it gave one as text, so
    /// the printed decision can say whom it is for.
    public mutating func takeName(from facts: Facts, program: CheckedProgram) {
        guard let slot = program.fieldIndex(named: "name"), slot < facts.values.count,
              case .text(let s) = facts.values[slot] else { return }
        name = s
    }

    /// The same from the record's raw pairs (`name` or `姓名`), for a record that never became facts.
    public mutating func takeName(from pairs: [(String, RawValue)]) {
        guard name == nil else { return }
        for (k, v) in pairs where k == "name" || k == "姓名" {
            if case .string(let s) = v, !s.isEmpty { name = s; return }
        }
    }
}

/// A warning on a decision: a stable code (`period`, `unconfirmed`) and the message.
public struct DecisionWarning: Sendable, Equatable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}

/// How much explanation a decision carries.
public enum ExplainLevel: String, Sendable, CaseIterable {
    /// No explanation (fastest; batch).
    case none
    /// One line per rule: its name, citation and outcome.
    case brief
    /// Every rule with the values it used and the margins.
    case full
}

/// One rule considered while deciding, in order.
public struct ExplanationEntry: Sendable, Equatable {
    public enum Kind: String, Sendable { case category, benefit, exception, score, scorePart = "score_part", parameter, note }
    public enum Outcome: String, Sendable { case met, notMet = "not_met", unknown, skipped, info }

    public var kind: Kind
    public var rule: String
    public var citation: String?
    public var outcome: Outcome
    /// "人均月收入 600.00 < 低保标准 660.00 ✓", indented two spaces per level of nesting.
    public var values: [String]
    /// "人均月收入 2100.00 元，超过上限 1980.00 元（低保标准 660.00 × 3）120.00 元"
    public var margins: [String]
    public var missing: [String]
    public var children: [ExplanationEntry]
    /// The award amount, score value, etc., as text.
    public var result: String?

    public init(kind: Kind, rule: String, citation: String?, outcome: Outcome, values: [String] = [],
                margins: [String] = [], missing: [String] = [], children: [ExplanationEntry] = [], result: String? = nil) {
        self.kind = kind
        self.rule = rule
        self.citation = citation
        self.outcome = outcome
        self.values = values
        self.margins = margins
        self.missing = missing
        self.children = children
        self.result = result
    }
}

/// The language of explanations and messages: Chinese by default; rule names and labels are
/// whatever the rules file says.

