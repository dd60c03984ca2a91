import NuanSupport
import NuanSyntax

/// The one record boundary: JSON (one document or one JSON Lines line), CSV cells and
/// key/value pairs become `Facts` here, or an `invalid` reading with errors naming the line,
/// the field and the (masked) value. `screen`, `test`, the interview and `batch` all call it.
///
/// Each reading tries the byte-level reader first (`FastJSONReader`, `RecordLayout`'s
/// `assignString`): no parse tree, no String for a value no rule reads. Whatever it is not
/// sure of — escapes, nesting, spaces to trim, an unknown spelling, any error — it declines,
/// and the general path decides instead: `JSONLineCheck` (depth, lone surrogates), then
/// `JSONRecordReader` and `RecordDecoder`, which word every error. Both paths give the same
/// facts for what the fast one accepts (batch's byte-for-byte tests compare them), so a
/// decision never depends on which path read its record.
///
/// Not thread-safe (the fast reader owns scratch tables): one codec per worker.
public final class RecordCodec {
    package let layout: RecordLayout
    let fast: FastJSONReader

    /// A codec that keeps every value it reads (batch shares one `RecordLayout` that skips the
    /// text of fields no rule reads).
    /// `language`: of record errors (the decision's).
    public convenience init(program: CheckedProgram, unmask: Bool = false, language: Language = .chinese) {
        self.init(layout: RecordLayout(program, unmask: unmask, everyValue: true, language: language))
    }

    package init(layout: RecordLayout) {
        self.layout = layout
        fast = FastJSONReader(layout)
    }

    public var program: CheckedProgram { layout.program }
    var language: Language { layout.decoder.language }

    /// How one record was read.
    public enum Reading {
        /// `facts` hold the record, defaults applied; `fast` when the byte-level reader read it all.
        case valid(fast: Bool)
        case invalid(id: String?, errors: [RecordError])
    }

    // MARK: key/value pairs (worked examples, the interview)

    /// Decodes pairs given by English key or Chinese label; unknown keys come back in `extra`.
    public func decode(pairs: [(String, RawValue)], line: Int? = nil) -> (facts: Facts, errors: [RecordError], extra: [(String, RawValue)]) {
        layout.decoder.decode(pairs, line: line)
    }

    /// Checks one answer of the interview: the error reading it as the field's value would give.
    public func assign(_ raw: RawValue, to slot: Int, into facts: inout Facts) -> RecordError? {
        layout.decoder.assign(slot, raw, into: &facts)
    }

    /// The closed (封闭) tables the facts' keys miss.
    public func closedTableMisses(_ facts: Facts) -> [(table: String, slot: Int, key: String, rows: [String])] { layout.decoder.closedTables.misses(facts) }

    // MARK: one JSON document (screen)

    /// Decodes one JSON object given as a whole document (it may span lines; a syntax error
    /// names its line and column, after `source`, the file's name, when given).
    public func decode(json: [UInt8], source: String? = nil) -> (facts: Facts, reading: Reading) {
        var facts = Facts(program: layout.program)
        var padded = json
        padded.append(contentsOf: repeatElement(0x22, count: FastJSONReader.padding))
        let reading = padded.withUnsafeBufferPointer { b -> Reading in
            let s = b.baseAddress!
            return decodeJSON(s, s + json.count, utf8OK: false, line: { nil }, into: &facts) { err in
                RecordError(field: "", value: nil, reason: (source.map { "\($0)：" } ?? "") + err.describe(in: json, language: language), language: language)
            }
        }
        return (facts, reading)
    }

    // MARK: one JSON Lines line (batch)

    /// Decodes the line [s, e), which must be followed by `FastJSONReader.padding` quote bytes.
    /// `utf8OK`: the caller has already checked the bytes are UTF-8. `line` is asked only when
    /// an error needs it.
    package func decodeJSONLine(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>, utf8OK: Bool, line: () -> Int,
                                into facts: inout Facts) -> Reading {
        decodeJSON(s, e, utf8OK: utf8OK, line: { line() }, into: &facts) { err in
            RecordError(field: "", value: nil, reason: RecordMessage.jsonAtByte(err.detail, byte: err.offset + 1), line: line(), language: language)
        }
    }

