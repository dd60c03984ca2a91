import NuanSupport
import NuanSyntax
/// Writes compact trace entries (`CompactTrace`) into a byte array the caller reuses: a batch
/// worker appends its block's entries and hands the bytes on, so the steady state allocates
/// nothing per record (a text that may hold a personal number is the exception: it is masked
/// through `Privacy`, which builds a string).
public struct CompactTraceWriter: Sendable {
    let fieldCount: Int
    /// Per field slot: whether it is personal (kept masked).
    let personal: [Bool]

    public init(program: CheckedProgram) {
        fieldCount = program.fields.count
        personal = program.fields.map(\.isPersonal)
    }

    /// A writer for fields of which `personal` says which are personal (tests).
    init(personal: [Bool]) {
        fieldCount = personal.count
        self.personal = personal
    }

    // MARK: the file's frame

    /// The magic and the header for `program`.
    public static func header(_ program: CheckedProgram) -> [UInt8] {
        let h = CompactTrace.Header(program: program)
        var p: [UInt8] = []
        putString(h.digest, &p)
        putString(h.title, &p)
        putOptionalString(h.rulesVersion, &p)
        putVarint(UInt64(h.overrides.count), &p)
        for o in h.overrides { putString(o, &p) }
        putVarint(UInt64(h.fieldCount), &p)
        putFixed64(h.fieldKeys, &p)
        putVarint(UInt64(h.benefitCount), &p)
        var out = CompactTrace.magic
        out.append(CompactTrace.version)
        putFixed32(UInt32(p.count), &out)
        out += p
        putFixed32(p.withUnsafeBytes { CompactTrace.fnv32($0) }, &out)
        return out
    }

    /// The trailer after `count` entries: without it a trace is truncated.
    public static func trailer(count: Int) -> [UInt8] {
        var out: [UInt8] = [CompactTrace.endLead]
        var c: [UInt8] = []
        putFixed64(UInt64(count), &c)
        out += c
        putFixed32(c.withUnsafeBytes { CompactTrace.fnv32($0) }, &out)
        out += CompactTrace.endMagic
        return out
    }

    // MARK: entries

    /// Appends the entry of a record that was read and decided: `facts` as the evaluator had
    /// them, `decision` as it decided (before anything the batch adds, such as a repeat).
    public func append(_ facts: Facts, _ decision: Decision, to out: inout TraceBytes) {
        let start = beginEntry(&out)
        out.ensure(16)
        out.put(0)
        putID(facts.id, &out)
        putOutcome(decision, &out)
        let n = min(fieldCount, facts.values.count)
        for i in 0..<n {
            out.ensure(32)
            let given = facts.given[i] ? CompactTrace.givenBit : 0
            switch facts.values[i] {
            case .unknown(let m):
                if m == InputSet(slot: i) {
                    out.put(CompactTrace.Tag.unknownSelf.rawValue | given)
                } else {
                    out.put(CompactTrace.Tag.unknown.rawValue | given)
                    out.varint(m.low)
                    out.varint(m.high)
                }
            case .bool(let b):
                out.put((b ? CompactTrace.Tag.yes : .no).rawValue | given)
            case .number(let q):
                out.put(CompactTrace.Tag.number.rawValue | given)
                out.signed(q.numerator)
                out.varint(UInt64(q.denominator))
            case .text(let s):
                out.put(CompactTrace.Tag.text.rawValue | given)
                putSafeText(s, personal: personal[i], &out)
            case .date(let d):
                out.put(CompactTrace.Tag.date.rawValue | given)
                out.signed(Int64(d))
            case .choice(let c):
                out.put(CompactTrace.Tag.choice.rawValue | given)
                out.signed(Int64(c))
            case .set(let s):
                out.put(CompactTrace.Tag.set.rawValue | given)
                out.varint(s)
            case .failure:
                // facts never hold one; kept as unknown so the entry stays readable
                out.put(CompactTrace.Tag.unknownSelf.rawValue | given)
            }
        }
        endEntry(start, &out)
    }

