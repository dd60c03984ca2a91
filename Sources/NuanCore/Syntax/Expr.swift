/// An expression as written, with its source range and a node id unique within its file set.
/// Node ids let the evaluator record what each sub-expression came to (the trace) without
/// touching the tree.
public struct Expr: Sendable {
    public indirect enum Kind: Sendable {
        case number(Rational, Unit?)
        case string(String)
        case date(Int32)
        case bool(Bool)
        /// A field, parameter, definition, group or enum value: resolved by the checker.
        case name(String)
        case list([Expr])
        case negate(Expr)
        case not(Expr)
        case binary(BinaryOperator, Expr, Expr)
        case isEmpty(Expr)
        case given(String)
        case call(String, [Expr])
        case conditional(Expr, Expr, Expr)
    }

    public var kind: Kind
    public var range: SourceRange
    public var id: Int

    public init(_ kind: Kind, _ range: SourceRange, id: Int) {
        self.kind = kind
        self.range = range
        self.id = id
    }
}

public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "×", divide = "÷"
    case less = "<", lessEqual = "≤", greater = ">", greaterEqual = "≥", equal = "=", notEqual = "≠"
    case and = "且", or = "或"
    case `in` = "属于", notIn = "不属于", contains = "含", containsAny = "含任一", containsAll = "含全部"

    public var isComparison: Bool {
        switch self {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: return true
        default: return false
        }
    }

    public var isArithmetic: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide: return true
        default: return false
        }
    }

    /// Loosest first: or, and, comparisons/list tests, additive, multiplicative.
    public var precedence: Int {
        switch self {
        case .or: return 1
        case .and: return 2
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual, .in, .notIn, .contains, .containsAny, .containsAll: return 4
        case .add, .subtract: return 5
        case .multiply, .divide: return 6
        }
    }
}

/// Units a literal or parameter may carry. 元 units make money; the others are plain numbers.
public enum Unit: String, Sendable, CaseIterable {
    case yuan = "元", yuanPerMonth = "元/月", yuanPerHousehold = "元/户", yuanPerPerson = "元/人"
    case times = "倍", month = "月", person = "人", household = "户"

    public var isMoney: Bool {
        switch self {
        case .yuan, .yuanPerMonth, .yuanPerHousehold, .yuanPerPerson: return true
        default: return false
        }
    }

    public var english: String {
        switch self {
        case .yuan: return "yuan"
        case .yuanPerMonth: return "yuan/month"
        case .yuanPerHousehold: return "yuan/household"
        case .yuanPerPerson: return "yuan/person"
        case .times: return "×"
        case .month: return "months"
        case .person: return "persons"
        case .household: return "households"
        }
    }
}
