import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain

/// Writes a brief explanation (`--explain brief`) straight from the evaluation into the output
/// bytes: the entries `ExplanationBuilder.build` + `ExplanationBuilder.brief` make and
/// `DecisionWriter.entry` renders, without building them. Most of an entry — its kind, rule
/// and source — is the same for every record, so it is rendered once per program (`heads`);
/// per record only the outcomes, results and missing inputs the evaluation reached are written.
///
/// Where a varying text could hold something `Privacy` would mask (11 digits or more), the
/// writer gives up (`write` returns false) and the caller renders the reference entries
/// (`Evaluation.explanation`) instead — never a different line. One per worker (the note
/// cache is its own).
struct BriefExplanationWriter {
    let program: CheckedProgram
    let english: Bool
    let writer: DecisionWriter
    let skeleton: BriefSkeleton
    /// Every static piece, back to back; a piece is a range of it.
    let bytes: [UInt8]
    struct Piece { var start: Int32; var count: Int32 }
    let categoryHeads: [Piece]
    let benefitHeads: [Piece]
    /// Each flat benefit's exception heads start at `exceptionStart[b]`.
    let exceptionHeads: [Piece]
    let exceptionStart: [Int]
    let scoreHead: Piece?
    /// Each input's label as a JSON string (`"家庭月收入"`), by input slot.
    let labels: [Piece]
    /// Each flat benefit's unit after its amount (`" 元/户"`), JSON-escaped, without quotes,
    /// and the digits it holds (they count towards what `Privacy` looks at).
    let units: [Piece]
    let unitDigits: [Int]
    let withheldByException: Piece
    let noneInNotice: Piece
    /// The benefits by group: (start, count) into the flat order.
    let groups: [(start: Int, count: Int)]
    /// The nodes read per record: each category's root, each exception's condition (flat,
    /// from `exceptionStart`), and the application date and period in force for the note.
    let categoryRoots: [Int32]
    let exceptionConditions: [Int32]
    let exceptionCounts: [Int]
    let dateField: Int?
    let period: (from: Int32, to: Int32)?
    /// Period notes rendered, by application date (an archive has a few hundred dates).
    let notes = NoteCache()

    final class NoteCache: @unchecked Sendable {
        @exclusivity(unchecked) var byDate: [Int32: [UInt8]] = [:]
    }

    init(_ writer: DecisionWriter, english: Bool) {
        let program = writer.bp.program
        self.program = program
        self.english = english
        self.writer = writer
        let sk = BriefSkeleton(program: program, english: english)
        skeleton = sk
        var o = ByteBuffer(capacity: 1 << 12)
        defer { o.free() }
        func piece(_ body: (inout ByteBuffer) -> Void) -> Piece {
            let s = o.count
            body(&o)
            return Piece(start: Int32(s), count: Int32(o.count - s))
        }
        categoryHeads = sk.categories.map { e in piece { writer.entryHead(e, into: &$0) } }
        benefitHeads = sk.benefits.map { e in piece { writer.entryHead(e, into: &$0) } }
        var xs: [Piece] = [], xstart: [Int] = []
        for list in sk.exceptions {
            xstart.append(xs.count)
            for e in list { xs.append(piece { writer.entryHead(e, into: &$0) }) }
        }
        exceptionHeads = xs
        exceptionStart = xstart
        scoreHead = sk.score.map { e in piece { writer.entryHead(e, into: &$0) } }
        let inputs = min(program.fields.count + program.parameters.count, InputSet.capacity)
        labels = (0..<inputs).map { slot in piece { $0.putJSONString(writer.json.disclosure.value(program.inputLabel(slot))) } }
        var us: [Piece] = [], ud: [Int] = []
        for u in sk.unitSuffix {
            us.append(piece { b in
                let s = b.count
                b.putJSONString(u)
                // without the quotes
                let inner = Array(UnsafeBufferPointer(start: b.base + s + 1, count: b.count - s - 2))
                b.count = s
                b.put(inner)
            })
            ud.append(u.utf8.reduce(0) { $0 + ($1 &- 0x30 < 10 ? 1 : 0) })
        }
        units = us
        unitDigits = ud
        withheldByException = piece { $0.putJSONString(writer.json.disclosure.value(sk.withheldByException)) }
        noneInNotice = piece { $0.putJSONString(writer.json.disclosure.value(sk.amountSetByOfficeNoneInNotice)) }
        bytes = Array(UnsafeBufferPointer(start: o.base, count: o.count))
        var gs: [(start: Int, count: Int)] = []
        var flat = 0
        for g in program.benefitGroups {
            gs.append((flat, g.benefits.count))
            flat += g.benefits.count
        }
        groups = gs
        categoryRoots = program.categories.map(\.root)
        exceptionConditions = program.benefitGroups.flatMap { $0.benefits.flatMap { $0.exceptions.map(\.condition) } }
        exceptionCounts = program.benefitGroups.flatMap { $0.benefits.map(\.exceptions.count) }
        dateField = program.applicationDateField
        if let f = program.inForceFrom, let t = program.inForceTo { period = (f, t) } else { period = nil }
    }

