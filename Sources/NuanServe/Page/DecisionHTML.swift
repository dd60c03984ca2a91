import NuanSupport
import NuanProgram
import NuanExplain

/// The decision panel of the page, rendered from the decision's JSON (the contract of
/// `shared/spec/decision.md`) rather than from the `Decision` value, so every field the
/// contract carries — `reasons` and `recourse` included — shows as soon as the engine gives it.
/// Laid out to print as the applicant's 告知单 on A4.
struct DecisionHTML {
    let program: CheckedProgram
    let english: Bool

    func t(_ m: Message) -> String { h(m.text(english: english)) }
    var colon: String { english ? ": " : "：" }

    func render(json: String, name: String?) -> String {
        guard let d = JSONTree.parse(json) else { return "" }
        let status = d["status"].string ?? "invalid"
        var o = "<div class=\"decision status-\(h(status))\">\n"
        o += "<h2 class=\"notice-title\">\(t(PageText.notice))</h2>\n"
        o += "<dl class=\"who\"><dt>\(t(PageText.name))</dt><dd>\(h(name ?? "—"))</dd>"
        o += "<dt>\(t(PageText.application))</dt><dd>\(h(d["id"].string ?? "—"))</dd></dl>\n"
        o += "<p class=\"status\"><span>\(t(PageText.conclusion))</span> <strong>\(h(statusText(status)))</strong></p>\n"
        if status != "invalid", let c = d["category"].string {
            o += "<p class=\"category\"><span>\(t(PageText.category))</span> \(h(categoryText(c)))</p>\n"
        }
        let reasons = d["reasons"].array.compactMap(\.string)
        if !reasons.isEmpty {
            o += "<section class=\"reasons\"><h3>\(t(PageText.reasons))</h3><ul>" + reasons.map { "<li>\(h($0))</li>" }.joined() + "</ul></section>\n"
        }
        let awards = d["awards"].array
        if !awards.isEmpty {
            o += "<section class=\"awards\"><h3>\(t(PageText.awards))</h3><table><thead><tr><th>\(t(PageText.benefit))</th><th>\(t(PageText.amount))</th>"
            o += "<th>\(t(PageText.fund))</th><th>\(t(PageText.source))</th></tr></thead><tbody>"
            for a in awards {
                let amount = a["amount"].string.map { h($0) + t(PageText.yuanSuffix) } ?? t(PageText.amountOpen)
                var funds = a["fund"].string.map { "<strong>\(h(fundText($0)))</strong>" } ?? "—"
                let others = a["allowed_funds"].array.compactMap(\.string).filter { $0 != a["fund"].string }
                if !others.isEmpty { funds += "<br><small>\(t(PageText.alsoFrom))" + others.map { h(fundText($0)) }.joined(separator: english ? ", " : "、") + "</small>" }
                o += "<tr><td>\(h(a["benefit"].string ?? ""))</td><td class=\"money\">\(amount)</td><td>\(funds)</td><td><small>\(h(a["source"].string ?? ""))</small></td></tr>"
            }
            o += "</tbody><tfoot><tr><th>\(t(PageText.total))</th><td class=\"money\">\(h(d["total_amount"].string ?? "0.00"))\(t(PageText.yuanSuffix))</td><td colspan=\"2\"></td></tr></tfoot></table></section>\n"
        }
        let missing = d["missing"].array.compactMap(\.string)
        if !missing.isEmpty {
            o += "<section class=\"missing\"><h3>\(t(PageText.missing))</h3><ul>" + missing.map { m in
                // a parameter, not a field: the office gives it below the form
                let office = program.fieldIndex(named: m) == nil && program.parameters.contains { $0.name == m }
                return "<li>\(h(label(m)))" + (office ? " <small>\(t(PageText.setBelow))</small>" : "") + "</li>"
            }.joined() + "</ul></section>\n"
        }
        let errors = d["errors"].array
        if !errors.isEmpty {
            o += "<section class=\"errors\"><h3>\(t(PageText.errors))</h3><ul>"
            o += errors.map { e in
                let field = e["field"].string.flatMap { $0.isEmpty ? nil : label($0) }
                return "<li>" + (field.map { "<strong>\(h($0))</strong>\(colon)" } ?? "") + h(e["reason"].string ?? e["message"].string ?? "") + "</li>"
            }.joined()
            o += "</ul></section>\n"
        }
        let warnings = d["warnings"].array
        if !warnings.isEmpty {
            o += "<section class=\"warnings\"><h3>\(t(PageText.warnings))</h3><ul>"
            o += warnings.map { "<li>\(h($0["message"].string ?? "")) <small>(\(h($0["code"].string ?? "")))</small></li>" }.joined()
            o += "</ul></section>\n"
        }
        let recourse = d["recourse"].array
        if !recourse.isEmpty {
            o += "<section class=\"recourse\"><h3>\(t(PageText.recourse))</h3><ul>"
            for item in recourse {
                let changes = item["changes"].array.map { c in
                    "\(h(label(c["field"].string ?? "")))\(colon)\(h(value(c["field"].string ?? "", c["from"]))) → <strong>\(h(value(c["field"].string ?? "", c["to"])))</strong>"
                }.joined(separator: english ? "; " : "；")
                let r = item["result"]
                var result = h(statusText(r["status"].string ?? ""))
                if let total = r["total_amount"].string { result += (english ? ", " : "，") + "\(t(PageText.total)) \(h(total))\(t(PageText.yuanSuffix))" }
                o += "<li>\(t(PageText.change)) \(changes) \(t(PageText.then)) \(result)</li>"
            }
            o += "</ul></section>\n"
        }
        if let score = d["score"].string {
            o += "<p class=\"score\"><span>\(t(PageText.score))</span> <strong>\(h(score))</strong></p>\n"
        }
        let explanation = d["explanation"].array
        if !explanation.isEmpty {
            o += "<details class=\"explanation\"><summary>\(t(PageText.explanation))</summary><ol>" + explanation.map(entry).joined() + "</ol></details>\n"
        }
        o += "<p class=\"sign\">\(t(PageText.signature))</p>\n"
        let rules = d["rules"]
        o += "<p class=\"rules-used\"><small>\(t(PageText.rulesUsed))\(colon)\(h(rules["name"].string ?? "")) \(h(rules["version"].string ?? ""))"
        o += " · SHA-256 \(h(String((rules["sha256"].string ?? "").prefix(16))))…</small></p>\n"
        return o + "</div>\n"
    }