    private func decodeJSON(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>, utf8OK: Bool, line: () -> Int?,
                            into facts: inout Facts, syntaxError: (JSONError) -> RecordError) -> Reading {
        if utf8OK || UTF8Check.isValid(s, e - s) {
            facts.reset()
            if fast.decode(s, e, into: &facts) { return .valid(fast: true) }
        } else {
            return .invalid(id: nil, errors: [encodingError(s, e, line: line())])
        }
        let bytes = Array(UnsafeBufferPointer(start: s, count: e - s))
        if let (key, reason) = bytes.withUnsafeBufferPointer({ JSONLineCheck.problem($0) }) {
            let field = key.isEmpty ? "" : layout.decoder.slot(forName: key).map { layout.decoder.name($0) } ?? Privacy.maskDigitRuns(key)
            return .invalid(id: nil, errors: [RecordError(field: field, value: nil, reason: reason, line: line(), language: language)])
        }
        switch JSONRecordReader.parseObject(bytes) {
        case .failure(let err):
            return .invalid(id: nil, errors: [syntaxError(err)])
        case .success(let pairs):
            let (decoded, errors, _) = layout.decoder.decode(pairs, line: line())
            facts = decoded
            return errors.isEmpty ? .valid(fast: false) : .invalid(id: decoded.id, errors: errors)
        }
    }

    /// "bad encoding" naming the key whose value holds the first bad byte.
    private func encodingError(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>, line: Int?) -> RecordError {
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
                    if let slot = layout.decoder.slot(forName: key) { field = layout.decoder.name(slot) } else { field = Privacy.maskDigitRuns(key) }
                }
                break
            }
            i -= 1
        }
        return RecordError(field: field, value: nil, reason: RecordMessage.invalidUTF8(byte: bad + 1), line: line, language: language)
    }

    // MARK: CSV cells (batch)

    /// A CSV column as the header named it.
    public struct CSVColumn: Sendable {
        public var name: String
        public var slot: Int?
        /// `id` / `申请编号`: the record's id for its decision.
        public var isID: Bool
    }

    /// The columns of a header row: English keys, Chinese labels or their aliases
    /// (`HeaderAliases`).
    public func columns(header: [String]) -> [CSVColumn] { layout.columns(header: header) }

    /// Decodes one CSV row's cells (already split and unquoted, as many as `columns`).
    /// `utf8OK`: the row is known to be UTF-8; otherwise each cell is checked.
    package func decodeCSV(_ columns: [CSVColumn], _ cells: [(UnsafePointer<UInt8>?, Int)], utf8OK: Bool, line: () -> Int,
                           into facts: inout Facts) -> Reading {
        facts.reset()
        var errors: [RecordError] = []
        var fast = true
        for (ci, col) in columns.enumerated() {
            let (p0, n) = cells[ci]
            let p = p0 ?? UnsafePointer(bitPattern: 1)!
            if !utf8OK && n > 0 && !UTF8Check.isValid(p, n) {
                errors.append(RecordError(field: col.slot.map { layout.decoder.name($0) } ?? Privacy.maskDigitRuns(col.name), value: nil,
                                          reason: RecordMessage.invalidCell, line: line(), language: language))
                fast = false
                continue
            }
            if col.isID { facts.id = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self) }
            guard let slot = col.slot else { continue }
            if n > 0 && layout.assignString(layout.fields[slot], p, n, into: &facts) { continue }
            if n == 0 { continue }
            fast = false
            let raw = RawValue.string(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
            if let err = layout.decoder.assign(slot, raw, into: &facts, cell: true) { errors.append(Self.lined(err, line())) }
        }
        if fast && layout.finishFast(&facts) { return .valid(fast: true) }
        errors += layout.decoder.finish(&facts).map { Self.lined($0, line()) }
        return errors.isEmpty ? .valid(fast: false) : .invalid(id: facts.id, errors: errors)
    }

    static func lined(_ e: RecordError, _ line: Int) -> RecordError {
        var e = e
        e.line = e.line ?? line
        return e
    }
}

extension RecordLayout {
    package func columns(header: [String]) -> [RecordCodec.CSVColumn] {
        header.map { name in
            let slot = decoder.slot(forName: name)
            let isID = slot.map { program.fields[$0].key == "id" } ?? HeaderAliases.isIDName(name)
            return RecordCodec.CSVColumn(name: name, slot: slot, isID: isID)
        }
    }
}
