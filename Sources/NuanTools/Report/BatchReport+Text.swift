import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// The short Chinese summary printed at the end of a batch run.
extension BatchReport {
    /// Chinese names of statuses and categories, as reports show them.
    public static func statusName(_ s: Decision.Status) -> String {
        switch s {
        case .eligible: return "获帮扶"
        case .ineligible: return "不符合"
        case .undetermined: return "待补充信息"
        case .invalid: return "记录有误"
        }
    }

    public static func categoryName(_ c: String) -> String {
        switch c {
        case "deep": return "深度困难"
        case "relative": return "相对困难"
        case "accidental": return "意外致困"
        case "none": return "不属困难类别"
        case "undetermined": return "类别未定"
        default: return c
        }
    }

    /// A warning code as reports name it.
    public static func warningName(_ code: String) -> String {
        switch code {
        case "period": return "申请日期不在生效期内"
        case "unconfirmed": return "用到未确认的数值"
        default: return code
        }
    }

    /// The fund's label from the rules, else its code; "" is 未指定资金.
    public func fundName(_ code: String) -> String {
        code.isEmpty ? "未指定资金" : (fundLabels[code] ?? code)
    }

    /// The summary for a terminal: rule and fund names come from the rules file, so each line is
    /// masked and its control characters escaped.
    public func text() -> String {
        var lines: [String] = []
        lines.append("规则：\(rules.name)\(rules.version.map { "（版本 \($0)）" } ?? "")")
        lines.append("记录 \(records) 条：" + Self.statuses.map { "\(Self.statusName($0)) \(count($0))" }.joined(separator: "，"))
        let cats = categoryOrder.filter { (categoryCounts[$0] ?? 0) > 0 }
        if !cats.isEmpty {
            lines.append("类别：" + cats.map { "\(Self.categoryName($0)) \(categoryCounts[$0] ?? 0)" }.joined(separator: "，"))
        }
        if !warningCounts.isEmpty {
            lines.append("提示：" + warningCodes.map { "\(Self.warningName($0)) \(warningCounts[$0] ?? 0)" }.joined(separator: "，"))
        }
        let money = fundOrder.compactMap { code -> String? in
            guard let t = funds[code] else { return nil }
            return "\(fundName(code)) \(t.total.formatted(places: 2)) 元" + (t.pendingAwards > 0 ? "（另 \(t.pendingAwards) 笔待定）" : "")
        }
        if !money.isEmpty { lines.append("帮扶款（按资金）：" + money.joined(separator: "；")) }
        lines.append("慰问困难家庭 \(hardshipHouseholds) 户（困难职工 \(hardshipWorkerHouseholds)，困难农民工 \(hardshipMigrantHouseholds)，困难劳模 \(hardshipModelHouseholds)）；其他获慰问户 \(otherEligibleHouseholds)")
        if let a = statisticsTable.first(where: { $0.row == "3A" }), let yuan = a.amount {
            lines.append("统计表款物合计 \(yuan.formatted(places: 2)) 元（\(a.wanYuan ?? "") 万元，待定金额不计）")
        }
        if let m = impact, let a = against {
            lines.append("对比旧规则：\(a.name)\(a.version.map { "（版本 \($0)）" } ?? "")")
            lines.append("新获帮扶 \(m.newlyEligible)，不再获帮扶 \(m.noLongerEligible)，金额变化 \(m.amountChanged)")
            let deltas = fundOrder.compactMap { code -> String? in
                let o = m.oldFunds[code]?.total ?? .zero, n = m.newFunds[code]?.total ?? .zero
                if m.oldFunds[code] == nil && m.newFunds[code] == nil { return nil }
                let d = n.subtracting(o) ?? .zero
                return "\(fundName(code)) \(d.isNegative ? "" : "+")\(d.formatted(places: 2)) 元"
            }
            if !deltas.isEmpty { lines.append("资金变化：" + deltas.joined(separator: "；")) }
        }
        if overflow { lines.append("注意：金额合计超出计算范围，合计不完整") }
        return lines.map(Disclosure.masked.line).joined(separator: "\n") + "\n"
    }
}