    func entry(_ e: JSONTree) -> String {
        let outcome = e["outcome"].string ?? ""
        let mark = ["met": "✓", "not_met": "✗", "unknown": "?", "skipped": "–"][outcome] ?? "·"
        var o = "<li class=\"outcome-\(h(outcome))\"><span class=\"mark\">\(mark)</span> <strong>\(h(e["rule"].string ?? ""))</strong>"
        if let r = e["result"].string { o += " → \(h(r))" }
        if let s = e["source"].string { o += "<br><small class=\"cite\">\(t(PageText.source))\(colon)\(h(s))</small>" }
        let lines = e["values"].array.compactMap(\.string) + e["margins"].array.compactMap(\.string)
        if !lines.isEmpty { o += "<pre>" + lines.map(h).joined(separator: "\n") + "</pre>" }
        let children = e["children"].array
        if !children.isEmpty { o += "<ol>" + children.map(entry).joined() + "</ol>" }
        return o + "</li>"
    }

    func statusText(_ s: String) -> String {
        guard let status = Decision.Status(rawValue: s) else { return s }
        let text = DecisionText.statusText(status, english: english)
        return english || text.hasSuffix("）") ? text : text + "（\(s)）"
    }

    func categoryText(_ code: String) -> String {
        if code == "undetermined" { return PageText.undeterminedCategory.text(english: english) }
        if code == "none" { return PageText.noCategory.text(english: english) }
        let e = program.enums[program.categoryEnum]
        guard let i = e.index(of: code) else { return code }
        let label = program.categories.first { $0.code == code }?.label ?? e.display(i)
        return english ? "\(code) (\(label))" : "\(label)（\(code)）"
    }

    func fundText(_ code: String) -> String {
        guard let label = program.funds.first(where: { $0.code == code })?.label else { return code }
        return english ? "\(code) (\(label))" : label
    }

    /// A record value (a recourse item's `from`/`to`) as the caseworker knows it: an option by
    /// its label, yes/no in words, an amount with its unit, nothing given as —.
    func value(_ key: String, _ v: JSONTree) -> String {
        let field = program.fieldIndex(named: key).map { program.fields[$0] }
        func option(_ code: String) -> String {
            guard let f = field else { return code }
            switch f.type {
            case .choice(let en), .list(let en):
                let e = program.enums[en]
                guard let i = e.index(of: code) else { return code }
                return english ? code : e.display(i)
            default: return code
            }
        }
        switch v {
        case .null: return "—"
        case .bool(let b): return (b ? PageText.yes : PageText.no).text(english: english)
        case .array(let xs): return xs.isEmpty ? PageText.nothing.text(english: english) : xs.compactMap(\.string).map(option).joined(separator: english ? ", " : "、")
        case .string(let s), .number(let s):
            if field?.type == .money { return s + PageText.yuanSuffix.text(english: english) }
            return option(s)
        case .object: return v.json
        }
    }

    /// A record key or parameter name as the caseworker knows it.
    func label(_ key: String) -> String {
        guard let i = program.fieldIndex(named: key) else { return key }
        let f = program.fields[i]
        return english ? f.key + (f.label.map { " (\($0))" } ?? "") : f.display
    }
}
