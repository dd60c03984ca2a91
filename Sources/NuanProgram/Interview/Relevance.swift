import NuanSupport
import NuanSyntax
/// Which inputs could still change a decision, given the answers so far — what
/// `nuan screen --interactive` asks, and when it may stop.
///
/// The inputs not asked yet are *open*. An open field is worth asking when it has a
/// **witness**: values for the other open fields and two of its own representative values
/// (`candidates`) under which the outcome — status, category, awards with their amounts and
/// funds, total — differs. The search for one is depth-first over the open fields, guided and
/// pruned by three-valued logic: the evaluator runs with the still-unassigned open fields
/// unknown (no defaults: the answer may differ from the default) and, in this mode only, keeps
/// `已知`/`已填` over an open field unknown, lets an unknown `若` condition name the inputs of
/// both branches, and marks what no open answer can settle. Then
///   - a part of the decision (a benefit, the category) that is known, or unknown without the
///     field among its inputs, is the same whatever the field is: when every part is, the
///     field cannot matter (no witness);
///   - otherwise the search assigns, one at a time, the other open inputs those parts wait on,
///     choices first and amounts last, so an amount's thresholds are found with the size and
///     expenses set; each value tried gets at most half of the remaining budget;
///   - then the field's own values are compared. Different outcomes are a witness once no
///     value's decision waits on an open input; if a part moved but the outcome did not show
///     it (a hit policy, the status), the search goes on with what the decisions wait on. The
///     application date picks dated table rows without any rule reading it: it is tried last.
/// A search that runs over `budget` decisions gives up and the field is asked: when in doubt,
/// ask. When no open field has a witness, every way of answering them leads to the decision
/// the answers so far give, so the interview is over.
public struct Relevance {
    public let program: CheckedProgram
    let inputs: RuleInputs
    var evaluator: Evaluator
    let codec: RecordCodec
    /// Fields some rule reads (directly, or through a table key or a dated row).
    let read: InputSet
    let hasDatedRows: Bool
    /// The order the search assigns open fields in: choices first, then whole numbers, then
    /// amounts last to first — so an amount's thresholds are found with the household size and
    /// the other amounts already set (a per-capita line times the size, plus the expenses).
    let branchOrder: [Int]
    /// Decisions one witness search may make before it gives up (and the field is asked:
    /// when in doubt, ask).
    public var budget = 4000

    public init(program: CheckedProgram) {
        self.program = program
        inputs = RuleInputs(program)
        evaluator = Evaluator(program: program)
        codec = RecordCodec(program: program)
        read = inputs.reads.reduce(InputSet.empty) { $0.union($1) }
        hasDatedRows = program.parameters.contains { $0.rows.contains { $0.from != nil } }
        let fields = program.fields
        let numeric = inputs.order.filter { fields[$0].type.isNumeric }
        branchOrder = inputs.order.filter { !fields[$0].type.isNumeric }
            + numeric.filter { fields[$0].base == .integer }
            + numeric.filter { fields[$0].base != .integer }.reversed()
    }

    /// Field slots in the order the rules first read them: the order of the questions.
    public var order: [Int] { inputs.order }

    /// The answers so far, with every field neither given nor asked open (unknown).
    struct State {
        var facts: Facts
        var open: InputSet
        /// Open fields the search has assigned (nil = left not given), in order.
        var assigned: [(Int, Value?)] = []

        mutating func set(_ slot: Int, _ v: Value?, _ program: CheckedProgram) {
            facts.values[slot] = v ?? program.fields[slot].defaultValue ?? .unknown(InputSet(slot: slot))
            facts.given[slot] = v != nil
            open = open.removing(slot)
            assigned.append((slot, v))
        }
    }

    func state(_ pairs: [(String, RawValue)], asked: Set<Int>) -> State {
        // Errors (a required field not given yet) do not matter here: the CLI checks each answer.
        var facts = codec.decode(pairs: pairs).facts
        var open = InputSet.empty
        for i in program.fields.indices where !facts.given[i] && !asked.contains(i) {
            open.insert(i)
            facts.values[i] = .unknown(InputSet(slot: i))
        }
        return State(facts: facts, open: open)
    }

