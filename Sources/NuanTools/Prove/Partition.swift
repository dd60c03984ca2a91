import Foundation
import NuanSupport
import NuanSyntax
import NuanProgram
/// The exact partition of a program's input space into cells on which the decision is constant.
///
/// Depth-first over the inputs the rules read, guided by three-valued logic: the program is
/// decided with the inputs not yet assigned *open* (unknown, and `已知`/`已填` over them unknown
/// too); a decision none of whose parts — benefits under their hit policy, the category, the
/// validity rules, the recipient group a granted award's fund needs — waits on an open input
/// is the same for every way of assigning them, so the branch is one cell. Otherwise the first
/// input (choices, then whole numbers, then amounts) a part waits on is assigned each of its
/// representative values in turn (`PartitionValues`): not given, one option per class of
/// options the rules tell apart, the option sets the list tests tell apart, each threshold of
/// a comparison with one fen (or unit) either side, and the ends of the range. The application
/// date is assigned as soon as the region picks dated rows (the day before and the first day of
/// each row). Each cell keeps one representative record, every open input left not given.
struct Partition {
    /// What one pass of the partition follows: the inputs a benefit group, the category or
    /// the validity rules wait on. Parts are partitioned one at a time (the inputs only other
    /// parts read stay not given), so the cells of independent parts add up instead of
    /// multiplying; every cell is still a whole record.
    enum Part: Equatable, Sendable {
        case group(Int)
        case category
        case validity
        /// An assertion (`断言`): the inputs its condition reads, the validity rules and every
        /// benefit group that can break its claim, together (their cells multiply).
        case assertion(Int)

        var index: Int {
            switch self {
            case .group(let g): return g
            case .category: return -1
            case .validity: return -2
            case .assertion(let k): return -3 - k
            }
        }

        /// Whether the part follows benefit group `g`.
        func follows(group g: Int, _ p: CheckedProgram) -> Bool {
            switch self {
            case .group(let x): return x == g
            case .assertion(let k): return AssertionChecks.concerns(p.assertions[k], group: p.benefitGroups[g], p)
            case .category, .validity: return false
            }
        }

        var followsValidity: Bool {
            switch self {
            case .validity, .assertion: return true
            case .group, .category: return false
            }
        }
    }

    /// A class, not a struct: hundreds of thousands of cells are gathered from the threads
    /// that walk them, and a copy is then one reference, not one per array inside.
    final class Cell: @unchecked Sendable {
        let part: Part
        let facts: Facts
        let decision: Decision
        /// Per benefit: whether its recipient and condition held.
        let applies: [Truth]
        let groups: [Value]
        /// Inputs assigned on the way to the cell, in order (nil = not given).
        let path: [(slot: Int, value: Value?)]

        init(part: Part, facts: Facts, decision: Decision, applies: [Truth], groups: [Value], path: [(slot: Int, value: Value?)]) {
            self.part = part
            self.facts = facts
            self.decision = decision
            self.applies = applies
            self.groups = groups
            self.path = path
        }
    }

    /// Why enumeration stopped early.
    struct Overflow: Error {
        /// Per field: the values it was branched into, summed over the branches reached.
        var fanout: [(slot: Int, values: Int)]
        var evaluations: Int
    }

