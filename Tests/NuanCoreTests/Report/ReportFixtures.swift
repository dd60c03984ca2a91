@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// Hand-made decisions for the report tests (no evaluator involved).
enum ReportFixtures {
    static func money(_ s: String) -> Rational { Rational.parse(s)! }

    /// awards: (benefit, amount text or nil for 待定, fund code or nil).
    static func decision(_ id: String, _ status: Decision.Status, _ category: String,
                         _ awards: [(String, String?, String?)] = []) -> Decision {
        var total = Rational.zero
        let list = awards.map { a -> Decision.Award in
            let amount = a.1.map(money)
            if let amount { total = total.adding(amount)! }
            return Decision.Award(benefit: a.0, amount: amount, unit: nil, fund: a.2, allowedFunds: a.2.map { [$0] } ?? [],
                                  citation: nil)
        }
        return Decision(id: id, status: status, category: category, awards: list, totalAmount: total, score: nil,
                        missing: [], errors: [], explanation: [], pending: [])
    }

    struct Row {
        var new: Decision
        var old: Decision
        var groups: [Bool]
        var migrant: Bool
        var model: Bool
        var income: Rational?
    }

    static let dibao = money("660")

    /// Seven records, hand-checked in the tests.
    static let rows: [Row] = [
        Row(new: decision("A1", .eligible, "deep", [("深度困难慰问金", "1000", "central_aid")]),
            old: decision("A1", .eligible, "deep", [("深度困难慰问金", "800", "central_aid")]),
            groups: [true, false], migrant: false, model: false, income: money("500")),
        Row(new: decision("A2", .eligible, "relative", [("相对困难慰问金", "500.50", "union_own")]),
            old: decision("A2", .ineligible, "none"),
            groups: [false, false], migrant: true, model: false, income: money("660")),
        Row(new: decision("A3", .eligible, "none", [("劳模慰问金", nil, "union_own")]),
            old: decision("A3", .eligible, "none", [("劳模慰问金", nil, "union_own")]),
            groups: [false, true], migrant: false, model: true, income: money("2000")),
        Row(new: decision("A4", .ineligible, "none"),
            old: decision("A4", .eligible, "relative", [("相对困难慰问金", "500", "union_own")]),
            groups: [false, false], migrant: false, model: false, income: money("1320")),
        Row(new: decision("A5", .undetermined, "undetermined"), old: decision("A5", .undetermined, "undetermined"),
            groups: [false, false], migrant: false, model: false, income: nil),
        Row(new: Decision.invalid(id: "A6", errors: []), old: Decision.invalid(id: "A6", errors: []),
            groups: [], migrant: false, model: false, income: nil),
        Row(new: decision("A7", .eligible, "accidental", [("意外致困慰问金", "666.666666", "social_donation"), ("交通补贴", "100", nil)]),
            old: decision("A7", .eligible, "accidental", [("意外致困慰问金", "666.666666", "social_donation"), ("交通补贴", "100", nil)]),
            groups: [false, false], migrant: true, model: true, income: money("990")),
    ]

    static func empty(against: Bool = true, exampleLimit: Int = 1000) -> BatchReport {
        BatchReport(rules: .init(name: "测试规则", version: "1", sha256: "abc"),
                    against: against ? .init(name: "旧规则", version: nil, sha256: "def") : nil,
                    groupNames: ["全国建档困难职工", "劳模工匠等先进人物"],
                    funds: [("central_aid", "中央财政专项帮扶资金"), ("union_own", "本级工会经费"), ("social_donation", nil)],
                    benefits: ["深度困难慰问金", "相对困难慰问金", "劳模慰问金"], exampleLimit: exampleLimit)
    }

    static func report(_ rows: ArraySlice<Row>, against: Bool = true, exampleLimit: Int = 1000) -> BatchReport {
        var r = empty(against: against, exampleLimit: exampleLimit)
        for row in rows {
            r.add(row.new, groups: row.groups, migrantWorker: row.migrant, modelWorker: row.model,
                  perCapitaIncome: row.income, dibaoLine: row.income == nil ? nil : dibao)
            if against { r.addComparison(old: row.old, new: row.new) }
        }
        return r
    }
}
