import NuanSupport
import NuanSyntax
/// The `封闭` (closed) parameter tables of a program: a record whose key is given but reaches
/// no row of such a table is `invalid`, not undetermined. A key reaches a row the way the
/// evaluator looks it up (`Evaluator.lookUpParameter`): exactly, or — for a table keyed by
/// 所属地区 — through its short form, its code, or a district's code (`Gazetteer`), so a closed
/// region table accepts every spelling that finds a row.
public struct ClosedTables: Sendable {
    struct Table: Sendable {
        var name: String
        var slot: Int
        var reach: [String: [Int]]
        var region: Bool
        var rows: [String]
    }
    let tables: [Table]

    public init(_ program: CheckedProgram) {
        tables = program.parameters.compactMap { p in
            guard p.closed, let kf = p.keyField else { return nil }
            let region = program.fields[kf].key == "region"
            return Table(name: p.name, slot: kf, reach: region ? Gazetteer.widenRegionIndex(p.rowIndex) : p.rowIndex,
                         region: region, rows: Checker.rowNames(p))
        }
    }

    func reaches(_ t: Table, _ key: String) -> Bool {
        if t.reach[key] != nil { return true }
        return t.region && Gazetteer.fallbackKeys(key).contains { t.reach[$0] != nil }
    }

    /// Each closed table the record's (given, text) key misses.
    public func misses(_ facts: Facts) -> [(table: String, slot: Int, key: String, rows: [String])] {
        var out: [(table: String, slot: Int, key: String, rows: [String])] = []
        for t in tables {
            guard case .text(let key) = facts.values[t.slot], !reaches(t, key) else { continue }
            out.append((t.name, t.slot, key, t.rows))
        }
        return out
    }

    /// True when no closed table is missed (the batch's fast path).
    @inline(__always) public func accepts(_ facts: Facts) -> Bool {
        for t in tables {
            if case .text(let key) = facts.values[t.slot], !reaches(t, key) { return false }
        }
        return true
    }
}
