import NuanSupport
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

    public var kind: Kind { didSet { depth = Expr.depth(of: kind) } }
    public var range: SourceRange
    public var id: Int
    /// Levels of nesting, this node included (a name or a number is 1). Kept with the node so
    /// the parser can refuse a tree too deep for the stages that walk it recursively.
    public private(set) var depth: Int

    public init(_ kind: Kind, _ range: SourceRange, id: Int) {
        self.kind = kind
        self.range = range
        self.id = id
        self.depth = Expr.depth(of: kind)
    }

    static func depth(of kind: Kind) -> Int {
        switch kind {
        case .number, .string, .date, .bool, .name, .given: return 1
        case .list(let items), .call(_, let items): return 1 + (items.map(\.depth).max() ?? 0)
        case .negate(let x), .not(let x), .isEmpty(let x): return 1 + x.depth
        case .binary(_, let l, let r): return 1 + max(l.depth, r.depth)
        case .conditional(let c, let a, let b): return 1 + max(c.depth, a.depth, b.depth)
        }
    }
}

/// How deep the stages that walk rules recursively (checker, formatter, diff, lints,
/// evaluator, explanation) may be asked to go. Every limit is checked where the input is read,
/// so later stages only ever see bounded trees.
public enum NestingLimits {
    /// Levels of one expression as written: parentheses, `若`, `非`, and each link of a
    /// `且`/`或`/arithmetic chain.
    public static let expression = 200
    /// Levels of an expression with the definitions and groups it uses expanded.
    public static let expanded = 300
    /// Files in a `继承` chain.
    public static let extendsChain = 32
    /// Bytes of one rules file.
    public static let fileBytes = 4 << 20
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