    let program: CheckedProgram
    var relevance: Relevance
    var values: PartitionValues
    var tooLargeFields: Set<Int> = []
    var evaluations = 0
    let limit: Int
    var cells: [Cell] = []
    var fanout: [Int: Int] = [:]
    /// The first implementation only (`Prover.prove(reference:)`): each cell decided by the interpreter.
    var reference = false
    /// Decides each cell's whole record (made on first use: one per thread).
    var compiled: CompiledEvaluator?
    /// The decisions parts run at once may make together (nil when run one after another).
    var budget: SharedBudget?
    /// Only count the decisions (the space is known to be too large): no cells are kept.
    var countOnly = false
    /// This part's place among the parts run at once (-1: several walked together).
    var partIndex = -1
    /// Where a run of the parts in order would stop this one (its decisions), once known.
    var cap: Int?
    /// Decisions made since this part last took a batch of the budget.
    var budgetTaken = 0
    /// `NUAN_PROVE_TRACE` lines of a part run on another thread, printed in order afterwards.
    var traceText = ""
    /// While `exploreSplit` walks the first levels: the cells and subtrees met, in order.
    var frontier: [Frontier]?
    /// While `exploreJointSplit` walks the first levels: the cells and subtrees met, in order.
    var jointFrontier: [JointFrontier]?
    /// Whether a `首个` group part settles its first undecided benefit first (`next`).
    var preferFirstBenefit = ProcessInfo.processInfo.environment["NUAN_PROVE_FIRST_ORDER"] == nil
    /// Fields whose values could not all be enumerated (a list with too many classes).
    var tooLarge: [Int] { tooLargeFields.sorted() }
    /// Merges a list field's values where a `首个` group is all a node decides (`FirstGroupMerge`);
    /// nil: every value is walked (the reference, `NUAN_PROVE_ALL_SETS=1`).
    var merge: FirstGroupMerge?
    /// What a set decides where sets are merged, by the set and the inputs it is read with
    /// (`FirstGroupMerge.context`).
    var mergeMemo: [[ValueKey]: (applies: [Truth], groups: [Value])] = [:]

    /// What an open decision of each part decides (`Relevance.openDecide`), by the part's
    /// index, where no arithmetic of the file can fail (`ArithmeticBounds`): a benefit group
    /// part its own group and the `唯一` groups (a clash, like a failure, makes the record
    /// invalid and takes its awards, whose funds the part follows), the category part the
    /// category, the validity part neither, and none of them the priority score. An assertion,
    /// which follows several groups, decides everything. Empty where arithmetic can fail: every
    /// open decision is whole. The walk is the same either way (`ProveFastPathTests`).
    var openScopes: [Int: (groups: [Bool]?, category: Bool)] = [:]
    /// Per field: what a cell's record holds where the input is still open (`concrete`).
    let unassigned: [(value: Value, given: Bool)]

    init(program: CheckedProgram, limit: Int = 2_000_000) {
        self.program = program
        unassigned = program.fields.indices.map { s in
            let field = program.fields[s]
            if RequiredInputs.isRequired(field) { return (RequiredInputs.placeholder(field, program), true) }
            return (field.defaultValue ?? .unknown(InputSet(slot: s)), false)
        }
        if ArithmeticBounds.failureFree(program) {
            let unique = program.benefitGroups.map { $0.policy == .unique }
            let none = [Bool](repeating: false, count: program.benefitGroups.count)
            openScopes[Part.validity.index] = (none, false)
            openScopes[Part.category.index] = (none, true)
            for g in program.benefitGroups.indices {
                var only = unique
                only[g] = true
                openScopes[Part.group(g).index] = (only, false)
            }
        }
        relevance = Relevance(program: program)
        values = PartitionValues(program)
        self.limit = limit
        if ProcessInfo.processInfo.environment["NUAN_PROVE_ALL_SETS"] == nil { merge = FirstGroupMerge(program) }
    }

    /// The record every cell starts from: the required text fields the rules never read filled
    /// with a placeholder, every input some rule reads open.
    func start() -> (Facts, InputSet) {
        var f = Facts(program: program)
        var open = InputSet()
        let read = relevance.fieldsRead
        for (i, field) in program.fields.enumerated() {
            if read.has(i) || i == program.applicationDateField {
                open.insert(i)
            } else if field.required, field.type == .text {
                f.values[i] = .text(field.key == "id" ? "PROVE-1" : "反例")
                f.given[i] = true
            } else if let d = field.defaultValue {
                f.values[i] = d
            }
        }
        f.id = "PROVE-1"
        return (f, open)
    }

    /// Every part of the program, in order: the validity rules, the category, each benefit group.
    /// Then each assertion `nuan prove` decides (not `有依据`, which the checker decides).
    var parts: [Part] {
        [.validity, .category] + program.benefitGroups.indices.map { .group($0) }
            + program.assertions.indices.filter { AssertionChecks.isDynamic(program.assertions[$0]) }.map { .assertion($0) }
    }

