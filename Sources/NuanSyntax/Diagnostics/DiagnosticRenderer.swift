import NuanSupport
/// Renders diagnostics as `file:line:column: error[code]: message`, the offending line, and a
/// caret line under the spot — the form compilers use and editors understand.
///
/// Chinese by default; `english: true` (`--lang en`) takes each diagnostic's and note's English
/// text where it has one.
///
/// Diagnostics quote rules text, `--set` values and file contents, so every line is masked
/// (ID- and phone-shaped numbers, `Privacy`) and its control characters escaped (`SafeText`)
/// before it reaches a terminal.
public enum DiagnosticRenderer {
    public static func render(_ d: Diagnostic, english: Bool = false) -> String {
        var out = safe("\(position(d.range, english: english)): \(label(d.severity)): \(d.text(english: english)) [\(d.code)]") + "\n"
        out += snippet(d.range)
        for note in d.notes {
            if let r = note.range, r.file != nil {
                out += safe("\(r.position): note: \(note.text(english: english))") + "\n" + snippet(r)
            } else {
                out += safe("  = note: \(note.text(english: english))") + "\n"
            }
        }
        return out
    }

    /// One line of a diagnostic as it may be printed: masked, control characters escaped.
    static func safe(_ s: String) -> String { Disclosure.masked.line(s) }

    public static func render(_ ds: [Diagnostic], english: Bool = false) -> String {
        ds.map { render($0, english: english) }.joined()
    }

    /// `path:line:column`; a diagnostic with no place in a file (a `--set` on the command line)
    /// is placed on the command line, in the chosen language.
    static func position(_ r: SourceRange, english: Bool) -> String {
        english && r.file == nil ? "<command line>" : r.position
    }

    private static func label(_ s: Diagnostic.Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    /// The source line and a caret underline; wide (CJK) characters get two columns so the
    /// carets line up in a terminal. A long line (a minified or binary file) shows only a window
    /// around the spot, and control characters are escaped; a range in a file whose text is not
    /// shown (not a rules file) has no snippet.
    static func snippet(_ r: SourceRange) -> String {
        guard let file = r.file, !file.bytes.isEmpty else { return "" }
        let (line, column) = file.location(of: r.start)
        // Masking keeps every character's place, so the caret still points at the spot.
        let chars = Array(Privacy.redact(file.lineText(line)))
        let endLoc = file.location(of: max(r.start, r.end))
        let lo = min(column - 1, chars.count)
        var hi = endLoc.line == line && endLoc.column > column ? min(endLoc.column - 1, chars.count) : lo
        var from = 0, to = chars.count
        if chars.count > 200 {
            from = lo > 100 ? lo - 60 : 0
            to = min(chars.count, from + 200)
            hi = min(hi, to)
        }
        func shown(_ c: Character) -> String { c == "\t" ? "\t" : EchoText.escaped(c) }
        func columns(_ s: String) -> Int { s.reduce(0) { $0 + width($1) } }
        let lead = from > 0 ? "…" : ""
        let text = lead + chars[from..<to].map(shown).joined() + (to < chars.count ? "…" : "")
        let pad = String(repeating: " ", count: columns(lead))
            + chars[from..<max(from, lo)].map { $0 == "\t" ? "\t" : String(repeating: " ", count: columns(shown($0))) }.joined()
        let carets = String(repeating: "^", count: max(1, columns(chars[min(lo, hi)..<hi].map(shown).joined())))
        let gutter = String(line)
        let blank = String(repeating: " ", count: gutter.count)
        return " \(gutter) | \(text)\n \(blank) | \(pad)\(carets)\n"
    }

    static func width(_ c: Character) -> Int {
        guard let v = c.unicodeScalars.first?.value else { return 1 }
        // CJK, full-width forms and CJK punctuation are drawn two columns wide.
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }
}
