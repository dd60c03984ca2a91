import NuanSupport
import NuanOffice

/// Decisions as an Excel workbook: the batch's own CSV output (header and rows, RFC 4180)
/// turned into one sheet with a frozen bold header, amounts as numbers with two decimals, and
/// every other cell as text — so an ID or application number keeps its digits and leading
/// zeros, and no cell is ever a formula.
enum DecisionWorkbook {
    /// Columns whose cells are amounts (`0.00`) or plain numbers.
    static let moneyColumns: Set<String> = ["total_amount", "previous_total_amount"]
    static let numberColumns: Set<String> = ["score"]

    static func xlsx(fromCSV bytes: [UInt8], sheet: String = "决定") -> Result<[UInt8], OfficeError> {
        var rows = parse(bytes)
        if rows.first?.first?.hasPrefix("\u{FEFF}") == true { rows[0][0].removeFirst() }
        guard let header = rows.first else { return .success((try? XLSXWriter.write(sheet: sheet, header: [], rows: [])) ?? []) }
        let kinds = header.map { moneyColumns.contains($0) ? 1 : numberColumns.contains($0) ? 2 : 0 }
        let body: [[OutputCell]] = rows.dropFirst().map { row in
            row.enumerated().map { k, text in
                if text.isEmpty { return .empty }
                switch k < kinds.count ? kinds[k] : 0 {
                case 1: return .money(text)
                case 2: return .number(text, format: .general)
                default: return .text(text)
                }
            }
        }
        do { return .success(try XLSXWriter.write(sheet: sheet, header: header, rows: body)) } catch { return .failure(error) }
    }

    /// RFC 4180 rows (quoted cells may hold commas, doubled quotes and line breaks).
    static func parse(_ b: [UInt8]) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell: [UInt8] = []
        var i = 0
        var quoted = false
        func endCell() { row.append(String(decoding: cell, as: UTF8.self)); cell.removeAll(keepingCapacity: true) }
        while i < b.count {
            let c = b[i]
            if quoted {
                if c == 0x22 {
                    if i + 1 < b.count && b[i + 1] == 0x22 { cell.append(0x22); i += 2; continue }
                    quoted = false
                } else {
                    cell.append(c)
                }
            } else if c == 0x22 && cell.isEmpty {
                quoted = true
            } else if c == 0x2C {
                endCell()
            } else if c == 0x0A || c == 0x0D {
                if c == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
                endCell()
                rows.append(row)
                row.removeAll(keepingCapacity: true)
            } else {
                cell.append(c)
            }
            i += 1
        }
        if !cell.isEmpty || !row.isEmpty { endCell(); rows.append(row) }
        return rows
    }
}
