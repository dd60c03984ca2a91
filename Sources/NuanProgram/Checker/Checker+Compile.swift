import NuanSupport
import NuanSyntax
extension Checker {
    typealias Op = CheckedProgram.Node.Op

    mutating func emit(_ op: Op, _ type: ValueType, _ range: SourceRange, name: String? = nil,
                       a: Int32 = -1, b: Int32 = -1, c: Int32 = -1) -> Int32 {
        let (depth, deepest) = expandedDepth(op, a: a, b: b, c: c)
        if depth > NestingLimits.expanded {
            // Report where the limit is first crossed, and put a failure in the node's place so
            // nothing after the checker walks a tree deeper than the limit.
            if deepest <= NestingLimits.expanded { tooDeep(range) }
            program.constants.append(.failure(""))
            return append(.constant, .error, range, name: nil, a: Int32(program.constants.count - 1), b: -1, c: -1, depth: 1)
        }
        return append(op, type, range, name: name, a: a, b: b, c: c, depth: depth)
    }

    private mutating func append(_ op: Op, _ type: ValueType, _ range: SourceRange, name: String?,
                                 a: Int32, b: Int32, c: Int32, depth: Int) -> Int32 {
        program.nodes.append(.init(op: op, a: a, b: b, c: c, type: type))
        program.nodeRanges.append(range)
        program.nodeNames.append(name)
        nodeDepth.append(depth)
        return Int32(program.nodes.count - 1)
    }

    /// How deep the evaluator recurses below a node of this kind: its children's depth, with
    /// a definition or group counting its whole expression. Also the deepest child's depth.
    func expandedDepth(_ op: Op, a: Int32, b: Int32, c: Int32) -> (Int, deepest: Int) {
        var children: [Int] = []
        switch op {
        case .constant, .field, .parameter, .category, .given: break
        case .definition: children = [definitionDepth[Int(a)]]
        case .group: children = [groupDepth[Int(a)]]
        case .min, .max: children = (0..<Int(b)).map { nodeDepth[Int(program.arguments[Int(a) + $0])] }
        default: children = [a, b, c].filter { $0 >= 0 }.map { nodeDepth[Int($0)] }
        }
        let deepest = children.max() ?? 0
        return (deepest + 1, deepest)
    }

    /// `check.too-deep`, once: the first place a chain gets too deep is the one to fix.
    mutating func tooDeep(_ range: SourceRange) {
        guard !tooDeepReported else { return }
        tooDeepReported = true
        error("check.too-deep", .expandedTooDeep(NestingLimits.expanded, chain: compiling), range)
    }

    mutating func constant(_ v: Value, _ type: ValueType, _ range: SourceRange) -> Int32 {
        program.constants.append(v)
        return emit(.constant, type, range, a: Int32(program.constants.count - 1))
    }

    func type(_ n: Int32) -> ValueType { program.nodes[Int(n)].type }

    /// Compiles a condition, which must be boolean.
    mutating func condition(_ e: Expr, _ site: ConditionSite) -> Int32 {
        let n = compile(e)
        if type(n) != .bool && type(n) != .error {
            error("type.mismatch", .notACondition(site, e.range.quoted, type(n)), e.range)
        }
        return n
    }

    mutating func compile(_ e: Expr, enumContext: Int? = nil) -> Int32 {
        // Definitions are compiled where they are first used, so this recursion follows chains
        // of definitions too: bound it before it can exhaust the stack.
        guard compileDepth < NestingLimits.expanded else {
            tooDeep(e.range)
            return constant(.failure(""), .error, e.range)
        }
        compileDepth += 1
        defer { compileDepth -= 1 }
        switch e.kind {
        case .number(let r, let u):
            return constant(.number(r), (u?.isMoney ?? false) ? .money : .number, e.range)
        case .string(let s): return constant(.text(s), .text, e.range)
        case .date(let d): return constant(.date(d), .date, e.range)
        case .bool(let b): return constant(.bool(b), .bool, e.range)
        case .name(let n): return compileName(n, e.range, enumContext: enumContext)
        case .list:
            error("type.list", .misplacedList, e.range)
            return constant(.failure("list"), .error, e.range)
        case .negate(let x):
            let n = compile(x)
            if !type(n).isNumeric && type(n) != .error { error("type.mismatch", .negateNonNumber, e.range) }
            return emit(.negate, type(n), e.range, a: n)
        case .not(let x):
            let n = condition(x, .negated)
            return emit(.not, .bool, e.range, a: n)
        case .binary(let op, let l, let r): return compileBinary(op, l, r, e)
        case .isEmpty(let x):
            let n = compile(x)
            if case .list = type(n) {} else if type(n) != .error { error("type.mismatch", .isEmptyNeedsList, e.range) }
            return emit(.isEmpty, .bool, e.range, a: n)
        case .given(let name):
            guard case .field(let fi)? = symbols[name] else {
                error("check.unknown-name", .givenNeedsField(name), e.range)
                return constant(.failure(""), .error, e.range)
            }
            used.insert(program.fields[fi].key)
            return emit(.given, .bool, e.range, a: Int32(fi))
        case .call(let f, let args): return compileCall(f, args, e)
        case .conditional(let c, let a, let b):
            let cn = condition(c, .ifCondition)
            let an = compile(a), bn = compile(b)
            let t = unify(type(an), type(bn), e.range)
            return emit(.conditional, t, e.range, a: cn, b: an, c: bn)
        }
    }

    mutating func unify(_ a: ValueType, _ b: ValueType, _ range: SourceRange) -> ValueType {
        if a == .error { return b }
        if b == .error || a == b { return a }
        error("type.mismatch", .branchTypes(a, b), range)
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
        var message = Diagnostic.Message.unknownName(n)
        if let s = Suggest.closest(to: n, in: candidates) {
            message = message.with(.didYouMean(s))
        } else if let split = Keyword.splitHint(n) {
            message = message + .spacesAroundKeyword(split)
        } else if let en = enumContext {
            message = message + .options(program.enums[en].codes.indices.map { program.enums[en].display($0) })
        }
        error("check.unknown-name", message, range)
    }

    mutating func compileDefinition(_ name: String, at range: SourceRange) -> Int? {
        if let i = definitionIndex[name] { return i }
        guard let d = definitionDecls[name] else { return nil }
        if compiling.contains(name) {
            error("check.cycle", .definitionCycle(compiling + [name]), range)
            return nil
        }
        compiling.append(name)
        let root = compile(d.expr)
        compiling.removeLast()
        program.definitions.append(.init(name: name, root: root, type: type(root), citation: d.citation?.text, range: d.nameRange))
        definitionDepth.append(nodeDepth[Int(root)])
        definitionIndex[name] = program.definitions.count - 1
        return program.definitions.count - 1
    }

    mutating func compileGroup(_ name: String, at range: SourceRange) -> Int? {
        if let i = groupIndex[name] { return i }
        guard let g = groupDecls[name] else { return nil }
        if compiling.contains(name) {
            error("check.cycle", .groupCycle(compiling + [name]), range)
            return nil
        }
        compiling.append(name)
        let root = condition(g.condition, .group(name))
        compiling.removeLast()
        program.groups.append(.init(name: name, description: g.description, root: root, citation: g.citation?.text, range: g.nameRange))
        groupDepth.append(nodeDepth[Int(root)])
        groupIndex[name] = program.groups.count - 1
        return program.groups.count - 1
    }
}