    /// The first field, in rule order, that is neither given nor asked and whose answer could
    /// still change the outcome; nil when none could.
    public mutating func nextQuestion(pairs: [(String, RawValue)], asked: Set<Int>) -> Int? {
        let s = state(pairs, asked: asked)
        for slot in order where s.open.contains(slot) {
            if case .none = search(slot, s) { continue }
            return slot
        }
        return nil
    }

    /// Whether the answer to `slot` could still change the outcome (false once given or asked).
    public mutating func couldMatter(_ slot: Int, pairs: [(String, RawValue)], asked: Set<Int>) -> Bool {
        if case .none = witness(slot, pairs: pairs, asked: asked) { return false }
        return true
    }

    /// What the search for a witness found.
    public enum Finding {
        /// No answer to the field can change the outcome.
        case none
        /// With the other open fields as `completion` (record values; fields not listed are left
        /// not given), answering `first` or `second` gives different outcomes (nil = not given).
        case witness(completion: [(String, RawValue)], first: RawValue?, second: RawValue?)
        /// The search gave up (budget); the field is treated as mattering.
        case undecided
    }

    public mutating func witness(_ slot: Int, pairs: [(String, RawValue)], asked: Set<Int>) -> Finding {
        let s = state(pairs, asked: asked)
        guard s.open.contains(slot) else { return .none }
        return search(slot, s)
    }

    /// The representative values of `slot` as record values (`nil` = not given), with the
    /// other inputs as the answers so far leave them.
    public mutating func candidates(_ slot: Int, pairs: [(String, RawValue)], asked: Set<Int>) -> [RawValue?] {
        candidates(slot, state(pairs, asked: asked)).map { $0.map { raw($0, slot: slot) } }
    }

    mutating func search(_ slot: Int, _ s: State) -> Finding {
        guard read.contains(slot) || slot == program.applicationDateField else { return .none }
        var left = budget
        return search(slot, s, dateTried: false, budget: &left)
    }

    mutating func search(_ slot: Int, _ s: State, dateTried: Bool, budget: inout Int) -> Finding {
        budget -= 1
        if budget < 0 { return .undecided }
        // With the field itself open: which undecided parts of the decision could it move, and
        // what else do they wait on?
        evaluator.openInputs = s.open
        _ = evaluator.decide(s.facts)
        // A record the guards already reject (a validity rule that holds with the open inputs
        // unknown, a region outside the 辖区) stays invalid whatever the field is.
        if evaluator.guardFailed { return .none }
        guard let waiting = influence(of: slot, s) else { return .none }
        if let next = branchOrder.first(where: { waiting.contains($0) }) {
            return branch(on: next, slot, s, dateTried: dateTried, budget: &budget)
        }
        // The parts the field moves wait on nothing else open: try the field's own values.
        let xs = candidates(slot, s)
        var first: (Outcome, Parts)?
        var differ: Int?
        var partsDiffer = false
        // Open inputs some value's decision still waits on (the application date is not an
        // unknown, so what a dated row leads to shows only here).
        var more = InputSet.empty
        let open = s.open.removing(slot)
        for (i, v) in xs.enumerated() {
            budget -= 1
            var f = s.facts
            f.values[slot] = v ?? program.fields[slot].defaultValue ?? .unknown(InputSet(slot: slot))
            f.given[slot] = v != nil
            evaluator.openInputs = open
            let o = Outcome(evaluator.decide(f))
            let parts = Parts(&evaluator)
            more = more.union(waitingOn(open))
            guard let (o0, p0) = first else { first = (o, parts); continue }
            if o0 != o && differ == nil { differ = i }
            if o0 != o || p0 != parts { partsDiffer = true }
        }
        if let k = differ, more.isEmpty {
            return .witness(completion: s.assigned.compactMap { a in a.1.map { (program.fields[a.0].key, raw($0, slot: a.0)) } },
                            first: xs[0].map { raw($0, slot: slot) }, second: xs[k].map { raw($0, slot: slot) })
        }
        // A benefit or the category did change: whether the outcome shows it depends on what
        // the decisions still wait on (a hit policy, the status), once that is set.
        if partsDiffer, let next = branchOrder.first(where: { more.contains($0) }) {
            return branch(on: next, slot, s, dateTried: dateTried, budget: &budget)
        }
        // The application date picks dated table rows without any rule reading it.
        guard !dateTried, let ad = program.applicationDateField, ad != slot, open.contains(ad), datedRowsLive(s) else { return .none }
        return branch(on: ad, slot, s, dateTried: true, budget: &budget)
    }

