#if canImport(Glibc)
import Glibc
#endif
import NuanSupport
import NuanSyntax

/// The fast path for one JSON Lines record: scans the object's bytes once, matches keys against
/// the program's field keys (the expected next key first), and converts values straight into
/// the Facts slots — no parse tree, no String for a value no rule reads. Anything unusual
/// (escapes, nesting, exponents, spaces, a value the general decoder would reject, a repeated
/// key) returns false; `RecordCodec` then runs `JSONRecordReader` + `RecordDecoder` on it.
///
/// The bytes must be followed by at least `FastJSONReader.padding` readable bytes (batch pads
/// its blocks, `RecordCodec` a single document) after its end, so the
/// word loads and scans may read past `e` safely.
package final class FastJSONReader {
    let bp: RecordLayout
    /// Per field: the `"key":` pattern as up to 5 words and masks.
    private let words: UnsafeMutablePointer<UInt64>
    private let masks: UnsafeMutablePointer<UInt64>
    private let plen: UnsafeMutablePointer<Int>
    private let nfields: Int
    /// Bytes after a record's end that the word loads may read.
    package static let padding = 64

    package init(_ bp: RecordLayout) {
        self.bp = bp
        nfields = bp.fields.count
        words = .allocate(capacity: max(1, nfields * 5))
        masks = .allocate(capacity: max(1, nfields * 5))
        plen = .allocate(capacity: max(1, nfields))
        for (k, pat) in bp.patterns.enumerated() {
            plen[k] = pat.count <= 40 ? pat.count : 0
            for j in 0..<5 {
                var w: UInt64 = 0, m: UInt64 = 0
                for b in 0..<8 where j * 8 + b < pat.count && pat.count <= 40 {
                    w |= UInt64(pat[j * 8 + b]) << UInt64(8 * b)
                    m |= 0xFF << UInt64(8 * b)
                }
                words[k * 5 + j] = w
                masks[k * 5 + j] = m
            }
        }
    }

    deinit { words.deallocate(); masks.deallocate(); plen.deallocate() }

    @inline(__always) static func ld(_ p: UnsafePointer<UInt8>) -> UInt64 { UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) }

    @inline(__always) func matches(_ p: UnsafePointer<UInt8>, _ k: Int) -> Bool {
        let n = plen[k]
        if n == 0 { return false }
        let b = k &* 5
        var d = (Self.ld(p) ^ words[b]) & masks[b]
        d |= (Self.ld(p + 8) ^ words[b + 1]) & masks[b + 1]
        if n > 16 {
            d |= (Self.ld(p + 16) ^ words[b + 2]) & masks[b + 2]
            if n > 24 {
                d |= (Self.ld(p + 24) ^ words[b + 3]) & masks[b + 3]
                if n > 32 { d |= (Self.ld(p + 32) ^ words[b + 4]) & masks[b + 4] }
            }
        }
        return d == 0
    }

    /// Closing quote of a plain string starting after p (no backslash, no control byte), or nil.
    @inline(__always) static func plainString(_ p: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
        var q = p
        while true {
            let c = q[0]
            if c == 0x22 { break }
            if c == 0x5C || c < 0x20 { return nil }
            q += 1
        }
        return q < e ? q : nil
    }

    /// Decodes the line [s, e) into `facts` (already reset). true: facts complete and valid,
    /// `facts.id` set. false: decline (facts in an unspecified state).
    package func decode(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>, into facts: inout Facts) -> Bool {
        var p = s
        if p[0] != 0x7B { return false }
        p += 1
        if p[0] == 0x7D { p += 1; return trailing(p, e) && bp.finishFast(&facts) }
        var seenLo: UInt64 = 0, seenHi: UInt64 = 0
        var next = 0
        while true {
            // ---- key
            var slot = -1
            if next < nfields && matches(p, next) {
                slot = next
                p += plen[next]
            } else {
                if p[0] != 0x22 { return false }
                guard let q = Self.plainString(p + 1, e) else { return false }
                if let sl = bp.slot(named: p + 1, q - p - 1) { slot = sl }
                p = q + 1
                if p[0] != 0x3A { return false }
                p += 1
            }
            if slot >= 0 {
                if slot < 64 {
                    let bit: UInt64 = 1 << UInt64(slot)
                    if seenLo & bit != 0 { return false }
                    seenLo |= bit
                } else {
                    let bit: UInt64 = 1 << UInt64(slot - 64)
                    if seenHi & bit != 0 { return false }
                    seenHi |= bit
                }
                next = slot + 1
            }
            // ---- value
            let c = p[0]
            if c == 0x22 {
                guard let q = Self.plainString(p + 1, e) else { return false }
                if slot >= 0 {
                    let f = bp.fields[slot]
                    if slot == bp.idSlot {
                        facts.id = String(decoding: UnsafeBufferPointer(start: p + 1, count: q - p - 1), as: UTF8.self)
                    }
                    if !bp.assignString(f, p + 1, q - p - 1, into: &facts) { return false }
                }
                p = q + 1
            } else if c &- 0x30 < 10 || c == 0x2D {
                var q = p + 1
                while true {
                    let d = q[0]
                    if d &- 0x30 < 10 || d == 0x2E { q += 1; continue }
                    if d == 0x65 || d == 0x45 || d == 0x2B { return false }
                    break
                }
                if q > e { return false }
                if slot >= 0 {
                    if slot == bp.idSlot { return false }
                    if !bp.assignNumber(bp.fields[slot], p, q - p, into: &facts) { return false }
                }
                p = q
            } else if c == 0x74 {                                          // true
                if UnsafeRawPointer(p).loadUnaligned(as: UInt32.self) != 0x6575_7274 { return false }
                if slot >= 0, !bp.assignBool(bp.fields[slot], true, into: &facts) { return false }
                p += 4
            } else if c == 0x66 {                                          // false
                if Self.ld(p) & 0xFF_FFFF_FFFF != 0x65_736C_6166 { return false }
                if slot >= 0, !bp.assignBool(bp.fields[slot], false, into: &facts) { return false }
                p += 5
            } else if c == 0x6E {                                          // null: not given
                if UnsafeRawPointer(p).loadUnaligned(as: UInt32.self) != 0x6C6C_756E { return false }
                p += 4
            } else if c == 0x5B {                                          // [ list ]
                var mask: UInt64 = 0
                p += 1
                var e2 = -1
                if slot >= 0, case .list(let en) = bp.fields[slot].kind { e2 = en }
                if slot >= 0 && e2 < 0 { return false }
                if p[0] == 0x5D { p += 1 } else {
                    while true {
                        if p[0] != 0x22 { return false }
                        guard let q = Self.plainString(p + 1, e) else { return false }
                        if e2 >= 0 {
                            guard let k = bp.option(e2, p + 1, q - p - 1) else { return false }
                            mask |= 1 << UInt64(k)
                        }
                        p = q + 1
                        if p[0] == 0x2C { p += 1; continue }
                        if p[0] == 0x5D { p += 1; break }
                        return false
                    }
                }
                if e2 >= 0 {
                    facts.values[slot] = .set(mask)
                    facts.given[slot] = true
                }
            } else {
                return false
            }
            if p >= e { return false }
            if p[0] == 0x2C { p += 1; continue }
            if p[0] == 0x7D { p += 1; break }
            return false
        }
        return trailing(p, e) && bp.finishFast(&facts)
    }

    @inline(__always) func trailing(_ p: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>) -> Bool {
        var q = p
        while q < e { if q[0] != 0x20 && q[0] != 0x0D && q[0] != 0x09 { return false }; q += 1 }
        return q == e
    }
}
