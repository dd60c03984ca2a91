import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// Bar charts drawn as inline SVG text. Geometry is integer pixels computed exactly from
/// `Rational` values (no floating point); every label is HTML-escaped.
enum SVGChart {
    /// One bar: its label, value (non-negative), and the text printed after it.
    struct Bar {
        var label: String
        var value: Rational
        var valueText: String
    }

    /// A series of a grouped chart (e.g. 旧规则 / 新规则), with its colour.
    struct Series {
        var name: String
        var color: String
        var bars: [Bar]
    }

    static let rowHeight = 26

    /// Horizontal bars, one per item; `series` > 1 draws grouped bars with a legend.
    static func horizontal(title: String, series: [Series], labelWidth: Int = 240, plotWidth: Int = 520, english: Bool = false) -> String {
        typealias M = Message.Report
        let rows = series.first?.bars.count ?? 0
        let groupHeight = rowHeight * series.count + 10
        let legend = series.count > 1 ? 24 : 0
        let height = 30 + legend + max(rows, 1) * groupHeight + 10
        let width = labelWidth + plotWidth + 130
        let maxValue = series.flatMap(\.bars).map(\.value).max() ?? .zero
        var out = open(title: title, width: width, height: height)
        if series.count > 1 {
            var x = labelWidth
            for s in series {
                out += "<rect x=\"\(x)\" y=\"30\" width=\"14\" height=\"14\" fill=\"\(s.color)\"/>"
                out += "<text x=\"\(x + 20)\" y=\"42\" class=\"lg\">\(HTMLReport.escape(s.name))</text>"
                x += 40 + 14 * s.name.count
            }
        }
        if rows == 0 {
            out += "<text x=\"\(labelWidth)\" y=\"\(30 + legend + 18)\" class=\"lg\">\(HTMLReport.escape(M.noData.text(english: english)))</text>"
        }
        for i in 0..<rows {
            let top = 30 + legend + i * groupHeight
            let label = series[0].bars[i].label
            let limit = max(4, labelWidth / 14)
            let labelY = top + (rowHeight * series.count) / 2 + 5
            out += "<text x=\"\(labelWidth - 8)\" y=\"\(labelY)\" text-anchor=\"end\" class=\"lb\">"
                + "<title>\(HTMLReport.escape(label))</title>\(HTMLReport.escape(shorten(label, limit)))</text>"
            for (k, s) in series.enumerated() {
                let bar = s.bars[i]
                let w = scaled(bar.value, maxValue, plotWidth)
                let y = top + k * rowHeight
                out += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowHeight - 6)\" fill=\"\(s.color)\">"
                    + "<title>\(HTMLReport.escape(M.tooltip(s.name + " " + label, bar.valueText).text(english: english)))</title></rect>"
                out += "<text x=\"\(labelWidth + w + 6)\" y=\"\(y + rowHeight / 2 + 5)\" class=\"vl\">\(HTMLReport.escape(bar.valueText))</text>"
            }
        }
        out += "<line x1=\"\(labelWidth)\" y1=\"\(30 + legend)\" x2=\"\(labelWidth)\" y2=\"\(height - 10)\" class=\"ax\"/>"
        return out + "</svg>"
    }

    /// Vertical columns split in two stacked parts (`lower` at the bottom), one per bucket.
    static func stackedColumns(title: String, labels: [String], lower: [Int], upper: [Int],
                               lowerName: String, upperName: String, english: Bool = false) -> String {
        typealias M = Message.Report
        let colWidth = 64, gap = 26, plotHeight = 240, left = 30, top = 60
        let width = left + labels.count * (colWidth + gap) + 20
        let height = top + plotHeight + 60
        let maxTotal = max(1, zip(lower, upper).map { $0 + $1 }.max() ?? 1)
        var out = open(title: title, width: width, height: height)
        out += "<rect x=\"\(left)\" y=\"30\" width=\"14\" height=\"14\" fill=\"#c0392b\"/>"
        out += "<text x=\"\(left + 20)\" y=\"42\" class=\"lg\">\(HTMLReport.escape(lowerName))</text>"
        out += "<rect x=\"\(left + 110)\" y=\"30\" width=\"14\" height=\"14\" fill=\"#e8b4a8\"/>"
        out += "<text x=\"\(left + 130)\" y=\"42\" class=\"lg\">\(HTMLReport.escape(upperName))</text>"
        let base = top + plotHeight
        out += "<line x1=\"\(left - 5)\" y1=\"\(base)\" x2=\"\(width - 10)\" y2=\"\(base)\" class=\"ax\"/>"
        for (i, label) in labels.enumerated() {
            let x = left + i * (colWidth + gap)
            let hLow = lower[i] * plotHeight / maxTotal
            let hAll = (lower[i] + upper[i]) * plotHeight / maxTotal
            out += "<rect x=\"\(x)\" y=\"\(base - hAll)\" width=\"\(colWidth)\" height=\"\(hAll - hLow)\" fill=\"#e8b4a8\">"
                + "<title>\(HTMLReport.escape(M.tooltip("\(label) \(upperName)", String(upper[i])).text(english: english)))</title></rect>"
            out += "<rect x=\"\(x)\" y=\"\(base - hLow)\" width=\"\(colWidth)\" height=\"\(hLow)\" fill=\"#c0392b\">"
                + "<title>\(HTMLReport.escape(M.tooltip("\(label) \(lowerName)", String(lower[i])).text(english: english)))</title></rect>"
            out += "<text x=\"\(x + colWidth / 2)\" y=\"\(base - hAll - 6)\" text-anchor=\"middle\" class=\"vl\">\(lower[i] + upper[i])</text>"
            out += "<text x=\"\(x + colWidth / 2)\" y=\"\(base + 20)\" text-anchor=\"middle\" class=\"lb\">\(HTMLReport.escape(label))</text>"
        }
        return out + "</svg>"
    }

    private static func open(title: String, width: Int, height: Int) -> String {
        "<svg class=\"chart\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTMLReport.escape(title))\">"
            + "<text x=\"10\" y=\"20\" class=\"tt\">\(HTMLReport.escape(title))</text>"
    }

    /// `value / maxValue × width` rounded down, exactly; 0 for non-positive values.
    static func scaled(_ value: Rational, _ maxValue: Rational, _ width: Int) -> Int {
        guard value.numerator > 0, maxValue.numerator > 0 else { return 0 }
        let n = Int128(value.numerator) * Int128(maxValue.denominator) * Int128(width)
        let d = Int128(value.denominator) * Int128(maxValue.numerator)
        return max(1, Int(min(n / d, Int128(width))))
    }

    static func shorten(_ s: String, _ limit: Int) -> String {
        s.count <= limit ? s : String(s.prefix(limit - 1)) + "…"
    }
}
