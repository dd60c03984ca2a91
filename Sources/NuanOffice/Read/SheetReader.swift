/// Reads one worksheet part (`<sheetData><row><c>…`) row by row: `next()` returns each row as
/// soon as its `</row>` is read, so a caller can stop or report early. Cells are typed from
/// their `t` attribute; numbers stay decimal text; numbers in date-formatted cells become dates.
public struct SheetRowReader {
    /// The sheet's name as the workbook shows it, for messages.
    public let sheet: String
    private let part: String
    private let sharedStrings: [String]
    /// nil when the workbook has no styles part: then no cell is a date.
    private let styles: Styles?
    private let date1904: Bool
    private var reader: XMLReader
    private var rowNumber = 0

    /// The cell being read.
    private struct PendingCell {
        var column: Int
        var type: String
        var style: Int
        var value = ""
        var inline = ""
    }

    init(sheet: String, part: String, bytes: [UInt8], sharedStrings: [String], styles: Styles?,
         date1904: Bool) throws(OfficeError) {
        self.sheet = sheet
        self.part = part
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.date1904 = date1904
        reader = try XMLReader(bytes, part: part)
    }

    /// The next row that the sheet stores (rows Excel skips because they are empty are not
    /// reported; use `SheetRow.number`), or nil at the end of the sheet.
    public mutating func next() throws(OfficeError) -> SheetRow? {
        var lastColumn = 0
        var cells: [CellValue] = []
        var cell: PendingCell?
        var inRow = false, inValue = false, inInline = false, inText = false, phonetic = 0
        while let event = try reader.next() {
            switch event {
            case .start(let e):
                switch e.name {
                case "row":
                    rowNumber = try nextRowNumber(e["r"], after: rowNumber)
                    // A <row> nested in a row (never written by Excel) starts afresh.
                    inRow = true
                    lastColumn = 0
                    cells = []
                    cell = nil
                case "c" where inRow:
                    let column = try columnNumber(e["r"], row: rowNumber, after: lastColumn)
                    let style = try styleIndex(e["s"], row: rowNumber, column: column)
                    cell = PendingCell(column: column, type: e["t"] ?? "n", style: style)
                    lastColumn = column
                case "v": inValue = cell != nil
                case "is": inInline = cell != nil
                case "rPh": phonetic += 1
                case "t": inText = inInline && phonetic == 0
                default: break
                }
            case .end(let name):
                switch name {
                case "row" where inRow:
                    while cells.last == .empty { cells.removeLast() }
                    return SheetRow(number: rowNumber, cells: cells)
                case "c":
                    if let c = cell {
                        let value = try self.value(of: c, row: rowNumber)
                        cells += [CellValue](repeating: .empty, count: c.column - 1 - cells.count)
                        cells.append(value)
                    }
                    cell = nil
                case "v": inValue = false
                case "is": inInline = false
                case "rPh": phonetic -= 1
                case "t": inText = false
                default: break
                }
            case .text(let text):
                if inValue { cell?.value += text } else if inText { cell?.inline += text }
            }
        }
        return nil
    }

    // MARK: - Positions

    private func nextRowNumber(_ r: String?, after previous: Int) throws(OfficeError) -> Int {
        guard let r else {
            guard previous < CellRef.maxRow else { throw error(.badCellRef, "行号超出 Excel 的最大行数", row: previous) }
            return previous + 1
        }
        guard let n = Int(r), (1...CellRef.maxRow).contains(n), r.first != "0", r.first != "+" else {
            throw error(.badCellRef, "行号 “\(OfficeError.quoted(r))” 无效", row: previous + 1)
        }
        guard n > previous else { throw error(.cellOrder, "行号 \(n) 出现在第 \(previous) 行之后（顺序错乱或重复）", row: n) }
        return n
    }

