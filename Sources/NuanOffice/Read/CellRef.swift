/// A cell reference such as `C12`: column letters A…XFD (1…16384) and row 1…1048576, the limits
/// of an Excel sheet. Anything outside them is an error rather than a huge gap to fill.
public struct CellRef: Equatable, Sendable {
    public static let maxColumn = 16_384
    public static let maxRow = 1_048_576

    /// 1-based column (A = 1).
    public let column: Int
    /// 1-based row, as Excel shows it.
    public let row: Int

    public init?(column: Int, row: Int) {
        guard (1...Self.maxColumn).contains(column), (1...Self.maxRow).contains(row) else { return nil }
        self.column = column
        self.row = row
    }

    /// Parses `A1`-style text (`$` absolute markers are not expected in a cell's own `r`).
    public init?(_ text: String) {
        var column = 0, row = 0, letters = 0, digits = 0
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                letters += 1
                guard letters <= 3 else { return nil }
                column = column * 26 + Int(b - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                digits += 1
                guard digits <= 7, !(digits == 1 && b == UInt8(ascii: "0")) else { return nil }
                row = row * 10 + Int(b - UInt8(ascii: "0"))
            default:
                return nil
            }
        }
        self.init(column: column, row: row)
    }

    /// Column letters for a 1-based column number (1 → A, 27 → AA).
    public static func letters(_ column: Int) -> String {
        var n = column
        var out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(out)
    }

    public var text: String { Self.letters(column) + String(row) }
}
