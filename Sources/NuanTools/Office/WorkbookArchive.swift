import NuanSupport
import NuanOffice

/// An archive kept as an Excel workbook, read as the CSV the batch pipeline already reads: the
/// first non-empty row of the sheet is the header, and every later row becomes one CSV line —
/// a row Excel did not store becomes a blank line, so the line numbers in decisions are the
/// row numbers Excel shows. Cells keep their exact text: numbers as the decimal Excel stored
/// (never through binary floating point), dates in date-formatted cells as `YYYY-MM-DD`, an
/// error cell (`#N/A`) as its code, which no typed field accepts.
enum WorkbookArchive {
    struct Converted {
        var csv: [UInt8]
        /// The Excel row of the header.
        var headerRow: Int
        var sheet: String
    }

    static func csv(from bytes: [UInt8], sheet: String?) -> Result<Converted, OfficeError> {
        do {
            let workbook = try Workbook(bytes: bytes)
            var reader = try workbook.rowReader(sheet: sheet)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count * 4)
            var headerRow = 0
            var width = 0
            var lastRow = 0
            while let row = try reader.next() {
                let nonEmpty = row.cells.contains { $0 != .empty }
                if headerRow == 0 {
                    guard nonEmpty else { continue }
                    headerRow = row.number
                    width = row.cells.count
                } else {
                    // rows Excel did not store, and empty ones, are blank lines: not records
                    for _ in 0..<max(0, row.number - lastRow - 1) { out.append(0x0A) }
                }
                lastRow = row.number
                guard nonEmpty else { out.append(0x0A); continue }
                // trailing empty cells are not stored: pad to the header's width (a longer row
                // keeps its extra cells, and the batch names the mismatch)
                let count = max(width, row.cells.count)
                for k in 0..<count {
                    if k > 0 { out.append(0x2C) }
                    put(k < row.cells.count ? row.cells[k] : .empty, into: &out)
                }
                out.append(0x0A)
            }
            return .success(Converted(csv: out, headerRow: max(1, headerRow), sheet: reader.sheet))
        } catch {
            return .failure(error)
        }
    }

    static func put(_ cell: CellValue, into out: inout [UInt8]) {
        let text: String
        switch cell {
        case .empty: return
        case .bool(let b): text = b ? "true" : "false"
        case .text(let s), .number(let s), .date(let s), .error(let s): text = s
        }
        let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } || text.utf8.first == 0x22
        if !needsQuotes { out += text.utf8; return }
        out.append(0x22)
        for b in text.utf8 {
            if b == 0x22 { out.append(0x22) }
            out.append(b)
        }
        out.append(0x22)
    }
}
