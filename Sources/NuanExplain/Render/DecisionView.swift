/// Three views of one decision (`--view`): the applicant's notice (告知单), the caseworker's
/// view (reasons, then the rules that decided with the values they used), and the auditor's
/// (the full trace, the inputs, every figure's source and the rules' digests).
public enum DecisionView: String, Sendable, CaseIterable {
    case notice, caseworker, auditor

    /// Chinese names first, then English.
    public static let names: [(String, DecisionView)] = [
        ("告知单", .notice), ("经办", .caseworker), ("审计", .auditor),
        ("notice", .notice), ("caseworker", .caseworker), ("auditor", .auditor),
    ]

    public init?(name: String) {
        guard let v = DecisionView.names.first(where: { $0.0 == name })?.1 else { return nil }
        self = v
    }
}
