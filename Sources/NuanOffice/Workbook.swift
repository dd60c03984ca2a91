import Foundation

/// An Excel workbook (.xlsx, Office Open XML SpreadsheetML) read from memory.
///
/// Opening checks the ZIP container and reads the sheet list, shared strings and styles; sheet
/// XML is read when a sheet's rows are asked for. Every problem is an `OfficeError` naming the
/// part, sheet, row and column; hostile files are refused within `ZipLimits`, never trapped on.
///
///     let book = try Workbook(data: bytes)
///     var rows = try book.rowReader(sheet: "申请")      // nil = first sheet
///     while let row = try rows.next() { … row.number, row.cells … }
public struct Workbook {
    /// Sheet names in tab order (hidden sheets included).
    public let sheetNames: [String]
    /// True for the 1904 date system (`<workbookPr date1904="1"/>`).
    public let date1904: Bool

    private let zip: ZipArchive
    private let index: WorkbookIndex
    private let sharedStrings: [String]
    private let styles: Styles?

    public init(data: Data, limits: ZipLimits = .standard) throws(OfficeError) {
        try self.init(bytes: [UInt8](data), limits: limits)
    }

    public init(bytes: [UInt8], limits: ZipLimits = .standard) throws(OfficeError) {
        zip = try ZipArchive(bytes: bytes, limits: limits)
        index = try WorkbookIndex(zip)
        sheetNames = index.sheets.map(\.name)
        date1904 = index.date1904
        if let part = index.sharedStringsPart, zip.contains(part) {
            sharedStrings = try SharedStrings.parse(try zip.read(part), part: part)
        } else {
            sharedStrings = []
        }
        if let part = index.stylesPart, zip.contains(part) {
            styles = try Styles.parse(try zip.read(part), part: part)
        } else {
            styles = nil
        }
    }

    /// Reads the rows of `sheet` one at a time. nil = the first sheet in tab order. A name is
    /// matched exactly, else ignoring case as Excel does (its sheet names are unique that way).
    public func rowReader(sheet: String? = nil) throws(OfficeError) -> SheetRowReader {
        let info: WorkbookIndex.SheetInfo
        if let sheet {
            let found = index.sheets.first { $0.name == sheet }
                ?? index.sheets.first { $0.name.lowercased() == sheet.lowercased() }
            guard let found else {
                let names = sheetNames.map { "“\(OfficeError.quoted($0))”" }.joined(separator: "、")
                throw OfficeError(.noSuchSheet, "没有名为 “\(OfficeError.quoted(sheet))” 的工作表（有：\(names)）")
            }
            info = found
        } else {
            info = index.sheets[0]
        }
        guard let part = info.part else {
            throw OfficeError(.noSuchSheet, "“\(OfficeError.quoted(info.name))” 不是数据工作表（可能是图表）")
        }
        return try SheetRowReader(sheet: info.name, part: part, bytes: try zip.read(part),
                                  sharedStrings: sharedStrings, styles: styles, date1904: date1904)
    }

    /// All stored rows of `sheet` (nil = first), each with its Excel row number.
    public func rows(sheet: String? = nil) throws(OfficeError) -> [SheetRow] {
        var reader = try rowReader(sheet: sheet)
        var out: [SheetRow] = []
        while let row = try reader.next() { out.append(row) }
        return out
    }

    /// The sheet as a grid of strings: `result[0]` is row 1; rows Excel did not store are `[]`.
    public func table(sheet: String? = nil) throws(OfficeError) -> [[String]] {
        var out: [[String]] = []
        for row in try rows(sheet: sheet) {
            out += [[String]](repeating: [], count: row.number - 1 - out.count)
            out.append(row.texts)
        }
        return out
    }
}
