/// A cell's value as read, with its kind kept so an importer can tell a typed number from text
/// that looks like one, and refuse error cells instead of reading `#N/A` as data.
public enum CellValue: Equatable, Sendable {
    case empty
    /// Text (shared, inline or formula string), exactly as stored.
    case text(String)
    /// A number as plain decimal text, never through Double: `1200.5`, `0.030000000000000004`.
    case number(String)
    /// A number in a date-formatted cell: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` or `HH:MM:SS`.
    case date(String)
    case bool(Bool)
    /// An Excel error value such as `#N/A` or `#DIV/0!`.
    case error(String)

    /// The value as one string: what `Workbook.table(sheet:)` returns. Booleans are `TRUE`/`FALSE`
    /// as Excel shows them; errors are their code.
    public var text: String {
        switch self {
        case .empty: return ""
        case .text(let s), .number(let s), .date(let s), .error(let s): return s
        case .bool(let b): return b ? "TRUE" : "FALSE"
        }
    }
}

/// One row of a sheet as stored: its number as Excel shows it (1-based) and its cells from
/// column A, gaps filled with `.empty`, trailing empty cells dropped.
public struct SheetRow: Equatable, Sendable {
    public let number: Int
    public let cells: [CellValue]

    public init(number: Int, cells: [CellValue]) {
        self.number = number
        self.cells = cells
    }

    /// The cells as strings (`CellValue.text`).
    public var texts: [String] { cells.map(\.text) }

    /// Column letters for a 0-based index into `cells`, for messages (`0` → `A`).
    public static func columnLetters(index: Int) -> String { CellRef.letters(index + 1) }
}
