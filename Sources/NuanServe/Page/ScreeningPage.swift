import NuanSupport
import NuanProgram
import NuanExplain

/// The pages of `GET /`: the menu of rules files, and the screening form generated from one
/// file's fields (labels, types, options, defaults, units), with the decision beside it.
struct ScreeningPage {
    let english: Bool

    func t(_ m: Message) -> String { h(m.text(english: english)) }
    var lang: String { english ? "en" : "zh" }

    func layout(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(english ? "en" : "zh-CN")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(h(title))</title>
        <link rel="stylesheet" href="/assets/app.css">
        <script src="/assets/app.js" defer></script>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// Several rules files: choose one (by jurisdiction and year).
    func menu(_ entries: [RulesMenu.Entry]) -> String {
        // newest notice first; a base file without a year last
        let sorted = entries.sorted { (-($0.program.year ?? 0), $0.key) < (-($1.program.year ?? 0), $1.key) }
        var o = "<header class=\"bar\"><h1>\(t(PageText.appTitle))</h1><a class=\"lang\" href=\"/?lang=\(english ? "zh" : "en")\">\(t(PageText.otherLanguage))</a></header>\n"
        o += "<main class=\"menu\"><h2>\(t(PageText.menuTitle))</h2><p>\(t(PageText.menuIntro))</p><ul>\n"
        for e in sorted {
            let p = e.program
            o += "<li><a href=\"/?rules=\(h(e.key))&amp;lang=\(lang)\"><strong>\(h(p.jurisdiction ?? e.key))"
            if let y = p.year { o += " · \(y)" }
            o += "</strong> — \(h(p.title))</a>"
            if let n = p.notice { o += "<br><small>\(h(n))</small>" }
            o += "<br><small>\(t(PageText.version)) \(h(p.version ?? "—"))" + inForce(p) + " · \(h(e.key))</small></li>\n"
        }
        o += "</ul></main>\n"
        return layout(title: PageText.appTitle.text(english: english), body: o)
    }

    func inForce(_ p: CheckedProgram) -> String {
        guard p.inForceFrom != nil || p.inForceTo != nil else { return "" }
        return " · \(t(PageText.inForce)) \(p.inForceFrom.map(CivilDate.format) ?? "…") – \(p.inForceTo.map(CivilDate.format) ?? "…")"
    }

    /// The screening page: the form (prefilled with `pairs`), questions outside `shown` marked
    /// idle, and the decision panel.
    func screen(_ entry: RulesMenu.Entry, menu: [RulesMenu.Entry], pairs: [(String, RawValue)], shown: Set<Int>,
                params: [(name: String, value: String)], decision: String) -> String {
        let p = entry.program
        var o = "<header class=\"bar\"><h1>\(t(PageText.appTitle))</h1>"
        if menu.count > 1 {
            o += "<form class=\"switch\" method=\"get\" action=\"/\"><input type=\"hidden\" name=\"lang\" value=\"\(lang)\"><label>\(t(PageText.rules)) <select name=\"rules\">"
            for e in menu { o += "<option value=\"\(h(e.key))\"\(e.key == entry.key ? " selected" : "")>\(h(e.program.jurisdiction ?? e.key)) \(e.program.year.map(String.init) ?? "") · \(h(e.key))</option>" }
            o += "</select></label> <button type=\"submit\">\(t(PageText.switchRules))</button></form>"
        }
        o += "<a class=\"lang\" href=\"/?rules=\(h(entry.key))&amp;lang=\(english ? "zh" : "en")\">\(t(PageText.otherLanguage))</a></header>\n"
        o += "<p class=\"rules-title\">\(h(p.title)) <small>\(t(PageText.version)) \(h(p.version ?? "—"))\(inForce(p))</small></p>\n"
        o += "<main class=\"screen\">\n"
        o += "<form id=\"screen-form\" method=\"post\" action=\"/?rules=\(h(entry.key))&amp;lang=\(lang)\" data-live=\"/ui/decide?rules=\(h(entry.key))&amp;lang=\(lang)\" autocomplete=\"off\">\n"
        o += "<h2>\(t(PageText.applicant))</h2><p class=\"hint\">\(t(PageText.formHint))<noscript>\(t(PageText.noScriptHint))</noscript></p>\n"
        o += "<label class=\"js-only show-all\"><input type=\"checkbox\" id=\"show-all\"> \(t(PageText.showAll))</label>\n"
        for slot in p.fields.indices { o += question(p, slot, pairs, idle: !shown.contains(slot)) }
        o += "<div id=\"params\" data-keys=\"\(h(paramKeys(params)))\">\(self.params(p, params))</div>\n"
        o += "<p class=\"actions\"><button type=\"submit\" class=\"primary\">\(t(PageText.decide))</button></p>\n</form>\n"
        // the 告知单 of the form as it stands, in a new tab: a plain submit, with or without script
        o += "<section id=\"decision-panel\"><p class=\"print-row\"><button type=\"submit\" id=\"print\" form=\"screen-form\" formmethod=\"post\" "
        o += "formaction=\"/notice?rules=\(h(entry.key))&amp;lang=\(lang)\" formtarget=\"_blank\">\(t(PageText.print))</button></p>"
        o += "<div id=\"decision\" aria-live=\"polite\">\(decision.isEmpty ? waiting : decision)</div></section>\n"
        o += "</main>\n"
        return layout(title: "\(PageText.appTitle.text(english: english)) — \(p.title)", body: o)
    }

    func paramKeys(_ params: [(name: String, value: String)]) -> String { params.map(\.name).joined(separator: "|") }

    /// Inputs for the figures the office sets (`--set` on the command line): the ones the
    /// decision waits on because the rules leave them 待定 or lack the applicant's row.
    func params(_ p: CheckedProgram, _ params: [(name: String, value: String)]) -> String {
        guard !params.isEmpty else { return "" }
        var o = "<h3>\(t(PageText.officeFigures))</h3><p class=\"hint\">\(t(PageText.officeFiguresHint))</p>"
        for (i, x) in params.enumerated() {
            let unit = p.parameters.first { $0.name == x.name }?.unit
            o += "<div class=\"q param\" data-key=\"\(h(FormRecord.setPrefix + x.name))\"><label for=\"p-\(i)\"><span class=\"label\">\(h(x.name))</span></label>"
            o += "<span class=\"num\"><input id=\"p-\(i)\" type=\"text\" inputmode=\"decimal\" name=\"\(h(FormRecord.setPrefix + x.name))\" value=\"\(h(x.value))\">"
            if let unit { o += " <span class=\"unit\">\(h(english ? unit.english : unit.rawValue))</span>" }
            o += "</span></div>"
        }
        return o
    }

    var waiting: String { "<p class=\"waiting\">\(t(PageText.waiting))</p>" }

    func value(_ pairs: [(String, RawValue)], _ f: CheckedProgram.Field) -> RawValue? {
        pairs.last { $0.0 == f.key || $0.0 == f.label }?.1
    }

    func text(_ v: RawValue?) -> String {
        switch v {
        case .string(let s)?: return s
        case .number(let n)?: return n
        default: return ""
        }
    }

    /// One question, generated from the field's declaration.
    func question(_ p: CheckedProgram, _ slot: Int, _ pairs: [(String, RawValue)], idle: Bool) -> String {
        let f = p.fields[slot]
        let id = "f-\(slot)"
        let label = english ? f.key + (f.label.map { " <small lang=\"zh-CN\">\(h($0))</small>" } ?? "") : h(f.display)
        let current = value(pairs, f)
        var hints: [String] = []
        if let d = f.defaultValue { hints.append(PageText.defaultIs(defaultText(p, slot, d)).text(english: english)) }
        if f.type == .number && f.base == .integer { hints.append(PageText.wholeNumber.text(english: english)) }
        var o = "<div class=\"q\(idle ? " idle" : "")\" data-key=\"\(h(f.key))\">"
        let isGroup: Bool = { if case .list = f.type { return true }; return f.type == .bool }()
        o += isGroup ? "<fieldset><legend>" : "<label for=\"\(id)\">"
        o += "<span class=\"label\">\(label)\(f.required ? " <em class=\"req\">*</em>" : "")</span>"
        if !hints.isEmpty { o += " <small class=\"hint\">\(h(hints.joined(separator: english ? "; " : "；")))</small>" }
        o += " <small class=\"idle-note\">\(t(PageText.idle))</small>"
        o += isGroup ? "</legend>" : "</label>"
        switch f.type {
        case .bool:
            let v: String = { if case .bool(let b)? = current { return b ? "true" : "false" }; return text(current) }()
            for (val, m) in [("true", PageText.yes), ("false", PageText.no), ("", PageText.notGiven)] {
                o += "<label class=\"opt\"><input type=\"radio\" name=\"\(h(f.key))\" value=\"\(val)\"\(v == val ? " checked" : "")> \(t(m))</label>"
            }
            o += "</fieldset>"
        case .choice(let en):
            let e = p.enums[en]
            let v = text(current)
            let chosen = e.index(of: v)
            o += "<select id=\"\(id)\" name=\"\(h(f.key))\"><option value=\"\">—</option>"
            for i in e.codes.indices {
                o += "<option value=\"\(h(e.codes[i]))\"\(chosen == i ? " selected" : "")>\(h(optionText(e, i)))</option>"
            }
            o += "</select>"
        case .list(let en):
            let e = p.enums[en]
            var ticked: Set<Int> = []
            var none = false
            if case .array(let xs)? = current {
                none = xs.isEmpty
                for x in xs { if case .string(let s) = x, let i = e.index(of: s) { ticked.insert(i) } }
            }
            o += "<div class=\"opts\">"
            for i in e.codes.indices {
                o += "<label class=\"opt\"><input type=\"checkbox\" name=\"\(h(f.key))\" value=\"\(h(e.codes[i]))\"\(ticked.contains(i) ? " checked" : "")> \(h(optionText(e, i)))</label>"
            }
            o += "<label class=\"opt none\"><input type=\"checkbox\" name=\"\(h(f.key))\" value=\"\(FormRecord.noneMarker)\"\(none ? " checked" : "")> \(t(PageText.none))</label>"
            o += "</div></fieldset>"
        case .date:
            o += "<input id=\"\(id)\" type=\"date\" name=\"\(h(f.key))\" value=\"\(h(text(current)))\">"
        case .money, .number:
            o += "<span class=\"num\"><input id=\"\(id)\" type=\"text\" inputmode=\"decimal\" name=\"\(h(f.key))\" value=\"\(h(text(current)))\">"
            if f.type == .money { o += " <span class=\"unit\">\(t(PageText.yuan))</span>" }
            o += "</span>"
        default:
            if f.isPersonal {
                // never echoed back: the page shows it masked, the input stays empty
                let had = text(current)
                o += "<input id=\"\(id)\" type=\"text\" name=\"\(h(f.key))\" value=\"\" spellcheck=\"false\">"
                if !had.isEmpty { o += "<small class=\"kept\">\(t(PageText.personalKept))\(h(had))</small>" }
            } else {
                o += "<input id=\"\(id)\" type=\"text\" name=\"\(h(f.key))\" value=\"\(h(text(current)))\">"
            }
        }
        return o + "</div>\n"
    }

    func optionText(_ e: EnumInfo, _ i: Int) -> String {
        english ? (e.labels[i].map { "\(e.codes[i]) (\($0))" } ?? e.codes[i]) : e.display(i)
    }

    func defaultText(_ p: CheckedProgram, _ slot: Int, _ v: Value) -> String {
        let f = p.fields[slot]
        switch v {
        case .bool(let b): return (b ? PageText.yes : PageText.no).text(english: english)
        case .set(0): return PageText.none.text(english: english)
        case .number(let r): return r.description
        default: return ValueFormatter(program: p, english: english).format(v, type: f.type)
        }
    }
}
