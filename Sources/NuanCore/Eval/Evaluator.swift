/// Evaluates a checked program against one record's facts, in Kleene three-valued logic.
///
/// One Evaluator per thread: it owns scratch arrays (memoised definitions, the optional trace)
/// that are reused from record to record, so evaluating allocates nothing per rule.
public struct Evaluator {
    public let program: CheckedProgram
    var definitionMemo: [Value]
    var definitionGeneration: [UInt32]
    var groupMemo: [Value]
    var groupGeneration: [UInt32]
    var categoryMemo: Value = .unknown(.empty)
    var categoryGeneration: UInt32 = 0
    var generation: UInt32 = 0
    var facts: Facts
    /// When tracing: the value each node came to (nil = not evaluated), and table rows used.
    var trace: Trace?
    var referenceDate: Int32 = 0

    /// What one evaluation observed: every node's value, and the parameter-table row used.
    public struct Trace: Sendable {
        public var values: [Value?]
        public var rows: [Int: Int]
    }

    public init(program: CheckedProgram) {
        self.program = program
        definitionMemo = Array(repeating: .unknown(.empty), count: program.definitions.count)
        definitionGeneration = Array(repeating: 0, count: program.definitions.count)
        groupMemo = Array(repeating: .unknown(.empty), count: program.groups.count)
        groupGeneration = Array(repeating: 0, count: program.groups.count)
        facts = Facts(program: program)
    }

    mutating func begin(_ f: Facts, tracing: Bool) {
        facts = f
        generation &+= 1
        if generation == 0 {
            generation = 1
            for i in definitionGeneration.indices { definitionGeneration[i] = 0 }
            for i in groupGeneration.indices { groupGeneration[i] = 0 }
            categoryGeneration = 0
        }
        trace = tracing ? Trace(values: Array(repeating: nil, count: program.nodes.count), rows: [:]) : nil
        referenceDate = program.inForceFrom ?? CivilDate.today()
        if let ad = program.applicationDateField, case .date(let d) = facts.values[ad] { referenceDate = d }
    }

    @inline(__always)
    mutating func eval(_ n: Int32) -> Value {
        let v = evalNode(Int(n))
        if trace != nil { trace!.values[Int(n)] = v }
        return v
    }

    public mutating func truth(_ n: Int32) -> Truth { Truth(eval(n)) }

    mutating func definition(_ i: Int) -> Value {
        if definitionGeneration[i] == generation { return definitionMemo[i] }
        let v = eval(program.definitions[i].root)
        definitionMemo[i] = v
        definitionGeneration[i] = generation
        return v
    }

    mutating func group(_ i: Int) -> Value {
        if groupGeneration[i] == generation { return groupMemo[i] }
        let v = eval(program.groups[i].root)
        groupMemo[i] = v
        groupGeneration[i] = generation
        return v
    }

    /// The first category whose condition holds, in order; unknown if an earlier one might.
    mutating func category() -> Value {
        if categoryGeneration == generation { return categoryMemo }
        var pending = InputSet.empty
        var undecided = false
        var result: Value = .choice(0)
        for c in program.categories {
            let v = eval(c.root)
            switch v {
            case .bool(true):
                let code = program.enums[program.categoryEnum].index(of: c.code) ?? 0
                result = undecided ? .unknown(pending) : .choice(Int32(code))
                categoryMemo = result
                categoryGeneration = generation
                return result
            case .bool(false): continue
            case .failure: result = v; undecided = true
            default:
                undecided = true
                pending = pending.union(v.missing)
            }
        }
        if undecided { result = .unknown(pending) }
        categoryMemo = result
        categoryGeneration = generation
        return result
    }

    mutating func parameter(_ i: Int, node: Int) -> Value {
        let p = program.parameters[i]
        let slot = program.inputSlot(parameter: i)
        guard let kf = p.keyField else {
            if let v = p.value { return .number(v) }
            return .unknown(InputSet(slot: slot))
        }
        let key: String
        switch facts.values[kf] {
        case .text(let s): key = s
        case .unknown(let m): return .unknown(m)
        default: return .unknown(InputSet(slot: slot))
        }
        guard let rows = p.rowIndex[key] else { return .unknown(InputSet(slot: slot)) }
        var chosen = -1
        for r in rows {
            if let from = p.rows[r].from, from > referenceDate { break }
            chosen = r
        }
        guard chosen >= 0 else { return .unknown(InputSet(slot: slot)) }
        if trace != nil { trace!.rows[node] = chosen }
        guard let v = p.rows[chosen].value else { return .unknown(InputSet(slot: slot)) }
        return .number(v)
    }
}
