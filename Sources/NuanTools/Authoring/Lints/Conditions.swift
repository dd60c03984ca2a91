import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// Reading compiled conditions as conjunctions of simple facts ("atoms"), so the lints can spot
/// two facts that cannot both hold, a condition that is implied by another, and the income band
/// each category allows. Deliberately simple: only what can be decided soundly from constants.
struct Conditions {
    typealias Op = CheckedProgram.Node.Op
    let program: CheckedProgram
    let printer: NodePrinter

    init(program: CheckedProgram) {
        self.program = program
        self.printer = NodePrinter(program: program, sortOperands: true)
    }

    func node(_ n: Int32) -> CheckedProgram.Node { program.nodes[Int(n)] }

    /// The top-level 且 operands of a condition. With `expand`, named conditions (definitions
    /// of type 是否 and recipient groups) standing as operands are opened up, a few levels deep.
    func conjuncts(_ n: Int32, expand: Bool, depth: Int = 0) -> [Int32] {
        let x = node(n)
        switch x.op {
        case .and:
            return conjuncts(x.a, expand: expand, depth: depth) + conjuncts(x.b, expand: expand, depth: depth)
        case .definition where expand && depth < 8 && x.type == .bool:
            return conjuncts(program.definitions[Int(x.a)].root, expand: expand, depth: depth + 1)
        case .group where expand && depth < 8:
            return conjuncts(program.groups[Int(x.a)].root, expand: expand, depth: depth + 1)
        default:
            return [n]
        }
    }

    // MARK: Linear forms

    /// `coefficient × base…`: a threshold written as a constant times named values
    /// (`低保标准 × 相对困难收入倍数` = 2 × 低保标准 when the multiplier is fixed). Anything else
    /// becomes one opaque base term. Bases are assumed positive (they are lines and figures).
    struct Linear: Equatable {
        var coefficient: Rational
        var base: [String]
        var baseText: String { base.joined(separator: " × ") }
    }

    func linear(_ n: Int32, foldParameters: Bool) -> Linear {
        let x = node(n)
        switch x.op {
        case .constant:
            if case .number(let r) = program.constants[Int(x.a)] { return Linear(coefficient: r, base: []) }
        case .parameter:
            let p = program.parameters[Int(x.a)]
            if foldParameters, p.keyField == nil, let v = p.value, v > .zero { return Linear(coefficient: v, base: []) }
            return Linear(coefficient: .one, base: [p.name])
        case .multiply:
            let a = linear(x.a, foldParameters: foldParameters), b = linear(x.b, foldParameters: foldParameters)
            if let c = a.coefficient.multiplied(by: b.coefficient) { return Linear(coefficient: c, base: (a.base + b.base).sorted()) }
        case .divide:
            let a = linear(x.a, foldParameters: foldParameters), b = linear(x.b, foldParameters: foldParameters)
            if b.base.isEmpty, b.coefficient > .zero, let c = a.coefficient.divided(by: b.coefficient) { return Linear(coefficient: c, base: a.base) }
        default: break
        }
        return Linear(coefficient: .one, base: [printer.text(n)])
    }

    // MARK: Atoms

    enum Fact {
        /// `key op coefficient × base` (numbers, money, dates as day numbers).
        case bound(op: Op, value: Linear)
        /// The key is one of `allowed` (nil = any) and none of `excluded`.
        case oneOf(allowed: Set<String>?, excluded: Set<String>)
        /// A yes/no condition held (`true`) or negated.
        case holds(Bool)
    }

    struct Atom {
        var key: String
        var fact: Fact
        var node: Int32
    }

    static func flip(_ op: Op) -> Op {
        switch op {
        case .less: return .greater
        case .lessEqual: return .greaterEqual
        case .greater: return .less
        case .greaterEqual: return .lessEqual
        default: return op
        }
    }