    /// Appends the entry of a record that could not be read: its id, errors and the 姓名 read
    /// before the error, if any (all redacted).
    public func appendUnread(_ decision: Decision, name: String? = nil, to out: inout TraceBytes) {
        let start = beginEntry(&out)
        out.ensure(1)
        out.put(1)
        putID(decision.id, &out)
        putOutcome(decision, &out)
        out.ensure(10)
        out.varint(UInt64(decision.errors.count))
        for e in decision.errors {
            out.string(Privacy.redact(e.field))
            out.optionalString(e.value.map(Privacy.redact))
            out.string(Privacy.redact(e.reason))
            out.ensure(12)
            out.varint(e.line.map { UInt64($0) + 1 } ?? 0)
            out.put(e.language == .english ? 1 : 0)
        }
        out.optionalString(name.map(Privacy.redact))
        endEntry(start, &out)
    }

    @inline(__always)
    func beginEntry(_ out: inout TraceBytes) -> Int {
        out.ensure(5)
        out.put(CompactTrace.entryLead)
        out.fixed32(0)
        return out.count
    }

    @inline(__always)
    func endEntry(_ start: Int, _ out: inout TraceBytes) {
        let n = out.count - start
        out.patch32(UInt32(n), at: start - 4)
        let h = CompactTrace.fnv32(UnsafeRawBufferPointer(start: out.base + start, count: n))
        out.ensure(4)
        out.fixed32(h)
    }

    func putOutcome(_ d: Decision, _ out: inout TraceBytes) {
        out.ensure(1)
        out.put(CompactTrace.statusCode(d.status))
        out.string(d.category)
        out.ensure(10 * (d.awards.count + 8))
        out.varint(UInt64(d.awards.count))
        for a in d.awards { out.varint(UInt64(a.benefitIndex + 1)) }
        out.signed(d.totalAmount.numerator)
        out.varint(UInt64(d.totalAmount.denominator))
        if let s = d.score {
            out.put(1)
            out.signed(s.numerator)
            out.varint(UInt64(s.denominator))
        } else {
            out.put(0)
        }
        out.varint(UInt64(d.missing.count))
        out.varint(UInt64(d.warnings.count))
    }

    func putID(_ id: String?, _ out: inout TraceBytes) {
        out.ensure(1)
        guard let id else { out.put(0); return }
        out.put(1)
        putSafeText(id, personal: false, &out)
    }

    /// A text as the trace keeps it: a personal value masked, any other with its ID- and
    /// phone-shaped parts masked. ASCII personal values (all real ones) are masked byte by
    /// byte, as `Privacy.mask` does by character.
    func putSafeText(_ s: String, personal: Bool, _ out: inout TraceBytes) {
        let done: Bool? = s.utf8.withContiguousStorageIfAvailable { b in
            if personal {
                guard !b.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return false }
                let n = b.count
                let (first, last) = n >= 15 ? (6, 4) : (n >= 7 ? (3, 4) : (0, 0))
                out.ensure(n + 10)
                out.varint(UInt64(n))
                for k in 0..<n { out.put(k < first || k >= n - last ? b[k] : 0x2A) }
                return true
            }
            guard !Privacy.mayHoldNumber(b) || out.knownSafe(b) else { return false }
            out.ensure(b.count + 10)
            out.varint(UInt64(b.count))
            out.put(b)
            return true
        }
        guard done != true else { return }
        if personal { out.string(Privacy.mask(s)); return }
        // no maskable shape: remember it, so a text of the same shape is written as it stands
        if !Privacy.mayHoldShape(s), s.utf8.withContiguousStorageIfAvailable({ out.rememberSafe($0) }) != nil {
            out.string(s)
        } else {
            out.string(Privacy.redact(s))
        }
    }

    // MARK: integers and strings

    @inline(__always)
    static func putVarint(_ v: UInt64, _ out: inout [UInt8]) {
        var v = v
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    @inline(__always)
    static func putSigned(_ v: Int64, _ out: inout [UInt8]) {
        putVarint(UInt64(bitPattern: (v << 1) ^ (v >> 63)), &out)
    }

    static func putFixed32(_ v: UInt32, _ out: inout [UInt8]) {
        for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> UInt32(8 * k))) }
    }

    static func putFixed64(_ v: UInt64, _ out: inout [UInt8]) {
        for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: v >> UInt64(8 * k))) }
    }

    static func putString(_ s: String, _ out: inout [UInt8]) {
        putVarint(UInt64(s.utf8.count), &out)
        out.append(contentsOf: s.utf8)
    }

    static func putOptionalString(_ s: String?, _ out: inout [UInt8]) {
        guard let s else { out.append(0); return }
        out.append(1)
        putString(s, &out)
    }
}
