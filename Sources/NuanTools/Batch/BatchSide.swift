import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// One program's part of a worker: its fast reader, its evaluator and two Facts used in turn
/// (the evaluator keeps the Facts it last decided; alternating keeps each buffer unshared, so
/// filling one never copies).
struct BatchSide {
    let bp: BatchProgram
    let reader: JSONLineReader
    var layout: CSVLayout?
    var ev: Evaluator
    var fa: Facts
    var fb: Facts
    var flip = false
    /// Values of the last record decided successfully (for the summary).
    var lastFactsOK = false

    init(_ bp: BatchProgram, layout: CSVLayout?) {
        self.bp = bp
        reader = JSONLineReader(bp)
        self.layout = layout
        ev = Evaluator(program: bp.program)
        fa = Facts(program: bp.program)
        fb = Facts(program: bp.program)
    }

    enum Outcome {
        case decided(Decision)
        /// Parsed only (`--stage parse`).
        case parsed
    }

    // MARK: JSON Lines

    mutating func jsonRecord(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>, utf8OK: Bool, line: () -> Int,
                             explain: ExplainLevel, parseOnly: Bool, slow: inout Int) -> Outcome {
        flip.toggle()
        lastFactsOK = false
        if utf8OK {
            let ok: Bool
            if flip { fa.reset(); ok = reader.decode(s, e, into: &fa) } else { fb.reset(); ok = reader.decode(s, e, into: &fb) }
            if ok {
                if parseOnly { return .parsed }
                lastFactsOK = true
                return .decided(flip ? ev.decide(fa, explain: explain) : ev.decide(fb, explain: explain))
            }
        }
        slow += 1
        let ln = line()
        guard utf8OK || UTF8Check.isValid(s, e - s) else {
            return .decided(.invalid(id: nil, errors: [Self.encodingError(s, e, line: ln, bp: bp)]))
        }
        let bytes = Array(UnsafeBufferPointer(start: s, count: e - s))
        if let (key, reason) = bytes.withUnsafeBufferPointer({ JSONLineCheck.problem($0) }) {
            let field = key.isEmpty ? "" : bp.decoder.slotByName[key].map { bp.decoder.name($0) } ?? BatchPrivacy.maskShapes(key)
            return .decided(.invalid(id: nil, errors: [RecordError(field: field, value: nil, reason: reason, line: ln)]))
        }
        switch JSONRecordReader.parseObject(bytes) {
        case .failure(let err):
            return .decided(.invalid(id: nil, errors: [RecordError(field: "", value: nil,
                reason: "JSON 格式错误：\(err.message)（第 \(err.offset + 1) 字节）", line: ln)]))
        case .success(let pairs):
            let (facts, errors, _) = bp.decoder.decode(pairs, line: ln)
            if !errors.isEmpty { return .decided(.invalid(id: facts.id, errors: errors)) }
            if parseOnly { return .parsed }
            if flip { fa = facts } else { fb = facts }
            lastFactsOK = true
            return .decided(ev.decide(facts, explain: explain))
        }
    }

    /// "bad encoding" naming the key whose value holds the first bad byte.
    static func encodingError(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>, line: Int, bp: BatchProgram) -> RecordError {
        let bad = UTF8Check.firstInvalid(s, e - s)
        // the last `"key":` before the bad byte
        var field = ""
        var i = bad - 1
        while i > 0 {
            if s[i] == 0x3A && s[i - 1] == 0x22 {
                var j = i - 2
                while j >= 0 && s[j] != 0x22 { j -= 1 }
                if j >= 0 {
                    let key = String(decoding: UnsafeBufferPointer(start: s + j + 1, count: i - 1 - j - 1), as: UTF8.self)
                    if let slot = bp.decoder.slotByName[key] { field = bp.decoder.name(slot) } else { field = BatchPrivacy.maskShapes(key) }
                }
                break
            }
            i -= 1
        }
        return RecordError(field: field, value: nil, reason: "编码错误：不是有效的 UTF-8 文本（第 \(bad + 1) 字节）", line: line)
    }

