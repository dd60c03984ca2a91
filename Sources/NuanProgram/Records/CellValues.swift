import NuanSupport

/// Values as Excel writes them in a CSV cell (spec "Encodings", CSV), read exactly: each form
/// below is accepted whole or not at all, and nothing else is guessed. JSON values keep the
/// JSON encodings; only `RecordDecoder.assign(…, cell: true)` reads these.
package enum CellValues {
    /// The plain decimal text (`Rational.parse`'s input) of a number written with full-width
    /// digits, point, minus or comma (`３０００`, `１，２００．５０`) and/or thousands separators
    /// in well-formed groups of three (`1,200.00`, `-12,345`); nil when `text` is in neither
    /// form or is malformed (`1,20.0`, `,100`, `1,2345`, `1,200.`). Text with neither comes
    /// back unchanged.
    package static func plainNumber(_ text: String) -> String? {
        var ascii: [UInt8] = []
        ascii.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars {
            switch u.value {
            case 0xFF10...0xFF19: ascii.append(UInt8(u.value - 0xFF10) + 0x30)   // ０-９
            case 0xFF0E: ascii.append(UInt8(ascii: "."))                            // ．
            case 0xFF0D: ascii.append(UInt8(ascii: "-"))                            // －
            case 0xFF0C: ascii.append(UInt8(ascii: ","))                            // ，
            case 0..<0x80: ascii.append(UInt8(u.value))
            default: return nil
            }
        }
        guard ascii.contains(UInt8(ascii: ",")) else { return String(decoding: ascii, as: UTF8.self) }
        // [sign] d{1,3} (, d{3})+ [. d+]
        var i = 0
        var out: [UInt8] = []
        if i < ascii.count, ascii[i] == UInt8(ascii: "-") || ascii[i] == UInt8(ascii: "+") { out.append(ascii[i]); i += 1 }
        func digits() -> Int {
            var k = 0
            while i < ascii.count, ascii[i] >= 0x30, ascii[i] <= 0x39 { out.append(ascii[i]); i += 1; k += 1 }
            return k
        }
        let lead = digits()
        guard lead >= 1 && lead <= 3 else { return nil }
        var groups = 0
        while i < ascii.count, ascii[i] == UInt8(ascii: ",") {
            i += 1
            guard digits() == 3 else { return nil }
            groups += 1
        }
        guard groups >= 1 else { return nil }
        if i < ascii.count, ascii[i] == UInt8(ascii: ".") {
            out.append(ascii[i]); i += 1
            guard digits() >= 1 else { return nil }
        }
        guard i == ascii.count else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// Days since the epoch of a date Excel writes on a Chinese Windows: `YYYY-MM-DD`,
    /// `YYYY/M/D`, `YYYY-M-D` (month and day one or two digits, one separator throughout) or
    /// `YYYY年M月D日`; nil for anything else or a day that does not exist (`2022/2/30`).
    package static func date(_ text: String) -> Int32? {
        if let d = CivilDate.parse(text) { return d }
        let s = Array(text.unicodeScalars)
        var i = 0
        func number(_ minDigits: Int, _ maxDigits: Int) -> Int? {
            var v = 0, k = 0
            while i < s.count, k < maxDigits, s[i].value >= 0x30, s[i].value <= 0x39 {
                v = v * 10 + Int(s[i].value - 0x30); i += 1; k += 1
            }
            return k >= minDigits ? v : nil
        }
        func take(_ c: Unicode.Scalar) -> Bool {
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }
        guard let y = number(4, 4), i < s.count else { return nil }
        let m: Int, d: Int
        switch s[i] {
        case "/", "-":
            let sep = s[i]
            i += 1
            guard let mm = number(1, 2), take(sep), let dd = number(1, 2) else { return nil }
            (m, d) = (mm, dd)
        case "年":
            i += 1
            guard let mm = number(1, 2), take("月"), let dd = number(1, 2), take("日") else { return nil }
            (m, d) = (mm, dd)
        default: return nil
        }
        guard i == s.count, m >= 1, m <= 12, d >= 1, d <= CivilDate.daysIn(month: m, year: y) else { return nil }
        return Int32(CivilDate.days(year: y, month: m, day: d))
    }

    /// The items of a list cell, split at `;` `；` `、` `,` `，`, trimmed, empty items dropped.
    /// A piece between `;` `；` `、` that is an option as it stands (`isOption`) is not split at
    /// its commas: a rules file's label may hold one, and the fast path reads it whole.
    package static func listItems(_ text: String, isOption: (String) -> Bool) -> [String] {
        var items: [String] = []
        for piece in text.split(whereSeparator: { $0 == ";" || $0 == "；" || $0 == "、" }) {
            let p = String(piece).trimmingSpaces
            if p.isEmpty { continue }
            if isOption(p) { items.append(p); continue }
            items += p.split(whereSeparator: { $0 == "," || $0 == "，" }).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        }
        return items
    }

    /// `无`: a list given as empty ("none"), unlike an empty cell, which is not given.
    package static let none = "无"
}
