#if canImport(Glibc)
import Glibc
#endif
import NuanSupport
import NuanProgram

/// At a block's turn: its records checked against the earlier ones (`DuplicateRegistry`).
/// A repeated ID number only adds a warning, so the rendered line is patched in place — the
/// common repeat costs no second decision. A repeated 申请编号 changes the decision itself
/// (`invalid`): the block is decided again with the corrections, so decisions and summary agree.
extension BatchWorker {
    /// Applies the corrections for this block; false when the block must be decided again.
    /// The patched lines are rendered into `patched` (a few lines), then moved into `out` in
    /// place, last first: no second copy of the whole block (issue 15: peak RSS).
    mutating func patchRepeats(_ found: [Int: DuplicateRegistry.Correction], _ report: inout BatchReport?) -> Bool {
        if found.values.contains(where: { if case .repeatedID = $0 { return true } else { return false } }) { return false }
        patched.count = 0
        // each patched line: its bytes in `out`, and its new bytes in `patched`
        var spans: [(start: Int, end: Int, from: Int, to: Int)] = []
        var growth = 0
        for k in keys {
            guard case .repeatedIDNumber(let first, let firstID)? = found[k.lineInBlock] else { continue }
            let warning = DecisionWarning(code: "duplicate_id_number",
                                          message: Message.Batch.repeatedIDNumber(firstLine: first, firstID: firstID.map { Privacy.redact($0) })
                                              .text(english: pipe.options.english))
            let from = patched.count
            if pipe.options.outputFormat == .jsonl {
                patchJSONLine(out.base + k.outStart, k.outEnd - k.outStart, warning)
            } else {
                patchCSVRow(out.base + k.outStart, k.outEnd - k.outStart, warning)
            }
            spans.append((k.outStart, k.outEnd, from, patched.count))
            growth += (patched.count - from) - (k.outEnd - k.outStart)
            report?.countWarning(warning.code)
        }
        precondition(growth >= 0, "a patched line is never shorter")
        out.reserve(growth)
        var tailEnd = out.count     // the bytes after the span being placed, not moved yet, end here
        var shift = growth          // how far they move: what the spans up to this one add
        for s in spans.reversed() {
            memmove(out.base + s.end + shift, out.base + s.end, tailEnd - s.end)
            shift -= (s.to - s.from) - (s.end - s.start)
            memcpy(out.base + s.start + shift, patched.base + s.from, s.to - s.from)
            tailEnd = s.start
        }
        out.count += growth
        return true
    }

    /// Appends the warning last in the line's `"warnings":[…]` (the key appears once, unescaped),
    /// where deciding the record again would have put it.
    mutating func patchJSONLine(_ p: UnsafePointer<UInt8>, _ n: Int, _ w: DecisionWarning) {
        let key: [UInt8] = Array("\"warnings\":[".utf8)
        var at = -1
        var i = 0
        while i + key.count <= n {
            if p[i] == 0x22, memcmp(p + i, key, key.count) == 0 { at = i + key.count; break }
            i += 1
        }
        guard at >= 0 else { patched.put(p, n); return }
        // the array's closing bracket: outside strings, at depth 0
        var end = at, depth = 0, inString = false
        while end < n {
            let c = p[end]
            if inString {
                if c == 0x5C { end += 2; continue }
                if c == 0x22 { inString = false }
            } else if c == 0x22 { inString = true }
            else if c == 0x7B || c == 0x5B { depth += 1 }
            else if c == 0x7D { depth -= 1 }
            else if c == 0x5D { if depth == 0 { break }; depth -= 1 }
            end += 1
        }
        guard end < n else { patched.put(p, n); return }
        patched.put(p, end)
        if end > at { patched.put(0x2C) }
        writer.warning(w, into: &patched)
        patched.put(p + end, n - end)
    }

    /// Appends the warning to the row's `warnings` cell (the 9th; `code: message; …`).
    mutating func patchCSVRow(_ p: UnsafePointer<UInt8>, _ n: Int, _ w: DecisionWarning) {
        let index = DecisionWriter.csvColumns.firstIndex(of: "warnings")!
        var cell = 0, i = 0, start = 0
        var quoted = false
        // find the bounds of cell `index`
        while i < n && cell < index {
            let c = p[i]
            if quoted { if c == 0x22 { if i + 1 < n && p[i + 1] == 0x22 { i += 1 } else { quoted = false } } }
            else if c == 0x22 { quoted = true }
            else if c == 0x2C { cell += 1; start = i + 1 }
            i += 1
        }
        var end = start
        quoted = false
        var text: [UInt8] = []
        while end < n {
            let c = p[end]
            if quoted {
                if c == 0x22 { if end + 1 < n && p[end + 1] == 0x22 { text.append(0x22); end += 1 } else { quoted = false } } else { text.append(c) }
            } else if c == 0x22 { quoted = true }
            else if c == 0x2C || c == 0x0A || c == 0x0D { break }
            else { text.append(c) }
            end += 1
        }
        let added = Privacy.shown("\(w.code): \(w.message)", unmask: pipe.bp.unmask)
        let cellText = text.isEmpty ? added : String(decoding: text, as: UTF8.self) + "; " + added
        patched.put(p, start)
        patched.putCSVCell(cellText)
        patched.put(p + end, n - end)
    }
}
