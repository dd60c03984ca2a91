import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// `--report FILE`: the batch report as ONE self-contained HTML page — inline CSS, charts as
/// inline SVG, no script, no font, image or style sheet fetched from anywhere; it opens offline
/// in any browser. Every text from the rules or the records is HTML-escaped. It shows record
/// ids only (no names, ID numbers or phones: the report never receives them; an id that looks
/// like an ID or phone number is masked unless `unmask`).
///
/// The visible text is in Chinese, or in English with `english` (the page's `lang` follows).
public enum HTMLReport {
    typealias M = Message.Report

    public static func render(_ r: BatchReport, unmask: Bool = false, english: Bool = false) -> String {
        let t = Words(english: english)
        var h = "<!DOCTYPE html>\n<html lang=\"\(english ? "en" : "zh-CN")\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>\(t(M.title)) — \(escape(r.rules.name))</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"
        h += "<h1>\(t(M.title))</h1>\n"
        h += rulesBlock(r, t)
        h += summarySection(r, t)
        h += fundSection(r, t)
        h += statTableSection(r, t)
        h += incomeSection(r, t)
        if let m = r.impact { h += impactSection(r, m, unmask: unmask, t) }
        h += nearMissSection(r, unmask: unmask, t)
        h += "<footer>\(t(M.footer))</footer>\n"
        return h + "</body>\n</html>\n"
    }

    /// The report's language: `t(message)` is the message's text, HTML-escaped.
    struct Words {
        let english: Bool
        func callAsFunction(_ m: Message) -> String { HTMLReport.escape(m.text(english: english)) }
        func raw(_ m: Message) -> String { m.text(english: english) }
    }

    /// HTML-escapes text (`HTMLText.escape`, shared with the notice page).
    public static func escape(_ s: String) -> String { HTMLText.escape(s) }

    // MARK: - Sections

    private static func rulesBlock(_ r: BatchReport, _ t: Words) -> String {
        func line(_ title: Message, _ i: BatchReport.RulesInfo) -> String {
            "<tr><th>\(t(title))</th><td>\(escape(i.name))\(t(M.version(i.version)))"
                + "<br><code>SHA-256 \(escape(i.sha256))</code></td></tr>\n"
        }
        var h = "<table class=\"meta\">\n" + line(M.rulesHead, r.rules)
        if let a = r.against { h += line(M.againstHead, a) }
        h += "<tr><th>\(t(M.recordsHead))</th><td>\(r.records)</td></tr>\n"
        if !r.warningCounts.isEmpty {
            let list = M.semicolons(r.warningCodes.map { M.warningCount(M.warning($0), $0, r.warningCounts[$0] ?? 0) })
            h += "<tr><th>\(t(M.warningsHead))</th><td class=\"warn\">\(t(list))</td></tr>\n"
        }
        if r.overflow { h += "<tr><th>\(t(M.noteHead))</th><td class=\"warn\">\(t(M.overflow))</td></tr>\n" }
        return h + "</table>\n"
    }

    private static func summarySection(_ r: BatchReport, _ t: Words) -> String {
        var h = "<section>\n<h2>\(t(M.overview))</h2>\n"
        h += table([M.result, M.records, M.share], BatchReport.statuses.map { s in
            [t(M.status(s)) + " <code>\(s.rawValue)</code>", num(r.count(s)), percent(r.count(s), r.records)]
        }, t)
        let cats = r.categoryOrder
        h += "<h3>\(t(M.byCategory))</h3>\n<div class=\"row\">\n"
        h += table([M.categoryHead, M.records, M.share], cats.map { c in
            [t(M.category(c)) + " <code>\(escape(c))</code>", num(r.categoryCounts[c] ?? 0),
             percent(r.categoryCounts[c] ?? 0, r.records)]
        }, t)
        h += SVGChart.horizontal(title: t.raw(M.recordsByCategory), series: [SVGChart.Series(name: t.raw(M.records), color: "#c0392b", bars: cats.map { c in
            let n = r.categoryCounts[c] ?? 0
            return SVGChart.Bar(label: t.raw(M.category(c)), value: Rational(integer: Int64(n)), valueText: String(n))
        })], labelWidth: 110, plotWidth: 380, english: t.english) + "\n</div>\n"
        if !r.groupNames.isEmpty {
            h += "<h3>\(t(M.byGroup))</h3>\n"
            h += table([M.groupHead, M.groupRecords, M.ofWhichEligible], r.groupNames.indices.map { i in
                [escape(r.groupNames[i]), num(i < r.groupRecords.count ? r.groupRecords[i] : 0),
                 num(i < r.groupEligible.count ? r.groupEligible[i] : 0)]
            }, t)
        }
        return h + "</section>\n"
    }