    mutating func run() throws(Overflow) {
        let (f, open) = start()
        let trace = ProcessInfo.processInfo.environment["NUAN_PROVE_TRACE"] != nil
        let parts = self.parts
        guard !reference, ProveParallel.workers > 1, parts.count > 1 else {
            for p in parts { try runPart(p, f, open, trace: trace) }
            return
        }
        // The parts at once, each counting its own decisions from zero; together they stop as
        // soon as they have made more than the limit (the file is then too large in any order).
        // Then, in order, the counts add up as one run after another would count them, and a
        // part stopped early or over the limit is run again from the decisions made before it,
        // so the space too large is reported where a run in order reports it.
        let template = self
        let budget = SharedBudget(limit: limit - evaluations, parts: parts.count)
        // The assertions' parts walk together (one task); every other part is a task.
        let asserted = parts.indices.filter { if case .assertion = parts[$0] { return true } else { return false } }
        let joint = !trace && asserted.count > 1
        let tasks: [[Int]] = joint ? parts.indices.filter { !asserted.contains($0) }.map { [$0] } + [asserted] : parts.indices.map { [$0] }
        /// `stopped`: where a run in order stops, when this part knew it (the parts before it all
        /// finished) and got there.
        typealias Run = (cells: [Cell], evaluations: Int, tooLarge: Set<Int>, complete: Bool, trace: String, stopped: Overflow?)
        let done = ProveParallel.map(tasks.count) { t -> [Run] in
            var sub = template
            sub.compiled = nil
            sub.evaluations = 0
            sub.traceText = ""
            sub.budget = budget
            let task = tasks[t]
            if task.count > 1 {
                do {
                    let rs = try sub.runJoint(task.map { parts[$0] }, f, open)
                    for (k, i) in task.enumerated() { budget.finish(i, decisions: rs[k].evaluations) }
                    return rs.map { ($0.cells, $0.evaluations, $0.tooLarge, true, "", nil) }
                } catch {
                    return task.map { _ in ([], 0, [], false, "", nil) }
                }
            }
            sub.partIndex = task[0]
            do {
                try sub.runPart(parts[task[0]], f, open, trace: trace, buffered: true)
                budget.finish(task[0], decisions: sub.evaluations)
                return [(sub.cells, sub.evaluations, sub.tooLargeFields, true, sub.traceText, nil)]
            } catch {
                return [([], sub.evaluations, sub.tooLargeFields, false, sub.traceText, sub.cap == nil ? nil : error as? Overflow)]
            }
        }
        var runs = [Run](repeating: ([], 0, [], false, "", nil), count: parts.count)
        for (t, task) in tasks.enumerated() { for (k, i) in task.enumerated() { runs[i] = done[t][k] } }
        // Parts stopped early: the file is too large whatever the order; what remains is to
        // find where a run in order stops, counting its decisions without keeping cells.
        let over = runs.contains { !$0.complete }
        countOnly = over
        for (i, r) in runs.enumerated() {
            if let o = r.stopped {
                if trace { FileHandle.standardError.write(r.trace.data(using: .utf8)!) }
                tooLargeFields.formUnion(r.tooLarge)
                throw Overflow(fanout: o.fanout, evaluations: evaluations + o.evaluations)
            }
            guard r.complete, evaluations + r.evaluations <= limit else {
                try runPart(parts[i], f, open, trace: trace)
                continue
            }
            if trace { FileHandle.standardError.write(r.trace.data(using: .utf8)!) }
            if !over { cells += r.cells }
            evaluations += r.evaluations
            tooLargeFields.formUnion(r.tooLarge)
        }
        countOnly = false
        values = PartitionValues(program, part: parts.last)
    }

