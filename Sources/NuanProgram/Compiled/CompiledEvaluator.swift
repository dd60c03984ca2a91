import NuanSupport
import NuanSyntax
/// Decides records with a `CompiledProgram` — the same decisions as the interpreter
/// (`Evaluator`), which stays the reference: differential tests compare the two on every
/// example of every shipped rules file and on generated records.
///
/// The compiled evaluator works beside an interpreter over the same program, passed `inout`
/// to every call: the interpreter holds the record (`facts`), looks up table figures (and notes
/// the 未确认 and missing-row warnings), evaluates the few delegated nodes, checks the 辖区 and
/// assembles the decision from the outcomes computed here (`Evaluator.assemble`), so that part
/// is one code. Whenever the compiled path meets an evaluation error — division by zero, a
/// number that leaves 64 bits, a type error — it stops and the interpreter decides the record
/// from the start: errors are worded in one place, and the fast path needs no error values.
///
/// One per thread. Registers and per-record memos live in buffers owned by a private box; a
/// copy of the struct shares them, so keep one value per thread.
public struct CompiledEvaluator {
    let compiled: CompiledProgram
    let plan: EvalPlan
    let box: Storage
    // The compiled program's buffers, read without reference counting on the hot path.
    let r: UnsafeMutablePointer<Register>
    let code: UnsafeMutablePointer<Instruction>
    let blocks: UnsafeMutablePointer<CompiledProgram.Block>
    let layout: CompiledProgram.Layout
    let arguments: UnsafeMutablePointer<Int32>
    let benefits: UnsafeMutablePointer<EvalPlan.Benefit>
    let exceptions: UnsafeMutablePointer<EvalPlan.Exception>
    let categoryCodes: UnsafeMutablePointer<Int32>
    let hasScore: Bool
    let definitionMemo: UnsafeMutablePointer<Register>
    let definitionGeneration: UnsafeMutablePointer<UInt32>
    let groupMemo: UnsafeMutablePointer<Register>
    let groupGeneration: UnsafeMutablePointer<UInt32>
    /// The category's memo and its generation (one each).
    let categoryMemo: UnsafeMutablePointer<Register>
    let categoryGeneration: UnsafeMutablePointer<UInt32>
    var generation: UInt32 = 0
    /// Whether the compiled path decided the last record (else the interpreter did).
    var lastFast = false
    /// Records decided by the interpreter because the compiled path stopped (an error, an overflow).
    public internal(set) var fallbacks = 0

    final class Storage {
        let registers: UnsafeMutablePointer<Register>
        let definitionMemo: UnsafeMutablePointer<Register>
        let definitionGeneration: UnsafeMutablePointer<UInt32>
        let groupMemo: UnsafeMutablePointer<Register>
        let groupGeneration: UnsafeMutablePointer<UInt32>
        let categoryMemo: UnsafeMutablePointer<Register>
        let categoryGeneration: UnsafeMutablePointer<UInt32>
        let counts: (Int, Int, Int)

        init(registers initial: [Register], definitions: Int, groups: Int) {
            counts = (initial.count, definitions, groups)
            registers = .allocate(capacity: max(initial.count, 1))
            registers.initialize(from: initial, count: initial.count)
            definitionMemo = .allocate(capacity: max(definitions, 1))
            definitionMemo.initialize(repeating: Register(), count: max(definitions, 1))
            definitionGeneration = .allocate(capacity: max(definitions, 1))
            definitionGeneration.initialize(repeating: 0, count: max(definitions, 1))
            groupMemo = .allocate(capacity: max(groups, 1))
            groupMemo.initialize(repeating: Register(), count: max(groups, 1))
            groupGeneration = .allocate(capacity: max(groups, 1))
            groupGeneration.initialize(repeating: 0, count: max(groups, 1))
            categoryMemo = .allocate(capacity: 1)
            categoryMemo.initialize(to: Register())
            categoryGeneration = .allocate(capacity: 1)
            categoryGeneration.initialize(to: 0)
        }

        deinit {
            registers.deallocate()
            definitionMemo.deallocate()
            definitionGeneration.deallocate()
            groupMemo.deallocate()
            groupGeneration.deallocate()
            categoryMemo.deallocate()
            categoryGeneration.deallocate()
        }
    }

