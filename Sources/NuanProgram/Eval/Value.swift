import NuanSupport
import NuanSyntax
/// The set of inputs (fields, and parameters the office has to set) whose absence left a value
/// unknown. A fixed 128-bit set so an unknown value carries its cause without allocating.
public struct InputSet: Hashable, Sendable {
    public var low: UInt64 = 0
    public var high: UInt64 = 0

    public static let empty = InputSet()

    public init() {}
    public init(slot: Int) { insert(slot) }

    public mutating func insert(_ slot: Int) {
        if slot < 64 { low |= 1 << UInt64(slot) } else { high |= 1 << UInt64(slot - 64) }
    }

    public func union(_ o: InputSet) -> InputSet {
        var r = self
        r.low |= o.low
        r.high |= o.high
        return r
    }

    public var isEmpty: Bool { low == 0 && high == 0 }

    public var slots: [Int] {
        var out: [Int] = []
        for i in 0..<64 where low & (1 << UInt64(i)) != 0 { out.append(i) }
        for i in 0..<64 where high & (1 << UInt64(i)) != 0 { out.append(64 + i) }
        return out
    }

    public static let capacity = 128
}

/// A runtime value. `unknown` is an ordinary value (three-valued logic), carrying the inputs
/// that would settle it; `failure` is an evaluation error such as division by zero.
public enum Value: Sendable, Equatable {
    case unknown(InputSet)
    case bool(Bool)
    case number(Rational)
    case text(String)
    case date(Int32)
    /// An enum value: the option's index in its enum.
    case choice(Int32)
    /// A multi-select value: a bit per option.
    case set(UInt64)
    case failure(String)

    public var isKnown: Bool {
        switch self {
        case .unknown, .failure: return false
        default: return true
        }
    }

    public var missing: InputSet {
        if case .unknown(let s) = self { return s }
        return .empty
    }
}

/// Kleene's three-valued truth, as a decision reads it.
public enum Truth: String, Sendable {
    case yes, no, unknown

    public init(_ v: Value) {
        switch v {
        case .bool(let b): self = b ? .yes : .no
        default: self = .unknown
        }
    }
}
