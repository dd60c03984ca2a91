/// A problem found in a rules file or an input, as a value: collected, never thrown one at a time.
public struct Diagnostic: Sendable, Equatable {
    public enum Severity: String, Sendable { case error, warning, note }

    /// A further location that helps explain the problem (the other rule of a clash, the parent
    /// declaration an override hides…).
    public struct Note: Sendable, Equatable {
        public var message: String
        public var range: SourceRange?
    }

    public var severity: Severity
    /// A stable code such as `parse.expected` or `type.mismatch`, for scripts and tests.
    public var code: String
    public var message: String
    public var range: SourceRange
    public var notes: [Note]

    public init(_ severity: Severity, _ code: String, _ message: String, at range: SourceRange, notes: [Note] = []) {
        self.severity = severity
        self.code = code
        self.message = message
        self.range = range
        self.notes = notes
    }

    public static func error(_ code: String, _ message: String, at range: SourceRange, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, code, message, at: range, notes: notes)
    }

    public static func warning(_ code: String, _ message: String, at range: SourceRange, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, code, message, at: range, notes: notes)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
