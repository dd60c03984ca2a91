/// Checks a JSON Lines record before the general reader (`JSONRecordReader`) sees it, so that
/// nothing a line holds can trap or exhaust the stack there: nesting deeper than `maxDepth`
/// and `\u` escapes that are lone UTF-16 surrogates make the record invalid, naming the field.
/// One pass, no recursion; only records the fast reader declined come here.
enum JSONLineCheck {
    static let maxDepth = 64

    /// The first problem: (field key as written, reason), or nil.
    static func problem(_ b: UnsafeBufferPointer<UInt8>) -> (key: String, reason: String)? {
        let n = b.count
        var i = 0
        var depth = 0
        // the key of the top-level member being read: a string at depth 1 after `{` or `,`
        var expectKey = false
        var key = ""
        while i < n {
            let c = b[i]
            switch c {
            case 0x7B, 0x5B:
                depth += 1
                if depth > maxDepth { return (key, "JSON 嵌套超过 \(maxDepth) 层") }
                expectKey = depth == 1 && c == 0x7B
                i += 1
            case 0x7D, 0x5D:
                depth -= 1
                i += 1
            case 0x2C:
                if depth == 1 { expectKey = true }
                i += 1
            case 0x22:
                let start = i + 1
                i += 1
                var escaped = false
                while i < n {
                    let d = b[i]
                    if d == 0x22 { break }
                    if d == 0x5C {
                        escaped = true
                        guard i + 1 < n else { return nil }          // unterminated: the reader says so
                        if b[i + 1] == 0x75 {
                            guard let u = hex4(b, i + 2) else { return nil }
                            if u >= 0xDC00 && u <= 0xDFFF { return (expectKey ? "" : key, surrogate(u)) }
                            if u >= 0xD800 && u <= 0xDBFF {
                                guard i + 11 < n, b[i + 6] == 0x5C, b[i + 7] == 0x75, let lo = hex4(b, i + 8),
                                      lo >= 0xDC00 && lo <= 0xDFFF else { return (expectKey ? "" : key, surrogate(u)) }
                                i += 12
                                continue
                            }
                            i += 6
                            continue
                        }
                        i += 2
                        continue
                    }
                    i += 1
                }
                if expectKey {
                    // kept as written (an escaped key is rare; it is only used to name the field)
                    key = escaped ? "" : String(decoding: UnsafeBufferPointer(rebasing: b[start..<min(i, n)]), as: UTF8.self)
                    expectKey = false
                }
                i += 1
            default:
                i += 1
            }
        }
        return nil
    }

    static func surrogate(_ u: UInt32) -> String {
        let h = String(u, radix: 16)
        return "JSON 字符串中有不成对的代理项转义 \\u\(String(repeating: "0", count: 4 - h.count) + h)"
    }

    static func hex4(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32? {
        guard at + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in at..<(at + 4) {
            let c = b[k]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    /// A JSON number in exponent form (`1.8E3`, `1e-2`) as the same exact decimal written out
    /// (`1800`, `0.01`), so every reader of decimals takes it; nil when it is not in exponent
    /// form, not a JSON number, or would need more than `maxDigits` digits.
    static func plainDecimal(_ s: String, maxDigits: Int = 40) -> String? {
        let u = Array(s.utf8)
        guard let ePos = u.firstIndex(where: { $0 == 0x65 || $0 == 0x45 }) else { return nil }
        var i = 0
        var negative = false
        if i < ePos && u[i] == 0x2D { negative = true; i += 1 }
        var digits: [UInt8] = []
        var intCount = 0
        let intStart = i
        while i < ePos && u[i] &- 0x30 < 10 { digits.append(u[i]); i += 1 }
        intCount = i - intStart
        guard intCount > 0, !(intCount > 1 && u[intStart] == 0x30) else { return nil }
        if i < ePos && u[i] == 0x2E {
            i += 1
            let fracStart = i
            while i < ePos && u[i] &- 0x30 < 10 { digits.append(u[i]); i += 1 }
            guard i > fracStart else { return nil }
        }
        guard i == ePos else { return nil }
        i += 1
        var expNegative = false
        if i < u.count && (u[i] == 0x2B || u[i] == 0x2D) { expNegative = u[i] == 0x2D; i += 1 }
        guard i < u.count else { return nil }
        var exp = 0
        while i < u.count {
            guard u[i] &- 0x30 < 10 else { return nil }
            exp = exp * 10 + Int(u[i] - 0x30)
            if exp > maxDigits * 2 { return nil }
            i += 1
        }
        // the decimal point sits after `point` digits
        let point = intCount + (expNegative ? -exp : exp)
        var intPart: [UInt8], frac: [UInt8]
        if point <= 0 {
            intPart = [0x30]
            frac = Array(repeating: 0x30, count: -point) + digits
        } else if point >= digits.count {
            intPart = digits + Array(repeating: 0x30, count: point - digits.count)
            frac = []
        } else {
            intPart = Array(digits[..<point])
            frac = Array(digits[point...])
        }
        while intPart.count > 1 && intPart[0] == 0x30 { intPart.removeFirst() }
        while frac.last == 0x30 { frac.removeLast() }
        guard intPart.count + frac.count <= maxDigits else { return nil }
        var out = negative && !(intPart == [0x30] && frac.isEmpty) ? "-" : ""
        out += String(decoding: intPart, as: UTF8.self)
        if !frac.isEmpty { out += "." + String(decoding: frac, as: UTF8.self) }
        return out
    }

    /// The pairs with exponent-form numbers written out (lists too).
    static func plainNumbers(_ pairs: [(String, RawValue)]) -> [(String, RawValue)] {
        func fix(_ v: RawValue) -> RawValue {
            switch v {
            case .number(let s): return plainDecimal(s).map { .number($0) } ?? v
            case .array(let xs): return .array(xs.map(fix))
            default: return v
            }
        }
        return pairs.map { ($0.0, fix($0.1)) }
    }
}