    /// Partitions one part, appending its cells.
    mutating func runPart(_ p: Part, _ f: Facts, _ open: InputSet, trace: Bool, buffered: Bool = false) throws(Overflow) {
        func say(_ s: String) {
            if buffered { traceText += s } else { FileHandle.standardError.write(s.data(using: .utf8)!) }
        }
        let (c0, e0) = (cells.count, evaluations)
        fanout = [:]
        values = PartitionValues(program, part: p)
        tooLargeFields.formUnion(values.tooLarge)
        if trace {
            let l = values.lists.map { "\(program.fields[$0.key].display)=\($0.value.count)" }
            let c = values.choices.map { "\(program.fields[$0.key].display)=\($0.value.count)" }
            say("part \(p) values: \(l) \(c)\n")
        }
        if splits { try exploreSplit(p, f, open) } else { try explore(p, f, open, []) }
        if trace {
            let fan = fanout.sorted { $0.value > $1.value }.prefix(6).map { "\(program.fields[$0.key].display)=\($0.value)" }
            say("part \(p): \(cells.count - c0) cells, \(evaluations - e0) evaluations; \(fan)\n")
        }
    }

    /// A cell's whole record: every input still open not given — a required one, which a record
    /// always has (`RequiredInputs`), takes a placeholder.
    /// (`mutating` though it changes nothing: see `next`.)
    mutating func concrete(_ facts: Facts, _ open: InputSet) -> Facts {
        var concrete = facts
        for s in open.slots where s < unassigned.count {
            concrete.values[s] = unassigned[s].value
            concrete.given[s] = unassigned[s].given
        }
        return concrete
    }

    mutating func explore(_ part: Part, _ facts: Facts, _ open: InputSet, _ path: [(slot: Int, value: Value?)]) throws(Overflow) {
        if frontier != nil, path.count == Partition.splitDepth {
            frontier!.append(.subtree(facts, open, path))
            return
        }
        evaluations += 1
        if let b = budget, cap == nil {
            budgetTaken += 1
            if budgetTaken >= SharedBudget.batch {
                budgetTaken = 0
                switch b.take(SharedBudget.batch, part: partIndex) {
                case .go: break
                case .stop: throw Overflow(fanout: [], evaluations: evaluations)
                case .cap(let c):
                    // Past the point a run in order stops at already: that run must be made.
                    if evaluations > c { throw Overflow(fanout: [], evaluations: evaluations) }
                    cap = c
                }
            }
        }
        if evaluations > limit || cap.map({ evaluations > $0 }) == true {
            throw Overflow(fanout: fanout.sorted { $0.value > $1.value }.map { ($0.key, $0.value) }, evaluations: evaluations)
        }
        let scope = openScopes[part.index]
        let od = relevance.openDecide(facts, open: open, score: openScopes.isEmpty, groups: scope?.groups, category: scope?.category ?? true)
        guard let slot = next(part, od, values, facts, open) else {
            if countOnly {
                evaluations += 1
                return
            }
            let concrete = self.concrete(facts, open)
            evaluations += 1
            // The leaf's decision counts against the shared budget too (taken at the next node).
            if budget != nil { budgetTaken += 1 }
            let cell: Cell
            if reference {
                let c = relevance.openDecide(concrete, open: InputSet())
                cell = Cell(part: part, facts: concrete, decision: c.decision, applies: c.applies, groups: c.groups, path: path)
            } else {
                if compiled == nil { compiled = relevance.compiledEvaluator() }
                let c = relevance.decideWhole(concrete, using: &compiled!)
                cell = Cell(part: part, facts: concrete, decision: c.decision, applies: c.applies, groups: c.groups, path: path)
            }
            if frontier != nil { frontier!.append(.cell(cell)) } else { cells.append(cell) }
            return
        }
        var rest = open
        rest.remove(slot)
        var vs = values.values(slot, facts: facts, open: rest, relevance: &relevance)
        if !reference, case .group(let g) = part, let merge, merge.applies(group: g, slot: slot) {
            vs = merged(vs, slot: slot, group: g, merge, od, facts, rest)
        }
        fanout[slot, default: 0] += vs.count
        for v in vs {
            var f = facts
            f.values[slot] = v ?? program.fields[slot].defaultValue ?? .unknown(InputSet(slot: slot))
            f.given[slot] = v != nil
            try explore(part, f, rest, path + [(slot, v)])
        }
    }

