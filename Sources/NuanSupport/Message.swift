/// User text in both languages, written side by side. Every stage declares the texts it shows
/// as typed constructors of `Message` in its own `…+Messages.swift` file (the checker's
/// `Checker+Messages.swift` is the model), so no text exists in one language only by accident
/// and a reviewer sees each Chinese sentence beside its English one.
public struct Message: Sendable, Equatable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// Chinese first, English second: the compact form declarations use (`Message("帮助", "help")`).
    public init(_ zh: String, _ en: String) {
        self.zh = zh
        self.en = en
    }

    /// The same text in both languages (a name, a number, a code, a command line).
    public init(both text: String) {
        zh = text
        en = text
    }

    /// The text in the chosen language.
    public func text(english: Bool) -> String { english ? en : zh }
    public func text(_ language: Language) -> String { language == .english ? en : zh }

    /// Both texts followed by a clause (a suggestion, a hint).
    public static func + (a: Message, b: Message) -> Message {
        Message(zh: a.zh + b.zh, en: a.en + b.en)
    }

    /// The message with `suffix` appended when there is one.
    public func with(_ suffix: Message?) -> Message {
        suffix.map { self + $0 } ?? self
    }

    /// Messages joined with the list separator of each language (`、` / `, `).
    public static func list(_ items: [Message]) -> Message {
        Message(zh: items.map(\.zh).joined(separator: "、"), en: items.map(\.en).joined(separator: ", "))
    }

    package static let empty = Message(zh: "", en: "")
}

/// The language of user-facing output: Chinese by default, English with `--lang en`.
public enum Language: String, Sendable {
    case chinese = "zh", english = "en"
}