    /// A compiled evaluator for `interpreter`'s program; use it with that interpreter.
    public init(_ interpreter: Evaluator) {
        plan = interpreter.plan
        compiled = CompiledProgram(interpreter.program, plan: plan)
        box = Storage(registers: compiled.initialRegisters, definitions: plan.definitionRoots.count, groups: plan.groupRoots.count)
        r = box.registers
        code = compiled.code
        blocks = compiled.blocks
        layout = compiled.layout
        arguments = compiled.arguments
        benefits = compiled.benefits
        exceptions = compiled.exceptions
        categoryCodes = compiled.categoryCodes
        hasScore = plan.hasScore
        definitionMemo = box.definitionMemo
        definitionGeneration = box.definitionGeneration
        groupMemo = box.groupMemo
        groupGeneration = box.groupGeneration
        categoryMemo = box.categoryMemo
        categoryGeneration = box.categoryGeneration
    }

    /// How many expression nodes the interpreter evaluates for the compiled program (text
    /// operands and the like); 0 for the shipped rules files.
    public var delegatedNodes: Int { compiled.delegatedNodes }

    /// Loads the record's fields into their registers; false if a value is not of its field's
    /// type (the interpreter then decides, and words the error).
    mutating func load(_ f: Facts) -> Bool {
        generation &+= 1
        if generation == 0 {
            generation = 1
            for i in 0..<box.counts.1 { definitionGeneration[i] = 0 }
            for i in 0..<box.counts.2 { groupGeneration[i] = 0 }
            categoryGeneration.pointee = 0
        }
        let base = r + compiled.fieldBase
        var slot = 0
        for kind in compiled.fieldKinds {
            defer { slot += 1 }
            if kind == .skip { continue }
            switch f.values[slot] {
            case .unknown(let m): base[slot] = .unknown(m)
            case .bool(let b) where kind == .bool: base[slot] = .bool(b)
            case .number(let q) where kind == .number: base[slot] = .known(q.numerator, q.denominator)
            case .date(let d) where kind == .integer: base[slot] = .known(Int64(d))
            case .choice(let c) where kind == .integer: base[slot] = .known(Int64(c))
            case .set(let s) where kind == .integer: base[slot] = .known(Int64(bitPattern: s))
            default: return false
            }
        }
        return true
    }

    /// The value of a block; nil when the compiled path stops.
    @inline(__always)
    mutating func value(_ b: CompiledProgram.Block, _ ev: inout Evaluator) -> Register? {
        guard run(b.start, b.end, &ev) else { return nil }
        return r[Int(b.result)]
    }

    /// The value of block `k` of the layout.
    @inline(__always)
    mutating func value(block k: Int, _ ev: inout Evaluator) -> Register? { value(blocks[k], &ev) }

    mutating func definition(_ i: Int, _ ev: inout Evaluator) -> Register? {
        if definitionGeneration[i] == generation { return definitionMemo[i] }
        guard let v = value(block: layout.definitions + i, &ev) else { return nil }
        definitionMemo[i] = v
        definitionGeneration[i] = generation
        return v
    }

    mutating func group(_ i: Int, _ ev: inout Evaluator) -> Register? {
        if groupGeneration[i] == generation { return groupMemo[i] }
        guard let v = value(block: layout.groups + i, &ev) else { return nil }
        groupMemo[i] = v
        groupGeneration[i] = generation
        return v
    }

    /// The first category whose condition holds (its code's index), as `Evaluator.category`.
    mutating func category(_ ev: inout Evaluator) -> Register? {
        if categoryGeneration.pointee == generation { return categoryMemo.pointee }
        var pending = InputSet.empty
        var undecided = false
        var result = Register.known(0)
        for k in 0..<layout.categoryCount {
            guard let v = value(block: layout.categories + k, &ev) else { return nil }
            if v.isBool(true) {
                result = undecided ? .unknown(pending) : .known(Int64(categoryCodes[k]))
                undecided = false
                break
            }
            if v.isBool(false) { continue }
            undecided = true
            pending = pending.union(v.missing)
        }
        if undecided { result = .unknown(pending) }
        categoryMemo.pointee = result
        categoryGeneration.pointee = generation
        return result
    }