    private func columnNumber(_ r: String?, row: Int, after previous: Int) throws(OfficeError) -> Int {
        guard let r else {
            guard previous < CellRef.maxColumn else { throw error(.badCellRef, "列超出 Excel 的最大列数", row: row) }
            return previous + 1
        }
        guard let ref = CellRef(r) else {
            throw error(.badCellRef, "单元格引用 “\(OfficeError.quoted(r))” 无效（应为 A1…XFD1048576）", row: row)
        }
        guard ref.row == row else {
            throw error(.badCellRef, "单元格 \(ref.text) 出现在第 \(row) 行中", row: row, column: ref.column)
        }
        guard ref.column > previous else {
            throw error(.cellOrder, "单元格 \(ref.text) 的列顺序错乱或重复", row: row, column: ref.column)
        }
        return ref.column
    }

    private func styleIndex(_ s: String?, row: Int, column: Int) throws(OfficeError) -> Int {
        guard let s else { return 0 }
        guard let n = Int(s), n >= 0 else { throw error(.styleIndex, "样式序号 “\(OfficeError.quoted(s))” 无效", row: row, column: column) }
        if let styles, n >= styles.isDate.count && n > 0 {
            throw error(.styleIndex, "样式序号 \(n) 超出范围（共 \(styles.isDate.count) 个）", row: row, column: column)
        }
        return n
    }

    // MARK: - Values

    private func value(of c: PendingCell, row: Int) throws(OfficeError) -> CellValue {
        switch c.type {
        case "s":
            guard !c.value.isEmpty else { return .empty }
            guard let n = Int(c.value), n >= 0, n < sharedStrings.count else {
                throw error(.sharedStringIndex, "共享字符串序号 “\(OfficeError.quoted(c.value))” 超出范围（共 \(sharedStrings.count) 个）",
                            row: row, column: c.column)
            }
            return .text(sharedStrings[n])
        case "str": return .text(c.value)
        case "inlineStr": return .text(XStringEscape.decode(c.inline))
        case "e": return .error(c.value)
        case "b":
            switch c.value {
            case "1", "true": return .bool(true)
            case "0", "false": return .bool(false)
            case "": return .empty
            default: throw error(.badBool, "逻辑值 “\(OfficeError.quoted(c.value))” 无效", row: row, column: c.column)
            }
        case "d": return c.value.isEmpty ? .empty : .date(Self.isoDate(c.value))
        case "n":
            let raw = c.value.trimmingSpaces
            guard !raw.isEmpty else { return .empty }
            guard let decimal = DecimalText.normalize(raw) else {
                throw error(.badNumber, "数值 “\(OfficeError.quoted(raw))” 无效", row: row, column: c.column)
            }
            guard let styles, c.style < styles.isDate.count, styles.isDate[c.style] else { return .number(decimal) }
            do {
                return .date(try ExcelDate.text(serial: decimal, date1904: date1904))
            } catch {
                throw self.error(.badDate, "日期格式单元格中的 \(decimal) \(Self.describe(error))", row: row, column: c.column)
            }
        default:
            throw error(.badNumber, "未知的单元格类型 t=“\(OfficeError.quoted(c.type))”", row: row, column: c.column)
        }
    }

    /// `t="d"` cells hold ISO 8601 text (`2024-03-01T00:00:00Z`); shown like serial dates.
    private static func isoDate(_ text: String) -> String {
        var s = String(text.map { $0 == "T" ? " " : $0 })
        if s.hasSuffix("Z") { s.removeLast() }
        if s.hasSuffix(".000") { s.removeLast(4) }
        if s.hasSuffix(" 00:00:00") { s.removeLast(9) }
        return s
    }

    private static func describe(_ problem: ExcelDate.Problem) -> String {
        switch problem {
        case .negative: return "是负数，不是日期"
        case .tooLarge: return "超出 Excel 的日期范围（最大 9999-12-31）"
        case .fictitiousLeapDay: return "是 Excel 虚构的 1900-02-29，不是真实日期"
        case .zero: return "是 0，不是日期（Excel 显示为 1900-01-00）"
        }
    }

    private func error(_ code: OfficeError.Code, _ message: String, row: Int, column: Int? = nil) -> OfficeError {
        OfficeError(code, message, entry: part, sheet: sheet, row: row, column: column.map(CellRef.letters))
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        guard let first, let last, first.isWhitespace || last.isWhitespace else { return self }
        return String(self.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
