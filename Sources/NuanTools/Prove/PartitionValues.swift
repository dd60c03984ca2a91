import Foundation
import NuanSupport
import NuanSyntax
import NuanProgram
/// The representative values of each input, and the order inputs are assigned in.
///
/// Amounts are assigned in the order of how many comparisons read them alone (家庭月收入
/// before 家庭月刚性支出): an amount's thresholds are then found with the amounts assigned
/// before it fixed, and every interval of the first one keeps its last fen, so each side of
/// every combined test (income − expenses against a line) is still reached.
struct PartitionValues {
    let program: CheckedProgram
    let tests: ProgramTests
    let order: [Int]
    /// Each field's place in `order`.
    let position: [Int: Int]
    /// List fields with too many option classes to enumerate.
    let tooLarge: [Int]
    let choices: [Int: [Int]]
    let lists: [Int: [UInt64]]

    /// Per numeric field: the fields the comparisons reading it read (its thresholds depend on them).
    let related: [Int: [Int]]
    /// Representative numbers already found, by field and the related fields' values.
    var cache: [[ValueKey]: [Value?]] = [:]

    /// Per node: whether its comparison gives the numbers thresholds (nil: every comparison).
    let thresholds: [Bool]?

    init(_ p: CheckedProgram, part: Partition.Part? = nil) {
        self.init(p, roots: part.map { MonotoneChecks.sweepRoots(p, $0) } ?? ProgramTests.roots(p, nil), filter: part != nil)
    }

    init(_ p: CheckedProgram, roots: [Int32], filter: Bool) {
        program = p
        tests = ProgramTests(p, roots: roots)
        // Only the part's own thresholds where no arithmetic can fail (a failure elsewhere
        // would make the record invalid across one of them).
        let own = filter && ProcessInfo.processInfo.environment["NUAN_PROVE_ALL_THRESHOLDS"] == nil && ArithmeticBounds.failureFree(p)
        thresholds = own ? tests.reached : nil
        var related: [Int: Set<Int>] = [:]
        for r in tests.comparisonReads { for f in r { related[f, default: []].formUnion(r) } }
        self.related = related.mapValues { $0.sorted() }
        var choices: [Int: [Int]] = [:]
        var lists: [Int: [UInt64]] = [:]
        var large: [Int] = []
        for i in p.fields.indices {
            if let c = OptionClasses.choiceValues(i, p, tests) { choices[i] = c }
            if case .list = p.fields[i].type {
                if let l = OptionClasses.listValues(i, p, tests) { lists[i] = l } else { large.append(i) }
            }
        }
        self.choices = choices
        self.lists = lists
        tooLarge = large
        let fields = p.fields
        func isAmount(_ i: Int) -> Bool { fields[i].type.isNumeric && fields[i].base != .integer }
        let amounts = fields.indices.filter(isAmount)
        var alone: [Int: Int] = [:]
        for r in tests.comparisonReads {
            let a = r.filter(isAmount)
            if a.count == 1 { alone[a[0], default: 0] += 1 }
        }
        let discrete = fields.indices.filter { !fields[$0].type.isNumeric }
        let integers = fields.indices.filter { fields[$0].type.isNumeric && fields[$0].base == .integer }
        order = discrete + integers + amounts.sorted { (alone[$0] ?? 0, -$0) > (alone[$1] ?? 0, -$1) }
        var position: [Int: Int] = [:]
        for (i, f) in order.enumerated() { position[f] = i }
        self.position = position
    }

    /// Whether `slot` may be assigned with `open` still open: no field a comparison reads
    /// together with it, and that the order puts before it, is open — its representative values
    /// are then found as the order finds them (a threshold on income depends on the 低保 row,
    /// the household size and every choice compared with it).
    func mayAssign(_ slot: Int, open: InputSet) -> Bool {
        guard let at = position[slot] else { return false }
        for r in related[slot] ?? [] where r != slot && open.has(r) {
            if let p = position[r], p < at { return false }
        }
        return true
    }

