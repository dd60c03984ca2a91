import NuanSupport
import NuanSyntax
/// One instruction of a compiled program: an operation on registers (`dst ← op(a, b, c)`).
///
/// Every expression node has a register (its own index); a field node's register is its
/// field's (`CompiledProgram.fieldBase + slot`), filled once per record; a constant's (and a
/// confirmed single-valued parameter's) is filled once per program. Jumps name instruction
/// indices. Plain data: 32 bytes, no references.
struct Instruction {
    enum Op: UInt8 {
        /// `dst ← 已填(field a)`.
        case given
        /// `dst ←` parameter `a` for this record (table row, or a 未确认 figure: the interpreter's
        /// lookup, memoised per record, which notes the warnings).
        case parameter
        /// `dst ←` definition `a` / group `a` / the category, each computed once per record.
        case definition, group, category
        /// `dst ←` node `a` as the interpreter evaluates it (text operands, rare forms).
        case delegate
        case negate, not, isEmpty, known
        /// `且`/`或`, first half: if `a` is the bool `flag` (false for 且, true for 或), `dst ← a`
        /// and jump to `b`.
        case shortCircuit
        /// `且`/`或`, second half: `dst ← a op b` in Kleene's logic (`a` did not settle it).
        case combine
        case add, subtract, multiply, divide
        /// `dst ← a cmp b` (`flag` = the comparison): exact fractions; plain integers
        /// (dates, choices, booleans, sets).
        case compareNumbers, compareIntegers
        /// `dst ← (a ∈ imm) != flag` for a choice and a bit mask.
        case inSet
        case containsAny, containsAll
        /// `dst ← min/max` (`flag` 0/1) of the `b` registers listed from `arguments[a]`.
        case minMax
        /// `dst ← 限于(a, b, c)`.
        case clamp
        /// `若 a`: true → next; false → jump to `b`; otherwise `dst ← a`, jump to `c`.
        case branch
        case move
        case jump
    }

    var op: Op
    var flag: UInt8 = 0
    var dst: Int32 = 0
    var a: Int32 = 0
    var b: Int32 = 0
    var c: Int32 = 0
    var imm: UInt64 = 0
}

/// The comparison an instruction makes (its `flag`).
enum Comparison: UInt8 {
    case less, lessEqual, greater, greaterEqual, equal, notEqual

    init?(_ op: CheckedProgram.Node.Op) {
        switch op {
        case .less: self = .less
        case .lessEqual: self = .lessEqual
        case .greater: self = .greater
        case .greaterEqual: self = .greaterEqual
        case .equal: self = .equal
        case .notEqual: self = .notEqual
        default: return nil
        }
    }

    var isOrdering: Bool { self != .equal && self != .notEqual }

    /// Whether `x cmp y` holds, given the sign of `x - y` (-1, 0, 1).
    @inline(__always)
    func holds(sign s: Int) -> Bool {
        switch self {
        case .less: return s < 0
        case .lessEqual: return s <= 0
        case .greater: return s > 0
        case .greaterEqual: return s >= 0
        case .equal: return s == 0
        case .notEqual: return s != 0
        }
    }
}

/// A register: a value of the node's static type, or unknown with the inputs that would settle
/// it. Numbers are an exact fraction `x / y` (y > 0, not reduced: money keeps its scale, fen,
/// and a division multiplies scales instead of dividing by a GCD); a boolean is `x` 0 or 1; a
/// date, a choice's index and a multi-select's bit set are `x`. An evaluation error is never
/// held: the record is decided by the interpreter instead (`CompiledEvaluator`).
struct Register {
    var x: Int64 = 0
    var y: Int64 = 1
    var missing: InputSet = .empty
    var unknown = false

    @inline(__always) static func known(_ x: Int64, _ y: Int64 = 1) -> Register { Register(x: x, y: y) }
    @inline(__always) static func bool(_ b: Bool) -> Register { Register(x: b ? 1 : 0) }
    @inline(__always) static func unknown(_ m: InputSet) -> Register { Register(missing: m, unknown: true) }

    /// A known boolean that is `b`.
    @inline(__always) func isBool(_ b: Bool) -> Bool { !unknown && (x != 0) == b }

    /// The register for an interpreter value; nil for an error (or a text, which no compiled
    /// instruction reads).
    init?(_ v: Value) {
        switch v {
        case .unknown(let m): self = .unknown(m)
        case .bool(let b): self = .bool(b)
        case .number(let r): self = .known(r.numerator, r.denominator)
        case .date(let d): self = .known(Int64(d))
        case .choice(let c): self = .known(Int64(c))
        case .set(let s): self = .known(Int64(bitPattern: s))
        case .text, .failure: return nil
        }
    }

    init(x: Int64 = 0, y: Int64 = 1, missing: InputSet = .empty, unknown: Bool = false) {
        self.x = x
        self.y = y
        self.missing = missing
        self.unknown = unknown
    }

    /// The exact number (reduced), for the decision; nil if it is not a known number.
    var rational: Rational? { unknown ? nil : Rational(x, y) }
}
