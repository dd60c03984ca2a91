/// SpreadsheetML text (ST_Xstring) cannot hold the control characters XML 1.0 forbids, so Excel
/// writes them as `_xHHHH_`, and writes a literal `_x…_` look-alike with its `_` escaped as
/// `_x005F_`. The writer encodes this way; the reader decodes, so text round-trips exactly.
enum XStringEscape {
    static func encode(_ text: String) -> String {
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (i, s) in scalars.enumerated() {
            let v = s.value
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF {
                out += hex(v)
            } else if s == "_" && looksEscaped(scalars, at: i) {
                out += "_x005F_"
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    static func decode(_ text: String) -> String {
        // Nearly every string has no escape: a byte scan avoids building the scalar array.
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", looksEscaped(scalars, at: i),
               let v = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16),
               let s = Unicode.Scalar(v) {
                out.append(s)
                i += 7
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// `_xHHHH_` starts at `i`.
    private static func looksEscaped(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard s.count - i >= 7, s[i] == "_", s[i + 1] == "x", s[i + 6] == "_" else { return false }
        return s[(i + 2)..<(i + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    private static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return "_x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_"
    }
}

/// Escaping for XML text and attribute values written by `XLSXWriter`.
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // Carriage returns would be normalised away by the XML parser reading the file.
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