    /// The application date, when it is still open and the record's key picks dated rows.
    func datePending(_ facts: Facts, _ open: InputSet) -> Int? {
        guard let ad = program.applicationDateField, open.has(ad) else { return nil }
        return datedRows(facts).isEmpty ? nil : ad
    }

    /// The start days of the dated rows the record's keys reach.
    func datedRows(_ facts: Facts) -> [Int32] {
        var days: [Int32] = []
        for p in program.parameters {
            guard let k = p.keyField, case .text(let key) = facts.values[k], let rows = p.rowIndex[key] else { continue }
            days += rows.compactMap { p.rows[$0].from }
        }
        return Array(Set(days)).sorted()
    }

    /// The row each dated table would use for the record on `day` (nil: the default date).
    func rowsChosen(_ facts: Facts, at day: Int32?) -> [Int] {
        var out: [Int] = []
        for p in program.parameters {
            guard let k = p.keyField, case .text(let key) = facts.values[k], let rows = p.rowIndex[key] else { continue }
            var chosen = -1
            for r in rows {
                if let from = p.rows[r].from, let day, from > day { break }
                chosen = r
            }
            out.append(chosen)
        }
        return out
    }

    /// `slot`'s representative values with the other inputs as in `facts` (nil = not given;
    /// for a field with a default, the default is not repeated as a given value).
    mutating func values(_ slot: Int, facts: Facts, open: InputSet, relevance: inout Relevance) -> [Value?] {
        let f = program.fields[slot]
        var out: [Value?] = [nil]
        var cacheKey: [ValueKey]?
        switch f.type {
        case .choice:
            out += (choices[slot] ?? []).map { .choice(Int32($0)) }
        case .list:
            out += (lists[slot] ?? []).map { .set($0) }
        case .date where slot == program.applicationDateField:
            // Only the row a date picks matters (unless a rule compares the date itself): one
            // date per distinct choice of rows, not given first.
            let compared = tests.comparisonReads.contains { $0.contains(slot) }
            var seen: Set<[Int]> = [rowsChosen(facts, at: program.inForceFrom)]
            for d in datedRows(facts) {
                for day in [d - 1, d] where compared || seen.insert(rowsChosen(facts, at: day)).inserted { out.append(.date(day)) }
            }
        case .number, .money:
            var key = [ValueKey(.choice(Int32(slot)), given: false)]
            for r in related[slot] ?? [] where r != slot && r < facts.values.count {
                key.append(open.has(r) ? .open : ValueKey(facts.values[r], given: facts.given[r]))
            }
            if let hit = cache[key] { return hit }
            cacheKey = key
            let base = relevance.representatives(slot, facts: facts, open: open, comparisons: thresholds).compactMap { $0 }
            // Both sides of every threshold (the last value on one side and the first on the
            // other, one fen or unit apart) and the ends of the range: every interval between
            // thresholds is reached. The boundary examples add one fen further on each side.
            var set = Set<Rational>()
            for case .number(let r) in base { set.insert(r) }
            out += set.sorted().map { .number($0) }
        default:
            out += relevance.representatives(slot, facts: facts, open: open).compactMap { $0 }
        }
        if let d = f.defaultValue { out.removeAll { $0 == d } }
        // Choices and lists whose value equals the default's class are covered by "not given".
        if let d = f.defaultValue, case .set(let dm) = d, case .list = f.type {
            out.removeAll { if case .set(let m) = $0 { return m == dm } else { return false } }
        }
        // A required field is never missing (RequiredInputs); one with nothing else to try
        // takes a placeholder.
        if RequiredInputs.isRequired(f) {
            out.removeAll { $0 == nil }
            if out.isEmpty { out = [RequiredInputs.placeholder(f, program)] }
        }
        if let k = cacheKey { cache[k] = out }
        return out
    }
}
