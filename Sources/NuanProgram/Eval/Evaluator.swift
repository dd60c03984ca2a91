import NuanSupport
import NuanSyntax
/// Evaluates a checked program against one record's facts, in Kleene three-valued logic.
///
/// One Evaluator per thread. It reads the program through an `EvalPlan` (flat arrays of plain
/// values) and owns scratch arrays — memoised definitions, groups and parameters, the benefit
/// outcomes, the optional trace — that are reused from record to record: a generation counter
/// marks what belongs to the current record, so nothing is cleared or reallocated between them.
public struct Evaluator {
    public let program: CheckedProgram
    let plan: EvalPlan
    var definitionMemo: [Value]
    var definitionGeneration: [UInt32]
    var groupMemo: [Value]
    var groupGeneration: [UInt32]
    var parameterMemo: [Value]
    var parameterGeneration: [UInt32]
    var categoryMemo: Value = .unknown(.empty)
    var categoryGeneration: UInt32 = 0
    var generation: UInt32 = 0
    /// One outcome per benefit (flat, in program order), reused for every record.
    var outcomes: [BenefitOutcome]
    /// Evaluation errors of the current record (division by zero…), referenced by outcomes.
    var failures: [String] = []
    /// Set by `computeScore` when the score (or a part of it) could not be computed (an
    /// overflow): the record is invalid rather than its score silently unknown.
    var scoreFailure: String?
    /// The language of the decision being made (its errors and warnings).
    var language: Language = .chinese
    package var facts: Facts
    /// When tracing: the value each node came to (nil = not evaluated), and table rows used.
    package var trace: Trace?
    var referenceDate: Int32 = 0
    let defaultReferenceDate: Int32
    /// Inputs not asked yet (the interview's relevance analysis only): `已知`/`已填` over them
    /// stay unknown, since an answer could still go either way. Empty for real records.
    var openInputs = InputSet.empty
    /// Whether a decision computes the priority score (`nuan prove`'s partition, which never
    /// reads it, turns it off while deciding with open inputs).
    var decidesScore = true
    /// Per benefit group, whether a decision decides its benefits (nil: every group); a group
    /// left out has none apply. With `decidesCategory` false the category is left unknown
    /// (computed only where a rule reads it). `nuan prove`'s partition of one part decides
    /// only what that part follows.
    var groupsDecided: [Bool]?
    var decidesCategory = true
    /// The first 未确认 figure this record's decision used (parameter, row; row -1 for a
    /// single value), or parameter -1: plain integers so the hot path allocates nothing.
    var unconfirmedParameter: Int32 = -1
    /// A table the record's key has no row in (`所属地区 “海东市”` and 低保标准): named in a
    /// warning, so the decision says why the figure is missing.
    var missingRowParameter: Int32 = -1
    var missingRowKey = ""
    var unconfirmedRow: Int32 = -1
    /// Whether a guard (the 辖区, a validity rule) made the last record invalid: then no
    /// answer to an open input can change that (a rule that holds with inputs unknown holds
    /// whatever they are), which the interview uses to stop.
    public internal(set) var guardFailed = false
    /// Warnings already worded, by what they depend on (the date; parameter and row), so an
    /// archive where half the dates fall outside `生效` words each message once.
    var warningCache: [Int64: DecisionWarning] = [:]
    /// The 辖区 error of each region already refused, per language (an archive repeats its
    /// regions: the message, in both languages, is built once per region).
    var jurisdictionCache: [String: RecordError] = [:]
    /// Regions placed inside the 辖区 by their division code (`340300`, a district's code).
    var regionsInside: Set<String> = []
    /// Which fields each node reads, for the recourse search: worked out once per evaluator
    /// (a batch worker searches many records with one), not per search.
    package var ruleInputs: RuleInputs?
    /// The regions last checked and what each gave — -1 inside the 辖区, else its error's index
    /// in `regionErrors` — Chinese first, English second (most records repeat a few regions).
    var recentRegions = [RecentTexts<Int32>(), RecentTexts<Int32>()]
    var regionErrors: [RecordError] = []
    /// Per table parameter: the last keys looked up and the rows each reached (most records
    /// repeat a few keys), so a record's row is found by comparing bytes instead of a hash.
    var recentRows: [RecentTexts<[Int]?>]
    /// Each validity rule's error, per language (2 × rule + language), once worded.
    var validityErrors: [RecordError?]

    /// What one evaluation observed: every node's value, and the parameter-table row used.
    /// The nodes the current trace holds a value for, in the order set (tracing only): a
    /// trace handed back (`recycle`) is cleared node by node for the next record instead of a
    /// fresh array of every node being allocated — and every node destroyed — per record.
    var traced: [Int32] = []
    /// A trace's values handed back: nil but for the nodes in `spareTraced`.
    var spareValues: [Value?] = []
    var spareTraced: [Int32] = []

    public struct Trace: Sendable {
        public var values: [Value?]
        public var rows: [Int: Int]
    }

    public init(program: CheckedProgram) {
        self.program = program
        plan = EvalPlan(program)
        definitionMemo = Array(repeating: .unknown(.empty), count: program.definitions.count)
        definitionGeneration = Array(repeating: 0, count: program.definitions.count)
        groupMemo = Array(repeating: .unknown(.empty), count: program.groups.count)
        groupGeneration = Array(repeating: 0, count: program.groups.count)
        parameterMemo = Array(repeating: .unknown(.empty), count: program.parameters.count)
        parameterGeneration = Array(repeating: 0, count: program.parameters.count)
        outcomes = Array(repeating: BenefitOutcome(truth: .no, missing: .empty), count: plan.benefits.count)
        recentRows = Array(repeating: RecentTexts(), count: program.parameters.count)
        validityErrors = Array(repeating: nil, count: 2 * program.validityRules.count)
        facts = Facts(program: program)
        defaultReferenceDate = program.inForceFrom ?? CivilDate.today()
    }

