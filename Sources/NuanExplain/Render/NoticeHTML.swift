import NuanSupport
import NuanSyntax
import NuanProgram

/// The applicant's notice (告知单) as a page to print on A4: the same parts as the text
/// notice, one page, no script, no fonts or images fetched from anywhere.
public struct NoticeHTML {
    public let text: DecisionText

    public init(program: CheckedProgram, english: Bool = false, unmask: Bool = false) {
        text = DecisionText(program: program, english: english, unmask: unmask, showRecourse: true, view: .notice)
    }

    /// Masked (unless `--unmask`), made safe for a line, then HTML-escaped.
    func h(_ s: String) -> String { HTMLText.escape(text.disclosure.line(SafeText.line(s))) }

    public func render(_ d: Decision) -> String {
        let p = text.noticeParts(d)
        let lang = text.english ? "en" : "zh-CN"
        var body = "<h1>\(h(p.title))</h1>\n<table class=\"who\">\n"
        for (label, value) in p.rows {
            let l = label.hasSuffix("：") ? String(label.dropLast()) : label.hasSuffix(": ") ? String(label.dropLast(2)) : label
            body += "<tr><th>\(h(l))</th><td>\(h(value))</td></tr>\n"
        }
        body += "</table>\n"
        if !p.awards.isEmpty {
            body += "<h2>\(h(heading(NoticeText.awards)))</h2>\n<ul>\n" + p.awards.map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n"
            if let total = p.total { body += "<p class=\"total\">\(h(text.t(DecisionTextMessage.total) + total))</p>\n" }
        }
        if !p.reasons.isEmpty {
            body += "<h2>\(h(heading(NoticeText.reasons)))</h2>\n" + p.reasons.map { "<p>\(h($0))</p>\n" }.joined()
        }
        if !p.recourse.isEmpty {
            body += "<h2>\(h(heading(NoticeText.recourse)))</h2>\n<ul>\n" + p.recourse.map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n"
        }
        body += "<p class=\"appeal\">\(h(p.appeal))</p>\n<p class=\"rules\">\(h(p.footer))</p>\n<p class=\"sign\">\(h(text.t(NoticeText.signature)))</p>\n"
        return """
        <!DOCTYPE html>
        <html lang="\(lang)"><head><meta charset="utf-8">
        <title>\(h(p.title))</title>
        <style>
        @page { size: A4; margin: 20mm 18mm; }
        body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif; font-size: 11pt; line-height: 1.6; color: #111; max-width: 174mm; margin: 0 auto; }
        h1 { font-size: 17pt; text-align: center; margin: 0 0 8mm; letter-spacing: 0.1em; }
        h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; }
        table.who { border-collapse: collapse; width: 100%; }
        table.who th { text-align: left; width: 28mm; font-weight: normal; color: #444; padding: 1mm 0; vertical-align: top; }
        table.who td { padding: 1mm 0; }
        ul { margin: 0; padding-left: 6mm; }
        .total { font-weight: bold; }
        .appeal { margin-top: 8mm; }
        .rules { color: #444; font-size: 9.5pt; }
        .sign { margin-top: 14mm; }
        @media print { body { max-width: none; } }
        </style></head>
        <body>
        \(body)</body></html>

        """
    }

    /// A section heading from a message that ends with a colon and a line break.
    func heading(_ m: Message) -> String {
        var s = text.t(m).trimmingCharacters(in: .whitespacesAndNewlines)
        if s.hasSuffix("：") || s.hasSuffix(":") { s.removeLast() }
        return s
    }
}
