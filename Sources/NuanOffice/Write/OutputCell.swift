/// A cell to write. Numbers are given as exact decimal text (the engine's money is never a
/// Double); the writer checks that Excel can hold them without rounding.
public enum OutputCell: Equatable, Sendable {
    case empty
    /// Text that stays text in Excel (format `@`): ID numbers keep every digit and leading zeros.
    case text(String)
    /// A number, e.g. `"1200.50"`, `"-3"`, shown with `format`.
    case number(String, format: NumberFormat)

    /// Money shown with two decimals (`0.00`).
    public static func money(_ decimal: String) -> OutputCell { .number(decimal, format: .money) }
    /// A whole number shown without decimals (`0`).
    public static func integer(_ decimal: String) -> OutputCell { .number(decimal, format: .integer) }
}

/// Number formats the writer offers: all built into Excel, so no custom `<numFmts>` are needed.
public enum NumberFormat: Sendable {
    /// Excel's `General`.
    case general
    /// `0` (built-in id 1).
    case integer
    /// `0.00` (built-in id 2).
    case money
}

/// One sheet to write: a bold, frozen header row and data rows (which may be ragged).
public struct OutputSheet: Sendable {
    public var name: String
    public var header: [String]
    public var rows: [[OutputCell]]

    public init(name: String, header: [String], rows: [[OutputCell]]) {
        self.name = name
        self.header = header
        self.rows = rows
    }
}
