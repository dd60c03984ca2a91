#if canImport(Glibc)
import Glibc
#endif
import NuanSupport
import NuanSyntax

/// Byte-level conversion of one input value into a Facts slot, with exactly the outcome of
/// `RecordDecoder.assign` for the values it accepts. Anything it is not sure about (spaces to
/// trim, an error to word) it declines by returning false, and the caller asks the general
/// decoder, so messages stay exact.
extension RecordLayout {
    @inline(__always) package static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }

    /// A value given as a string (a JSON string's bytes without escapes, or a CSV cell).
    package func assignString(_ f: FieldInfo, _ p: UnsafePointer<UInt8>, _ n: Int, into facts: inout Facts) -> Bool {
        if n == 0 { return true }                              // empty: not given
        if Self.isSpace(p[0]) || Self.isSpace(p[n - 1]) { return false }
        if n >= 3 && ((p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) || (p[n - 3] == 0xE3 && p[n - 2] == 0x80 && p[n - 1] == 0x80)) { return false }
        let slot = f.slot
        switch f.kind {
        case .ignored: return true
        case .text:
            facts.values[slot] = f.referenced ? .text(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)) : .text("")
        case .idNumber:
            guard Self.validIDNumber(p, n) else { return false }
            if slot == idNumberSlot, let code = IDNumberCode.pack(p, n) { facts.idNumberCode = code }
            facts.values[slot] = f.referenced ? .text(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)) : .text("")
        case .number, .integer, .money:
            guard let r = checkedNumber(f, p, n) else { return false }
            facts.values[slot] = .number(r)
        case .bool:
            guard let b = Self.boolText(p, n) else { return false }
            facts.values[slot] = .bool(b)
        case .date:
            guard n == 10, let d = CivilDate.parse(utf8: UnsafeBufferPointer(start: p, count: n)) else { return false }
            facts.values[slot] = .date(d)
        case .choice(let e):
            guard let i = option(e, p, n) else { return false }
            facts.values[slot] = .choice(Int32(i))
        case .list(let e):
            guard let m = listText(e, p, n) else { return false }
            facts.values[slot] = .set(m)
        }
        facts.given[slot] = true
        return true
    }

    /// A JSON number literal.
    @inline(__always) package func assignNumber(_ f: FieldInfo, _ p: UnsafePointer<UInt8>, _ n: Int, into facts: inout Facts) -> Bool {
        switch f.kind {
        case .number, .integer, .money:
            guard let r = checkedNumber(f, p, n) else { return false }
            facts.values[f.slot] = .number(r)
            facts.given[f.slot] = true
            return true
        case .ignored: return true
        default: return false
        }
    }

    @inline(__always) package func assignBool(_ f: FieldInfo, _ b: Bool, into facts: inout Facts) -> Bool {
        switch f.kind {
        case .bool:
            facts.values[f.slot] = .bool(b)
            facts.given[f.slot] = true
            return true
        case .ignored: return true
        default: return false
        }
    }

    @inline(__always) package func checkedNumber(_ f: FieldInfo, _ p: UnsafePointer<UInt8>, _ n: Int) -> Rational? {
        guard let r = Rational.parse(utf8: UnsafeBufferPointer(start: p, count: n)) else { return nil }
        switch f.kind {
        case .integer: if !r.isInteger { return nil }
        case .money: if r.denominator != 1, 100 % r.denominator != 0 { return nil }
        default: break
        }
        if let lo = f.atLeast, r < lo { return nil }
        if let hi = f.atMost, r > hi { return nil }
        return r
    }

    /// The CSV spellings of booleans `RecordDecoder.assign` accepts in a string.
    package static func boolText(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool? {
        func eq(_ s: StaticString) -> Bool { s.utf8CodeUnitCount == n && memcmp(s.utf8Start, p, n) == 0 }
        if eq("true") || eq("1") || eq("是") || eq("TRUE") || eq("True") { return true }
        if eq("false") || eq("0") || eq("否") || eq("FALSE") || eq("False") { return false }
        return nil
    }

    /// A list in one string: items split at `;`, `、` or `；`, empty items dropped.
    package func listText(_ e: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64? {
        var mask: UInt64 = 0
        var s = 0, i = 0
        while true {
            var sepLen = 0
            if i >= n { sepLen = 0 }
            else if p[i] == 0x3B { sepLen = 1 }
            else if i + 2 < n, p[i] == 0xE3, p[i + 1] == 0x80, p[i + 2] == 0x81 { sepLen = 3 }
            else if i + 2 < n, p[i] == 0xEF, p[i + 1] == 0xBC, p[i + 2] == 0x9B { sepLen = 3 }
            else { i += 1; continue }
            let len = i - s
            if len > 0 {
                if Self.isSpace(p[s]) || Self.isSpace(p[i - 1]) || p[s] == 0xE3 && len >= 3 && p[s + 1] == 0x80 && p[s + 2] == 0x80 { return nil }
                guard let k = option(e, p + s, len) else { return nil }
                mask |= 1 << UInt64(k)
            }
            if i >= n { return mask }
            i += sepLen
            s = i
        }
    }

    static let idWeights: [Int] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    /// GB 11643: 18 characters, check digit and birth date right (what `IDNumber.problem` passes).
    package static func validIDNumber(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard n == 18 else { return false }
        var sum = 0
        for k in 0..<17 {
            let d = p[k] &- 0x30
            if d > 9 { return false }
            sum += Int(d) * idWeights[k]
        }
        let checks: StaticString = "10X98765432"
        var c = p[17]
        if c == UInt8(ascii: "x") { c = UInt8(ascii: "X") }
        if c != checks.utf8Start[sum % 11] { return false }
        func num(_ a: Int, _ len: Int) -> Int { var v = 0; for k in a..<(a + len) { v = v * 10 + Int(p[k] - 0x30) }; return v }
        let y = num(6, 4), m = num(10, 2), d = num(12, 2)
        return m >= 1 && m <= 12 && d >= 1 && d <= CivilDate.daysIn(month: m, year: y)
    }

    /// After the values: every required field given (else decline), then the defaults.
    @inline(__always) package func finishFast(_ facts: inout Facts) -> Bool {
        for s in requiredSlots where !facts.given[s] { return false }
        facts.applyDefaults(program)
        if !decoder.closedTables.accepts(facts) { return false }
        return true
    }
}
