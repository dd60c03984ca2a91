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
    /// List fields with too many option classes to enumerate.
    let tooLarge: [Int]
    let choices: [Int: [Int]]
    let lists: [Int: [UInt64]]

    init(_ p: CheckedProgram) {
        program = p
        tests = ProgramTests(p)
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
    func values(_ slot: Int, facts: Facts, open: InputSet, relevance: inout Relevance) -> [Value?] {
        let f = program.fields[slot]
        var out: [Value?] = [nil]
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
            let base = relevance.representatives(slot, facts: facts, open: open).compactMap { $0 }
            let unit = f.base == .integer ? Rational.one : (Rational(1, 100) ?? .one)
            let lo = f.atLeast ?? .zero
            var set = Set<Rational>()
            var numbers: [Rational] = []
            for case .number(let r) in base { numbers.append(r) }
            let hi = numbers.max() ?? lo
            for r in numbers {
                set.insert(r)
                // One fen (or unit) either side of each threshold, inside the range.
                if r != lo && r != hi {
                    if let a = r.subtracting(unit), a >= lo { set.insert(a) }
                    if let b = r.adding(unit), b <= hi { set.insert(b) }
                }
            }
            out += set.sorted().map { .number($0) }
        default:
            out += relevance.representatives(slot, facts: facts, open: open).compactMap { $0 }
        }
        if let d = f.defaultValue { out.removeAll { $0 == d } }
        // Choices and lists whose value equals the default's class are covered by "not given".
        if let d = f.defaultValue, case .set(let dm) = d, case .list = f.type {
            out.removeAll { if case .set(let m) = $0 { return m == dm } else { return false } }
        }
        return out
    }
}
