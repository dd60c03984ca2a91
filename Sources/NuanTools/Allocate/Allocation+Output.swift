import NuanSupport

/// An allocation as files: a table (CSV / `.xlsx`: one row per award, then the funds) and JSON,
/// which `nuan roster` reads. Neither carries an ID or phone number.
extension Allocation {
    public static let tableHeader = ["rank", "id", "name", "score", "status", "benefit", "amount", "fund", "note"]
    public static let fundHeader = ["fund", "budget", "spent", "left"]

    /// The households and the funds; `language` picks the words of the notes.
    package func table(_ language: Language) -> TableFile {
        let en = language == .english
        var rows: [[TableFile.Cell]] = []
        for e in entries {
            let head: [TableFile.Cell] = [.integer(e.rank), .text(Privacy.redact(e.household.id)), .text(Privacy.redact(e.household.name ?? "")),
                                          e.household.score.map { .text($0.description) } ?? .empty, .text(e.status.rawValue)]
            var note = e.reason.map { [$0.text(english: en)] } ?? []
            note += e.extras.map { AllocateMessage.extra($0).text(english: en) }
            for p in e.payments {
                rows.append(head + [.text(p.benefit), .money(p.amount), .text(p.fund), .text(Privacy.redact(note.joined(separator: "；")))])
            }
            for s in e.setAside {
                // a reason may name another household by its 申请编号, masked as the id column is
                rows.append(head + [.text(s.benefit), s.amount.map { .money($0) } ?? .empty, .empty, .text(Privacy.redact(s.reason.text(english: en)))])
            }
        }
        let fundRows: [[TableFile.Cell]] = funds.map { [.text($0.fund), .money($0.budget), .money($0.spent), .money($0.left)] }
        return TableFile([.init(name: en ? "allocation" : "分配", header: Self.tableHeader, rows: rows),
                          .init(name: en ? "funds" : "资金", header: Self.fundHeader, rows: fundRows)])
    }

    /// The allocation as one JSON document.
    public func json(_ language: Language) -> String {
        let en = language == .english
        // Every text masked, the reasons (which name other households) included: no ID or
        // phone number is written (found by nuan-fuzz, seed 61).
        func q(_ s: String) -> String { JSONText.quote(Privacy.redact(s)) }
        func money(_ r: Rational?) -> String { r.map { q($0.formatted(places: 2)) } ?? "null" }
        var out = "{\n"
        if let r = rules {
            // The digest is hex, not personal; masked, a 15-digit run inside it (16650f247968771805820e…)
            // no longer matched the rules file, and roster refused (nuan-fuzz seed 3 case 33).
            out += "  \"rules\": {\"name\": \(q(r.name)), \"version\": \(r.version.map(q) ?? "null"), \"sha256\": \(JSONText.quote(r.sha256))},\n"
        }
        out += "  \"funds\": [\n" + funds.map {
            "    {\"fund\": \(q($0.fund)), \"budget\": \(money($0.budget)), \"spent\": \(money($0.spent)), \"left\": \(money($0.left))}"
        }.joined(separator: ",\n") + "\n  ],\n"
        out += "  \"households\": [\n" + entries.map { e in
            var f = ["\"rank\": \(e.rank)", "\"id\": \(q(Privacy.redact(e.household.id)))", "\"name\": \(e.household.name.map(q) ?? "null")",
                     "\"score\": \(e.household.score.map { q($0.description) } ?? "null")", "\"status\": \(q(e.status.rawValue))"]
            f.append("\"payments\": [" + e.payments.map {
                "{\"benefit\": \(q($0.benefit)), \"amount\": \(money($0.amount)), \"fund\": \($0.fund.isEmpty ? "null" : q($0.fund))}"
            }.joined(separator: ", ") + "]")
            if !e.setAside.isEmpty {
                f.append("\"set_aside\": [" + e.setAside.map {
                    "{\"benefit\": \(q($0.benefit)), \"amount\": \(money($0.amount)), \"reason\": \(q($0.reason.text(english: en)))}"
                }.joined(separator: ", ") + "]")
            }
            if let r = e.reason { f.append("\"reason\": \(q(r.text(english: en)))") }
            if !e.extras.isEmpty {
                f.append("\"extras\": [" + e.extras.map {
                    "{\"fund\": \(q($0.fund)), \"amount\": \(money($0.amount)), \"text\": \(q(AllocateMessage.extra($0).text(english: en)))}"
                }.joined(separator: ", ") + "]")
            }
            return "    {" + f.joined(separator: ", ") + "}"
        }.joined(separator: ",\n") + "\n  ],\n"
        out += "  \"unfunded\": [" + entries.filter { $0.status == .unfunded }.map { q(Privacy.redact($0.household.id)) }.joined(separator: ", ") + "],\n"
        out += "  \"search_limit_hits\": \(searchLimitHits)\n}\n"
        return out
    }

    /// The summary printed after a run: households by status, then each fund's budget, spent, left.
    public func summary(_ language: Language) -> String {
        let en = language == .english
        var counts: [Status: Int] = [:]
        for e in entries { counts[e.status, default: 0] += 1 }
        var lines = [Status.funded, .waitlisted, .unfunded, .duplicate, .unpriced].compactMap { s -> String? in
            guard let n = counts[s], n > 0 else { return nil }
            return "\(AllocateMessage.status(s).text(english: en))：\(n)" + (en ? "" : " 户")
        }
        lines.append(en ? "fund                       budget        spent         left" : "资金                       预算          已安排        余额")
        for u in funds {
            func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(1, n - s.count)) }
            lines.append(pad(u.fund, 27) + pad(u.budget.formatted(places: 2), 14) + pad(u.spent.formatted(places: 2), 14) + u.left.formatted(places: 2))
        }
        if searchLimitHits > 0 { lines.append(AllocateMessage.searchLimit(searchLimitHits).text(english: en)) }
        return lines.joined(separator: "\n") + "\n"
    }
}
