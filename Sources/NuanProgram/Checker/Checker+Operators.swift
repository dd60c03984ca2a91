import NuanSupport
import NuanSyntax
extension Checker {
    mutating func compileBinary(_ op: BinaryOperator, _ l: Expr, _ r: Expr, _ e: Expr) -> Int32 {
        switch op {
        case .and, .or:
            let a = condition(l, .left(op)), b = condition(r, .right(op))
            return emit(op == .and ? .and : .or, .bool, e.range, a: a, b: b)
        case .add, .subtract, .multiply, .divide:
            let a = compile(l), b = compile(r)
            let t = arithmeticType(op, type(a), type(b), l, r, e)
            let o: Op = op == .add ? .add : op == .subtract ? .subtract : op == .multiply ? .multiply : .divide
            return emit(o, t, e.range, a: a, b: b)
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
            return compileComparison(op, l, r, e)
        case .in, .notIn:
            let a = compile(l)
            guard case .list(let items) = r.kind else {
                error("type.mismatch", .rightNeedsList(op), r.range)
                return constant(.failure(""), .error, e.range)
            }
            let b = listConstant(items, elementType: type(a), r.range)
            return emit(op == .in ? .inSet : .notInSet, .bool, e.range, a: a, b: b)
        case .contains, .containsAny, .containsAll:
            let a = compile(l)
            guard case .list(let en) = type(a) else {
                if type(a) != .error { error("type.mismatch", .leftNeedsListField(op, l.range.quoted, type(a)), l.range) }
                return constant(.failure(""), .error, e.range)
            }
            let items: [Expr]
            if case .list(let xs) = r.kind { items = xs } else if op == .contains { items = [r] } else {
                error("type.mismatch", .rightNeedsList(op), r.range)
                return constant(.failure(""), .error, e.range)
            }
            let b = listConstant(items, elementType: .choice(en), r.range)
            return emit(op == .containsAny ? .containsAny : .containsAll, .bool, e.range, a: a, b: b)
        }
    }

    /// Money ± money; money × number; money ÷ number; money ÷ money is a ratio (number).
    mutating func arithmeticType(_ op: BinaryOperator, _ a: ValueType, _ b: ValueType, _ l: Expr, _ r: Expr, _ e: Expr) -> ValueType {
        if a == .error || b == .error { return .error }
        guard a.isNumeric else { error("type.mismatch", .noArithmetic(l.range.quoted, a), l.range); return .error }
        guard b.isNumeric else { error("type.mismatch", .noArithmetic(r.range.quoted, b), r.range); return .error }
        switch op {
        case .add, .subtract:
            if a != b {
                error("type.money-number", .addMoneyAndNumber(l.range.quoted, a, r.range.quoted, b), e.range)
                return .error
            }
            return a
        case .multiply:
            if a == .money && b == .money { error("type.money-number", .multiplyMoney, e.range); return .error }
            return a == .money || b == .money ? .money : .number
        default:
            if a == .number && b == .money { error("type.money-number", .divideByMoney, e.range); return .error }
            return a == b ? .number : .money
        }
    }

    mutating func compileComparison(_ op: BinaryOperator, _ l: Expr, _ r: Expr, _ e: Expr) -> Int32 {
        var a = compile(l)
        var ctx: Int?
        if case .choice(let en) = type(a) { ctx = en }
        var b = compile(r, enumContext: ctx)
        if ctx == nil, case .choice(let en) = type(b), case .name = l.kind {
            // `深度困难 = 建档类型`: resolve the left side as an option too.
            a = compile(l, enumContext: en)
        }
        var ta = type(a), tb = type(b)
        // A bare 0 compares with money: "> 0" needs no unit.
        if ta == .money, tb == .number, case .number(let z, nil) = r.kind, z == .zero { b = constant(.number(.zero), .money, r.range); tb = .money }
        if tb == .money, ta == .number, case .number(let z, nil) = l.kind, z == .zero { a = constant(.number(.zero), .money, l.range); ta = .money }
        let o: Op
        switch op {
        case .less: o = .less
        case .lessEqual: o = .lessEqual
        case .greater: o = .greater
        case .greaterEqual: o = .greaterEqual
        case .equal: o = .equal
        default: o = .notEqual
        }
        if ta != .error && tb != .error {
            if ta != tb {
                if ta.isNumeric && tb.isNumeric {
                    error("type.money-number", .compareMoneyAndNumber(l.range.quoted, ta, r.range.quoted, tb), e.range)
                } else {
                    error("type.mismatch", .compareTypes(ta, tb, l.range.quoted, r.range.quoted), e.range)
                }
            } else if op != .equal && op != .notEqual && !(ta.isNumeric || ta == .date) {
                error("type.mismatch", .orderNeedsNumbers(op), e.range)
            } else if case .list = ta {
                error("type.mismatch", .compareListField, e.range)
            }
        }
        return emit(o, .bool, e.range, a: a, b: b)
    }