    /// `vs` (values of list field `slot`, assigned at a node decided as `od`) with the sets
    /// group `g` surely treats alike merged (`FirstGroupMerge`): of each kind, the set most benefits apply to.
    mutating func merged(_ vs: [Value?], slot: Int, group g: Int, _ merge: FirstGroupMerge, _ od: Relevance.OpenDecision,
                         _ facts: Facts, _ rest: InputSet) -> [Value?] {
        let context = merge.context(group: g, slot: slot)
        var held = [Int](repeating: 0, count: vs.count)
        let signatures = vs.indices.map { i -> [Int]? in
            guard let v = vs[i] else { return nil }
            var key = [ValueKey(.choice(Int32(g)), given: false), ValueKey(v, given: true)]
            for c in context { key.append(rest.has(c) ? .open : ValueKey(facts.values[c], given: facts.given[c])) }
            let decided: (applies: [Truth], groups: [Value])
            if let hit = mergeMemo[key] {
                decided = hit
            } else {
                var f = facts
                f.values[slot] = v
                f.given[slot] = true
                let scope = openScopes[Part.group(g).index]
                let d = relevance.openDecide(f, open: rest, score: openScopes.isEmpty, groups: scope?.groups, category: scope?.category ?? true)
                decided = (d.applies, d.groups)
                mergeMemo[key] = decided
            }
            held[i] = merge.held(applies: decided.applies, fixed: od, group: g, slot: slot)
            return merge.signature(applies: decided.applies, groups: decided.groups, fixed: od, group: g, slot: slot)
        }
        let keep = FirstGroupMerge.keep(signatures, held: held)
        return vs.indices.filter { keep[$0] }.map { vs[$0] }
    }
}

extension InputSet {
    mutating func remove(_ slot: Int) {
        if slot < 64 { low &= ~(1 << UInt64(slot)) } else { high &= ~(1 << UInt64(slot - 64)) }
    }

    func has(_ slot: Int) -> Bool {
        slot < 64 ? low & (1 << UInt64(slot)) != 0 : high & (1 << UInt64(slot - 64)) != 0
    }
}

/// The decisions the parts of a partition run at once may still make together: each part
/// takes them in batches, and every part stops once the batches taken pass the limit — except
/// the first part not finished yet, once every part before it is: it knows then where a run in
/// order would stop it (the limit less the decisions of the parts before it) and runs to there.
final class SharedBudget: @unchecked Sendable {
    /// Decisions taken at a time (tests make it small).
    nonisolated(unsafe) static var batch = 4096
    private let lock = NSLock()
    private var left: Int
    private let limit: Int
    /// Per part: its decisions once it has finished (nil while it runs, or if it has stopped).
    private var finished: [Int?]

    init(limit: Int, parts: Int) {
        left = limit
        self.limit = limit
        finished = Array(repeating: nil, count: parts)
    }

    enum Answer { case go, stop, cap(Int) }

    /// Takes `n` decisions for part `part` (-1: parts walked together): `.cap` when every part
    /// before it has finished (how many decisions it may make in all), `.stop` once the parts
    /// together have taken more than the limit.
    func take(_ n: Int, part: Int) -> Answer {
        lock.lock()
        defer { lock.unlock() }
        left -= n
        if part >= 0 {
            var before = 0
            var all = true
            for k in 0..<part { if let c = finished[k] { before += c } else { all = false; break } }
            if all { return .cap(limit - before) }
        }
        return left >= 0 ? .go : .stop
    }

    /// Whether every part before `part` has finished (so `take` gives it its cap).
    func knowsCap(_ part: Int) -> Bool {
        guard part >= 0 else { return false }
        lock.lock()
        defer { lock.unlock() }
        return (0..<part).allSatisfy { finished[$0] != nil }
    }

    func finish(_ part: Int, decisions: Int) {
        lock.lock()
        defer { lock.unlock() }
        finished[part] = decisions
    }
}
