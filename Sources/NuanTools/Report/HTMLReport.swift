import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// `--report FILE`: the batch report as ONE self-contained HTML page — inline CSS, charts as
/// inline SVG, no script, no font, image or style sheet fetched from anywhere; it opens offline
/// in any browser. Every text from the rules or the records is HTML-escaped. It shows record
/// ids only (no names, ID numbers or phones: the report never receives them; an id that looks
/// like an ID or phone number is masked unless `unmask`).
public enum HTMLReport {
    public static func render(_ r: BatchReport, unmask: Bool = false) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>送温暖批量评估报告 — \(escape(r.rules.name))</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"
        h += "<h1>送温暖批量评估报告</h1>\n"
        h += rulesBlock(r)
        h += summarySection(r)
        h += fundSection(r)
        h += statTableSection(r)
        h += incomeSection(r)
        if let m = r.impact { h += impactSection(r, m, unmask: unmask) }
        h += "<footer>本报告由 Nuan 规则引擎生成；金额为规则确定的金额（待定金额不计入合计）；仅列申请编号，不含个人身份信息。</footer>\n"
        return h + "</body>\n</html>\n"
    }

    /// HTML-escapes text for element content and quoted attribute values; control characters
    /// are shown as `\u{1B}` (a page printed with `cat` cannot drive the terminal).
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(c)
            default:
                if SafeText.isUnsafe(c) { out += SafeText.line(String(c)) } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    // MARK: - Sections

    private static func rulesBlock(_ r: BatchReport) -> String {
        func line(_ title: String, _ i: BatchReport.RulesInfo) -> String {
            "<tr><th>\(title)</th><td>\(escape(i.name))\(i.version.map { "（版本 \(escape($0))）" } ?? "")"
                + "<br><code>SHA-256 \(escape(i.sha256))</code></td></tr>\n"
        }
        var h = "<table class=\"meta\">\n" + line("规则", r.rules)
        if let a = r.against { h += line("对比旧规则", a) }
        h += "<tr><th>记录数</th><td>\(r.records)</td></tr>\n"
        if !r.warningCounts.isEmpty {
            let list = r.warningCodes.map { "\(BatchReport.warningName($0))（\($0)）\(r.warningCounts[$0] ?? 0) 条" }.joined(separator: "；")
            h += "<tr><th>提示</th><td class=\"warn\">\(escape(list))</td></tr>\n"
        }
        if r.overflow { h += "<tr><th>注意</th><td class=\"warn\">金额合计超出计算范围，合计不完整</td></tr>\n" }
        return h + "</table>\n"
    }

    private static func summarySection(_ r: BatchReport) -> String {
        var h = "<section>\n<h2>一、总体情况</h2>\n"
        h += table(["结果", "记录数", "占比"], BatchReport.statuses.map { s in
            [escape(BatchReport.statusName(s)) + " <code>\(s.rawValue)</code>", num(r.count(s)), percent(r.count(s), r.records)]
        })
        let cats = r.categoryOrder
        h += "<h3>按类别</h3>\n<div class=\"row\">\n"
        h += table(["类别", "记录数", "占比"], cats.map { c in
            [escape(BatchReport.categoryName(c)) + " <code>\(escape(c))</code>", num(r.categoryCounts[c] ?? 0),
             percent(r.categoryCounts[c] ?? 0, r.records)]
        })
        h += SVGChart.horizontal(title: "按类别的记录数", series: [SVGChart.Series(name: "记录数", color: "#c0392b", bars: cats.map { c in
            let n = r.categoryCounts[c] ?? 0
            return SVGChart.Bar(label: BatchReport.categoryName(c), value: Rational(integer: Int64(n)), valueText: String(n))
        })], labelWidth: 110, plotWidth: 380) + "\n</div>\n"
        if !r.groupNames.isEmpty {
            h += "<h3>按帮扶对象</h3>\n"
            h += table(["对象", "符合对象条件的记录", "其中获帮扶"], r.groupNames.indices.map { i in
                [escape(r.groupNames[i]), num(i < r.groupRecords.count ? r.groupRecords[i] : 0),
                 num(i < r.groupEligible.count ? r.groupEligible[i] : 0)]
            })
        }
        return h + "</section>\n"
    }

    private static func fundSection(_ r: BatchReport) -> String {
        var h = "<section>\n<h2>二、帮扶资金</h2>\n"
        let codes = r.fundOrder.filter { r.funds[$0] != nil }
        h += table(["资金", "代码", "统计表来源", "发放笔数", "其中金额待定", "确定金额合计（元）"], codes.map { code in
            let t = r.funds[code]!
            return [escape(r.fundName(code)), code.isEmpty ? "—" : "<code>\(escape(code))</code>",
                    BatchReport.source(ofFund: code).map { escape(BatchReport.sourceName($0)) } ?? "—",
                    num(t.awards), num(t.pendingAwards), money(t.total)]
        }, numeric: [3, 4, 5])
        h += SVGChart.horizontal(title: "按资金的确定金额（元）", series: [SVGChart.Series(name: "金额", color: "#b9770e", bars: codes.map { code in
            let t = r.funds[code]!
            return SVGChart.Bar(label: r.fundName(code), value: t.total, valueText: t.total.formatted(places: 2))
        })]) + "\n"
        h += "<h3>按帮扶项目</h3>\n"
        h += table(["帮扶项目", "发放笔数", "其中金额待定", "确定金额合计（元）"], r.benefitNames.map { name in
            let t = r.benefits[name]!
            return [escape(name), num(t.awards), num(t.pendingAwards), money(t.total)]
        })
        return h + "</section>\n"
    }

    private static func statTableSection(_ r: BatchReport) -> String {
        var h = "<section>\n<h2>三、送温暖统计表（可由档案得出的栏目）</h2>\n"
        h += "<p class=\"note\">表名：\(escape(r.statTableName))。栏目取自梧州市总工会《2018年各地工会送温暖统计表》（梧工办发〔2018〕2号 附件1）。</p>\n"
        h += table(["编号", "项目", "数值", "万元", "口径"], r.statisticsTable.map { row in
            [escape(row.row), escape(row.label),
             row.households.map { "\(num($0)) 户" } ?? row.amount.map { money($0) + " 元" } ?? "",
             escape(row.wanYuan ?? ""), "<span class=\"note\">\(escape(row.counts))</span>"]
        }, numeric: [2, 3])
        let unassigned = r.unassignedFundMoney ?? BatchReport.MoneyTally()
        h += "<ul class=\"note\">\n<li>其他获帮扶户（未建档且不属困难类别，如劳模、一线职工走访慰问或对未建档家庭的一次性慰问）：\(num(r.otherEligibleHouseholds)) 户，不计入 2C。</li>\n"
        h += "<li>金额待定的发放：\(num(r.pendingAwards)) 笔，不计入金额。</li>\n"
        h += "<li>未指定资金的发放：\(num(unassigned.awards)) 笔，\(money(unassigned.total)) 元，不计入 3A。</li>\n"
        h += "<li>资金来源对应（解读）：central_aid→中央财政；provincial_finance_aid、local_finance→地方财政；provincial_union_*、union_own→工会经费；social_donation→社会捐助；unit_admin 及其他→其他收入。</li>\n</ul>\n"
        return h + "</section>\n"
    }

    private static func incomeSection(_ r: BatchReport) -> String {
        var h = "<section>\n<h2>四、人均月收入与低保标准</h2>\n<div class=\"row\">\n"
        let buckets = BatchReport.IncomeBucket.allCases
        h += SVGChart.stackedColumns(title: "人均月收入相当于低保标准的倍数（记录数）", labels: buckets.map { $0.code },
                                     lower: buckets.map { r.incomeEligible[$0.rawValue] },
                                     upper: buckets.map { r.incomeRecords[$0.rawValue] - r.incomeEligible[$0.rawValue] },
                                     lowerName: "获帮扶", upperName: "未获帮扶") + "\n"
        h += table(["区间", "记录数", "其中获帮扶"], buckets.map { b in
            ["\(escape(b.label)) <code>\(escape(b.code))</code>", num(r.incomeRecords[b.rawValue]), num(r.incomeEligible[b.rawValue])]
        })
        return h + "</div>\n</section>\n"
    }

    // MARK: - Pieces

    /// A table; cells are HTML already. Columns in `numeric` (default: all but the first) align right.
    static func table(_ head: [String], _ rows: [[String]], numeric: Set<Int>? = nil) -> String {
        let numeric = numeric ?? Set(1..<max(1, head.count))
        var h = "<table>\n<thead><tr>" + head.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            h += "<tr>" + row.enumerated().map { i, cell in
                numeric.contains(i) ? "<td class=\"n\">\(cell)</td>" : "<td>\(cell)</td>"
            }.joined() + "</tr>\n"
        }
        if rows.isEmpty { h += "<tr><td colspan=\"\(head.count)\" class=\"note\">（无）</td></tr>\n" }
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