    /// After a decision with `slot` open: nil when no undecided part of it (a benefit, the
    /// category) could depend on `slot` — then no answer to it changes anything — else the
    /// other open inputs the parts it could move wait on.
    mutating func influence(of slot: Int, _ s: State) -> InputSet? {
        let isDate = slot == program.applicationDateField && datedRowsLive(s)
        var hit = false
        var moved = InputSet.empty
        for group in evaluator.plan.benefitGroups {
            for k in group.start..<(group.start + group.count) {
                let o = evaluator.outcomes[k]
                // The date moves what reads a dated row, settled or not (the row is not unknown).
                if isDate && inputs.benefitReads[k].contains(slot) {
                    hit = true
                    moved = moved.union(o.missing)
                    continue
                }
                // Under 首个 nothing after a benefit that surely applies can matter, nor after
                // one that no open answer can settle (it keeps the group open for good).
                if group.policy == .first && o.certain { break }
                guard o.open else { continue }
                if evaluator.truthStuck(k) {
                    if group.policy == .first { break }
                    continue
                }
                if o.missing.contains(slot) || (o.amountUnknown && inputs.exceptionReads[k].contains(slot)) {
                    hit = true
                    moved = moved.union(o.missing)
                }
            }
        }
        // A field a validity rule still waits on could make the record invalid.
        let validity = evaluator.validityWaitingOn()
        if validity.contains(slot) {
            hit = true
            moved = moved.union(validity)
        }
        let category = evaluator.category()
        if (isDate && inputs.categoryReads.contains(slot)) || category.missing.contains(slot) {
            hit = true
            moved = moved.union(category.missing)
        }
        return hit ? moved.intersection(s.open.removing(slot)) : nil
    }

    /// The open inputs the undecided parts of the last decision wait on.
    mutating func waitingOn(_ open: InputSet) -> InputSet {
        var m = InputSet.empty
        for group in evaluator.plan.benefitGroups {
            for k in group.start..<(group.start + group.count) {
                let o = evaluator.outcomes[k]
                if group.policy == .first && o.certain { break }
                guard o.open else { continue }
                if evaluator.truthStuck(k) {
                    if group.policy == .first { break }
                    continue
                }
                m = m.union(o.missing)
            }
        }
        return m.union(evaluator.category().missing).union(evaluator.validityWaitingOn()).intersection(open)
    }

    /// Whether the application date could pick a different table row: a dated table's key
    /// field is open, or its value has dated rows.
    func datedRowsLive(_ s: State) -> Bool {
        guard hasDatedRows else { return false }
        for p in program.parameters where p.rows.contains(where: { $0.from != nil }) {
            guard let k = p.keyField else { continue }
            if s.open.contains(k) { return true }
            if case .text(let key) = s.facts.values[k], let rows = p.rowIndex[key], rows.contains(where: { p.rows[$0].from != nil }) { return true }
        }
        return false
    }

    /// Tries each value of `field` (not given last: a value settles more), searching on.
    mutating func branch(on field: Int, _ slot: Int, _ s: State, dateTried: Bool, budget: inout Int) -> Finding {
        var x = s
        x.open = s.open.removing(slot)
        var values = candidates(field, x)
        if values.first == .some(nil) { values.append(values.removeFirst()) }
        // Each value gets at most half of what is left (the last one all of it), so one barren
        // subtree cannot use up the search before a later value finds the witness, while the
        // first, most settling values can still go deep.
        var gaveUp = false
        for (i, v) in values.enumerated() {
            var next = s
            next.set(field, v, program)
            let share = i == values.count - 1 ? budget : max(budget / 2, min(budget, 64))
            var left = share
            let found = search(slot, next, dateTried: dateTried || field == program.applicationDateField, budget: &left)
            budget -= share - max(left, 0)
            switch found {
            case .none: continue
            case .undecided: gaveUp = true
            case .witness: return found
            }
        }
        return gaveUp ? .undecided : .none
    }

