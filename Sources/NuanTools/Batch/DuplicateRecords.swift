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
    // Only the worker whose turn it is touches the registry: no dynamic exclusivity checks.
    // Ids keyed by a 64-bit hash of their bytes (String hashing normalises Unicode: slow on a
    // hot path) in an open-addressing table; the text is kept to confirm a match, and a
    // collision of two different ids (not seen in practice) goes to the exact table. ID numbers
    // are keyed by their exact code.
    @exclusivity(unchecked) private var ids = KeyTable()
    @exclusivity(unchecked) private var idFirst: [(line: Int, text: String)] = []
    /// By `IDNumberCode`: exact, no text kept. The first record's line, and its id as an
    /// index into `idFirst` (or one of the `IDRef` codes): 12 bytes an entry, no String
    /// (a one-pass run registers every record: standard input, issue 15).
    @exclusivity(unchecked) private var idNumbers = KeyTable()
    @exclusivity(unchecked) private var idNumberLine: [Int] = []
    @exclusivity(unchecked) private var idNumberID: [Int32] = []
    /// The ids of ID-number entries whose id is not in `idFirst` (a hash collision, unseen in practice).
    @exclusivity(unchecked) private var idNumberIDText: [Int: String] = [:]
    @exclusivity(unchecked) private var idsExact: [String: Int] = [:]

    /// Where the id of the record last passed to `firstLine(ofID:)` is kept.
    private enum IDRef {
        static let none: Int32 = -1
        static let empty: Int32 = -2
        static let aside: Int32 = -3
    }
    @exclusivity(unchecked) private var lastIDRef: Int32 = IDRef.none

    /// A multiply-xor hash of the UTF-8 bytes, 8 at a time (a match is confirmed by the text).
    static func hash(_ s: String) -> UInt64 { TextHash.of(s, seed: 0xcbf2_9ce4_8422_2325) }

    static func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

    /// The line of an earlier record with this id, registering it when new.
    private func firstLine(ofID id: String, line: Int) -> Int? {
        let h = Self.hash(id)
        if let k = ids.find(h, orInsert: idFirst.count) {
            let f = idFirst[k]
            if Self.same(f.text, id) { return f.line }
            if let l = idsExact[id] { return l }
            idsExact[id] = line
            lastIDRef = IDRef.aside
            return nil
        }
        precondition(idFirst.count < Int(Int32.max), "more than 2^31 records in one run")
        lastIDRef = Int32(idFirst.count)
        idFirst.append((line, id))
        return nil
    }

    /// The first record with this ID number (its line and id), registering this one when new;
    /// `lastIDRef` says where this record's id was kept.
    private func firstRecord(ofIDNumber code: UInt64, line: Int, id: String?) -> (line: Int, id: String?)? {
        if let k = idNumbers.find(code, orInsert: idNumberLine.count) {
            let ref = idNumberID[k]
            switch ref {
            case IDRef.none: return (idNumberLine[k], nil)
            case IDRef.empty: return (idNumberLine[k], "")
            case IDRef.aside: return (idNumberLine[k], idNumberIDText[k])
            default: return (idNumberLine[k], idFirst[Int(ref)].text)
            }
        }
        var ref: Int32
        switch id {
        case nil: ref = IDRef.none
        case let s? where s.isEmpty: ref = IDRef.empty
        default: ref = lastIDRef
        }
        if ref == IDRef.aside { idNumberIDText[idNumberLine.count] = id }
        idNumberLine.append(line)
        idNumberID.append(ref)
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
        /// false: neither key can repeat (a first pass found each once in the whole file),
        /// so the record is left out of the registry.
        var register = true
    }

    enum Correction {
        case repeatedID(firstLine: Int)
        case repeatedIDNumber(firstLine: Int, firstID: String?)
    }

    /// Registers the block's records in order; the corrections for those that repeat an
    /// earlier one, by line within the block.
    func check(_ keys: [Keys], lineBase: Int) -> [Int: Correction] {
        var out: [Int: Correction] = [:]
        for k in keys where k.register {
            let line = lineBase + k.lineInBlock
            lastIDRef = IDRef.none
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

/// Open addressing over 64-bit keys (linear probing, a power-of-two capacity at most ¾ full):
/// each key maps to an index into the caller's array. 12 bytes a slot, no hashing of the key
/// beyond one multiplication, no per-entry allocation.
struct KeyTable {
    private var keys: [UInt64]
    /// -1: empty slot.
    private var values: [Int32]
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var c = 16
        while c < capacity { c <<= 1 }
        keys = Array(repeating: 0, count: c)
        values = Array(repeating: -1, count: c)
        shift = UInt64(64 - c.trailingZeroBitCount)
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The index stored for `key`; or, when the key is new, stores `index` for it and returns nil.
    mutating func find(_ key: UInt64, orInsert index: Int) -> Int? {
        let mask = keys.count - 1
        var i = slot(key)
        while values[i] >= 0 {
            if keys[i] == key { return Int(values[i]) }
            i = (i + 1) & mask
        }
        precondition(index < Int(Int32.max), "more than 2^31 records in one run")
        keys[i] = key
        values[i] = Int32(index)
        count += 1
        if count * 4 >= keys.count * 3 { grow() }
        return nil
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        let c = keys.count * 2
        keys = Array(repeating: 0, count: c)
        values = Array(repeating: -1, count: c)
        shift -= 1
        let mask = c - 1
        for (k, v) in zip(oldKeys, oldValues) where v >= 0 {
            var i = slot(k)
            while values[i] >= 0 { i = (i + 1) & mask }
            keys[i] = k
            values[i] = v
        }
    }
}
