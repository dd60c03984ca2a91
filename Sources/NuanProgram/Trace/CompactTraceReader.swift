import NuanSupport
import NuanSyntax
/// Reads a compact trace (`CompactTrace`) held in memory. Nothing in the file is trusted: every
/// length is checked against what is left, every header and entry against its checksum, the
/// trailer's count against the entries found, and every value against its field's type and
/// bounds, so a damaged or hostile file gives a `TraceProblem`, never a crash.
public struct CompactTraceReader {
    let bytes: UnsafeRawBufferPointer
    public let header: CompactTrace.Header
    /// Entries in the trace (checked against the trailer).
    public let count: Int
    /// Where the first entry starts.
    let entriesStart: Int

    /// Checks the frame of the whole trace: magic, header, every entry's length and checksum,
    /// and the trailer. `bytes` must outlive the reader.
    public init(_ bytes: UnsafeRawBufferPointer) throws(TraceProblem) {
        self.bytes = bytes
        let magic = CompactTrace.magic
        guard bytes.count >= magic.count + 1, zip(magic, bytes.prefix(magic.count)).allSatisfy({ $0 == $1 }) else {
            throw .notATrace
        }
        guard bytes[magic.count] == CompactTrace.version else { throw .unsupportedVersion(Int(bytes[magic.count])) }
        var c = Cursor(bytes, from: magic.count + 1, to: bytes.count)
        guard let n = c.fixed32(), let body = c.take(Int(n)), let sum = c.fixed32(), CompactTrace.fnv32(body) == sum else {
            throw .damagedHeader
        }
        var h = Cursor(body)
        guard let digest = h.string(), let title = h.string(), let version = h.optionalString(), let k = h.count(),
              let overrides = (0..<k).mapAll({ _ in h.string() }), let fields = h.varint(), fields < 1 << 16, let keys = h.fixed64(),
              let benefits = h.varint(), benefits < 1 << 16, h.atEnd else {
            throw .damagedHeader
        }
        header = CompactTrace.Header(digest: digest, title: title, rulesVersion: version, overrides: overrides,
                                     fieldCount: Int(fields), fieldKeys: keys, benefitCount: Int(benefits))
        entriesStart = c.at
        // the trailer
        let t = bytes.count - CompactTrace.trailerSize
        guard t >= entriesStart, bytes[t] == CompactTrace.endLead,
              zip(CompactTrace.endMagic, bytes[(t + 13)...]).allSatisfy({ $0 == $1 }) else { throw .truncated }
        var tc = Cursor(bytes, from: t + 1, to: t + 13)
        guard let stated = tc.fixed64(), let tsum = tc.fixed32(),
              CompactTrace.fnv32(UnsafeRawBufferPointer(rebasing: bytes[(t + 1)..<(t + 9)])) == tsum else { throw .truncated }
        // every entry's frame
        var e = Cursor(bytes, from: entriesStart, to: t)
        var found = 0
        while !e.atEnd {
            guard e.byte() == CompactTrace.entryLead, let n = e.fixed32(), let body = e.take(Int(n)), let sum = e.fixed32(),
                  CompactTrace.fnv32(body) == sum else { throw .damagedEntry(row: found + 1) }
            found += 1
        }
        guard UInt64(found) == stated else { throw .truncated }
        count = found
    }

    /// Checks that `program` is the one the trace was written with (the same files, the same
    /// `--set`).
    public func check(against program: CheckedProgram) throws(TraceProblem) {
        let now = CompactTrace.Header(program: program)
        guard now.digest == header.digest, now.overrides == header.overrides else {
            throw .rulesDiffer(trace: header.digest, rules: now.digest)
        }
        guard now.fieldCount == header.fieldCount, now.fieldKeys == header.fieldKeys, now.benefitCount == header.benefitCount else {
            throw .rulesDiffer(trace: header.digest, rules: now.digest)
        }
    }

    /// The body of entry `row` (1-based).
    func body(_ row: Int) throws(TraceProblem) -> UnsafeRawBufferPointer {
        guard row >= 1 && row <= count else { throw .rowOutOfRange(row: row, count: count) }
        var e = Cursor(bytes, from: entriesStart, to: bytes.count)
        var r = 1
        while true {
            guard e.byte() == CompactTrace.entryLead, let n = e.fixed32(), let b = e.take(Int(n)), e.fixed32() != nil else {
                throw .damagedEntry(row: r)
            }
            if r == row { return b }
            r += 1
        }
    }

    /// Entry `row` (1-based, in input order), read for `program` (which `check` accepted).
    public func entry(row: Int, program: CheckedProgram) throws(TraceProblem) -> CompactTrace.Entry {
        try Self.decode(try body(row), row: row, program: program)
    }

