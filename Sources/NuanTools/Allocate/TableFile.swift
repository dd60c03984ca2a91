import Foundation
import NuanSupport
import NuanOffice

/// A table the paper-work commands write (allocation, roster, audit): CSV for any program,
/// `.xlsx` with amounts as numbers for Excel, from the same rows.
package struct TableFile: Sendable {
    package enum Cell: Sendable, Equatable {
        case text(String)
        /// An exact amount, written with two decimals.
        case money(Rational)
        case integer(Int)
        case empty

        var csvText: String {
            switch self {
            case .text(let s): return s
            case .money(let r): return r.formatted(places: 2)
            case .integer(let n): return String(n)
            case .empty: return ""
            }
        }

        var office: OutputCell {
            switch self {
            case .text(let s): return s.isEmpty ? .empty : .text(s)
            case .money(let r): return .money(r.formatted(places: 2))
            case .integer(let n): return .integer(String(n))
            case .empty: return .empty
            }
        }
    }

    package struct Sheet: Sendable {
        package var name: String
        package var header: [String]
        package var rows: [[Cell]]
        package init(name: String, header: [String], rows: [[Cell]]) {
            self.name = name
            self.header = header
            self.rows = rows
        }
    }

    package var sheets: [Sheet]
    package init(_ sheets: [Sheet]) { self.sheets = sheets }

    /// RFC 4180; the sheets one after another, a blank line between.
    package var csv: String {
        func line(_ cells: [String]) -> String { cells.map(Self.quote).joined(separator: ",") + "\r\n" }
        return sheets.map { s in line(s.header) + s.rows.map { line($0.map(\.csvText)) }.joined() }.joined(separator: "\r\n")
    }

    package func xlsx() throws(OfficeError) -> [UInt8] {
        try XLSXWriter.write(sheets.map { OutputSheet(name: $0.name, header: $0.header, rows: $0.rows.map { $0.map(\.office) }) })
    }

    /// A cell quoted when it must be; one that Excel would read as a formula (`=`, `+`, `-`,
    /// `@` first) is prefixed with `'`, so a name from an archive cannot run in a spreadsheet.
    static func quote(_ s: String) -> String {
        var s = s
        if let c = s.first, "=+@".contains(c) || (c == "-" && Rational.parse(s) == nil) { s = "'" + s }
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
