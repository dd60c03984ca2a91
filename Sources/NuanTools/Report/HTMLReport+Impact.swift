import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// The `--against` section of the HTML report, and the page's style sheet.
extension HTMLReport {
    static func impactSection(_ r: BatchReport, _ m: BatchReport.Impact, unmask: Bool, _ t: Words) -> String {
        var h = "<section>\n<h2>\(t(M.impact))</h2>\n"
        if let a = r.against {
            h += "<p class=\"note\">\(t(M.impactNote(old: a.name, oldVersion: a.version, new: r.rules.name, newVersion: r.rules.version, compared: num(m.compared))))</p>\n"
        }
        h += "<h3>\(t(M.categoryChanges))</h3>\n" + matrix(r, m, t)
        h += "<h3>\(t(M.aidChanges))</h3>\n"
        func ids(_ list: [String], _ count: Int) -> String {
            guard !list.isEmpty else { return "—" }
            let more = count > list.count ? t(M.idsOnlyFirst(num(list.count))) : ""
            return "<details><summary>\(t(M.ids))\(more)</summary><p class=\"ids\">"
                + list.map { $0.isEmpty ? t(M.noID) : escape(Privacy.shown($0, unmask: unmask)) }.joined(separator: t(M.idSeparator)) + "</p></details>"
        }
        h += table([M.changeHead, M.records, M.recordsListHead], [
            [t(M.newlyEligible), num(m.newlyEligible), ids(m.newlyEligibleIDs, m.newlyEligible)],
            [t(M.noLongerEligible), num(m.noLongerEligible), ids(m.noLongerEligibleIDs, m.noLongerEligible)],
            [t(M.amountChanged), num(m.amountChanged), ids(m.amountChangedIDs, m.amountChanged)],
        ], t, numeric: [1])
        h += "<h3>\(t(M.fundChanges))</h3>\n"
        let codes = r.fundOrder.filter { m.oldFunds[$0] != nil || m.newFunds[$0] != nil }
        h += table([M.fundHead, M.oldRules, M.newRules, M.changeHead], codes.map { code in
            let o = m.oldFunds[code]?.total ?? .zero, n = m.newFunds[code]?.total ?? .zero
            let d = n.subtracting(o) ?? .zero
            let cls = d.isNegative ? "down" : (d == .zero ? "" : "up")
            return [escape(r.fundName(code, english: t.english)), money(o), money(n),
                    "<span class=\"\(cls)\">\(d.isNegative || d == .zero ? "" : "+")\(money(d))</span>"]
        }, t)
        h += SVGChart.horizontal(title: t.raw(M.fundChart), series: [
            SVGChart.Series(name: t.raw(M.oldRules), color: "#95a5a6", bars: codes.map { code in
                let x = m.oldFunds[code]?.total ?? .zero
                return SVGChart.Bar(label: r.fundName(code, english: t.english), value: x, valueText: x.formatted(places: 2))
            }),
            SVGChart.Series(name: t.raw(M.newRules), color: "#c0392b", bars: codes.map { code in
                let x = m.newFunds[code]?.total ?? .zero
                return SVGChart.Bar(label: r.fundName(code, english: t.english), value: x, valueText: x.formatted(places: 2))
            }),
        ], english: t.english) + "\n"
        return h + "</section>\n"
    }

    private static func matrix(_ r: BatchReport, _ m: BatchReport.Impact, _ t: Words) -> String {
        var used = Set<String>()
        for (from, row) in m.transitions { used.insert(from); used.formUnion(row.keys) }
        let cats = r.categoryOrder.filter(used.contains)
        guard !cats.isEmpty else { return "<p class=\"note\">\(t(M.none))</p>\n" }
        var h = "<table class=\"matrix\">\n<thead><tr><th>\(t(M.oldNew))</th>"
        h += cats.map { "<th>\(t(M.category($0)))</th>" }.joined() + "<th>\(t(M.total))</th></tr></thead>\n<tbody>\n"
        var columnTotals = [Int](repeating: 0, count: cats.count)
        for from in cats {
            let row = m.transitions[from] ?? [:]
            var total = 0
            h += "<tr><th>\(t(M.category(from)))</th>"
            for (j, to) in cats.enumerated() {
                let n = row[to] ?? 0
                total += n
                columnTotals[j] += n
                let cls = from == to ? "n same" : (n > 0 ? "n moved" : "n")
                h += "<td class=\"\(cls)\">\(n == 0 ? "" : num(n))</td>"
            }
            h += "<td class=\"n\">\(num(total))</td></tr>\n"
        }
        h += "<tr><th>\(t(M.total))</th>" + columnTotals.map { "<td class=\"n\">\(num($0))</td>" }.joined()
            + "<td class=\"n\">\(num(columnTotals.reduce(0, +)))</td></tr>\n"
        return h + "</tbody>\n</table>\n"
    }

    /// Inline CSS: system fonts only (no web font is fetched).
    static let style = """
    body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
           margin: 24px auto; max-width: 1120px; color: #222; background: #fff; line-height: 1.5; }
    h1 { color: #a93226; border-bottom: 3px solid #a93226; padding-bottom: 6px; }
    h2 { color: #7b241c; margin-top: 32px; border-left: 6px solid #c0392b; padding-left: 8px; }
    h3 { color: #444; margin-bottom: 6px; }
    table { border-collapse: collapse; margin: 8px 0 16px; font-size: 14px; }
    th, td { border: 1px solid #d5d8dc; padding: 4px 10px; vertical-align: top; }
    thead th { background: #fdedec; }
    td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    table.meta th { text-align: left; background: #f8f9f9; }
    table.matrix td.same { background: #eaf2f8; }
    table.matrix td.moved { background: #fef5e7; font-weight: bold; }
    code { font-size: 12px; color: #666; }
    .note { color: #555; font-size: 13px; }
    .warn { color: #c0392b; font-weight: bold; }
    .up { color: #c0392b; } .down { color: #1e8449; }
    .row { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
    .ids { max-width: 900px; word-break: break-all; font-size: 12px; }
    svg.chart { background: #fcfcfc; border: 1px solid #eee; margin: 8px 0; }
    svg.chart .tt { font-size: 15px; font-weight: bold; fill: #333; }
    svg.chart .lb { font-size: 13px; fill: #333; }
    svg.chart .lg { font-size: 13px; fill: #333; }
    svg.chart .vl { font-size: 12px; fill: #555; }
    svg.chart .ax { stroke: #888; stroke-width: 1; }
    footer { margin-top: 40px; color: #888; font-size: 12px; border-top: 1px solid #ddd; padding-top: 8px; }

    """
}
