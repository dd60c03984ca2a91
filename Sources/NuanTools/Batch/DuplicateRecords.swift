import NuanSupport
import NuanProgram

/// Repeated records in one archive (the record contract): a later record whose `id`
/// (申请编号) was already seen is `invalid`, naming the line of the first; a later record with
/// an ID number already seen is decided, with a `duplicate_id_number` warning naming the first.
///
/// Blocks are decided in parallel, so "earlier" is only known when a block's turn to be
/// written comes: each worker notes its records' keys while deciding, and at its turn checks
/// them against this registry in input order. A block that holds a repeat (rare) is decided
/// again with the corrections before it is written, so its decisions and its summary agree.
/// Only the worker whose turn it is touches the registry.
final class DuplicateRegistry: @unchecked Sendable {
    private var ids: [String: Int] = [:]
    private var idNumbers: [String: (line: Int, id: String?)] = [:]

    /// A record's keys as a worker noted them: its line within the block.
    struct Keys {
        var lineInBlock: Int
        var id: String?
        var idNumber: String?
    }

    enum Correction {
        case repeatedID(firstLine: Int)
        case repeatedIDNumber(firstLine: Int, firstID: String?)
    }

    /// Registers the block's records in order; the corrections for those that repeat an
    /// earlier one, by line within the block.
    func check(_ keys: [Keys], lineBase: Int) -> [Int: Correction] {
        var out: [Int: Correction] = [:]
        for k in keys {
            let line = lineBase + k.lineInBlock
            if let id = k.id, !id.isEmpty {
                if let first = ids[id] { out[k.lineInBlock] = .repeatedID(firstLine: first); continue }
                ids[id] = line
            }
            if let n = k.idNumber, !n.isEmpty {
                let key = n.uppercased()
                if let first = idNumbers[key] { out[k.lineInBlock] = .repeatedIDNumber(firstLine: first.line, firstID: first.id) }
                else { idNumbers[key] = (line, k.id) }
            }
        }
        return out
    }

    /// The decision with its correction applied.
    static func apply(_ c: Correction, to d: Decision, line: Int, program: CheckedProgram, english: Bool) -> Decision {
        switch c {
        case .repeatedID(let first):
            let label = program.fieldIndex(named: "id").flatMap { program.fields[$0].label }
            let field = label.map { english ? "id (\($0))" : "\($0)（id）" } ?? "id"
            var e = RecordError(field: field, value: d.id, reason: Message.Batch.repeatedID(firstLine: first), line: line,
                                language: english ? .english : .chinese)
            e.value = d.id.map { Privacy.redact($0) }
            return .invalid(id: d.id, errors: [e])
        case .repeatedIDNumber(let first, let firstID):
            var d = d
            d.warnings.append(DecisionWarning(code: "duplicate_id_number",
                                              message: Message.Batch.repeatedIDNumber(firstLine: first, firstID: firstID.map { Privacy.redact($0) }).text(english: english)))
            return d
        }
    }
}
