/// Everything that can go wrong reading or writing a workbook, as a value: a stable `code` the
/// caller can match on, where it happened (ZIP entry, sheet, row, column) and a message in the
/// officers' language. Hostile input never traps; it ends here.
public struct OfficeError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What kind of problem it is; stable, so tests and `nuan batch` can match on it.
    public enum Code: String, Sendable {
        // ZIP container
        case notZip = "zip.not-zip"
        case truncated = "zip.truncated"
        case zip64 = "zip.zip64"
        case multiDisk = "zip.multi-disk"
        case encrypted = "zip.encrypted"
        case unsupportedMethod = "zip.unsupported-method"
        case badHeader = "zip.bad-header"
        case badPath = "zip.bad-path"
        case duplicateEntry = "zip.duplicate-entry"
        case tooManyEntries = "zip.too-many-entries"
        case entryTooLarge = "zip.entry-too-large"
        case archiveTooLarge = "zip.archive-too-large"
        case ratioTooHigh = "zip.ratio-too-high"
        case sizeMismatch = "zip.size-mismatch"
        case badCRC = "zip.bad-crc"
        case badDeflate = "zip.bad-deflate"
        case missingEntry = "zip.missing-entry"
        // XML
        case xmlMalformed = "xml.malformed"
        case xmlTooDeep = "xml.too-deep"
        case xmlDoctype = "xml.doctype"
        // SpreadsheetML
        case noSheets = "xlsx.no-sheets"
        case noSuchSheet = "xlsx.no-such-sheet"
        case badCellRef = "xlsx.bad-cell-ref"
        case cellOrder = "xlsx.cell-order"
        case sharedStringIndex = "xlsx.shared-string-index"
        case styleIndex = "xlsx.style-index"
        case badNumber = "xlsx.bad-number"
        case badDate = "xlsx.bad-date"
        case badBool = "xlsx.bad-bool"
        // Writer
        case badSheetName = "write.bad-sheet-name"
        case textTooLong = "write.text-too-long"
        case numberNotRepresentable = "write.number-not-representable"
        case tooLarge = "write.too-large"
    }

    public let code: Code
    /// The ZIP entry (part) concerned, e.g. `xl/worksheets/sheet1.xml`, if any.
    public let entry: String?
    /// The sheet name, row (1-based, as Excel shows it) and column letters, for cell problems.
    public let sheet: String?
    public let row: Int?
    public let column: String?
    /// What is wrong, in Chinese, without the location (which `description` adds).
    public let message: String

    public init(_ code: Code, _ message: String, entry: String? = nil,
                sheet: String? = nil, row: Int? = nil, column: String? = nil) {
        self.code = code
        self.message = message
        self.entry = entry
        self.sheet = sheet
        self.row = row
        self.column = column
    }

    /// e.g. `工作表 Sheet1 第 12 行 C 列：共享字符串序号 99 超出范围（共 3 个）[xlsx.shared-string-index]`.
    public var description: String {
        var place = ""
        if let sheet { place += "工作表 \(Self.quoted(sheet))" }
        if let row { place += (place.isEmpty ? "" : " ") + "第 \(row) 行" }
        if let column { place += (place.isEmpty ? "" : " ") + "\(column) 列" }
        if place.isEmpty, let entry { place = "压缩包条目 \(Self.quoted(entry))" }
        return (place.isEmpty ? "" : place + "：") + message + " [\(code.rawValue)]"
    }

    /// Names from the file are shown short and without control characters.
    static func quoted(_ text: String) -> String {
        var out = ""
        for (n, scalar) in text.unicodeScalars.enumerated() {
            if n == 80 { return out + "…" }
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
