import NuanSupport
import NuanSyntax
/// Static types of the rule language. Money and plain numbers are both exact rationals at run
/// time; keeping them apart here is what catches "money compared with a multiplier".
public enum ValueType: Equatable, Sendable, CustomStringConvertible {
    case bool, money, number, text, date
    /// One value of the enum with this index in `CheckedProgram.enums`.
    case choice(Int)
    /// Any number of values of that enum.
    case list(Int)
    /// The type of an expression that already has an error (suppresses follow-on errors).
    case error

    public var description: String {
        switch self {
        case .bool: return "是否"
        case .money: return "金额"
        case .number: return "数"
        case .text: return "文本"
        case .date: return "日期"
        case .choice: return "选项"
        case .list: return "多选"
        case .error: return "错误"
        }
    }

    /// The type's name in English messages (`the field's type (number)`).
    public var englishName: String {
        switch self {
        case .bool: return "yes/no"
        case .money: return "money"
        case .number: return "number"
        case .text: return "text"
        case .date: return "date"
        case .choice: return "single choice"
        case .list: return "multiple choice"
        case .error: return "error"
        }
    }

    /// The type as an English noun phrase (`“倍数” is a number`, `cannot compare money with a date`).
    public var englishNoun: String {
        switch self {
        case .bool: return "a yes/no value"
        case .money: return "money"
        case .number: return "a number"
        case .text: return "text"
        case .date: return "a date"
        case .choice: return "a single choice (选项)"
        case .list: return "a multiple choice (多选)"
        case .error: return "an error"
        }
    }

    public var isNumeric: Bool { self == .money || self == .number }
}

/// The values of one enum (`选项 { … }`) with their Chinese labels.
public struct EnumInfo: Sendable {
    public var codes: [String]
    public var labels: [String?]
    /// Further accepted spellings of each option (the record contract's long labels…).
    public var aliases: [[String]] = []

    public init(codes: [String], labels: [String?], aliases: [[String]] = []) {
        self.codes = codes
        self.labels = labels
        self.aliases = aliases
    }

    public func index(of name: String) -> Int? {
        if let i = codes.firstIndex(of: name) { return i }
        if let i = labels.firstIndex(where: { $0 == name }) { return i }
        return aliases.firstIndex { $0.contains(name) }
    }

    public func display(_ i: Int) -> String { labels[i] ?? codes[i] }
}
