import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// The short summary printed at the end of a batch run, in Chinese or English.
extension BatchReport {
    typealias M = Message.Report

    /// Names of statuses and categories, as reports show them.
    public static func statusName(_ s: Decision.Status, english: Bool = false) -> String { M.status(s).text(english: english) }

    public static func categoryName(_ c: String, english: Bool = false) -> String { M.category(c).text(english: english) }

    /// A warning code as reports name it.
    public static func warningName(_ code: String, english: Bool = false) -> String { M.warning(code).text(english: english) }

    /// The fund's label from the rules, else its code; "" is 未指定资金.
    public func fundName(_ code: String, english: Bool = false) -> String {
        code.isEmpty ? M.noFund.text(english: english) : (fundLabels[code] ?? code)
    }

    func fundMessage(_ code: String) -> Message { code.isEmpty ? M.noFund : Message(both: fundLabels[code] ?? code) }

    /// The summary for a terminal: rule and fund names come from the rules file, so each line is
    /// masked and its control characters escaped.
    public func text(english: Bool = false) -> String {
        var lines: [Message] = []
        lines.append(M.rules(rules.name, rules.version))
        lines.append(M.records(records, M.counts(Self.statuses.map { (M.status($0), count($0)) })))
        let cats = categoryOrder.filter { (categoryCounts[$0] ?? 0) > 0 }
        if !cats.isEmpty {
            lines.append(M.categories(M.counts(cats.map { (M.category($0), categoryCounts[$0] ?? 0) })))
        }
        if !warningCounts.isEmpty {
            lines.append(M.warnings(M.counts(warningCodes.map { (M.warning($0), warningCounts[$0] ?? 0) })))
        }
        let money = fundOrder.compactMap { code -> Message? in
            guard let t = funds[code] else { return nil }
            return M.fundMoney(fundMessage(code), t.total.formatted(places: 2), pending: t.pendingAwards)
        }
        if !money.isEmpty { lines.append(M.moneyByFund(money)) }
        lines.append(M.households(total: hardshipHouseholds, workers: hardshipWorkerHouseholds, migrants: hardshipMigrantHouseholds,
                                  models: hardshipModelHouseholds, others: otherEligibleHouseholds))
        if let a = statisticsTable.first(where: { $0.row == "3A" }), let yuan = a.amount {
            lines.append(M.statTableTotal(yuan.formatted(places: 2), a.wanYuan ?? ""))
        }
        if let m = impact, let a = against {
            lines.append(M.against(a.name, a.version))
            lines.append(M.changes(newly: m.newlyEligible, noLonger: m.noLongerEligible, amount: m.amountChanged))
            let deltas = fundOrder.compactMap { code -> Message? in
                let o = m.oldFunds[code]?.total ?? .zero, n = m.newFunds[code]?.total ?? .zero
                if m.oldFunds[code] == nil && m.newFunds[code] == nil { return nil }
                let d = n.subtracting(o) ?? .zero
                return fundMessage(code) + Message(both: " \(d.isNegative ? "" : "+")") + M.yuan(d.formatted(places: 2))
            }
            if !deltas.isEmpty { lines.append(M.fundDeltas(deltas)) }
        }
        if let near = nearMissLine() { lines.append(near) }
        if overflow { lines.append(M.overflowLine) }
        return lines.map { Disclosure.masked.line($0.text(english: english)) }.joined(separator: "\n") + "\n"
    }
}
