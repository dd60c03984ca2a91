/// Text from input values or rules files made safe to print on a terminal: control characters
/// cannot move the cursor, recolour the screen, rewrite earlier lines or reorder text. Each is
/// shown as a Swift-style escape, `\u{1B}` for ESC, so a caseworker sees that it was there.
///
/// Escaped: C0 controls (U+0000–U+001F, except where kept below), DEL, C1 controls
/// (U+0080–U+009F), the line and paragraph separators U+2028/U+2029 and the bidirectional
/// embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).
public enum SafeText {
    /// One line of output (a value, a name, a message): tab is kept, everything else escaped —
    /// a newline in a value cannot forge a line of the decision.
    public static func line(_ s: String) -> String { escape(s, keepNewlines: false) }

    /// Several lines (an explanation block): newline and tab are kept.
    public static func block(_ s: String) -> String { escape(s, keepNewlines: true) }

    @inline(__always)
    public static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
        // Ordered for the common case (printable ASCII, CJK) in as few comparisons as possible.
        let v = u.value
        if v < 0x20 { return true }
        if v < 0x7F { return false }
        if v <= 0x9F { return true }
        if v < 0x2028 { return false }
        if v <= 0x202E { return true }  // U+2028, U+2029 and U+202A–U+202E
        return v >= 0x2066 && v <= 0x2069
    }

    static func escape(_ s: String, keepNewlines: Bool) -> String {
        func kept(_ u: Unicode.Scalar) -> Bool { u == "\t" || (keepNewlines && u == "\n") }
        guard s.unicodeScalars.contains(where: { isUnsafe($0) && !kept($0) }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if isUnsafe(u) && !kept(u) {
                out.append(contentsOf: "\\u{\(String(u.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }
}

/// What a renderer may show: text for a terminal or a file, masked unless `unmask`.
public struct Disclosure: Sendable, Equatable {
    /// Full ID and phone numbers are shown only when the user asked (`--unmask`).
    public var unmask: Bool

    public init(unmask: Bool = false) { self.unmask = unmask }

    public static let masked = Disclosure(unmask: false)

    /// A value or message for one line of text output: masked, control characters escaped.
    public func line(_ s: String) -> String { SafeText.line(Privacy.shown(s, unmask: unmask)) }

    /// A whole report of several lines (diff, test): each line masked and escaped, newlines kept.
    public func report(_ s: String) -> String { SafeText.block(Privacy.shown(s, unmask: unmask)) }

    /// Masked only (for JSON and HTML, which escape in their own way).
    public func value(_ s: String) -> String { Privacy.shown(s, unmask: unmask) }
}
