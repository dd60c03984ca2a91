/// How a piece of input is quoted back in a message: short, and with control characters shown
/// as `\u{…}`, so a binary file or a huge token cannot flood a terminal or drive it.
public enum EchoText {
    /// At most `limit` characters of `text` (then `…`), control characters escaped.
    public static func excerpt(_ text: String, limit: Int = 40) -> String {
        var out = ""
        var count = 0
        for ch in text {
            if count == limit { return out + "…" }
            out += escaped(ch)
            count += 1
        }
        return out
    }

    static func escaped(_ ch: Character) -> String {
        guard let s = ch.unicodeScalars.first, ch.unicodeScalars.count == 1 else { return String(ch) }
        if isControl(s) { return "\\u{" + String(s.value, radix: 16, uppercase: true) + "}" }
        return String(ch)
    }

    /// C0 and C1 controls, DEL, and the bidirectional overrides that reorder a line on screen.
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}
