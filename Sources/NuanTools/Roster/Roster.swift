import Foundation
import NuanSupport

/// The 实名制 慰问/帮扶 名册 the notices require (乐山 2012 “实名制”, 青海 2020 三（三）):
/// one line per payment — 序号, 申请编号, 姓名, 工作单位, 基本情况, 联系方式, 身份证号,
/// 慰问金额, 资金来源, 项目, 经办人签字 (left empty to be signed) — with totals per fund and
/// overall, and the stamp of the rules that decided, so `nuan audit` can check it when it
/// comes back signed.
public struct Roster: Sendable {
    public struct Line: Sendable, Equatable {
        public var serial: Int
        public var id: String
        public var name: String
        public var employer: String
        /// Category, causes and groups, as the office writes them (`深度困难；大病；农民工`).
        public var situation: String
        public var category: String
        public var phone: String
        public var idNumber: String
        public var amount: Rational
        public var fund: String
        public var fundLabel: String?
        public var benefit: String
    }

    public struct FundTotal: Sendable, Equatable {
        public var fund: String
        public var label: String?
        public var amount: Rational
        public var count: Int
    }

    public var title: String
    public var lines: [Line]
    public var rules: RulesStamp?

    /// Per fund, in order of first use.
    public var fundTotals: [FundTotal] {
        var out: [FundTotal] = []
        for l in lines {
            if let k = out.firstIndex(where: { $0.fund == l.fund }) {
                out[k].amount = out[k].amount.adding(l.amount) ?? out[k].amount
                out[k].count += 1
            } else {
                out.append(FundTotal(fund: l.fund, label: l.fundLabel, amount: l.amount, count: 1))
            }
        }
        return out
    }

    public var total: Rational { Rational.sum(lines.map(\.amount)) ?? .zero }

    /// `中央财政专项帮扶资金（central_aid）`: the label an office reads with the code an audit reads.
    static func fundText(_ code: String, _ label: String?) -> String { label.map { "\($0)（\(code)）" } ?? code }

    /// The fund code in a 资金来源 cell: the code in the last full-width brackets, or the cell.
    static func fundCode(in cell: String) -> String {
        let t = cell.trimmingCharacters(in: .whitespaces)
        guard t.hasSuffix("）"), let open = t.lastIndex(of: "（") else { return t }
        return String(t[t.index(after: open)..<t.index(before: t.endIndex)])
    }
}

/// Masks for the papers: ID and phone numbers as `Privacy` masks them everywhere, and the
/// 公示 name — the first character kept, and the last of a name of three or more
/// (`张*`, `王*明`, `欧**明`), so neighbours can recognise a posting without it naming anyone
/// in full to strangers.
public enum PaperMask {
    public static func idNumber(_ s: String, unmask: Bool) -> String { unmask || s.isEmpty ? s : Privacy.mask(s) }
    public static func phone(_ s: String, unmask: Bool) -> String { unmask || s.isEmpty ? s : Privacy.redact(s) == s ? Privacy.mask(s) : Privacy.redact(s) }

    public static func publicName(_ s: String) -> String {
        let c = Array(s)
        switch c.count {
        case 0: return ""
        case 1: return "*"
        case 2: return String(c[0]) + "*"
        default: return String(c[0]) + String(repeating: "*", count: c.count - 2) + String(c[c.count - 1])
        }
    }
}
