import Foundation
#if canImport(Glibc)
import Glibc
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools
#endif

/// Builds hostile archives from seed records: JSON lines (lone surrogates, deep nesting,
/// exponent numbers, wrong types, huge strings, invalid bytes) and CSV (stray quotes, CR-only
/// endings, invalid and GB18030 bytes, formulas, wrong column counts), keeping count of the
/// records a correct reader must see.
struct RecordMutator {
    var rng: FuzzRandom
    let enabled: (FuzzClass) -> Bool
    var applied: [FuzzClass] = []

    mutating func choose(_ menu: [FuzzClass]) -> FuzzClass? {
        let m = menu.filter(enabled)
        guard !m.isEmpty else { return nil }
        let c = rng.pick(m)
        applied.append(c)
        return c
    }

    // MARK: JSON

    /// One JSON object as text, mutated. Never holds a line feed or carriage return.
    mutating func jsonLine(_ pairs: [(String, RawValue)]) -> [UInt8] {
        var kv: [(k: [UInt8], v: [UInt8])] = pairs.map { (Array(JSONText.quote($0.0).utf8), Array($0.1.json.utf8)) }
        if kv.isEmpty { kv = [(Array("\"id\"".utf8), Array("\"x\"".utf8))] }
        for _ in 0..<(rng.oneIn(3) ? rng.between(1, 2) : 0) {
            guard let c = choose([.loneSurrogate, .nesting, .deepNesting, .exponent, .hugeNumber, .wrongType, .hugeString,
                                  .idEcho, .control, .invalidBytes, .bytes]) else { break }
            let i = rng.below(kv.count)
            switch c {
            case .loneSurrogate:
                let s = Array(rng.pick(["\\ud800", "\\udc00\\u0041", "\\ud800\\ud800", "\\udfff", "\\ud83d", "\\ud800\\u0041"]).utf8)
                if rng.oneIn(3) { kv.append((Array("\"备注\\ud800\"".utf8), [0x22] + s + [0x22])) }
                else if rng.oneIn(2) { kv[i].v = [0x22] + s + Array("文字\"".utf8) }
                else { kv[i].k.insert(contentsOf: s, at: 1) }
            case .nesting, .deepNesting:
                let d = c == .nesting ? rng.between(2, 200) : rng.pick([5000, 50000, 200000])
                if rng.oneIn(2) { kv[i].v = Array(repeating: 0x5B, count: d) + [0x31] + Array(repeating: 0x5D, count: d) }
                else {
                    kv[i].v = Array(String(repeating: "{\"a\":", count: d).utf8) + [0x31] + Array(repeating: 0x7D, count: d)
                }
            case .exponent, .hugeNumber:
                kv[i].v = Array((c == .exponent ? rng.pick(FuzzValues.jsonNumbers) : FuzzValues.hugeNumber(&rng)).utf8)
            case .wrongType:
                kv[i].v = Array(rng.pick(["[]", "{}", "null", "\"abc\"", "true", "[1,2]", "{\"a\":1}", "\"\"", "-1", "0", "\"1e3\"",
                                          "[\"serious_illness\",1]", "\"是\"", "\"2022-02-30\"", "\" 3 \""]).utf8)
                if rng.oneIn(4) { kv.append(kv[i]) } // a repeated key
                if rng.oneIn(5) { kv.remove(at: i) }
            case .hugeString:
                let n = rng.pick([1000, 70000, 300000])
                kv[i].v = [0x22] + Array(String(repeating: "字", count: n).utf8) + [0x22]
            case .idEcho:
                let id = Array(rng.pick(FuzzValues.idNumbers + FuzzValues.phones).utf8)
                if rng.oneIn(3) { kv.append((Array("\"备注\"".utf8), [0x22] + id + [0x22])) }
                else { kv[i].v = rng.oneIn(2) ? [0x22] + id + [0x22] : id.filter { $0 != 0x58 } }
            case .control:
                let s = Array(rng.pick(["\\u001b[31m", "\\u001b]0;x\\u0007", "\\r", "\\u0000", "\\u009b", "\\u202e"]).utf8)
                kv[i].v = [0x22] + s + Array("值\"".utf8)
            case .invalidBytes:
                kv[i].v = [0x22] + rng.pick(FuzzValues.invalidUTF8) + Array("值\"".utf8)
            default:
                var line = assemble(kv)
                let j = rng.below(line.count)
                switch rng.below(3) {
                case 0: line[j] = safeByte(line[j] ^ UInt8(1 << rng.below(8)))
                case 1: line.removeSubrange(j...)   // truncated
                default: line += Array(rng.pick([",", "}", " x", "{}", "]", "\u{0}"]).utf8)
                }
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || line.isEmpty { line = [0x7B] }
                return line
            }
        }
        return assemble(kv)
    }

