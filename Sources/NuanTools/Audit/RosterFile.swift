import Foundation
import NuanSupport

/// A roster as it comes back (CSV or `.xlsx`, the layout `nuan roster` writes, or any table
/// with the same column names in any order): its payment lines, its 小计 and 合计 rows and its
/// 规则 row, each with the line (CSV) or row (Excel) it stands on.
public struct RosterFile: Sendable {
    public struct Line: Sendable {
        public var line: Int
        public var id: String
        public var name: String
        public var idNumber: String
        /// nil when the cell is not an amount.
        public var amount: Rational?
        public var amountText: String
        public var fund: String
        public var benefit: String
    }

    public struct Total: Sendable {
        public var line: Int
        /// nil for 合计.
        public var fund: String?
        public var amount: Rational?
        public var amountText: String
    }

    public var path: String
    public var lines: [Line] = []
    public var totals: [Total] = []
    public var rulesDigest: (line: Int, sha256: String)?

    public struct Failure: Error, Equatable {
        public var message: Message
    }

    public static func read(path: String) -> Result<RosterFile, Failure> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Failure(message: AuditMessage.cannotRead(path)))
        }
        var bytes = [UInt8](data)
        var firstLine = 1
        if path.lowercased().hasSuffix(".xlsx") {
            guard case .success(let c) = WorkbookArchive.csv(from: bytes, sheet: nil) else {
                return .failure(Failure(message: AuditMessage.cannotRead(path)))
            }
            bytes = c.csv
            firstLine = c.headerRow
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let rows = DecisionWorkbook.parse(bytes)
        guard let header = rows.first else { return .failure(Failure(message: AuditMessage.noHeader(path))) }
        let col = Dictionary(header.enumerated().map { ($1.trimmingCharacters(in: .whitespaces), $0) }, uniquingKeysWith: { a, _ in a })
        let needed = ["序号", "申请编号", "姓名", "身份证号", "慰问金额", "资金来源"]
        let missing = needed.filter { col[$0] == nil }
        guard missing.isEmpty else { return .failure(Failure(message: AuditMessage.missingColumns(path, missing))) }
        func cell(_ row: [String], _ name: String) -> String {
            guard let k = col[name], k < row.count else { return "" }
            return row[k].trimmingCharacters(in: .whitespaces)
        }
        var file = RosterFile(path: path)
        for (k, row) in rows.enumerated().dropFirst() where row.contains(where: { !$0.isEmpty }) {
            let line = firstLine + k
            let first = cell(row, "序号")
            let amountText = cell(row, "慰问金额")
            let amount = Rational.parse(amountText.replacingOccurrences(of: ",", with: ""))
            switch first {
            case RosterMessage.subtotal:
                file.totals.append(Total(line: line, fund: Roster.fundCode(in: cell(row, "资金来源")), amount: amount, amountText: amountText))
            case RosterMessage.total:
                file.totals.append(Total(line: line, fund: nil, amount: amount, amountText: amountText))
            case RosterMessage.rulesRow:
                file.rulesDigest = (line, cell(row, "申请编号"))
            default:
                file.lines.append(Line(line: line, id: cell(row, "申请编号"), name: cell(row, "姓名"), idNumber: cell(row, "身份证号"),
                                       amount: amount, amountText: amountText, fund: Roster.fundCode(in: cell(row, "资金来源")),
                                       benefit: cell(row, "项目")))
            }
        }
        return .success(file)
    }
}
