import NuanSupport
import NuanSyntax
/// A checked program compiled to a typed instruction array (`Instruction`, `Register`), for
/// deciding batches without explanations. Built once per program, read-only afterwards; each
/// thread evaluates it with its own `CompiledEvaluator`.
///
/// Each root the decision evaluates (a definition, a group, a category, a validity rule, a
/// benefit's condition and amount, an exception, a score part) is a block: the instructions of
/// its expression in evaluation order, with the interpreter's short-circuits as jumps, so
/// that exactly the nodes the interpreter evaluates are evaluated, in its order (a 未确认
/// table figure is noted by the first rule that reads it). Nodes the compiled form does not
/// cover (text operands, ordering of non-numbers) are `delegate` instructions: the
/// interpreter evaluates that node.
final class CompiledProgram: @unchecked Sendable {
    /// A block of instructions and the register holding its result; `start < 0`: no block.
    struct Block {
        var start: Int32 = -1
        var end: Int32 = -1
        var result: Int32 = -1
        var exists: Bool { start >= 0 }
    }

    /// How a field's value is loaded into its register once per record.
    enum FieldKind: UInt8 { case skip, bool, number, integer }

    let code: UnsafeMutablePointer<Instruction>
    let codeCount: Int
    /// Every block, in one buffer read without reference counting: definitions, groups,
    /// categories, validity rules, then per benefit its condition and amount, per exception
    /// its condition and amount, per score part its condition, weight and expression
    /// (`Layout` gives where each kind starts).
    let blocks: UnsafeMutablePointer<Block>
    let blockCount: Int
    let layout: Layout
    /// Register lists of min/max arguments.
    let arguments: UnsafeMutablePointer<Int32>
    /// The plan's benefits, exceptions, category codes and score parts, likewise.
    let benefits: UnsafeMutablePointer<EvalPlan.Benefit>
    let exceptions: UnsafeMutablePointer<EvalPlan.Exception>
    let categoryCodes: UnsafeMutablePointer<Int32>
    /// Registers at the start of every record: constants and fixed parameters filled in.
    let initialRegisters: [Register]
    let fieldBase: Int
    let fieldKinds: [FieldKind]
    /// How many nodes are left to the interpreter (for tests and the benchmark notes).
    let delegatedNodes: Int

    struct Layout {
        var definitions = 0, groups = 0, categories = 0, validity = 0
        var benefitConditions = 0, benefitAmounts = 0, exceptionConditions = 0, exceptionAmounts = 0
        var scoreConditions = 0, scoreWeights = 0, scoreExpressions = 0
        var categoryCount = 0, validityCount = 0, benefitCount = 0, scorePartCount = 0
    }

    init(_ program: CheckedProgram, plan: EvalPlan) {
        var c = Compiler(program: program, plan: plan)
        func block(_ root: Int32) -> Block { root < 0 ? Block() : c.block(Int(root)) }
        func amount(_ a: EvalPlan.Amount) -> Block {
            if case .fixed(let n) = a { return block(n) }
            return Block()
        }
        var all: [Block] = []
        var l = Layout()
        l.definitions = all.count; all += plan.definitionRoots.map(block)
        l.groups = all.count; all += plan.groupRoots.map(block)
        l.categories = all.count; all += plan.categoryRoots.map(block)
        l.validity = all.count; all += plan.validityRoots.map(block)
        l.benefitConditions = all.count; all += plan.benefits.map { block($0.condition) }
        l.benefitAmounts = all.count; all += plan.benefits.map { amount($0.amount) }
        l.exceptionConditions = all.count; all += plan.exceptions.map { block($0.condition) }
        l.exceptionAmounts = all.count; all += plan.exceptions.map { amount($0.amount) }
        l.scoreConditions = all.count; all += plan.scoreParts.map { block($0.condition) }
        l.scoreWeights = all.count; all += plan.scoreParts.map { block($0.weight) }
        l.scoreExpressions = all.count; all += plan.scoreParts.map { block($0.expr) }
        l.categoryCount = plan.categoryRoots.count
        l.validityCount = plan.validityRoots.count
        l.benefitCount = plan.benefits.count
        l.scorePartCount = plan.scoreParts.count
        layout = l
        func buffer<T>(_ xs: [T]) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: max(xs.count, 1))
            p.initialize(from: xs, count: xs.count)
            return p
        }
        blocks = buffer(all)
        blockCount = all.count
        codeCount = c.code.count
        code = buffer(c.code)
        arguments = buffer(c.arguments)
        benefits = buffer(plan.benefits)
        exceptions = buffer(plan.exceptions)
        categoryCodes = buffer(plan.categoryCodes)
        initialRegisters = c.registers
        fieldBase = c.fieldBase
        fieldKinds = c.fieldKinds
        delegatedNodes = c.delegated.count
    }

    deinit {
        code.deallocate()
        blocks.deallocate()
        arguments.deallocate()
        benefits.deallocate()
        exceptions.deallocate()
        categoryCodes.deallocate()
    }
}

