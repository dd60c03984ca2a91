import NuanSupport
/// A problem found in a rules file or an input, as a value: collected, never thrown one at a time.
///
/// A diagnostic carries its message in Chinese (`message`, the default everywhere) and, when the
/// stage that made it knows one, in English (`englishMessage`, for `--lang en`). Each stage
/// declares its messages as typed constructors of `Diagnostic.Message` in its own
/// `…+Messages.swift` file, so the two texts are written side by side.
public struct Diagnostic: Sendable, Equatable {
    public enum Severity: String, Sendable { case error, warning, note }

    /// A message in both languages (every stage's user text is one: `NuanSupport.Message`).
    public typealias Message = NuanSupport.Message

    /// A further location that helps explain the problem (the other rule of a clash, the parent
    /// declaration an override hides…).
    public struct Note: Sendable, Equatable {
        public var message: String
        public var range: SourceRange?
        /// The English text, when known; `nil` means `message` is shown in every language.
        public var englishMessage: String?

        public init(message: String, range: SourceRange?, englishMessage: String? = nil) {
            self.message = message
            self.range = range
            self.englishMessage = englishMessage
        }

        public init(_ message: Message, range: SourceRange?) {
            self.init(message: message.zh, range: range, englishMessage: message.en)
        }

        public func text(english: Bool) -> String { english ? (englishMessage ?? message) : message }
    }

    public var severity: Severity
    /// A stable code such as `parse.expected` or `type.mismatch`, for scripts and tests.
    public var code: String
    /// The message in Chinese (or in whatever language it was made in, when it has no English).
    public var message: String
    public var range: SourceRange
    public var notes: [Note]
    /// The English text, when known; `nil` means `message` is shown in every language.
    public var englishMessage: String?

    public init(_ severity: Severity, _ code: String, _ message: String, at range: SourceRange, notes: [Note] = [],
                englishMessage: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.range = range
        self.notes = notes
        self.englishMessage = englishMessage
    }

    public init(_ severity: Severity, _ code: String, _ message: Message, at range: SourceRange, notes: [Note] = []) {
        self.init(severity, code, message.zh, at: range, notes: notes, englishMessage: message.en)
    }

    /// The message in English when asked for and known, else the Chinese one.
    public func text(english: Bool) -> String { english ? (englishMessage ?? message) : message }

    public static func error(_ code: String, _ message: String, at range: SourceRange, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, code, message, at: range, notes: notes)
    }

    public static func warning(_ code: String, _ message: String, at range: SourceRange, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, code, message, at: range, notes: notes)
    }

    public static func error(_ code: String, _ message: Message, at range: SourceRange, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, code, message, at: range, notes: notes)
    }

    public static func warning(_ code: String, _ message: Message, at range: SourceRange, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, code, message, at: range, notes: notes)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
