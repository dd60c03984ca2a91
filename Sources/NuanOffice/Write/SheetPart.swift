/// Writes one worksheet part: column widths, a frozen bold header row and the data rows.
/// Strings are written inline (`t="inlineStr"`), which Excel and LibreOffice read like shared
/// strings, so the writer needs no second pass to build a string table.
enum SheetPart {
    /// Excel's limit on the characters in one cell.
    static let maxTextLength = 32_767

    static func xml(_ sheet: OutputSheet) throws(OfficeError) -> String {
        let columnCount = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)
        guard columnCount <= CellRef.maxColumn, sheet.rows.count < CellRef.maxRow else {
            throw OfficeError(.tooLarge, "超出 Excel 的最大行数或列数", sheet: sheet.name)
        }
        var widths = sheet.header.map(displayWidth)
        for (i, text) in sheet.header.enumerated() { try checkLength(text, sheet, row: 1, index: i) }
        var body = ""
        body += row(1, sheet.header.enumerated().map { i, text in cell(i, 1, text: text, style: StylesPart.header) })
        for (r, cells) in sheet.rows.enumerated() {
            let number = r + 2
            var xmlCells: [String] = []
            for (i, value) in cells.enumerated() {
                if widths.count <= i { widths.append(0) }
                switch value {
                case .empty:
                    continue
                case .text(let text):
                    try checkLength(text, sheet, row: number, index: i)
                    widths[i] = max(widths[i], displayWidth(text))
                    xmlCells.append(cell(i, number, text: text, style: StylesPart.text))
                case .number(let decimal, let format):
                    guard let v = ExcelNumber.valueText(decimal) else {
                        throw OfficeError(.numberNotRepresentable,
                                          "“\(OfficeError.quoted(decimal))” 不是十进制数，或超过 Excel 能精确保存的 15 位有效数字",
                                          sheet: sheet.name, row: number, column: CellRef.letters(i + 1))
                    }
                    widths[i] = max(widths[i], v.count + 2)
                    xmlCells.append(#"<c r="\#(CellRef.letters(i + 1))\#(number)" s="\#(StylesPart.index(for: format))"><v>\#(v)</v></c>"#)
                }
            }
            body += row(number, xmlCells)
        }
        let last = CellRef.letters(max(columnCount, 1)) + String(sheet.rows.count + 1)
        var xml = PackageParts.header + #"<worksheet xmlns="\#(PackageParts.main)" xmlns:r="\#(PackageParts.officeRels)">"#
        xml += #"<dimension ref="A1:\#(last)"/>"#
        // The header stays in view while scrolling: a frozen pane below row 1.
        xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        xml += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        xml += #"<sheetFormatPr defaultRowHeight="15"/>"#
        if !widths.isEmpty {
            xml += "<cols>"
            for (i, w) in widths.enumerated() {
                xml += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(min(max(w + 2, 8), 60))" customWidth="1"/>"#
            }
            xml += "</cols>"
        }
        return xml + "<sheetData>" + body + "</sheetData></worksheet>"
    }

    /// Excel counts a cell's characters in UTF-16 units.
    private static func checkLength(_ text: String, _ sheet: OutputSheet, row: Int, index: Int) throws(OfficeError) {
        guard text.utf16.count <= maxTextLength else {
            throw OfficeError(.textTooLong, "文本超过 Excel 单元格上限 \(maxTextLength) 个字符",
                              sheet: sheet.name, row: row, column: CellRef.letters(index + 1))
        }
    }

    private static func row(_ number: Int, _ cells: [String]) -> String {
        #"<row r="\#(number)">"# + cells.joined() + "</row>"
    }

    private static func cell(_ index: Int, _ row: Int, text: String, style: Int) -> String {
        let value = XMLText.escape(XStringEscape.encode(text))
        // Leading or trailing spaces would be dropped by readers without xml:space="preserve".
        let preserve = text.first?.isWhitespace == true || text.last?.isWhitespace == true ? #" xml:space="preserve""# : ""
        return #"<c r="\#(CellRef.letters(index + 1))\#(row)" s="\#(style)" t="inlineStr"><is><t\#(preserve)>\#(value)</t></is></c>"#
    }

    /// Roughly how many character widths `text` needs: CJK characters are about two.
    private static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value < 0x1100 ? 1 : 2) }
    }
}

/// Which decimal texts a written number cell may hold. Excel stores a double, which is exact
/// only to 15 significant digits; a longer number (an ID, say) would silently change, so it is
/// refused here and belongs in a `.text` cell.
enum ExcelNumber {
    static func valueText(_ decimal: String) -> String? {
        let bytes = Array(decimal.utf8)
        var i = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
        var digits: [UInt8] = [], sawPoint = false, intDigits = 0
        while i < bytes.count {
            let b = bytes[i]
            if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                digits.append(b)
                if !sawPoint { intDigits += 1 }
            } else if b == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard intDigits > 0, !sawPoint || digits.count > intDigits else { return nil }
        let significant = digits.drop(while: { $0 == UInt8(ascii: "0") }).reversed().drop(while: { $0 == UInt8(ascii: "0") })
        guard significant.count <= 15 else { return nil }
        // Excel reads `+5` but writes `5`; strip the sign so the file looks like Excel's own.
        return decimal.hasPrefix("+") ? String(decimal.dropFirst()) : decimal
    }
}