    /// The first entry whose record id is `id` (or, for an ID-shaped id, its masked form), with its row.
    public func find(id: String, program: CheckedProgram) throws(TraceProblem) -> (row: Int, entry: CompactTrace.Entry) {
        let wanted = [Array(id.utf8), Array(Privacy.redact(id).utf8)]
        var e = Cursor(bytes, from: entriesStart, to: bytes.count)
        for row in 0..<count {
            let row = row + 1
            guard e.byte() == CompactTrace.entryLead, let n = e.fixed32(), let b = e.take(Int(n)), e.fixed32() != nil else {
                throw .damagedEntry(row: row)
            }
            var c = Cursor(b)
            guard c.byte() != nil, let has = c.byte() else { throw .damagedEntry(row: row) }
            guard has == 1 else { continue }
            guard let len = c.count(), let s = c.take(len) else { throw .damagedEntry(row: row) }
            if wanted.contains(where: { $0.elementsEqual(s) }) { return (row, try Self.decode(b, row: row, program: program)) }
        }
        throw .idNotFound(id: Privacy.redact(id))
    }

    static func decode(_ body: UnsafeRawBufferPointer, row: Int, program: CheckedProgram) throws(TraceProblem) -> CompactTrace.Entry {
        var c = Cursor(body)
        let bad = TraceProblem.damagedEntry(row: row)
        guard let kind = c.byte(), let hasID = c.byte(), hasID <= 1 else { throw bad }
        var id: String?
        if hasID == 1 { guard let s = c.string() else { throw bad }; id = s }
        let outcome = try outcome(&c, row: row, program: program)
        if kind == 1 {
            guard let n = c.count() else { throw bad }
            var errors: [RecordError] = []
            for _ in 0..<n {
                guard let field = c.string(), let value = c.optionalString(), let reason = c.string(), let line = c.varint(),
                      line <= UInt64(Int32.max), let lang = c.byte(), lang <= 1 else { throw bad }
                errors.append(RecordError(field: field, value: value, reason: reason, line: line == 0 ? nil : Int(line) - 1,
                                          language: lang == 1 ? .english : .chinese))
            }
            guard let name = c.optionalString(), c.atEnd else { throw bad }
            return .unread(id: id, name: name, errors: errors, outcome)
        }
        guard kind == 0 else { throw bad }
        var facts = Facts(program: program)
        facts.id = id
        let inputs = program.fields.count + program.parameters.count
        for (i, f) in program.fields.enumerated() {
            guard let t = c.byte(), let tag = CompactTrace.Tag(rawValue: t & ~CompactTrace.givenBit) else { throw bad }
            facts.given[i] = t & CompactTrace.givenBit != 0
            let wrong = TraceProblem.badValue(row: row, field: f.display)
            switch tag {
            case .unknownSelf: facts.values[i] = .unknown(InputSet(slot: i))
            case .unknown:
                guard let lo = c.varint(), let hi = c.varint() else { throw bad }
                var m = InputSet()
                m.low = lo
                m.high = hi
                // every input named must exist (missing lists them by name)
                if let last = m.slots.last, last >= inputs { throw wrong }
                facts.values[i] = .unknown(m)
            case .no, .yes:
                guard f.type == .bool else { throw wrong }
                facts.values[i] = .bool(tag == .yes)
            case .number:
                guard let n = c.signed(), let d = c.varint() else { throw bad }
                guard f.type == .money || f.type == .number, d >= 1, d <= UInt64(Int64.max), let q = Rational(n, Int64(d)),
                      q.denominator == Int64(d), n != Int64.min else { throw wrong }
                if let lo = f.atLeast, q < lo { throw wrong }
                if let hi = f.atMost, q > hi { throw wrong }
                facts.values[i] = .number(q)
            case .text:
                guard let s = c.string() else { throw bad }
                guard f.type == .text else { throw wrong }
                facts.values[i] = .text(s)
            case .date:
                guard let d = c.signed() else { throw bad }
                guard f.type == .date, d >= Self.firstDay, d <= Self.lastDay else { throw wrong }
                facts.values[i] = .date(Int32(d))
            case .choice:
                guard let v = c.signed() else { throw bad }
                guard case .choice(let e) = f.type, e >= 0, e < program.enums.count, v >= 0, v < program.enums[e].codes.count else { throw wrong }
                facts.values[i] = .choice(Int32(v))
            case .set:
                guard let v = c.varint() else { throw bad }
                guard case .list(let e) = f.type, e >= 0, e < program.enums.count else { throw wrong }
                let n = program.enums[e].codes.count
                guard n >= 64 || v >> UInt64(n) == 0 else { throw wrong }
                facts.values[i] = .set(v)
            }
        }
        guard c.atEnd else { throw bad }
        return .decided(facts, outcome)
    }

    static let firstDay = Int64(CivilDate.days(year: 1, month: 1, day: 1))
    static let lastDay = Int64(CivilDate.days(year: 9999, month: 12, day: 31))

