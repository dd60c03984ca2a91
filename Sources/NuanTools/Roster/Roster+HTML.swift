import Foundation
import NuanSupport

/// The roster as a printable page: A4 landscape, the column headers repeated at the top of
/// every printed page (`thead` is a table-header-group, which browsers repeat), no row split
/// across pages, totals and signature lines at the end. Self-contained (inline CSS, no script,
/// nothing fetched); every text HTML-escaped.
extension Roster {
    public func html(unmask: Bool, publicList: Bool) -> String {
        let table = publicList ? publicTable : self.table(unmask: unmask)
        let sheet = table.sheets[0]
        let title = publicList ? title.replacingOccurrences(of: "发放名册（实名制）", with: "公示名单") : title
        let e = HTMLReport.escape
        var h = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(e(title))</title>\n<style>\n\(Self.style)</style>\n</head>\n<body>\n"
        h += "<h1>\(e(title))</h1>\n"
        if let r = rules, !publicList {
            h += "<p class=\"meta\">依据：\(e(r.name))\(r.version.map { " " + e($0) } ?? "")　规则摘要 sha256 \(e(String(r.sha256.prefix(16))))…</p>\n"
        }
        h += "<table>\n<thead><tr>" + sheet.header.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        let dataRows = sheet.rows.prefix(lines.count)
        for row in dataRows {
            h += "<tr>" + row.enumerated().map { k, c in "<td\(Self.cellClass(c, k, sheet.header))>\(e(c.csvText))</td>" }.joined() + "</tr>\n"
        }
        h += "</tbody>\n<tfoot>\n"
        for row in sheet.rows.dropFirst(lines.count) where row.first != .text(RosterMessage.rulesRow) {
            h += "<tr class=\"total\">" + row.enumerated().map { k, c in "<td\(Self.cellClass(c, k, sheet.header))>\(e(c.csvText))</td>" }.joined() + "</tr>\n"
        }
        h += "</tfoot>\n</table>\n"
        h += publicList
            ? "<p class=\"sign\">公示期：＿＿年＿＿月＿＿日至＿＿年＿＿月＿＿日　　如有异议，请向工会反映。</p>\n"
            : "<p class=\"sign\">经办人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　单位负责人：＿＿＿＿＿＿　　（盖章）　　＿＿年＿＿月＿＿日</p>\n"
        return h + "</body>\n</html>\n"
    }

    static func cellClass(_ c: TableFile.Cell, _ k: Int, _ header: [String]) -> String {
        if case .money = c { return " class=\"num\"" }
        if header[k] == "经办人签字" { return " class=\"sign-cell\"" }
        return ["序号", "申请编号", "姓名", "联系方式", "身份证号"].contains(header[k]) ? " class=\"code\"" : ""
    }

    static let style = """
    @page { size: A4 landscape; margin: 12mm 10mm; }
    body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 9pt; margin: 0; }
    h1 { font-size: 15pt; text-align: center; margin: 0 0 4mm; }
    .meta { font-size: 8.5pt; color: #444; margin: 0 0 3mm; }
    table { width: 100%; border-collapse: collapse; table-layout: auto; }
    thead { display: table-header-group; }
    tfoot { display: table-row-group; }
    tr { page-break-inside: avoid; break-inside: avoid; }
    th, td { border: 0.6pt solid #000; padding: 1.6mm 1.2mm; vertical-align: middle; overflow-wrap: anywhere; }
    th { white-space: nowrap; }
    td.code { white-space: nowrap; }
    th { background: #eee; font-weight: bold; }
    td.num { text-align: right; white-space: nowrap; }
    td.sign-cell { width: 24mm; }
    tr.total td { font-weight: bold; }
    .sign { margin-top: 8mm; }

    """
}