    /// Runs instructions `start..<end`; false when the compiled path stops (see the type).
    mutating func run(_ start: Int32, _ end: Int32, _ ev: inout Evaluator) -> Bool {
        let r = self.r, code = self.code
        var pc = Int(start)
        let end = Int(end)
        while pc < end {
            let i = code[pc]
            pc += 1
            let d = Int(i.dst)
            switch i.op {
            case .given:
                r[d] = .bool(ev.facts.given[Int(i.a)])
            case .parameter:
                guard let v = Register(ev.parameter(Int(i.a), node: d)) else { return false }
                r[d] = v
            case .definition:
                guard let v = definition(Int(i.a), &ev) else { return false }
                r[d] = v
            case .group:
                guard let v = group(Int(i.a), &ev) else { return false }
                r[d] = v
            case .category:
                guard let v = category(&ev) else { return false }
                r[d] = v
            case .delegate:
                guard let v = Register(ev.eval(i.a)) else { return false }
                r[d] = v
            case .negate:
                let a = r[Int(i.a)]
                r[d] = a.unknown ? a : .known(-a.x, a.y)
            case .not:
                let a = r[Int(i.a)]
                r[d] = a.unknown ? a : .bool(a.x == 0)
            case .isEmpty:
                let a = r[Int(i.a)]
                r[d] = a.unknown ? a : .bool(a.x == 0)
            case .known:
                r[d] = .bool(!r[Int(i.a)].unknown)
            case .shortCircuit:
                let a = r[Int(i.a)]
                if a.isBool(i.flag != 0) { r[d] = a; pc = Int(i.b) }
            case .combine:
                let a = r[Int(i.a)], b = r[Int(i.b)]
                if !b.unknown {
                    r[d] = (b.x != 0) == (i.flag != 0) || !a.unknown ? b : a
                } else {
                    r[d] = a.unknown ? .unknown(a.missing.union(b.missing)) : b
                }
            case .add, .subtract, .multiply, .divide:
                let a = r[Int(i.a)], b = r[Int(i.b)]
                if a.unknown || b.unknown { r[d] = .unknown(a.missing.union(b.missing)); continue }
                let result: (Int64, Int64)?
                switch i.op {
                case .add: result = Fraction.add(a, b)
                case .subtract: result = Fraction.subtract(a, b)
                case .multiply: result = Fraction.multiply(a, b)
                default: result = Fraction.divide(a, b)
                }
                guard let (x, y) = result else { return false }
                r[d] = .known(x, y)
            case .compareNumbers:
                let a = r[Int(i.a)], b = r[Int(i.b)]
                if a.unknown || b.unknown { r[d] = .unknown(a.missing.union(b.missing)); continue }
                r[d] = .bool(Comparison(rawValue: i.flag)!.holds(sign: Fraction.compare(a, b)))
            case .compareIntegers:
                let a = r[Int(i.a)], b = r[Int(i.b)]
                if a.unknown || b.unknown { r[d] = .unknown(a.missing.union(b.missing)); continue }
                r[d] = .bool(Comparison(rawValue: i.flag)!.holds(sign: a.x < b.x ? -1 : (a.x == b.x ? 0 : 1)))
            case .inSet:
                let a = r[Int(i.a)]
                if a.unknown { r[d] = a; continue }
                r[d] = .bool((i.imm & (1 << UInt64(a.x)) != 0) != (i.flag != 0))
            case .containsAny:
                let a = r[Int(i.a)]
                r[d] = a.unknown ? a : .bool(UInt64(bitPattern: a.x) & i.imm != 0)
            case .containsAll:
                let a = r[Int(i.a)]
                r[d] = a.unknown ? a : .bool(UInt64(bitPattern: a.x) & i.imm == i.imm)
            case .minMax:
                var best = Register.unknown(.empty)
                var haveBest = false
                var missing = InputSet.empty
                var anyUnknown = false
                let wantMax = i.flag != 0
                for k in 0..<Int(i.b) {
                    let v = r[Int(arguments[Int(i.a) + k])]
                    if v.unknown { anyUnknown = true; missing = missing.union(v.missing); continue }
                    if !haveBest || (wantMax ? Fraction.compare(v, best) > 0 : Fraction.compare(v, best) < 0) {
                        best = v
                        haveBest = true
                    }
                }
                r[d] = anyUnknown || !haveBest ? .unknown(missing) : best
            case .clamp:
                let x = r[Int(i.a)], lo = r[Int(i.b)], hi = r[Int(i.c)]
                if !x.unknown && !lo.unknown {
                    // the interpreter reports this shape (bounds known, value known, ceiling not) as an error
                    if hi.unknown { return false }
                    r[d] = Fraction.compare(x, lo) < 0 ? lo : (Fraction.compare(x, hi) > 0 ? hi : x)
                } else {
                    r[d] = .unknown(x.missing.union(lo.missing).union(hi.missing))
                }
            case .branch:
                let a = r[Int(i.a)]
                if a.isBool(true) { continue }
                if a.isBool(false) { pc = Int(i.b); continue }
                r[d] = a
                pc = Int(i.c)
            case .move:
                r[d] = r[Int(i.a)]
            case .jump:
                pc = Int(i.a)
            }
        }
        return true
    }
}