/// Builds the instruction array, one block per root.
struct Compiler {
    let program: CheckedProgram
    let plan: EvalPlan
    let nodes: [CheckedProgram.Node]
    var code: [Instruction] = []
    var arguments: [Int32] = []
    var registers: [Register]
    let fieldBase: Int
    var fieldKinds: [CompiledProgram.FieldKind]
    /// Constant and fixed-parameter nodes whose register is filled once.
    var preloaded: Set<Int> = []
    var delegated: Set<Int> = []

    init(program: CheckedProgram, plan: EvalPlan) {
        self.program = program
        self.plan = plan
        nodes = plan.nodes
        fieldBase = nodes.count
        registers = Array(repeating: Register(), count: nodes.count + program.fields.count)
        fieldKinds = program.fields.map { Compiler.kind($0.type) }
        for (i, n) in nodes.enumerated() {
            switch n.op {
            case .constant:
                if let r = Register(plan.constants[Int(n.a)]) { registers[i] = r; preloaded.insert(i) }
            case .parameter:
                let p = Int(n.a)
                guard plan.parameters[p].keyField < 0, !plan.parameterUnconfirmed[p] else { continue }
                registers[i] = plan.parameters[p].scalar.map { .known($0.numerator, $0.denominator) }
                    ?? .unknown(InputSet(slot: program.fields.count + p))
                preloaded.insert(i)
            default: continue
            }
        }
    }

    static func kind(_ t: ValueType) -> CompiledProgram.FieldKind {
        switch t {
        case .bool: return .bool
        case .money, .number: return .number
        case .date, .choice, .list: return .integer
        case .text, .error: return .skip
        }
    }

    static func isNumber(_ t: ValueType) -> Bool { t == .money || t == .number }

    /// The register that holds node `n`'s value.
    func reg(_ n: Int32) -> Int32 {
        let node = nodes[Int(n)]
        if node.op == .field, fieldKinds[Int(node.a)] != .skip { return Int32(fieldBase) + node.a }
        return n
    }

    mutating func block(_ root: Int) -> CompiledProgram.Block {
        let start = code.count
        emit(root)
        return CompiledProgram.Block(start: Int32(start), end: Int32(code.count), result: reg(Int32(root)))
    }

    @discardableResult
    mutating func put(_ op: Instruction.Op, _ dst: Int, a: Int32 = 0, b: Int32 = 0, c: Int32 = 0, flag: UInt8 = 0, imm: UInt64 = 0) -> Int {
        code.append(Instruction(op: op, flag: flag, dst: Int32(dst), a: a, b: b, c: c, imm: imm))
        return code.count - 1
    }

    func typeOK(_ n: Int32) -> Bool {
        let t = nodes[Int(n)].type
        return t != .text && t != .error
    }

    /// The set constant a membership test names (its operand `b`), if it is one.
    func setConstant(_ n: Int32) -> UInt64? {
        let node = nodes[Int(n)]
        guard node.op == .constant, case .set(let mask) = plan.constants[Int(node.a)] else { return nil }
        return mask
    }

