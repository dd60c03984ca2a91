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

    /// One character as it may be shown: `SafeText`'s escaping, the one rule for all text output.
    package static func escaped(_ ch: Character) -> String { SafeText.line(String(ch)) }
}