    /// The items of a constant as set members: option indices, texts, or a single value.
    func members(_ n: Int32) -> Set<String>? {
        let x = node(n)
        guard x.op == .constant else { return nil }
        switch program.constants[Int(x.a)] {
        case .choice(let c): return ["\(c)"]
        case .set(let mask): return Set((0..<64).filter { mask & (1 << UInt64($0)) != 0 }.map { "\($0)" })
        case .text(let s): return x.type == .list(-1) ? Set(s.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)) : [s]
        default: return nil
        }
    }

    func isConstant(_ n: Int32) -> Bool { node(n).op == .constant }

    func atom(_ n: Int32, foldParameters: Bool = true) -> Atom {
        let x = node(n)
        switch x.op {
        case .not:
            let inner = atom(x.a, foldParameters: foldParameters)
            if case .holds(let h) = inner.fact { return Atom(key: inner.key, fact: .holds(!h), node: n) }
            return Atom(key: printer.text(x.a), fact: .holds(false), node: n)
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
            var (l, r, op) = (x.a, x.b, x.op)
            if isConstant(l) && !isConstant(r) { (l, r, op) = (r, l, Conditions.flip(op)) }
            let lt = node(l).type
            if case .constant = node(r).op, case .bool(let b) = program.constants[Int(node(r).a)], op == .equal || op == .notEqual {
                return Atom(key: printer.text(l), fact: .holds(op == .equal ? b : !b), node: n)
            }
            switch lt {
            case .choice, .text:
                guard let m = members(r) else { break }
                return Atom(key: printer.text(l), fact: op == .equal ? .oneOf(allowed: m, excluded: []) : op == .notEqual ? .oneOf(allowed: nil, excluded: m) : .holds(true), node: n)
            case .money, .number:
                return Atom(key: printer.text(l), fact: .bound(op: op, value: linear(r, foldParameters: foldParameters)), node: n)
            case .date:
                if case .date(let d) = program.constants[Int(node(r).a)], node(r).op == .constant {
                    return Atom(key: printer.text(l), fact: .bound(op: op, value: Linear(coefficient: Rational(integer: Int64(d)), base: [])), node: n)
                }
            default: break
            }
        case .inSet, .notInSet:
            if let m = members(x.b) {
                return Atom(key: printer.text(x.a), fact: x.op == .inSet ? .oneOf(allowed: m, excluded: []) : .oneOf(allowed: nil, excluded: m), node: n)
            }
        default: break
        }
        return Atom(key: printer.text(n), fact: .holds(true), node: n)
    }

    // MARK: Intervals

    /// An interval of coefficients over one base; nil ends are unbounded.
    struct Interval {
        var low: Rational?
        var lowIncluded = false
        var high: Rational?
        var highIncluded = false

        static let all = Interval()

        var isEmpty: Bool {
            guard let l = low, let h = high else { return false }
            return l > h || (l == h && !(lowIncluded && highIncluded))
        }

        func intersect(_ o: Interval) -> Interval {
            var r = self
            if let l = o.low, r.low == nil || l > r.low! || (l == r.low! && !o.lowIncluded) { r.low = l; r.lowIncluded = o.lowIncluded }
            if let h = o.high, r.high == nil || h < r.high! || (h == r.high! && !o.highIncluded) { r.high = h; r.highIncluded = o.highIncluded }
            return r
        }

        /// The smallest interval holding both.
        func hull(_ o: Interval) -> Interval {
            var r = Interval()
            if let a = low, let b = o.low {
                r.low = min(a, b)
                r.lowIncluded = (a < b ? lowIncluded : b < a ? o.lowIncluded : lowIncluded || o.lowIncluded)
            }
            if let a = high, let b = o.high {
                r.high = max(a, b)
                r.highIncluded = (a > b ? highIncluded : b > a ? o.highIncluded : highIncluded || o.highIncluded)
            }
            return r
        }
    }

    static func interval(_ op: Op, _ c: Rational) -> Interval? {
        switch op {
        case .less: return Interval(high: c, highIncluded: false)
        case .lessEqual: return Interval(high: c, highIncluded: true)
        case .greater: return Interval(low: c, lowIncluded: false)
        case .greaterEqual: return Interval(low: c, lowIncluded: true)
        case .equal: return Interval(low: c, lowIncluded: true, high: c, highIncluded: true)
        default: return nil
        }
    }

    /// Two atoms on the same key that cannot both hold.
    func contradict(_ a: Atom, _ b: Atom) -> Bool {
        guard a.key == b.key else { return false }
        switch (a.fact, b.fact) {
        case (.holds(let x), .holds(let y)): return x != y
        case (.oneOf(let aa, let ae), .oneOf(let ba, let be)):
            if let aa, let ba, aa.isDisjoint(with: ba) { return true }
            if let aa, aa.isSubset(of: be) { return true }
            if let ba, ba.isSubset(of: ae) { return true }
            return false
        case (.bound(let o1, let v1), .bound(let o2, let v2)):
            guard v1.base == v2.base else { return false }
            if o1 == .notEqual || o2 == .notEqual {
                return (o1 == .equal && o2 == .notEqual || o1 == .notEqual && o2 == .equal) && v1.coefficient == v2.coefficient
            }
            guard let i1 = Conditions.interval(o1, v1.coefficient), let i2 = Conditions.interval(o2, v2.coefficient) else { return false }
            return i1.intersect(i2).isEmpty
        default: return false
        }
    }

    /// An over-approximation of the values of `key` (in units of `base`) for which the
    /// condition can hold: bounds under 且 intersect, branches of 或 join. `base` is fixed by
    /// the first bound met; a bound over another base gives up (returns nil).
    func interval(of n: Int32, key: String, base: inout [String]?, depth: Int = 0) -> Interval? {
        let x = node(n)
        switch x.op {
        case .and:
            guard let a = interval(of: x.a, key: key, base: &base, depth: depth), let b = interval(of: x.b, key: key, base: &base, depth: depth) else { return nil }
            return a.intersect(b)
        case .or:
            guard let a = interval(of: x.a, key: key, base: &base, depth: depth), let b = interval(of: x.b, key: key, base: &base, depth: depth) else { return nil }
            return a.hull(b)
        case .definition where x.type == .bool && depth < 8:
            return interval(of: program.definitions[Int(x.a)].root, key: key, base: &base, depth: depth + 1)
        case .group where depth < 8:
            return interval(of: program.groups[Int(x.a)].root, key: key, base: &base, depth: depth + 1)
        default:
            let t = atom(n)
            guard t.key == key, case .bound(let op, let v) = t.fact else { return .all }
            if base == nil { base = v.base }
            guard base == v.base else { return nil }
            return Conditions.interval(op, v.coefficient) ?? .all
        }
    }

    /// Money values bounded anywhere in a condition (through named conditions).
    func boundKeys(_ n: Int32, depth: Int = 0) -> [String] {
        let x = node(n)
        switch x.op {
        case .and, .or: return boundKeys(x.a, depth: depth) + boundKeys(x.b, depth: depth)
        case .not: return []
        case .definition where x.type == .bool && depth < 8: return boundKeys(program.definitions[Int(x.a)].root, depth: depth + 1)
        case .group where depth < 8: return boundKeys(program.groups[Int(x.a)].root, depth: depth + 1)
        default:
            let t = atom(n)
            let money = x.a >= 0 && x.b >= 0 && (node(x.a).type == .money || node(x.b).type == .money)
            if money, case .bound(let op, _) = t.fact, op != .notEqual, op != .equal { return [t.key] }
            return []
        }
    }
}