    /// A runtime value as the record would give it.
    public func raw(_ v: Value, slot: Int) -> RawValue {
        let f = program.fields[slot]
        switch v {
        case .bool(let b): return .bool(b)
        case .number(let r): return .number(r.description)
        case .text(let t): return .string(t)
        case .date(let d): return .string(CivilDate.format(d))
        case .choice(let c):
            if case .choice(let en) = f.type { return .string(program.enums[en].codes[Int(c)]) }
            return .null
        case .set(let mask):
            guard case .list(let en) = f.type else { return .null }
            let codes = program.enums[en].codes
            return .array(codes.indices.filter { mask & (1 << UInt64($0)) != 0 }.map { .string(codes[$0]) })
        case .unknown, .failure: return .null
        }
    }
}

/// The value of every part of one decision — each benefit's outcome and the category — to
/// tell whether a change of input moved anything, even where the outcome does not show it.
struct Parts: Equatable {
    struct Benefit: Equatable {
        var truth: Truth
        var amount: Rational?
        var amountUnknown: Bool
        var withheld: Bool
    }

    var benefits: [Benefit]
    var category: Value

    init(_ e: inout Evaluator) {
        var list: [Benefit] = []
        for (k, o) in e.outcomes.enumerated() {
            // A benefit no open answer can settle is never paid: its amount cannot show.
            if o.open && e.truthStuck(k) { list.append(Benefit(truth: .unknown, amount: nil, amountUnknown: false, withheld: false)); continue }
            list.append(Benefit(truth: o.truth, amount: o.amount, amountUnknown: o.amountUnknown, withheld: o.withheld))
        }
        benefits = list
        // Unknown is unknown: which inputs it waits on does not show in the outcome.
        let c = e.category()
        category = c.isKnown ? c : .unknown(.empty)
    }
}

extension Evaluator {
    /// Whether benefit `k` (after `decide`) may apply and no open input can settle whether it
    /// does: its recipients and condition, not its amount.
    mutating func truthStuck(_ k: Int) -> Bool {
        let b = plan.benefits[k]
        var m = InputSet.empty
        var no = false
        if b.recipient >= 0 {
            let v = group(Int(b.recipient))
            if v == .bool(false) { no = true }
            m = m.union(v.missing)
        }
        if b.condition >= 0 {
            let v = eval(b.condition)
            if v == .bool(false) { no = true }
            m = m.union(v.missing)
        }
        return !no && !m.isEmpty && m.intersection(openInputs).isEmpty
    }
}

/// What "the decision" means for the interview: status, category, awards with their amounts
/// and funds, and the total — not the score or the explanation.
public struct Outcome: Equatable, Sendable, CustomStringConvertible {
    public struct Award: Equatable, Sendable {
        public var benefit: String
        public var amount: Rational?
        public var fund: String?
    }

    public var status: Decision.Status
    public var category: String
    public var awards: [Award]
    public var total: Rational

    public init(_ d: Decision) {
        status = d.status
        category = d.category
        awards = d.awards.map { Award(benefit: $0.benefit, amount: $0.amount, fund: $0.fund) }
        total = d.totalAmount
    }

    public var description: String {
        let a = awards.map { "\($0.benefit)=\($0.amount.map { $0.formatted() } ?? "待定")@\($0.fund ?? "-")" }
        return "\(status.rawValue) \(category) [\(a.joined(separator: ", "))] \(total.formatted())"
    }
}

extension InputSet {
    func removing(_ slot: Int) -> InputSet {
        guard contains(slot) else { return self }
        var r = self
        if slot < 64 { r.low &= ~(1 << UInt64(slot)) } else { r.high &= ~(1 << UInt64(slot - 64)) }
        return r
    }
}
