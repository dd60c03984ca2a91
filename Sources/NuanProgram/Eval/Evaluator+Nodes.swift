import NuanSupport
import NuanSyntax
extension Evaluator {
    mutating func evalNode(_ i: Int) -> Value {
        let node = plan.nodes[i]
        switch node.op {
        case .constant: return plan.constants[Int(node.a)]
        case .field: return facts.values[Int(node.a)]
        case .parameter: return parameter(Int(node.a), node: i)
        case .definition: return definition(Int(node.a))
        case .group: return group(Int(node.a))
        case .category: return category()
        case .given:
            if !openInputs.isEmpty, openInputs.contains(Int(node.a)) { return .unknown(InputSet(slot: Int(node.a))) }
            return .bool(facts.given[Int(node.a)])
        case .negate:
            let v = eval(node.a)
            if case .number(let r) = v { return .number(r.negated) }
            return v
        case .not:
            let v = eval(node.a)
            if case .bool(let b) = v { return .bool(!b) }
            return v
        case .and, .or:
            let stop = node.op == .or  // the value that settles it
            let a = eval(node.a)
            if case .bool(let x) = a, x == stop { return a }
            let b = eval(node.b)
            if case .bool(let y) = b {
                if y == stop { return b }
                return a.isKnown ? b : a
            }
            if case .failure = a { return a }
            if case .failure = b { return b }
            if a.isKnown { return b }
            return .unknown(a.missing.union(b.missing))
        case .add, .subtract, .multiply, .divide:
            let a = eval(node.a), b = eval(node.b)
            guard case .number(let x) = a, case .number(let y) = b else { return combineUnknown(a, b) }
            let r: Rational?
            switch node.op {
            case .add: r = x.adding(y)
            case .subtract: r = x.subtracting(y)
            case .multiply: r = x.multiplied(by: y)
            default:
                if y == .zero { return .failure(EvalMessage.divisionByZero(program.nodeRanges[Int(node.b)].text).text(language)) }
                r = x.divided(by: y)
            }
            return r.map { .number($0) } ?? .failure(EvalMessage.beyondRange(program.nodeRanges[i].text).text(language))
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
            let a = eval(node.a), b = eval(node.b)
            guard a.isKnown && b.isKnown else { return combineUnknown(a, b) }
            return .bool(compare(node.op, a, b))
        case .inSet, .notInSet:
            let a = eval(node.a)
            let set = plan.constants[Int(plan.nodes[Int(node.b)].a)]
            if trace != nil {
                trace!.values[Int(node.b)] = set
                traced.append(node.b)
            }
            var member: Bool
            switch (a, set) {
            case (.choice(let c), .set(let mask)): member = mask & (1 << UInt64(c)) != 0
            case (.text(let s), .text(let all)): member = all.split(separator: "\u{1F}").contains { $0 == s }
            default: return a.isKnown ? .failure(EvalMessage.typeError.text(language)) : a
            }
            if node.op == .notInSet { member = !member }
            return .bool(member)
        case .containsAny, .containsAll:
            let a = eval(node.a)
            let set = plan.constants[Int(plan.nodes[Int(node.b)].a)]
            if trace != nil {
                trace!.values[Int(node.b)] = set
                traced.append(node.b)
            }
            guard case .set(let have) = a, case .set(let want) = set else { return a.isKnown ? .failure(EvalMessage.typeError.text(language)) : a }
            return .bool(node.op == .containsAny ? have & want != 0 : have & want == want)
        case .isEmpty:
            let a = eval(node.a)
            if case .set(let s) = a { return .bool(s == 0) }
            return a
        case .min, .max:
            var best: Rational?
            var unknown = InputSet.empty
            var anyUnknown = false
            for k in 0..<Int(node.b) {
                let v = eval(plan.arguments[Int(node.a) + k])
                guard case .number(let r) = v else {
                    if case .failure = v { return v }
                    anyUnknown = true
                    unknown = unknown.union(v.missing)
                    continue
                }
                if best == nil || (node.op == .min ? r < best! : r > best!) { best = r }
            }
            if anyUnknown { return .unknown(unknown) }
            return best.map { .number($0) } ?? .unknown(unknown)
        case .clamp:
            let x = eval(node.a), lo = eval(node.b), hi = eval(node.c)
            guard case .number(let v) = x, case .number(let l) = lo, case .number(let h) = hi else {
                return combineUnknown(combineUnknown(x, lo), hi)
            }
            return .number(v < l ? l : (v > h ? h : v))
        case .known:
            // Never unknown itself: lets a rule fall back when an input cannot settle a test.
            let v = eval(node.a)
            if case .failure = v { return v }
            if !openInputs.isEmpty, case .unknown(let m) = v, !m.intersection(openInputs).isEmpty { return .unknown(m.intersection(openInputs)) }
            return .bool(v.isKnown)
        case .conditional:
            switch eval(node.a) {
            case .bool(true): return eval(node.b)
            case .bool(false): return eval(node.c)
            case let other:
                // The relevance analysis needs every input an unknown condition leaves open.
                guard !openInputs.isEmpty, case .unknown(let m) = other else { return other }
                let x = eval(node.b), y = eval(node.c)
                if x == y && x.isKnown { return x }
                if settledUnknown(other), settledUnknown(x) { return x }
                if settledUnknown(other), settledUnknown(y) { return y }
                return .unknown(m.union(x.missing).union(y.missing))
            }
        }
    }

    func combineUnknown(_ a: Value, _ b: Value) -> Value {
        if case .failure = a { return a }
        if case .failure = b { return b }
        if a.isKnown && b.isKnown { return .failure(EvalMessage.typeError.text(language)) }
        if !openInputs.isEmpty {
            // An operand no open input can settle keeps the result unknown whatever they are.
            if settledUnknown(a) { return a }
            if settledUnknown(b) { return b }
        }
        return .unknown(a.missing.union(b.missing))
    }

    /// Relevance analysis: unknown, and no open input can make it known.
    func settledUnknown(_ v: Value) -> Bool {
        if case .unknown(let m) = v { return m.intersection(openInputs).isEmpty }
        return false
    }

    func compare(_ op: CheckedProgram.Node.Op, _ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return Evaluator.holds(op, x, y)
        case (.date(let x), .date(let y)): return Evaluator.holds(op, x, y)
        default: return op == .equal ? a == b : a != b
        }
    }

    /// Whether `x op y` holds, for the comparison operators (shared with the explanation's margins).
    @inline(__always)
    package static func holds<T: Comparable>(_ op: CheckedProgram.Node.Op, _ x: T, _ y: T) -> Bool {
        switch op {
        case .less: return x < y
        case .lessEqual: return x <= y
        case .greater: return x > y
        case .greaterEqual: return x >= y
        case .equal: return x == y
        default: return x != y
        }
    }
}
