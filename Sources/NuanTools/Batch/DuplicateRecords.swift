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
    // Ids keyed by a 64-bit hash of their bytes (String hashing normalises Unicode: slow on a
    // hot path); the text is kept to confirm a match, and a collision of two different ids (not
    // seen in practice) goes to the exact table. ID numbers are keyed by their exact code.
    private var ids: [UInt64: (line: Int, text: String)] = [:]
    /// By `IDNumberCode`: exact, no text kept.
    private var idNumbers: [UInt64: (line: Int, id: String?)] = [:]
    private var idsExact: [String: Int] = [:]

    /// FNV-1a over the UTF-8 bytes.
    static func hash(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { b in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for i in 0..<b.count {
                h = (h ^ UInt64(b[i])) &* 0x0000_0100_0000_01B3
            }
            return h
        }
    }

    static func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

    /// The line of an earlier record with this id, registering it when new.
    private func firstLine(ofID id: String, line: Int) -> Int? {
        let h = Self.hash(id)
        if let f = ids[h] {
            if Self.same(f.text, id) { return f.line }
            if let l = idsExact[id] { return l }
            idsExact[id] = line
            return nil
        }
        ids[h] = (line, id)
        return nil
    }

    private func firstRecord(ofIDNumber code: UInt64, line: Int, id: String?) -> (line: Int, id: String?)? {
        if let f = idNumbers[code] { return f }
        idNumbers[code] = (line, id)
        return nil
    }

    /// A record's keys as a worker noted them: its line within the block.
    struct Keys {
        var lineInBlock: Int
        var id: String?
        /// `Facts.idNumberCode` (0: none).
        var idNumber: UInt64
        /// The record's rendered bytes in the block's output.
        var outStart: Int
        var outEnd: Int
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
            if let id = k.id, !id.isEmpty, let first = firstLine(ofID: id, line: line) {
                out[k.lineInBlock] = .repeatedID(firstLine: first)
                continue
            }
            if k.idNumber != 0, let first = firstRecord(ofIDNumber: k.idNumber, line: line, id: k.id) {
                out[k.lineInBlock] = .repeatedIDNumber(firstLine: first.line, firstID: first.id)
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
