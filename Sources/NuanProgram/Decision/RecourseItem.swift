import NuanSupport
/// One way the outcome would change (`recourse`, 差什么才符合): a small set of changes to the
/// record and what the changed record was decided — every item is verified by evaluating the
/// changed record before it is reported.
public struct RecourseItem: Sendable, Equatable {
    /// One field set to another value. `from` is nil when the record did not give the field.
    public struct Change: Sendable, Equatable {
        /// The field's slot in the program.
        public var slot: Int
        public var from: Value?
        public var to: Value

        public init(slot: Int, from: Value?, to: Value) {
            self.slot = slot
            self.from = from
            self.to = to
        }
    }

    public var changes: [Change]
    public var status: Decision.Status
    public var totalAmount: Rational
    /// The benefits the changed record is granted (for the text; the JSON gives the status
    /// and total the contract names).
    public var benefits: [String]

    public init(changes: [Change], status: Decision.Status, totalAmount: Rational, benefits: [String] = []) {
        self.changes = changes
        self.status = status
        self.totalAmount = totalAmount
        self.benefits = benefits
    }
}
