import NuanSupport
import NuanSyntax
import NuanProgram
/// The boundary examples of a partition: where, all else equal, one fen more or less of an
/// amount (or one member more or less) changes the decision, the records at the threshold and
/// one fen either side, as `例子` that `nuan test` keeps.
enum BoundaryExamples {
    /// At most this many examples per file (the first thresholds in partition order).
    static let cap = 60

    static func outcome(_ d: Decision) -> String {
        let a = d.awards.map { "\($0.benefit)=\($0.amount?.formatted() ?? "-")@\($0.fund ?? "-")" }
        return "\(d.status.rawValue)|\(d.category)|\(d.totalAmount.formatted())|\(a.joined(separator: ","))"
    }

    static func collect(_ partition: Partition) -> [String] {
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
        var picked: [Int] = []
        var seen: Set<Int> = []
        for key in order {
            let run = runs[key]!.sorted { number(partition.cells[$0]) < number(partition.cells[$1]) }
            for k in run.indices.dropFirst() where outcome(partition.cells[run[k - 1]].decision) != outcome(partition.cells[run[k]].decision) {
                for j in [k - 2, k - 1, k, k + 1] where j >= 0 && j < run.count && isNear(partition.cells[run[j]], partition.cells[run[k]], integer: program.fields[partition.cells[run[k]].path.last!.slot].base == .integer)
                    && seen.insert(run[j]).inserted {
                    picked.append(run[j])
                }
            }
            if picked.count >= cap { break }
        }
        return picked.prefix(cap).enumerated().map { n, i in
            let c = partition.cells[i]
            let slot = c.path.last!.slot
            let v = number(c)
            let title = "边界 \(n + 1)：\(program.fields[slot].display) = \(ExampleText.literal(.number(v), program.fields[slot], program))"
            return ExampleText.render(title: title, citation: "nuan prove --emit-examples", facts: c.facts, decision: c.decision, program: program)
        }
    }

    static func number(_ c: Partition.Cell) -> Rational {
        if case .number(let r)? = c.path.last?.value { return r }
        return .zero
    }

    /// Within two fen (or units) of the threshold's upper side: the threshold and its neighbours.
    static func isNear(_ a: Partition.Cell, _ b: Partition.Cell, integer: Bool) -> Bool {
        guard let d = number(b).subtracting(number(a)) else { return false }
        let two = (integer ? Rational(2, 1) : Rational(2, 100)) ?? .one
        let m = d < .zero ? (Rational.zero.subtracting(d) ?? d) : d
        return m <= two
    }
}