    // MARK: CSV

    mutating func csvRecord(_ sp: inout CSVRowSplitter, _ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>, utf8OK: Bool,
                            line: () -> Int, explain: ExplainLevel, parseOnly: Bool, slow: inout Int) -> Outcome {
        flip.toggle()
        lastFactsOK = false
        let layout = self.layout!
        if let _ = sp.split(s, e) {
            slow += 1
            var id: String?
            if let k = layout.columns.firstIndex(where: { $0.isID }), k < sp.cells.count, let p = sp.cells[k].0 {
                id = String(decoding: UnsafeBufferPointer(start: p, count: sp.cells[k].1), as: UTF8.self)
            }
            return .decided(.invalid(id: id, errors: [RecordError(field: "", value: nil, reason: "引号不成对（带引号的单元格应以引号结束，其后是逗号或行尾）", line: line())]))
        }
        let cells = sp.cells
        if cells.count != layout.columns.count {
            slow += 1
            var id: String?
            if let k = layout.columns.firstIndex(where: { $0.isID }), k < cells.count, let p = cells[k].0 {
                id = String(decoding: UnsafeBufferPointer(start: p, count: cells[k].1), as: UTF8.self)
            }
            return .decided(.invalid(id: id, errors: [RecordError(field: "", value: nil,
                reason: "列数与表头不符：表头 \(layout.columns.count) 列，本行 \(cells.count) 列", line: line())]))
        }
        var errors: [RecordError] = []
        var ok = true
        if flip {
            fa.reset()
            ok = Self.fillCSV(bp, layout, cells, utf8OK: utf8OK, line: line, facts: &fa, errors: &errors, slow: &slow)
        } else {
            fb.reset()
            ok = Self.fillCSV(bp, layout, cells, utf8OK: utf8OK, line: line, facts: &fb, errors: &errors, slow: &slow)
        }
        if !ok {
            if flip { errors += bp.decoder.finish(&fa).map { Self.lined($0, line()) } } else { errors += bp.decoder.finish(&fb).map { Self.lined($0, line()) } }
            if !errors.isEmpty { return .decided(.invalid(id: flip ? fa.id : fb.id, errors: errors)) }
        }
        if parseOnly { return .parsed }
        lastFactsOK = true
        return .decided(flip ? ev.decide(fa, explain: explain) : ev.decide(fb, explain: explain))
    }

    static func lined(_ e: RecordError, _ line: Int) -> RecordError {
        var e = e
        e.line = e.line ?? line
        return e
    }

    /// true: facts complete (defaults applied). false: `errors` (maybe empty) and finish still to run.
    static func fillCSV(_ bp: BatchProgram, _ layout: CSVLayout, _ cells: [(UnsafePointer<UInt8>?, Int)], utf8OK: Bool,
                        line: () -> Int, facts: inout Facts, errors: inout [RecordError], slow: inout Int) -> Bool {
        var fast = true
        for (ci, col) in layout.columns.enumerated() {
            let (p0, n) = cells[ci]
            let p = p0 ?? UnsafePointer(bitPattern: 1)!
            if !utf8OK && n > 0 && !UTF8Check.isValid(p, n) {
                errors.append(RecordError(field: col.slot.map { bp.decoder.name($0) } ?? BatchPrivacy.maskShapes(col.name), value: nil,
                                          reason: "编码错误：不是有效的 UTF-8 或 GB18030 文本", line: line()))
                fast = false
                continue
            }
            if col.isID { facts.id = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self) }
            guard let slot = col.slot else { continue }
            if n > 0 && bp.assignString(bp.fields[slot], p, n, into: &facts) { continue }
            if n == 0 { continue }
            fast = false
            let raw = RawValue.string(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
            if let err = bp.decoder.assign(slot, raw, into: &facts) { errors.append(lined(err, line())) }
        }
        if fast && bp.finishFast(&facts) { return true }
        slow += 1
        return false
    }
}
