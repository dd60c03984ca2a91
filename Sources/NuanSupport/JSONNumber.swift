/// JSON numbers as exact decimal text: every reader of records (the general JSON reader of
/// `nuan screen` and the batch readers) writes exponent forms out the same way, so `1.8E3`
/// is read as exactly `1800`, never through binary floating point.
public enum JSONNumber {
    /// A JSON number in exponent form (`1.8E3`, `1e-2`) as the same exact decimal written out
    /// (`1800`, `0.01`), so every reader of decimals takes it; nil when it is not in exponent
    /// form, not a JSON number, or would need more than `maxDigits` digits.
    public static func plainDecimal(_ s: String, maxDigits: Int = 40) -> String? {
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

}