    func assemble(_ kv: [(k: [UInt8], v: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = [0x7B]
        for (n, p) in kv.enumerated() {
            if n > 0 { out.append(0x2C) }
            out += p.k + [0x3A] + p.v
        }
        return out + [0x7D]
    }

    /// Bytes that cannot end or blank a line.
    func safeByte(_ b: UInt8) -> UInt8 { b == 0x0A || b == 0x0D ? 0x20 : b }

    /// A JSON Lines archive: (bytes, records a correct reader must decide).
    mutating func jsonl(_ seeds: [[(String, RawValue)]], rows: Int) -> (bytes: [UInt8], records: Int) {
        var out: [UInt8] = []
        if rng.oneIn(10) { out += [0xEF, 0xBB, 0xBF] }
        let crlf = enabled(.crEndings) && rng.oneIn(6)
        if crlf { applied.append(.crEndings) }
        for _ in 0..<rows {
            var line = jsonLine(rng.pick(seeds))
            if line.first == 0xEF { line.insert(0x20, at: 0) }
            out += line + (crlf ? [0x0D, 0x0A] : [0x0A])
            if rng.oneIn(20) { out += [0x0A] }    // a blank line (not a record)
        }
        if rng.oneIn(4) && out.last == 0x0A { out.removeLast(); if out.last == 0x0D { out.removeLast() } }
        return (out, rows)
    }

    // MARK: CSV

    /// A seed record as CSV cells under `header`.
    static func cells(_ pairs: [(String, RawValue)], header: [String]) -> [String] {
        header.map { h in
            guard let v = pairs.first(where: { $0.0 == h })?.1 else { return "" }
            switch v {
            case .null: return ""
            case .string(let s): return s
            case .number(let n): return n
            case .bool(let b): return b ? "是" : "否"
            case .array(let xs): return xs.map { if case .string(let s) = $0 { return s }; return $0.json }.joined(separator: ";")
            case .object(let o): return o
            }
        }
    }

    /// A CSV archive: (bytes, records a correct reader must decide, or nil when a quoted cell is
    /// left open and the count is the reader's choice).
    mutating func csv(header: [String], seeds: [[String]], rows: Int) -> (bytes: [UInt8], records: Int?) {
        var records: Int? = rows
        var lines: [[UInt8]] = [Array(header.map(CSVText.quote).joined(separator: ",").utf8)]
        for _ in 0..<rows {
            var cells: [[UInt8]] = rng.pick(seeds).map { Array(CSVText.quote($0).utf8) }
            if cells.isEmpty { cells = [Array("x".utf8)] }
            for _ in 0..<(rng.oneIn(3) ? rng.between(1, 2) : 0) {
                guard let c = choose([.strayQuote, .invalidBytes, .gb18030, .formula, .columns, .idEcho, .hugeNumber, .hugeString,
                                      .control, .unclosedQuote, .bytes]) else { break }
                let i = rng.below(cells.count)
                switch c {
                case .strayQuote:
                    var cell = cells[i].first == 0x22 || cells[i].isEmpty ? Array("值".utf8) : cells[i]
                    cell.insert(0x22, at: rng.between(1, cell.count))
                    if rng.oneIn(3) { cell.insert(0x22, at: rng.between(1, cell.count)) }
                    cells[i] = cell
                case .invalidBytes: cells[i] = Array("值".utf8) + rng.pick(FuzzValues.invalidUTF8)
                case .gb18030: cells[i] = rng.pick(FuzzValues.gb18030Words)
                case .formula: cells[i] = Array(CSVText.quote(rng.pick(FuzzValues.formulas)).utf8)
                case .columns:
                    switch rng.below(3) {
                    case 0: cells += Array(repeating: Array("多".utf8), count: rng.between(1, 3))
                    case 1: if cells.count > 1 { cells.removeLast() }
                    default: cells[i] = Array("\"第一行\n第二行,\"\"引\"\"\"".utf8)
                    }
                case .idEcho:
                    let id = rng.pick(FuzzValues.idNumbers + FuzzValues.phones)
                    if rng.oneIn(3) { cells.append(Array(id.utf8)) } else { cells[i] = Array(id.utf8) }
                case .hugeNumber: cells[i] = Array(FuzzValues.hugeNumber(&rng).utf8)
                case .hugeString: cells[i] = Array(String(repeating: "字", count: rng.pick([1000, 70000, 300000])).utf8)
                case .control: cells[i] = Array(CSVText.quote(rng.pick(FuzzValues.controls)).utf8)
                case .unclosedQuote where rng.oneIn(4):
                    // rare: it leaves the count to the reader, so the count check is off for the case
                    cells[i] = Array("\"未闭合".utf8); records = nil
                case .unclosedQuote:
                    cells[i] = Array("\"闭合\"\"后\"".utf8)
                default:
                    var cell = cells[i].isEmpty ? Array("值".utf8) : cells[i]
                    let j = rng.below(cell.count)
                    let b = cell[j] ^ UInt8(1 << rng.below(8))
                    // neither makes nor breaks a quote or a line: the expected count stays exact
                    // (a quoted cell losing its closing quote leaves the count to the reader)
                    if b != 0x0A && b != 0x0D && b != 0x22 && cell[j] != 0x22 { cell[j] = b }
                    cells[i] = cell
                }
            }
            lines.append(Array(cells.joined(separator: [0x2C])))
        }
        var ending: [UInt8] = [0x0A]
        if enabled(.crEndings) && rng.oneIn(4) {
            applied.append(.crEndings)
            ending = rng.oneIn(2) ? [0x0D] : [0x0D, 0x0A]
        }
        var out: [UInt8] = []
        if rng.oneIn(8) { out += [0xEF, 0xBB, 0xBF] }
        for (n, l) in lines.enumerated() {
            out += l
            if n < lines.count - 1 || !rng.oneIn(4) { out += ending }
        }
        if enabled(.gb18030) && rng.oneIn(8), out.first != 0xEF, let g = Self.toGB18030(out) {
            applied.append(.gb18030)
            out = g
        }
        // a correct count needs the header and rows as written; recount what the bytes hold
        if records != nil { records = CSVText.countRecords(out) - 1 }
        return (out, records)
    }

    /// The whole file in GB18030, as Excel on Chinese Windows saves it (nil: iconv cannot).
    static func toGB18030(_ bytes: [UInt8]) -> [UInt8]? {
        let cd = iconv_open("GB18030", "UTF-8")
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        var inLeft = input.count, outLeft = output.count
        let ok: Bool = input.withUnsafeMutableBufferPointer { ib in
            output.withUnsafeMutableBufferPointer { ob in
                var ip: UnsafeMutablePointer<CChar>? = ib.baseAddress
                var op: UnsafeMutablePointer<CChar>? = ob.baseAddress
                return iconv(cd, &ip, &inLeft, &op, &outLeft) != -1
            }
        }
        guard ok else { return nil }
        return output[0..<(output.count - outLeft)].map { UInt8(bitPattern: $0) }
    }
}
