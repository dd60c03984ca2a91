#if canImport(Glibc)
import Glibc
#endif
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// Renders decisions for batch output into a reusable byte buffer: JSON Lines with exactly the
/// bytes of `DecisionJSON.render(_:pretty: false)` (plus the `--against` fields), or CSV rows.
struct DecisionWriter {
    let bp: BatchProgram
    let json: DecisionJSON
    /// Per worker (one writer each), so never shared between threads.
    let warningJSON = RenderedCache()
    let errorJSON = RenderedCache()
    /// CSV cells of one error, one warning, or one award, as last rendered (the same few repeat).
    let csvCells = RenderedCache()
    let awardCells = AwardCellCache()

    /// The awards cell of a record with one award, by benefit: its amount and fund, and the
    /// cell as written (quoted when it must be); and a scratch buffer for a cell of several awards.
    final class AwardCellCache: @unchecked Sendable {
        @exclusivity(unchecked) var cells: [Int: (amount: Rational?, fund: String?, benefit: String, cell: [UInt8])] = [:]
        @exclusivity(unchecked) var scratch = ByteBuffer(capacity: 1024)
        deinit { scratch.free() }
    }

    /// A CSV cell as `putCSVCell` writes it, as bytes (cached cells are stored written).
    static func csvCellBytes(_ text: String) -> [UInt8] {
        var b = ByteBuffer(capacity: text.utf8.count * 2 + 8)
        defer { b.free() }
        b.putCSVCell(text)
        return Array(UnsafeBufferPointer(start: b.base, count: b.count))
    }

    /// Texts already rendered (a warning's or an error's JSON, a CSV cell), found by a hash of
    /// their bytes in an open-addressing table and confirmed byte for byte. The evaluator hands
    /// out the same few messages again and again — but a dated warning (the application date
    /// outside the rules' period) has one text per date, so there can be hundreds.
    final class RenderedCache: @unchecked Sendable {
        struct Entry {
            var a: String
            var b: String
            var tag: UInt8
            /// What was rendered, as bytes.
            var bytes: [UInt8]
        }
        // One cache per worker: no other access can overlap, so no dynamic exclusivity checks.
        @exclusivity(unchecked) var entries: [Entry] = []
        @exclusivity(unchecked) var hashes: [UInt64] = []
        /// Indices into `entries`, -1 for empty; 4× the capacity, so probes stay short.
        @exclusivity(unchecked) var slots = [Int32](repeating: -1, count: RenderedCache.capacity * 4)
        static let capacity = 2048

        func find(_ a: String, _ b: String, tag: UInt8) -> [UInt8]? {
            let h = Self.key(a, b, tag)
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: h >> 40) & mask
            while true {
                let k = Int(slots[i])
                if k < 0 { return nil }
                if hashes[k] == h {
                    let e = entries[k]
                    if e.tag == tag && Self.sameBytes(e.a, a) && Self.sameBytes(e.b, b) { return e.bytes }
                }
                i = (i + 1) & mask
            }
        }

        func add(_ a: String, _ b: String, tag: UInt8, json: String) {
            add(a, b, tag: tag, bytes: Array(json.utf8))
        }