    /// Whether node `n` compiles (else the interpreter evaluates it: `delegate`).
    func compiles(_ n: Int) -> Bool {
        let node = nodes[n]
        guard typeOK(Int32(n)) else { return false }
        switch node.op {
        case .constant: return preloaded.contains(n)
        case .field: return fieldKinds[Int(node.a)] != .skip
        case .parameter, .definition, .group, .category, .given: return true
        case .negate, .not, .isEmpty, .known: return typeOK(node.a)
        case .and, .or, .add, .subtract, .multiply, .divide: return typeOK(node.a) && typeOK(node.b)
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
            let (ta, tb) = (nodes[Int(node.a)].type, nodes[Int(node.b)].type)
            guard typeOK(node.a), typeOK(node.b), Compiler.isNumber(ta) == Compiler.isNumber(tb) else { return false }
            if Comparison(node.op)!.isOrdering { return Compiler.isNumber(ta) || (ta == .date && tb == .date) }
            return true
        case .inSet, .notInSet:
            guard case .choice = nodes[Int(node.a)].type else { return false }
            return setConstant(node.b) != nil
        case .containsAny, .containsAll:
            guard case .list = nodes[Int(node.a)].type else { return false }
            return setConstant(node.b) != nil
        case .min, .max:
            return (0..<Int(node.b)).allSatisfy { typeOK(plan.arguments[Int(node.a) + $0]) }
        case .clamp, .conditional: return typeOK(node.a) && typeOK(node.b) && typeOK(node.c)
        }
    }

    /// Emits the instructions that leave node `n`'s value in `reg(n)`, evaluating exactly what
    /// the interpreter evaluates, in its order.
    mutating func emit(_ n: Int) {
        let node = nodes[n]
        guard compiles(n) else {
            delegated.insert(n)
            put(.delegate, n, a: Int32(n))
            return
        }
        switch node.op {
        case .constant, .field: return
        case .parameter:
            if !preloaded.contains(n) { put(.parameter, n, a: node.a) }
        case .definition: put(.definition, n, a: node.a)
        case .group: put(.group, n, a: node.a)
        case .category: put(.category, n)
        case .given: put(.given, n, a: node.a)
        case .negate, .not, .isEmpty, .known:
            emit(Int(node.a))
            let op: Instruction.Op = node.op == .negate ? .negate : node.op == .not ? .not : node.op == .isEmpty ? .isEmpty : .known
            put(op, n, a: reg(node.a))
        case .and, .or:
            let stop: UInt8 = node.op == .or ? 1 : 0
            emit(Int(node.a))
            let jump = put(.shortCircuit, n, a: reg(node.a), flag: stop)
            emit(Int(node.b))
            put(.combine, n, a: reg(node.a), b: reg(node.b), flag: stop)
            code[jump].b = Int32(code.count)
        case .add, .subtract, .multiply, .divide:
            emit(Int(node.a))
            emit(Int(node.b))
            let op: Instruction.Op = node.op == .add ? .add : node.op == .subtract ? .subtract : node.op == .multiply ? .multiply : .divide
            put(op, n, a: reg(node.a), b: reg(node.b))
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
            emit(Int(node.a))
            emit(Int(node.b))
            let numbers = Compiler.isNumber(nodes[Int(node.a)].type)
            put(numbers ? .compareNumbers : .compareIntegers, n, a: reg(node.a), b: reg(node.b), flag: Comparison(node.op)!.rawValue)
        case .inSet, .notInSet:
            emit(Int(node.a))
            put(.inSet, n, a: reg(node.a), flag: node.op == .notInSet ? 1 : 0, imm: setConstant(node.b)!)
        case .containsAny, .containsAll:
            emit(Int(node.a))
            put(node.op == .containsAny ? .containsAny : .containsAll, n, a: reg(node.a), imm: setConstant(node.b)!)
        case .min, .max:
            let start = arguments.count
            for k in 0..<Int(node.b) {
                let arg = plan.arguments[Int(node.a) + k]
                emit(Int(arg))
                arguments.append(reg(arg))
            }
            put(.minMax, n, a: Int32(start), b: node.b, flag: node.op == .max ? 1 : 0)
        case .clamp:
            emit(Int(node.a))
            emit(Int(node.b))
            emit(Int(node.c))
            put(.clamp, n, a: reg(node.a), b: reg(node.b), c: reg(node.c))
        case .conditional:
            emit(Int(node.a))
            let branch = put(.branch, n, a: reg(node.a))
            emit(Int(node.b))
            put(.move, n, a: reg(node.b))
            let jump = put(.jump, n)
            code[branch].b = Int32(code.count)
            emit(Int(node.c))
            put(.move, n, a: reg(node.c))
            code[branch].c = Int32(code.count)
            code[jump].a = Int32(code.count)
        }
    }
}