    mutating func begin(_ f: Facts, tracing: Bool) {
        facts = f
        generation &+= 1
        if generation == 0 {
            generation = 1
            for i in definitionGeneration.indices { definitionGeneration[i] = 0 }
            for i in groupGeneration.indices { groupGeneration[i] = 0 }
            for i in parameterGeneration.indices { parameterGeneration[i] = 0 }
            categoryGeneration = 0
        }
        if tracing {
            if spareValues.count == plan.nodes.count {
                var values = spareValues
                spareValues = []
                for n in spareTraced { values[Int(n)] = nil }
                trace = Trace(values: values, rows: [:])
            } else {
                trace = Trace(values: Array(repeating: nil, count: plan.nodes.count), rows: [:])
            }
            spareTraced.removeAll(keepingCapacity: true)
            traced.removeAll(keepingCapacity: true)
        } else {
            trace = nil
        }
        referenceDate = defaultReferenceDate
        unconfirmedParameter = -1
        missingRowParameter = -1
        guardFailed = false
        if let ad = program.applicationDateField, case .date(let d) = facts.values[ad] { referenceDate = d }
    }

    @inline(__always)
    mutating func eval(_ n: Int32) -> Value {
        let v = evalNode(Int(n))
        if trace != nil {
            trace!.values[Int(n)] = v
            traced.append(n)
        }
        return v
    }

    /// The generation of the record being decided: `recycle` takes back only the trace of the
    /// record decided last.
    package var traceGeneration: UInt32 { generation }

    /// Takes back the trace values of the record decided last (generation `g`, its evaluation
    /// done with), once the evaluator no longer holds that trace itself: the next traced
    /// record reuses them. Anything else is left alone (the next record allocates afresh).
    package mutating func recycle(_ values: [Value?], generation g: UInt32) {
        guard g == generation, trace == nil, values.count == plan.nodes.count else { return }
        spareValues = values
        swap(&spareTraced, &traced)
        traced.removeAll(keepingCapacity: true)
    }

    public mutating func truth(_ n: Int32) -> Truth { Truth(eval(n)) }

    /// The truth of condition `n` for the record `f`, evaluating only what it reads (what
    /// `decide(f)` then `truth(n)` gives, without the decision).
    package mutating func truth(_ n: Int32, of f: Facts) -> Truth {
        begin(f, tracing: false)
        return Truth(eval(n))
    }

    package mutating func definition(_ i: Int) -> Value {
        if definitionGeneration[i] == generation { return definitionMemo[i] }
        let v = eval(plan.definitionRoots[i])
        definitionMemo[i] = v
        definitionGeneration[i] = generation
        return v
    }

    package mutating func group(_ i: Int) -> Value {
        if groupGeneration[i] == generation { return groupMemo[i] }
        let v = eval(plan.groupRoots[i])
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
        for (k, root) in plan.categoryRoots.enumerated() {
            let v = eval(root)
            switch v {
            case .bool(true):
                result = undecided ? .unknown(pending) : .choice(plan.categoryCodes[k])
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

    /// A parameter's value for this record: a single value, or the table row for the record's
    /// key in force on the reference date. Memoised per record; the row used goes to the trace.
    package mutating func parameter(_ i: Int, node: Int) -> Value {
        if parameterGeneration[i] == generation && trace == nil { return parameterMemo[i] }
        let v = lookUpParameter(i, node: node)
        parameterMemo[i] = v
        parameterGeneration[i] = generation
        return v
    }

    mutating func lookUpParameter(_ i: Int, node: Int) -> Value {
        let p = plan.parameters[i]
        let slot = facts.values.count + i
        guard p.keyField >= 0 else {
            if let v = p.scalar {
                if plan.parameterUnconfirmed[i] && unconfirmedParameter < 0 { unconfirmedParameter = Int32(i); unconfirmedRow = -1 }
                return .number(v)
            }
            return .unknown(InputSet(slot: slot))
        }
        var rows: [Int]?
        switch facts.values[Int(p.keyField)] {
        case .text(let s):
            if let hit = recentRows[i].find(s) {
                rows = hit
            } else {
                rows = plan.rowIndex[i][s]
                if rows == nil && plan.regionKeyed[i] {
                    let index = plan.rowIndex[i]
                    rows = Gazetteer.fallbackKeys(s).lazy.compactMap { index[$0] }.first
                }
                recentRows[i].add(s, rows)
            }
            if rows == nil && missingRowParameter < 0 && !s.isEmpty {
                missingRowParameter = Int32(i)
                missingRowKey = s
            }
        case .unknown(let m): return .unknown(m)
        default: return .unknown(InputSet(slot: slot))
        }
        guard let rows else { return .unknown(InputSet(slot: slot)) }
        var chosen = -1
        for r in rows {
            if let from = plan.rowFrom[i][r], from > referenceDate { break }
            chosen = r
        }
        guard chosen >= 0 else { return .unknown(InputSet(slot: slot)) }
        if trace != nil { trace!.rows[node] = chosen }
        guard let v = plan.rowValues[i][chosen] else { return .unknown(InputSet(slot: slot)) }
        if (plan.rowUnconfirmed[i][chosen] || plan.parameterUnconfirmed[i]) && unconfirmedParameter < 0 {
            unconfirmedParameter = Int32(i)
            unconfirmedRow = Int32(chosen)
        }
        return .number(v)
    }
}
