import NuanSupport
import NuanProgram

/// Renders a `CommandSpec` as `--help`: usage, summary, description, arguments, options in an
/// aligned column, notes, exit codes and examples, wrapped to 80 columns (a Chinese character
/// takes two). The only place help is written: commands declare, this lays out.
public enum HelpText {
    public static let width = 80
    /// The widest option column; a longer option puts its help on the next line.
    static let column = 28

    public static func render<Key>(_ spec: CommandSpec<Key>, _ language: Language) -> String {
        let en = language == .english
        func t(_ l: Message) -> String { l.text(language) }
        var out: [String] = []

        let label = en ? "usage: " : "用法："
        for (i, u) in spec.usage.enumerated() {
            let prefix = i == 0 ? label : String(repeating: " ", count: displayWidth(label))
            out += wrap(t(u), first: prefix, rest: String(repeating: " ", count: displayWidth(prefix) + 2), atSpacesOnly: true)
        }
        out.append("")
        out += wrap(t(spec.summary), first: "", rest: "")
        for p in spec.description {
            out.append("")
            out += wrap(t(p), first: "", rest: "")
        }
        if !spec.subcommands.isEmpty {
            out.append("")
            out.append(en ? "Commands:" : "命令：")
            out += table(spec.subcommands.map { ($0.name, t($0.summary)) })
        }
        if !spec.positionals.isEmpty {
            out.append("")
            out.append(en ? "Arguments:" : "参数：")
            out += table(spec.positionals.map { (t($0.name), t($0.help)) })
        }
        let options = spec.options
        if !options.isEmpty {
            out.append("")
            out.append(en ? "Options:" : "选项：")
            out += table(options.map { (left($0, language), right($0, language)) })
        }
        for n in spec.notes {
            out.append("")
            out += wrap(t(n), first: "", rest: "")
        }
        if let codes = spec.exitCodes {
            out.append("")
            let label = en ? "Exit codes: " : "退出码："
            out += wrap(t(codes), first: label, rest: String(repeating: " ", count: displayWidth(label)))
        }
        if !spec.examples.isEmpty {
            out.append("")
            out.append(en ? "Examples:" : "例：")
            for e in spec.examples {
                if let c = e.comment { out += wrap((en ? "# " : "# ") + t(c), first: "  ", rest: "    ") }
                out.append("  " + e.command)
            }
        }
        return out.joined(separator: "\n") + "\n\n"
    }

    /// `--rules 文件`, `--format text|json`, `--help, -h`.
    static func left(_ o: OptionSpec, _ language: Language) -> String {
        var s = o.name
        switch o.kind {
        case .flag: break
        case .single, .repeated: s += " " + (o.choices.isEmpty ? o.valueName.text(language) : o.choices.joined(separator: "|"))
        }
        if let short = o.short { s += ", " + short }
        return s
    }

    /// The help text, then whether it repeats and its default.
    static func right(_ o: OptionSpec, _ language: Language) -> String {
        let en = language == .english
        var s = o.help.text(language)
        var extra: [String] = []
        if o.kind == .repeated { extra.append(en ? "repeatable" : "可重复") }
        if let d = o.defaultShown?.text(language) {
            // `默认 brief` but `默认按扩展名`
            extra.append(en ? "default " + d : "默认" + (d.first.map(isWide) == true ? "" : " ") + d)
        }
        guard !extra.isEmpty else { return s }
        // one parenthesis: `工作线程数（1 到 256；默认 全部 CPU 核）`, `threads (1 to 256; default 3)`
        let close: Character = en ? ")" : "）"
        if s.last == close {
            s.removeLast()
            return s + (en ? "; " : "；") + extra.joined(separator: en ? "; " : "；") + String(close)
        }
        return s + (en ? " (" + extra.joined(separator: "; ") + ")" : "（" + extra.joined(separator: "；") + "）")
    }

    /// Two columns: names indented by 2, texts aligned after the widest name that fits `column`.
    static func table(_ rows: [(String, String)]) -> [String] {
        let fitting = rows.map { displayWidth($0.0) }.filter { $0 <= column - 4 }
        let at = 2 + (fitting.max() ?? 0) + 2
        var out: [String] = []
        for (name, text) in rows {
            let pad = String(repeating: " ", count: at)
            if 2 + displayWidth(name) + 2 <= at {
                let first = "  " + name + String(repeating: " ", count: at - 2 - displayWidth(name))
                out += wrap(text, first: first, rest: pad)
            } else {
                out.append("  " + name)
                out += wrap(text, first: pad, rest: pad)
            }
        }
        return out
    }

    /// Wraps `text` to `width` columns: at spaces between words, or between two Chinese
    /// characters; never before closing punctuation (，。；：、）”…) or after opening (（“).
    /// `\n` in `text` forces a break; runs of spaces count as one. No trailing spaces.
    /// `atSpacesOnly` (a command line): `[选项]` stays whole.
    public static func wrap(_ text: String, first: String, rest: String, width: Int = HelpText.width, atSpacesOnly: Bool = false) -> [String] {
        var lines: [String] = []
        var prefix = first
        for hard in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = prefix, lineWidth = displayWidth(prefix)
            var atStart = true, space = false
            let all = atSpacesOnly ? String(hard).split(separator: " ").flatMap { [" ", String($0)] } : pieces(String(hard))
            for p in all {
                if p == " " { space = !atStart; continue }
                let w = displayWidth(p)
                if !atStart && lineWidth + (space ? 1 : 0) + w > width {
                    lines.append(trimmedEnd(line))
                    line = rest
                    lineWidth = displayWidth(rest)
                } else if space {
                    line += " "
                    lineWidth += 1
                }
                space = false
                line += p
                lineWidth += w
                atStart = false
            }
            lines.append(trimmedEnd(line))
            prefix = rest
        }
        return lines
    }

    /// Unbreakable pieces: a Latin word, a single space, or one Chinese character; closing
    /// punctuation sticks to what precedes it, opening punctuation to what follows.
    static func pieces(_ s: String) -> [String] {
        let closing: Set<Character> = ["，", "。", "；", "：", "、", "）", "」", "”", "？", "！", "…", "》", "]", ")", ",", ".", ";", ":"]
        let opening: Set<Character> = ["（", "「", "“", "《", "[", "("]
        var out: [String] = []
        var word = "", open = ""
        func flush() { if !word.isEmpty { out.append(word); word = "" } }
        for c in s {
            if c == " " {
                flush()
                out.append(" ")
            } else if opening.contains(c) {
                flush()
                open.append(c)
            } else if closing.contains(c) {
                if !word.isEmpty { word.append(c) } else if let last = out.last, last != " " { out[out.count - 1] = last + String(c) } else { word.append(c) }
                if isWide(c) { flush() }  // a line may break after Chinese punctuation
            } else if isWide(c) {
                flush()
                out.append(open + String(c))
                open = ""
            } else {
                if word.isEmpty { word = open; open = "" }
                word.append(c)
            }
        }
        flush()
        if !open.isEmpty { out.append(open) }
        return out
    }

    static func trimmedEnd(_ s: String) -> String {
        var s = Substring(s)
        while s.last == " " { s.removeLast() }
        return String(s)
    }

    /// Columns on a terminal: two for East Asian wide characters, one otherwise.
    public static func displayWidth(_ s: String) -> Int { s.reduce(0) { $0 + (isWide($1) ? 2 : 1) } }

    static func isWide(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }
}
