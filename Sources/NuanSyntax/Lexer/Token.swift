import NuanSupport
/// One lexical unit of a rules file.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case identifier(String)
        case keyword(Keyword)
        /// A decimal literal, kept as text so no precision is lost before `Rational.parse`.
        case number(String)
        case string(String)
        /// `YYYY-MM-DD`, as days since 1970-01-01.
        case date(Int32)
        case symbol(Symbol)
        case endOfFile
    }

    public enum Symbol: String, Sendable {
        case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
        case leftBrace = "{", rightBrace = "}", comma = ",", colon = ":", pipe = "|"
        case equal = "=", notEqual = "≠", less = "<", lessEqual = "≤", greater = ">", greaterEqual = "≥"
        case plus = "+", minus = "-", times = "×", divide = "÷"
    }

    public var kind: Kind
    public var range: SourceRange

    public func isKeyword(_ k: Keyword) -> Bool { kind == .keyword(k) }
    public func isSymbol(_ s: Symbol) -> Bool { kind == .symbol(s) }

    /// How the token reads in an error message.
    public var display: String {
        switch kind {
        case .identifier(let s): return s
        case .keyword(let k): return k.chinese
        case .number(let s): return s
        case .string(let s): return "\"\(s)\""
        case .date: return range.text
        case .symbol(let s): return s.rawValue
        case .endOfFile: return "文件结尾"
        }
    }
}

/// A comment, kept beside the tokens so `nuan fmt` can put it back.
public struct Comment: Sendable, Equatable {
    public var text: String
    public var range: SourceRange
    /// True when code precedes the comment on its line.
    public var trailing: Bool
}
