import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// `--summary FILE`: the report as JSON. Keys are always in the order written here; money is
/// a decimal string of yuan with 2 places (万元 with 2 places where the 统计表 asks for 万元).
extension BatchReport {
    /// Record ids that look like ID or phone numbers are masked unless `unmask` (`--unmask`).
    public func json(unmask: Bool = false) -> String {
        var o = JSONObjectWriter(pretty: true)
        o.field("rules", Self.rulesJSON(rules))
        o.field("against", against.map(Self.rulesJSON) ?? "null")
        o.field("records", String(records))
        o.field("by_status", object(Self.statuses.map { ($0.rawValue, String(count($0))) }))
        o.field("by_category", object(categoryOrder.map { ($0, String(categoryCounts[$0] ?? 0)) }))
        o.field("by_warning", object(warningCodes.map { ($0, String(warningCounts[$0] ?? 0)) }))
        o.field("by_group", array(groupNames.indices.map { i in
            object([("group", JSONText.quote(groupNames[i])),
                    ("records", String(i < groupRecords.count ? groupRecords[i] : 0)),
                    ("eligible", String(i < groupEligible.count ? groupEligible[i] : 0))])
        }))
        o.field("funds", array(fundOrder.map { code in
            let t = funds[code] ?? MoneyTally()
            return object([("fund", code.isEmpty ? "null" : JSONText.quote(code)),
                           ("label", fundLabels[code].map(JSONText.quote) ?? "null"),
                           ("source", Self.source(ofFund: code).map { JSONText.quote(Self.sourceName($0)) } ?? "null"),
                           ("awards", String(t.awards)), ("pending_awards", String(t.pendingAwards)),
                           ("total", JSONText.quote(t.total.formatted(places: 2)))])
        }))
        o.field("benefits", array(benefitNames.map { name in
            let t = benefits[name] ?? MoneyTally()
            return object([("benefit", JSONText.quote(name)), ("awards", String(t.awards)),
                           ("pending_awards", String(t.pendingAwards)),
                           ("total", JSONText.quote(t.total.formatted(places: 2)))])
        }))
        o.field("statistics_table", statTableJSON())
        o.field("income_vs_dibao", array(BatchReport.IncomeBucket.allCases.map { b in
            object([("bucket", JSONText.quote(b.code)), ("label", JSONText.quote(b.label)),
                    ("records", String(incomeRecords[b.rawValue])), ("eligible", String(incomeEligible[b.rawValue]))])
        }))
        o.field("impact", impact.map { impactJSON($0, unmask: unmask) } ?? "null")
        o.field("near_miss", nearMissJSON(unmask: unmask))
        o.field("money_overflow", overflow ? "true" : "false")
        return o.close() + "\n"
    }

    /// The short name of a table source: 中央财政, 地方财政, 工会经费, 社会捐助, 其他收入.
    public static func sourceName(_ i: Int, english: Bool = false) -> String {
        Message.Report.sources[i].text(english: english)
    }

    private func statTableJSON() -> String {
        let rows = statisticsTable.map { r -> String in
            var f: [(String, String)] = [("row", JSONText.quote(r.row)), ("label", JSONText.quote(r.label))]
            if let h = r.households { f.append(("households", String(h))) }
            if let a = r.amount {
                f.append(("amount", JSONText.quote(a.formatted(places: 2))))
                f.append(("amount_wan_yuan", JSONText.quote(r.wanYuan ?? Self.wanYuan(a))))
            }
            f.append(("counts", JSONText.quote(r.counts)))
            return object(f)
        }
        let unassigned = unassignedFundMoney ?? MoneyTally()
        return object([
            ("table", JSONText.quote(statTableName)),
            ("rows", array(rows)),
            ("other_eligible_households", String(otherEligibleHouseholds)),
            ("pending_awards", String(pendingAwards)),
            ("no_fund_awards", String(unassigned.awards)),
            ("no_fund_total", JSONText.quote(unassigned.total.formatted(places: 2))),
        ])
    }

    private func impactJSON(_ m: Impact, unmask: Bool) -> String {
        let cats = categoryOrder
        let matrix = cats.compactMap { from -> String? in
            guard let row = m.transitions[from] else { return nil }
            return JSONText.quote(from) + ":" + object(cats.compactMap { to in row[to].map { (to, String($0)) } })
        }
        let fundRows = fundOrder.compactMap { code -> String? in
            let old = m.oldFunds[code], new = m.newFunds[code]
            if old == nil && new == nil { return nil }
            let o = old?.total ?? .zero, n = new?.total ?? .zero
            return object([("fund", code.isEmpty ? "null" : JSONText.quote(code)),
                           ("old_total", JSONText.quote(o.formatted(places: 2))),
                           ("new_total", JSONText.quote(n.formatted(places: 2))),
                           ("delta", JSONText.quote((n.subtracting(o) ?? .zero).formatted(places: 2))),
                           ("old_pending_awards", String(old?.pendingAwards ?? 0)),
                           ("new_pending_awards", String(new?.pendingAwards ?? 0))])
        }
        func ids(_ list: [String]) -> String { array(list.map { JSONText.quote(Privacy.shown($0, unmask: unmask)) }) }
        return object([
            ("records", String(m.compared)),
            ("transitions", "{" + matrix.joined(separator: ",") + "}"),
            ("newly_eligible", object([("count", String(m.newlyEligible)), ("ids", ids(m.newlyEligibleIDs))])),
            ("no_longer_eligible", object([("count", String(m.noLongerEligible)), ("ids", ids(m.noLongerEligibleIDs))])),
            ("amount_changed", object([("count", String(m.amountChanged)), ("ids", ids(m.amountChangedIDs))])),
            ("cost_by_fund", array(fundRows)),
        ])
    }

    private static func rulesJSON(_ r: RulesInfo) -> String {
        // Texts of the rules file: masked like every other text quoted from it.
        "{\"name\":\(JSONText.quote(Privacy.redact(r.name))),\"version\":\(r.version.map { JSONText.quote(Privacy.redact($0)) } ?? "null"),\"sha256\":\(JSONText.quote(r.sha256))}"
    }

    private func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { JSONText.quote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    private func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
}