    static func outcome(_ c: inout Cursor, row: Int, program: CheckedProgram) throws(TraceProblem) -> CompactTrace.Outcome {
        let bad = TraceProblem.damagedEntry(row: row)
        guard let s = c.byte(), let status = CompactTrace.status(s), let category = c.string(), let n = c.count() else { throw bad }
        var awards: [Int] = []
        for _ in 0..<n {
            guard let a = c.varint(), a <= UInt64(program.benefits.count) else { throw bad }
            awards.append(Int(a) - 1)
        }
        guard let tn = c.signed(), let td = c.varint(), td >= 1, td <= UInt64(Int64.max), let total = Rational(tn, Int64(td)),
              let hasScore = c.byte(), hasScore <= 1 else { throw bad }
        var score: Rational?
        if hasScore == 1 {
            guard let sn = c.signed(), let sd = c.varint(), sd >= 1, sd <= UInt64(Int64.max), let q = Rational(sn, Int64(sd)) else { throw bad }
            score = q
        }
        guard let missing = c.varint(), missing <= 1 << 20, let warnings = c.varint(), warnings <= 1 << 20 else { throw bad }
        return CompactTrace.Outcome(status: status, category: category, awards: awards, total: total, score: score,
                                    missing: Int(missing), warnings: Int(warnings))
    }
}

/// Why a trace cannot be read, or cannot explain the decision asked for.
public enum TraceProblem: Error, Equatable, Sendable {
    case notATrace
    case unsupportedVersion(Int)
    case damagedHeader
    case truncated
    case damagedEntry(row: Int)
    case badValue(row: Int, field: String)
    case rulesDiffer(trace: String, rules: String)
    case rowOutOfRange(row: Int, count: Int)
    case idNotFound(id: String)
    /// Deciding the record again did not give the decision the trace holds.
    case outcomeDiffers(row: Int)

    public var message: Message {
        typealias M = TraceMessage
        switch self {
        case .notATrace: return M.notATrace
        case .unsupportedVersion(let v): return M.unsupportedVersion(v)
        case .damagedHeader: return M.damagedHeader
        case .truncated: return M.truncated
        case .damagedEntry(let row): return M.damagedEntry(row)
        case .badValue(let row, let field): return M.badValue(row, field)
        case .rulesDiffer(let trace, let rules): return M.rulesDiffer(trace: trace, rules: rules)
        case .rowOutOfRange(let row, let count): return M.rowOutOfRange(row, count)
        case .idNotFound(let id): return M.idNotFound(id)
        case .outcomeDiffers(let row): return M.outcomeDiffers(row)
        }
    }
}

/// A bounded reader over bytes: every read returns nil past the end.
struct Cursor {
    let bytes: UnsafeRawBufferPointer
    var at: Int
    let end: Int

    init(_ bytes: UnsafeRawBufferPointer, from: Int = 0, to: Int? = nil) {
        self.bytes = bytes
        at = from
        end = min(to ?? bytes.count, bytes.count)
    }

    init(_ b: UnsafeRawBufferPointer) { self.init(b, from: 0, to: b.count) }

    var atEnd: Bool { at >= end }

    mutating func byte() -> UInt8? {
        guard at < end else { return nil }
        defer { at += 1 }
        return bytes[at]
    }

    mutating func take(_ n: Int) -> UnsafeRawBufferPointer? {
        guard n >= 0, n <= end - at else { return nil }
        defer { at += n }
        return UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)])
    }

    mutating func fixed32() -> UInt32? {
        guard let b = take(4) else { return nil }
        return b.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << UInt32(8 * $1.offset) }
    }

    mutating func fixed64() -> UInt64? {
        guard let b = take(8) else { return nil }
        return b.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
    }

    mutating func varint() -> UInt64? {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while let b = byte() {
            guard shift < 64, shift < 63 || b <= 1 else { return nil }
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
        return nil
    }

    mutating func signed() -> Int64? {
        guard let z = varint() else { return nil }
        return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
    }

    /// A count of things that follow, each at least one byte: no more than the bytes left.
    mutating func count() -> Int? {
        guard let n = varint(), n <= UInt64(end - at) else { return nil }
        return Int(n)
    }

    mutating func string() -> String? {
        guard let n = count(), let b = take(n) else { return nil }
        return String(decoding: b, as: UTF8.self)
    }

    mutating func optionalString() -> String?? {
        guard let f = byte(), f <= 1 else { return nil }
        if f == 0 { return .some(nil) }
        guard let s = string() else { return nil }
        return .some(s)
    }
}

extension Range where Bound == Int {
    /// The results of `f` for each element, or nil as soon as one is nil.
    func mapAll<T>(_ f: (Int) -> T?) -> [T]? {
        var out: [T] = []
        for i in self {
            guard let v = f(i) else { return nil }
            out.append(v)
        }
        return out
    }
}