    @inline(__always) static func outcome(_ v: Value?) -> StaticString {
        switch v {
        case .bool(true)?: return "\"met\""
        case .bool(false)?: return "\"not_met\""
        case nil: return "\"skipped\""
        default: return "\"unknown\""
        }
    }

    /// The entries of `e`'s brief explanation, comma-separated (what goes between `[` and `]`).
    /// False, with `o` as it was, where this writer leaves the record to the reference.
    func write(_ e: Evaluator.Evaluation, score: Rational?, into o: inout ByteBuffer) -> Bool {
        let start = o.count
        let ok = bytes.withUnsafeBufferPointer { p -> Bool in
            let base = p.baseAddress!
            @inline(__always) func put(_ x: Piece, _ o: inout ByteBuffer) { o.put(base + Int(x.start), Int(x.count)) }
            /// `,"missing":[…]` of an input set; false for an input without a label here.
            func missing(_ s: InputSet, _ o: inout ByteBuffer) -> Bool {
                if s.isEmpty { return true }
                o.put(",\"missing\":[")
                var first = true
                var w = s.low, offset = 0
                while true {
                    while w != 0 {
                        let slot = offset + w.trailingZeroBitCount
                        w &= w - 1
                        guard slot < labels.count else { return false }
                        if !first { o.put(0x2C) }
                        first = false
                        put(labels[slot], &o)
                    }
                    if offset == 64 { break }
                    w = s.high
                    offset = 64
                }
                o.put(0x5D)
                return true
            }
            var first = true
            @inline(__always) func comma(_ o: inout ByteBuffer) {
                if !first { o.put(0x2C) }
                first = false
            }
            if let slot = dateField, let (from, to) = period, case .date(let d) = e.facts.values[slot], d < from || d > to {
                if let hit = notes.byDate[d] { o.put(hit) } else {
                    guard let note = BriefSkeleton.periodNote(program: program, facts: e.facts, english: english) else { return false }
                    var b = ByteBuffer(capacity: 1024)
                    defer { b.free() }
                    writer.entry(note, into: &b)
                    let rendered = Array(UnsafeBufferPointer(start: b.base, count: b.count))
                    if notes.byDate.count < 4096 { notes.byDate[d] = rendered }
                    o.put(rendered)
                }
                first = false
            }
            let values = e.trace.values
            for (ci, root) in categoryRoots.enumerated() {
                comma(&o)
                put(categoryHeads[ci], &o)
                let v = values[Int(root)]
                o.put(Self.outcome(v))
                if let v, !missing(v.missing, &o) { return false }
                o.put(0x7D)
            }
            for (gi, g) in groups.enumerated() {
                for k in 0..<g.count {
                    let flat = g.start + k
                    let r = e.outcomes[gi][k]
                    comma(&o)
                    put(benefitHeads[flat], &o)
                    o.put(r.truth == .yes ? "\"met\"" : r.truth == .no ? "\"not_met\"" : "\"unknown\"")
                    if r.truth != .no {
                        o.put(",\"result\":")
                        if r.withheld {
                            put(withheldByException, &o)
                        } else if r.amountUnknown {
                            let text = skeleton.amountOpenMissing
                                + r.missing.slots.map { program.inputLabel($0) }.joined(separator: skeleton.listSeparator)
                            o.putJSONString(writer.json.disclosure.value(text))
                        } else if let a = r.amount {
                            o.put(0x22)
                            let s = o.count
                            o.putMoney(a)
                            if Self.digits(o.base + s, o.count - s) + unitDigits[flat] >= 11 { return false }
                            put(units[flat], &o)
                            o.put(0x22)
                        } else {
                            put(noneInNotice, &o)
                        }
                    }
                    if !missing(r.missing, &o) { return false }
                    // the exceptions that held (a brief explanation keeps the met children only)
                    var opened = false
                    for xi in 0..<exceptionCounts[flat] {
                        guard let xv = values[Int(exceptionConditions[exceptionStart[flat] + xi])], case .bool(true) = xv else { continue }
                        o.put(opened ? "," : ",\"children\":[")
                        opened = true
                        put(exceptionHeads[exceptionStart[flat] + xi], &o)
                        o.put("\"met\"")
                        if r.exceptionUsed == xi {
                            o.put(",\"result\":")
                            let b = program.benefitGroups[gi].benefits[k]
                            let text = BriefSkeleton.exceptionResult(program: program, evaluation: e, b.exceptions[xi], unit: b.unit, english: english)
                            o.putJSONString(writer.json.disclosure.value(text))
                        }
                        o.put(0x7D)
                    }
                    if opened { o.put(0x5D) }
                    o.put(0x7D)
                }
            }
            if let h = scoreHead {
                comma(&o)
                put(h, &o)
                if let score {
                    o.put("\"info\",\"result\":\"")
                    let s = o.count
                    o.putMoney(score)
                    if Self.digits(o.base + s, o.count - s) >= 11 { return false }
                    o.put("\"}")
                } else {
                    o.put("\"unknown\"}")
                }
            }
            return true
        }
        if !ok { o.count = start }
        return ok
    }

    static func digits(_ p: UnsafeMutablePointer<UInt8>, _ n: Int) -> Int {
        var c = 0
        for i in 0..<n where p[i] &- 0x30 < 10 { c += 1 }
        return c
    }
}
