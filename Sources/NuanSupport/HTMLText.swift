/// Text put into an HTML page (the batch report, the applicant's notice).
public enum HTMLText {
    /// HTML-escapes text for element content and quoted attribute values; control characters
    /// are shown as `\u{1B}` (a page printed with `cat` cannot drive the terminal).
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(c)
            default:
                if SafeText.isUnsafe(c) { out += SafeText.line(String(c)) } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}
