extension Checker {
    typealias Op = CheckedProgram.Node.Op

    mutating func emit(_ op: Op, _ type: ValueType, _ range: SourceRange, name: String? = nil,
                       a: Int32 = -1, b: Int32 = -1, c: Int32 = -1) -> Int32 {
        program.nodes.append(.init(op: op, a: a, b: b, c: c, type: type))
        program.nodeRanges.append(range)
        program.nodeNames.append(name)
        return Int32(program.nodes.count - 1)
    }

    mutating func constant(_ v: Value, _ type: ValueType, _ range: SourceRange) -> Int32 {
        program.constants.append(v)
        return emit(.constant, type, range, a: Int32(program.constants.count - 1))
    }

    func type(_ n: Int32) -> ValueType { program.nodes[Int(n)].type }

    /// Compiles a condition, which must be boolean.
    mutating func condition(_ e: Expr, _ what: String) -> Int32 {
        let n = compile(e)
        if type(n) != .bool && type(n) != .error {
            error("type.mismatch", "\(what)应为条件（是/否），但 “\(e.range.text)” 是\(type(n))", e.range)
        }
        return n
    }

    mutating func compile(_ e: Expr, enumContext: Int? = nil) -> Int32 {
        switch e.kind {
        case .number(let r, let u):
            return constant(.number(r), (u?.isMoney ?? false) ? .money : .number, e.range)
        case .string(let s): return constant(.text(s), .text, e.range)
        case .date(let d): return constant(.date(d), .date, e.range)
        case .bool(let b): return constant(.bool(b), .bool, e.range)
        case .name(let n): return compileName(n, e.range, enumContext: enumContext)
        case .list:
            error("type.list", "列表只能出现在 属于、含任一、含全部 的右边", e.range)
            return constant(.failure("list"), .error, e.range)
        case .negate(let x):
            let n = compile(x)
            if !type(n).isNumeric && type(n) != .error { error("type.mismatch", "负号只能用于数值", e.range) }
            return emit(.negate, type(n), e.range, a: n)
        case .not(let x):
            let n = condition(x, "“非” 的对象")
            return emit(.not, .bool, e.range, a: n)
        case .binary(let op, let l, let r): return compileBinary(op, l, r, e)
        case .isEmpty(let x):
            let n = compile(x)
            if case .list = type(n) {} else if type(n) != .error { error("type.mismatch", "“为空” 只能用于多选字段", e.range) }
            return emit(.isEmpty, .bool, e.range, a: n)
        case .given(let name):
            guard case .field(let fi)? = symbols[name] else {
                error("check.unknown-name", "已填(…) 只能用于字段，“\(name)” 不是字段", e.range)
                return constant(.failure(""), .error, e.range)
            }
            used.insert(program.fields[fi].key)
            return emit(.given, .bool, e.range, a: Int32(fi))
        case .call(let f, let args): return compileCall(f, args, e)
        case .conditional(let c, let a, let b):
            let cn = condition(c, "“若” 的条件")
            let an = compile(a), bn = compile(b)
            let t = unify(type(an), type(bn), e.range)
            return emit(.conditional, t, e.range, a: cn, b: an, c: bn)
        }
    }

    mutating func unify(_ a: ValueType, _ b: ValueType, _ range: SourceRange) -> ValueType {
        if a == .error { return b }
        if b == .error || a == b { return a }
        error("type.mismatch", "两个分支类型不同：\(a) 与 \(b)", range)
        return .error
    }

    mutating func compileName(_ n: String, _ range: SourceRange, enumContext: Int?) -> Int32 {
        if let en = enumContext, let i = program.enums[en].index(of: n) {
            return constant(.choice(Int32(i)), .choice(en), range)
        }
        switch symbols[n] {
        case .field(let fi)?:
            used.insert(program.fields[fi].key)
            return emit(.field, program.fields[fi].type, range, name: n, a: Int32(fi))
        case .parameter(let pi)?:
            used.insert(program.parameters[pi].name)
            if let kf = program.parameters[pi].keyField { used.insert(program.fields[kf].key) }
            return emit(.parameter, program.parameters[pi].type, range, name: n, a: Int32(pi))
        case .definition(let name)?:
            used.insert(name)
            guard let di = compileDefinition(name, at: range) else { return constant(.failure(""), .error, range) }
            return emit(.definition, program.definitions[di].type, range, name: n, a: Int32(di))
        case .group(let name)?:
            used.insert(name)
            guard let gi = compileGroup(name, at: range) else { return constant(.failure(""), .error, range) }
            return emit(.group, .bool, range, name: n, a: Int32(gi))
        case .category?:
            return emit(.category, .choice(program.categoryEnum), range, name: n)
        case nil:
            unknownName(n, range, enumContext: enumContext)
            return constant(.failure(""), .error, range)
        }
    }

    mutating func unknownName(_ n: String, _ range: SourceRange, enumContext: Int?) {
        var candidates = Array(symbols.keys)
        if let en = enumContext { candidates += program.enums[en].codes + program.enums[en].labels.compactMap { $0 } }
        var message = "未知的名称 “\(n)”"
        if let s = Suggest.closest(to: n, in: candidates) {
            message += "；是不是 \(s)？"
        } else if let split = Keyword.splitHint(n) {
            message += "；关键字前后要留空格，是不是想写 “\(split)”？"
        } else if let en = enumContext {
            message += "；可选值：" + program.enums[en].codes.indices.map { program.enums[en].display($0) }.joined(separator: "、")
        }
        error("check.unknown-name", message, range)
    }

    mutating func compileDefinition(_ name: String, at range: SourceRange) -> Int? {
        if let i = definitionIndex[name] { return i }
        guard let d = definitionDecls[name] else { return nil }
        if compiling.contains(name) {
            error("check.cycle", "定义相互引用形成循环：" + (compiling + [name]).joined(separator: " → "), range)
            return nil
        }
        compiling.append(name)
        let root = compile(d.expr)
        compiling.removeLast()
        program.definitions.append(.init(name: name, root: root, type: type(root), citation: d.citation?.text, range: d.nameRange))
        definitionIndex[name] = program.definitions.count - 1
        return program.definitions.count - 1
    }

    mutating func compileGroup(_ name: String, at range: SourceRange) -> Int? {
        if let i = groupIndex[name] { return i }
        guard let g = groupDecls[name] else { return nil }
        if compiling.contains(name) {
            error("check.cycle", "对象相互引用形成循环：" + (compiling + [name]).joined(separator: " → "), range)
            return nil
        }
        compiling.append(name)
        let root = condition(g.condition, "对象 \(name) 的条件")
        compiling.removeLast()
        program.groups.append(.init(name: name, description: g.description, root: root, citation: g.citation?.text, range: g.nameRange))
        groupIndex[name] = program.groups.count - 1
        return program.groups.count - 1
    }
}