        func add(_ a: String, _ b: String, tag: UInt8, bytes: [UInt8]) {
            guard entries.count < RenderedCache.capacity else { return }
            let h = Self.key(a, b, tag)
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: h >> 40) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(entries.count)
            entries.append(Entry(a: a, b: b, tag: tag, bytes: bytes))
            hashes.append(h)
        }

        static func key(_ a: String, _ b: String, _ tag: UInt8) -> UInt64 {
            hash(b, hash(a, 0x9E37_79B9_7F4A_7C15 &* (UInt64(tag) &+ 1)))
        }

        static func hash(_ s: String, _ seed: UInt64) -> UInt64 { TextHash.of(s, seed: seed) }

        /// Byte equality: `==` on Strings compares by canonical equivalence, which walks
        /// non-ASCII text scalar by scalar; the bytes are what is rendered, so they are what
        /// must match.
        @inline(__always) static func sameBytes(_ x: String, _ y: String) -> Bool {
            var x = x, y = y
            return x.withUTF8 { p in
                y.withUTF8 { q in
                    p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0)
                }
            }
        }
    }

    init(_ bp: BatchProgram) {
        self.bp = bp
        json = DecisionJSON(program: bp.program, compact: bp.compact, unmask: bp.unmask)
    }

    /// How a record fared between the `--against` rules and `--rules`.
    enum Change: String {
        case newlyEligible = "newly_eligible", noLongerEligible = "no_longer_eligible"
        case amountChanged = "amount_changed", unchanged

        init(old: Decision, new: Decision) {
            let was = old.status == .eligible, now = new.status == .eligible
            if now && !was { self = .newlyEligible }
            else if was && !now { self = .noLongerEligible }
            else if was && now && old.totalAmount != new.totalAmount { self = .amountChanged }
            else { self = .unchanged }
        }
    }

    /// The status as written (its raw value), without making a String.
    static func statusText(_ s: Decision.Status) -> StaticString {
        switch s {
        case .eligible: return "eligible"
        case .ineligible: return "ineligible"
        case .undetermined: return "undetermined"
        case .invalid: return "invalid"
        }
    }

    // MARK: JSON Lines

    func jsonLine(_ d: Decision, previous: Decision?, into o: inout ByteBuffer) {
        jsonLine(d, previous: previous, into: &o) { _ in false }
    }

    /// `explanation` writes the explanation's entries in place of `d.explanation` (a brief
    /// explanation rendered straight from the evaluation), or returns false to leave them to it.
    func jsonLine(_ d: Decision, previous: Decision?, into o: inout ByteBuffer, explanation: (inout ByteBuffer) -> Bool) {
        o.put("{\"id\":")
        if let id = d.id { o.putJSONString(json.disclosure.value(id)) } else { o.put("null") }
        o.put(",\"status\":\"")
        o.put(Self.statusText(d.status))
        o.put("\",\"category\":")
        o.putJSONString(d.category)
        o.put(",\"awards\":[")
        for (k, a) in d.awards.enumerated() {
            if k > 0 { o.put(0x2C) }
            if a.benefitIndex >= 0, a.benefitIndex < bp.awardParts.count, let parts = bp.awardParts[a.benefitIndex],
               a.fund == a.allowedFunds.first {
                o.put(parts.prefix)
                if let x = a.amount { o.put(0x22); o.putMoney(x); o.put(0x22) } else { o.put("null") }
                o.put(parts.suffix)
            } else {
                o.put(json.award(a))
            }
        }
        o.put("],\"total_amount\":\"")
        o.putMoney(d.totalAmount)
        o.put("\",\"score\":")
        if let s = d.score { o.putScore(s) } else { o.put("null") }
        o.put(",\"missing\":[")
        for (k, m) in d.missing.enumerated() {
            if k > 0 { o.put(0x2C) }
            o.putJSONString(json.disclosure.value(m))
        }
        o.put("],\"errors\":[")
        for (k, e) in d.errors.enumerated() {
            if k > 0 { o.put(0x2C) }
            error(e, into: &o)
        }
        o.put("],\"warnings\":[")
        for (k, w) in d.warnings.enumerated() {
            if k > 0 { o.put(0x2C) }
            warning(w, into: &o)
        }
        o.put("],\"reasons\":[")
        for (k, r) in d.reasons.enumerated() {
            if k > 0 { o.put(0x2C) }
            o.putJSONString(json.disclosure.value(r))
        }
        o.put("],\"recourse\":[")
        for (k, r) in d.recourse.enumerated() {
            if k > 0 { o.put(0x2C) }
            o.put(json.recourse(r))
        }
        o.put("],\"explanation\":[")
        if !explanation(&o) {
            for (k, e) in d.explanation.enumerated() {
                if k > 0 { o.put(0x2C) }
                entry(e, into: &o)
            }
        }
        o.put("],\"rules\":")
        o.put(bp.rulesJSON)
        if let p = previous {
            o.put(",\"previous_status\":\"")
            o.put(Self.statusText(p.status))
            o.put("\",\"previous_total_amount\":\"")
            o.putMoney(p.totalAmount)
            o.put("\",\"previous_category\":")
            o.putJSONString(p.category)
            o.put(",\"change\":\"")
            o.put(Change(old: p, new: d).rawValue)
            o.put(0x22)
        }
        o.put("}\n")
    }

    /// `DecisionJSON.warning`, rendered once per message (a worker's few distinct warnings
    /// repeat over the archive).
    func warning(_ w: DecisionWarning, into o: inout ByteBuffer) {
        if let hit = warningJSON.find(w.message, w.code, tag: 0) { o.put(hit); return }
        let json = self.json.warning(w)
        warningJSON.add(w.message, w.code, tag: 0, json: json)
        o.put(json)
    }

    /// `DecisionJSON.error`, rendered once per message for errors that name no value or line
    /// (the evaluator's: 辖区, validity rules — the same few over an archive).
    func error(_ e: RecordError, into o: inout ByteBuffer) {
        guard e.value == nil && e.line == nil else { o.put(json.error(e)); return }
        let tag: UInt8
        switch e.language {
        case .chinese: tag = 0
        case .english: tag = 1
        }
        if let hit = errorJSON.find(e.reason, e.field, tag: tag) { o.put(hit); return }
        let rendered = json.error(e)
        errorJSON.add(e.reason, e.field, tag: tag, json: rendered)
        o.put(rendered)
    }

    /// `DecisionJSON.entry` as bytes, every text masked the way `DecisionJSON.q` masks it.
    func entry(_ e: ExplanationEntry, into o: inout ByteBuffer) {
        entryHead(e, into: &o)
        o.putJSONString(e.outcome.rawValue)
        if let r = e.result { o.put(",\"result\":"); o.putJSONString(json.disclosure.value(r)) }
        if !e.values.isEmpty { o.put(",\"values\":"); strings(e.values, into: &o) }
        if !e.margins.isEmpty { o.put(",\"margins\":"); strings(e.margins, into: &o) }
        if !e.missing.isEmpty { o.put(",\"missing\":"); strings(e.missing, into: &o) }
        if !e.children.isEmpty {
            o.put(",\"children\":[")
            for (k, c) in e.children.enumerated() {
                if k > 0 { o.put(0x2C) }
                entry(c, into: &o)
            }
            o.put(0x5D)
        }
        o.put(0x7D)
    }

    /// An entry up to its outcome: `{"kind":…,"rule":…,"source":…,"outcome":` (what a brief
    /// explanation renders once per rule, `BriefExplanationWriter`).
    func entryHead(_ e: ExplanationEntry, into o: inout ByteBuffer) {
        o.put("{\"kind\":")
        o.putJSONString(e.kind.rawValue)
        o.put(",\"rule\":")
        o.putJSONString(json.disclosure.value(e.rule))
        o.put(",\"source\":")
        if let c = e.citation { o.putJSONString(json.disclosure.value(c)) } else { o.put("null") }
        o.put(",\"outcome\":")
    }

    func strings(_ xs: [String], into o: inout ByteBuffer) {
        o.put(0x5B)
        for (k, s) in xs.enumerated() {
            if k > 0 { o.put(0x2C) }
            o.putJSONString(json.disclosure.value(s))
        }
        o.put(0x5D)
    }

    // MARK: CSV

    /// One award in the CSV `awards` cell: `benefit:amount:fund` (待定 for no amount).
    static func awardText(_ a: Decision.Award) -> String {
        "\(a.benefit):\(a.amount.map { $0.formatted(places: 2) } ?? "待定"):\(a.fund ?? "")"
    }

    static let csvColumns = ["id", "status", "category", "total_amount", "score", "missing", "errors", "awards", "warnings", "reasons"]
    static let againstColumns = ["previous_status", "previous_total_amount", "previous_category", "change"]

    static func csvHeader(against: Bool, recourse: Bool = false, carried: [String], into o: inout ByteBuffer) {
        var cols = csvColumns
        if recourse { cols.append("recourse") }
        if against { cols += againstColumns }
        cols += carried
        for (k, c) in cols.enumerated() {
            if k > 0 { o.put(0x2C) }
            o.putCSVCell(c)
        }
        o.put(0x0A)
    }

    /// One CSV row. `carried` are the raw cells of the input's unknown columns.
    func csvRow(_ d: Decision, previous: Decision?, carried: UnsafeBufferPointer<(UnsafePointer<UInt8>?, Int)>, into o: inout ByteBuffer) {
        if let id = d.id { o.putCSVCell(Privacy.shown(id, unmask: bp.unmask)) }
        o.put(0x2C)
        o.put(Self.statusText(d.status))
        o.put(0x2C)
        o.putCSVCell(d.category)
        o.put(0x2C)
        o.putMoney(d.totalAmount)
        o.put(0x2C)
        if let s = d.score { o.putScore(s) }
        o.put(0x2C)
        if !d.missing.isEmpty { o.putCSVCell(d.missing.joined(separator: ";")) }
        o.put(0x2C)
        if d.errors.count == 1, let e = d.errors.first, e.value == nil && e.line == nil {
            // one error without a value or line (the evaluator's: 辖区, validity): its cell once
            let tag: UInt8
            switch e.language {
            case .chinese: tag = 2
            case .english: tag = 3
            }
            if let hit = csvCells.find(e.reason, e.field, tag: tag) { o.put(hit) } else {
                let cell = Self.csvCellBytes(Privacy.shown(e.message, unmask: bp.unmask))
                csvCells.add(e.reason, e.field, tag: tag, bytes: cell)
                o.put(cell)
            }
        } else if !d.errors.isEmpty {
            o.putCSVCell(Privacy.shown(d.errors.map(\.message).joined(separator: "; "), unmask: bp.unmask))
        }
        o.put(0x2C)
        if d.awards.count == 1, let a = d.awards.first {
            awardCell(a, into: &o)
        } else if !d.awards.isEmpty {
            awardsCell(d.awards, into: &o)
        }
        o.put(0x2C)
        warningsCell(d.warnings, into: &o)
        o.put(0x2C)
        if !d.reasons.isEmpty { o.putCSVCell(Privacy.shown(d.reasons.joined(separator: " "), unmask: bp.unmask)) }
        if bp.recourse {
            o.put(0x2C)
            if !d.recourse.isEmpty {
                let words = RecourseText(program: bp.program, english: false)
                o.putCSVCell(d.recourse.map(words.describe).joined(separator: "; "))
            }
        }
        if let p = previous {
            o.put(0x2C)
            o.put(Self.statusText(p.status))
            o.put(0x2C)
            o.putMoney(p.totalAmount)
            o.put(0x2C)
            o.putCSVCell(p.category)
            o.put(0x2C)
            o.put(Change(old: p, new: d).rawValue)
        }
        carriedCells(carried, into: &o)
        o.put(0x0A)
    }

    /// The awards cell of a decision with one award (rendered once per benefit while its
    /// amount and fund stay the same).
    func awardCell(_ a: Decision.Award, into o: inout ByteBuffer) {
        guard a.benefitIndex >= 0 else { awardsCell([a], into: &o); return }
        if let hit = awardCells.cells[a.benefitIndex], hit.amount == a.amount, hit.fund == a.fund, hit.benefit == a.benefit {
            o.put(hit.cell)
        } else {
            let cell = Self.csvCellBytes(Self.awardText(a))
            awardCells.cells[a.benefitIndex] = (a.amount, a.fund, a.benefit, cell)
            o.put(cell)
        }
    }

    /// The awards cell: `awardText` of each, joined by ";", written straight into a scratch buffer.
    func awardsCell(_ awards: [Decision.Award], into o: inout ByteBuffer) {
        let s = awardCells
        s.scratch.count = 0
        for (k, a) in awards.enumerated() {
            if k > 0 { s.scratch.put(0x3B) }
            s.scratch.put(a.benefit)
            s.scratch.put(0x3A)
            if let x = a.amount { s.scratch.putMoney(x) } else { s.scratch.put("待定") }
            s.scratch.put(0x3A)
            if let f = a.fund { s.scratch.put(f) }
        }
        o.putCSVCell(UnsafePointer(s.scratch.base), s.scratch.count)
    }

    /// The warnings cell (`code: message; …`; one warning's cell rendered once).
    func warningsCell(_ warnings: [DecisionWarning], into o: inout ByteBuffer) {
        if warnings.count == 1, let w = warnings.first {
            if let hit = csvCells.find(w.message, w.code, tag: 4) { o.put(hit) } else {
                let cell = Self.csvCellBytes(Privacy.shown("\(w.code): \(w.message)", unmask: bp.unmask))
                csvCells.add(w.message, w.code, tag: 4, bytes: cell)
                o.put(cell)
            }
        } else if !warnings.isEmpty {
            o.putCSVCell(Privacy.shown(warnings.map { "\($0.code): \($0.message)" }.joined(separator: "; "), unmask: bp.unmask))
        }
    }

    /// The input's unknown columns, each after a comma.
    func carriedCells(_ carried: UnsafeBufferPointer<(UnsafePointer<UInt8>?, Int)>, into o: inout ByteBuffer) {
        for (ptr, n) in carried {
            o.put(0x2C)
            // A column nobody reads may still hold an ID or phone number (身份证号码 under
            // another name): masked like every other echoed value.
            if !bp.unmask, let ptr, Privacy.mayHoldNumber(UnsafeBufferPointer(start: ptr, count: n)) {
                o.putCSVCell(Privacy.redact(String(decoding: UnsafeBufferPointer(start: ptr, count: n), as: UTF8.self)))
            } else {
                o.putCSVCell(ptr, n)
            }
        }
    }
}
