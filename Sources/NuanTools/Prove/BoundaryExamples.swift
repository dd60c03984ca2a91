import NuanSupport
import NuanSyntax
import NuanProgram
/// The boundary examples of a partition: where, all else equal, one fen more or less of an
/// amount (or one member more or less) changes the decision, the records at the threshold and
/// one fen either side, as `例子` that `nuan test` keeps.
enum BoundaryExamples {
    /// At most this many examples per file (the first thresholds in partition order).
    static let cap = 400

    static func outcome(_ d: Decision) -> String {
        let a = d.awards.map { "\($0.benefit)=\($0.amount?.formatted() ?? "-")@\($0.fund ?? "-")" }
        return "\(d.status.rawValue)|\(d.category)|\(d.totalAmount.formatted())|\(a.joined(separator: ","))"
    }

    static func collect(_ partition: inout Partition) -> [String] {
        let program = partition.program
        // Cells that differ only in the last input assigned, when it is a number.
        var runs: [String: [Int]] = [:]
        var order: [String] = []
        for (i, c) in partition.cells.enumerated() {
            guard let last = c.path.last, case .number? = last.value else { continue }
            let key = c.path.dropLast().map { "\($0.slot)=\(String(describing: $0.value))" }.joined(separator: ";") + "#\(last.slot)"
            if runs[key] == nil { order.append(key) }
            runs[key, default: []].append(i)
        }
        // Where the decision changes between two neighbouring values (one fen or unit apart):
        // the records at both, and one fen further on each side.
        var records: [(Facts, Decision, Int)] = []
        var seen: Set<[ValueKey]> = []
        func add(_ f: Facts, _ d: Decision, _ slot: Int) {
            guard seen.insert(f.values.enumerated().map { ValueKey($1, given: f.given[$0]) }).inserted else { return }
            records.append((f, d, slot))
        }
        for key in order {
            let run = runs[key]!.sorted { number(partition.cells[$0]) < number(partition.cells[$1]) }
            for k in run.indices.dropFirst() {
                let (lo, hi) = (partition.cells[run[k - 1]], partition.cells[run[k]])
                guard outcome(lo.decision) != outcome(hi.decision) else { continue }
                let slot = hi.path.last!.slot
                let unit = (program.fields[slot].base == .integer ? Rational(1, 1) : Rational(1, 100)) ?? .one
                guard let gap = number(hi).subtracting(number(lo)), gap == unit else { continue }
                if let below = number(lo).subtracting(unit), below >= (program.fields[slot].atLeast ?? .zero) {
                    var f = lo.facts
                    f.values[slot] = .number(below)
                    add(f, partition.decide(f), slot)
                }
                add(lo.facts, lo.decision, slot)
                add(hi.facts, hi.decision, slot)
                if let above = number(hi).adding(unit) {
                    var f = hi.facts
                    f.values[slot] = .number(above)
                    add(f, partition.decide(f), slot)
                }
            }
            if records.count >= cap { break }
        }
        return records.prefix(cap).enumerated().map { n, r in
            let (facts, decision, slot) = r
            let v = facts.values[slot]
            let title = "边界 \(n + 1)：\(program.fields[slot].display) = \(ExampleText.literal(v, program.fields[slot], program))"
            return ExampleText.render(title: title, citation: "nuan prove --emit-examples", facts: facts, decision: decision, program: program)
        }
    }

    static func number(_ c: Partition.Cell) -> Rational {
        if case .number(let r)? = c.path.last?.value { return r }
        return .zero
    }
}