    private static func fundSection(_ r: BatchReport, _ t: Words) -> String {
        var h = "<section>\n<h2>\(t(M.funds))</h2>\n"
        let codes = r.fundOrder.filter { r.funds[$0] != nil }
        h += table([M.fundHead, M.codeHead, M.sourceHead, M.awardsHead, M.pendingHead, M.fixedTotalHead], codes.map { code in
            let f = r.funds[code]!
            return [escape(r.fundName(code, english: t.english)), code.isEmpty ? "—" : "<code>\(escape(code))</code>",
                    BatchReport.source(ofFund: code).map { escape(BatchReport.sourceName($0, english: t.english)) } ?? "—",
                    num(f.awards), num(f.pendingAwards), money(f.total)]
        }, t, numeric: [3, 4, 5])
        h += SVGChart.horizontal(title: t.raw(M.fixedByFund), series: [SVGChart.Series(name: t.raw(M.amount), color: "#b9770e", bars: codes.map { code in
            let f = r.funds[code]!
            return SVGChart.Bar(label: r.fundName(code, english: t.english), value: f.total, valueText: f.total.formatted(places: 2))
        })], english: t.english) + "\n"
        h += "<h3>\(t(M.byBenefit))</h3>\n"
        h += table([M.benefitHead, M.awardsHead, M.pendingHead, M.fixedTotalHead], r.benefitNames.map { name in
            let b = r.benefits[name]!
            return [escape(name), num(b.awards), num(b.pendingAwards), money(b.total)]
        }, t)
        return h + "</section>\n"
    }

    private static func statTableSection(_ r: BatchReport, _ t: Words) -> String {
        var h = "<section>\n<h2>\(t(M.statTable))</h2>\n"
        h += "<p class=\"note\">\(t(M.statTableNote(r.statTableName(english: t.english))))</p>\n"
        h += table([M.rowHead, M.itemHead, M.valueHead, M.wanYuanHead, M.countsHead], r.statisticsTable.map { row in
            [escape(row.row), t(row.title),
             row.households.map { t(M.householdCount(num($0))) } ?? row.amount.map { t(M.yuan(money($0))) } ?? "",
             escape(row.wanYuan ?? ""), "<span class=\"note\">\(t(row.countsText))</span>"]
        }, t, numeric: [2, 3])
        let unassigned = r.unassignedFundMoney ?? BatchReport.MoneyTally()
        h += "<ul class=\"note\">\n<li>\(t(M.otherHouseholds(num(r.otherEligibleHouseholds))))</li>\n"
        h += "<li>\(t(M.pendingAwards(num(r.pendingAwards))))</li>\n"
        h += "<li>\(t(M.unassigned(num(unassigned.awards), money(unassigned.total))))</li>\n"
        h += "<li>\(t(M.sourceMapping))</li>\n</ul>\n"
        return h + "</section>\n"
    }

    private static func incomeSection(_ r: BatchReport, _ t: Words) -> String {
        var h = "<section>\n<h2>\(t(M.income))</h2>\n<div class=\"row\">\n"
        let buckets = BatchReport.IncomeBucket.allCases
        h += SVGChart.stackedColumns(title: t.raw(M.incomeChart), labels: buckets.map { $0.code },
                                     lower: buckets.map { r.incomeEligible[$0.rawValue] },
                                     upper: buckets.map { r.incomeRecords[$0.rawValue] - r.incomeEligible[$0.rawValue] },
                                     lowerName: t.raw(M.eligible), upperName: t.raw(M.notEligible), english: t.english) + "\n"
        h += table([M.bucketHead, M.records, M.ofWhichEligible], buckets.map { b in
            ["\(t(M.incomeBucket(b))) <code>\(escape(b.code))</code>", num(r.incomeRecords[b.rawValue]), num(r.incomeEligible[b.rawValue])]
        }, t)
        return h + "</div>\n</section>\n"
    }

    // MARK: - Pieces

    /// A table; cells are HTML already. Columns in `numeric` (default: all but the first) align right.
    static func table(_ head: [Message], _ rows: [[String]], _ t: Words, numeric: Set<Int>? = nil) -> String {
        let numeric = numeric ?? Set(1..<max(1, head.count))
        var h = "<table>\n<thead><tr>" + head.map { "<th>\(t($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            h += "<tr>" + row.enumerated().map { i, cell in
                numeric.contains(i) ? "<td class=\"n\">\(cell)</td>" : "<td>\(cell)</td>"
            }.joined() + "</tr>\n"
        }
        if rows.isEmpty { h += "<tr><td colspan=\"\(head.count)\" class=\"note\">\(t(M.none))</td></tr>\n" }
        return h + "</tbody>\n</table>\n"
    }

    static func num(_ n: Int) -> String {
        let s = String(n.magnitude)
        var out = ""
        for (i, c) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func money(_ r: Rational) -> String { escape(r.formatted(places: 2)) }

    static func percent(_ n: Int, _ total: Int) -> String {
        guard total > 0, let p = Rational(Int64(n) * 100, Int64(total)) else { return "—" }
        return p.formatted(places: 1) + "%"
    }
}
