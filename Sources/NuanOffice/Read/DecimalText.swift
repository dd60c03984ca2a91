/// Numbers from a sheet stay text: `<v>` holds the shortest decimal that round-trips the double
/// Excel stored, and turning it into a Double and back would change it. We only rewrite
/// scientific notation as plain decimal (exactly, by moving the point) and drop redundant zeros,
/// so `3.0000000000000004E-2` becomes `0.030000000000000004` and `1.5E3` becomes `1500`.
enum DecimalText {
    /// Plain decimal text for a number as written in `<v>`, or nil if it is not a number.
    static func normalize(_ text: String) -> String? {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 400 else { return nil }
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        var intDigits: [UInt8] = [], fracDigits: [UInt8] = []
        var exponent = 0, i = 0
        while i < bytes.count, isDigit(bytes[i]) { intDigits.append(bytes[i]); i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < bytes.count, isDigit(bytes[i]) { fracDigits.append(bytes[i]); i += 1 }
        }
        guard !intDigits.isEmpty || !fracDigits.isEmpty else { return nil }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            var expNegative = false
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                expNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var digits = 0
            while i < bytes.count, isDigit(bytes[i]) {
                digits += 1
                // A double never needs more than 3 exponent digits; this also bounds the output.
                guard digits <= 3 else { return nil }
                exponent = exponent * 10 + Int(bytes[i] - UInt8(ascii: "0"))
                i += 1
            }
            guard digits > 0 else { return nil }
            if expNegative { exponent = -exponent }
        }
        guard i == bytes.count else { return nil }
        // All digits with the point after `point` of them; shift it by the exponent.
        var digits = intDigits + fracDigits
        var point = intDigits.count + exponent
        if point < 0 {
            digits = [UInt8](repeating: UInt8(ascii: "0"), count: -point) + digits
            point = 0
        }
        if point > digits.count {
            digits += [UInt8](repeating: UInt8(ascii: "0"), count: point - digits.count)
        }
        var whole = Array(digits[..<point].drop(while: { $0 == UInt8(ascii: "0") }))
        var fraction = Array(digits[point...])
        while fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
        if whole.isEmpty { whole = [UInt8(ascii: "0")] }
        let isZero = whole == [UInt8(ascii: "0")] && fraction.isEmpty
        var out = (negative && !isZero) ? "-" : ""
        out += String(decoding: whole, as: UTF8.self)
        if !fraction.isEmpty { out += "." + String(decoding: fraction, as: UTF8.self) }
        return out
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