    /// A literal list for `属于` / `含任一` / `含全部`: enum values become a bit mask; other
    /// values a list of constants.
    mutating func listConstant(_ items: [Expr], elementType: ValueType, _ range: SourceRange) -> Int32 {
        switch elementType {
        case .choice(let en), .list(let en):
            var mask: UInt64 = 0
            for it in items {
                guard case .name(let n) = it.kind, let i = program.enums[en].index(of: n) else {
                    let options = program.enums[en].codes.indices.map { program.enums[en].display($0) }
                    let hint = Suggest.closest(to: it.range.text, in: program.enums[en].codes + program.enums[en].labels.compactMap { $0 })
                    error("check.unknown-option", Diagnostic.Message.unknownOption(it.range.quoted).with(.didYouMean(hint) ?? .options(options)), it.range)
                    continue
                }
                mask |= 1 << UInt64(i)
            }
            return constant(.set(mask), .list(en), range)
        case .text:
            var texts: [String] = []
            for it in items {
                if case .string(let s) = it.kind { texts.append(s) } else { error("type.mismatch", .textList, it.range) }
            }
            program.constants.append(.text(texts.joined(separator: "\u{1F}")))
            return emit(.constant, .list(-1), range, a: Int32(program.constants.count - 1))
        case .error:
            return constant(.failure(""), .error, range)
        default:
            error("type.mismatch", .inNeedsChoiceOrText, range)
            return constant(.failure(""), .error, range)
        }
    }

    mutating func compileCall(_ f: String, _ args: [Expr], _ e: Expr) -> Int32 {
        if f == "已知" || f == "known" {
            // 已知(x): whether x is settled for this record — any type; never itself unknown.
            guard args.count == 1 else { error("check.arity", .knownArity, e.range); return constant(.failure(""), .error, e.range) }
            return emit(.known, .bool, e.range, a: compile(args[0]))
        }
        let nodes = args.map { compile($0) }
        let types = nodes.map { type($0) }
        let t = types.first { $0 != .error } ?? .error
        for (i, ty) in types.enumerated() where ty != .error && ty != t {
            error("type.money-number", .argumentTypes(f, t, ty), args[i].range)
        }
        if t != .error && !t.isNumeric { error("type.mismatch", .numericFunction(f), e.range) }
        switch f {
        case "最小", "min", "最大", "max":
            guard !nodes.isEmpty else { error("check.arity", .atLeastOneArgument(f), e.range); return constant(.failure(""), .error, e.range) }
            let start = Int32(program.arguments.count)
            program.arguments += nodes
            return emit(f == "最小" || f == "min" ? .min : .max, t, e.range, a: start, b: Int32(nodes.count))
        case "限于", "clamp":
            guard nodes.count == 3 else { error("check.arity", .clampArity, e.range); return constant(.failure(""), .error, e.range) }
            return emit(.clamp, t, e.range, a: nodes[0], b: nodes[1], c: nodes[2])
        default:
            let hint = Suggest.closest(to: f, in: ["最小", "最大", "限于", "已知", "min", "max", "clamp", "known"])
            error("check.unknown-function", .unknownFunction(f, suggestion: hint), e.range)
            return constant(.failure(""), .error, e.range)
        }
    }
}
