import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// The figures of the 送温暖统计表 that an archive run can give.
///
/// The table is the one of 梧州 2018 (seed 001, 梧工办发〔2018〕2号 附件1《2018年各地工会送温暖统计表》),
/// which the national 工会帮扶工作管理系统 also asks for. Rows filled (the table's 编号 is the
/// item number and its letter):
///
/// | row | label | what the report counts |
/// |---|---|---|
/// | 2C | 慰问困难家庭总数（户）C=D+E+F | records decided `eligible` that are archived households (建档类型 not 未建档: on the archive, removed from it this year or in the 渐退期) or whose category is `deep`, `relative` or `accidental` (one record = one household, applicant-record contract) |
/// | 2D | 其中，困难职工（户） | those of 2C whose 人员类别 holds neither `model_worker` nor `migrant_worker` |
/// | 2E | 其中，困难农民工（户） | those of 2C whose 人员类别 holds `migrant_worker` but not `model_worker` |
/// | 2F | 其中，困难劳模（户） | those of 2C whose 人员类别 holds `model_worker` |
/// | 3A | 筹集慰问款物总额（万元）A=B+C+D+E+F | the sum of 3B–3F as printed (each rounded: yuan to 分, 万元 to 2 places, as the table is filled) |
/// | 3B–3F | 中央财政 / 地方财政 / 工会经费 / 社会捐助 / 其他收入（万元） | fixed award amounts by fund, each fund code mapped to a source (`source(ofFund:)`) |
///
/// Readings: (1) a 困难家庭 is a paid household that is archived (whatever the payment: the
/// archived payment, the 退档 or 渐退期 one-off, a visit) or in a hardship category under the
/// rules; other eligible households (model workers or frontline workers visited as such,
/// one-offs to unarchived households above the criteria) are shown beside the table as
/// 其他获慰问户, not in 2C. (2) C=D+E+F
/// must hold, so each household is in exactly one of D/E/F: 劳模 before 农民工 before 职工.
/// (3) The table counts money actually raised; the report can only give the money the rules
/// award: 待定 amounts (left to the paying office) are not in it (their number is shown), and
/// awards without a fund are shown apart, not in 3A. Amounts are in yuan and in 万元.
extension BatchReport {
    /// One row of the 统计表.
    public struct StatTableRow: Sendable, Equatable {
        /// The table's 编号 and letter, e.g. "2C".
        public var row: String
        /// The row's label, in the table's Chinese and in English.
        public var title: Message
        /// Households, for rows 2C–2F.
        public var households: Int?
        /// Yuan, for rows 3A–3F (3A: the sum of 3B–3F rounded to 分, so A=B+…+F as printed).
        public var amount: Rational?
        /// The table's unit, 万元 with 2 places (3A: the sum of the printed 3B–3F figures).
        public var wanYuan: String?
        /// What the figure counts, in both languages.
        public var countsText: Message
        /// The label as the table prints it (Chinese).
        public var label: String { title.zh }
        /// What the figure counts, in Chinese.
        public var counts: String { countsText.zh }
    }

    /// The five money sources of the table, in its order (3B–3F).
    public static let sources: [(row: String, label: String)] = zip(["3B", "3C", "3D", "3E", "3F"], Message.Report.sourceRows).map { ($0, $1.zh) }

    /// The table source (index into `sources`) a fund code fills — a reading of the fund
    /// names of national-base.rules against the table's five sources:
    /// `central_aid`→中央财政; `provincial_finance_aid`, `local_finance`→地方财政 (province
    /// and city budgets are both 地方财政); `provincial_union_*`, `union_own`→工会经费;
    /// `social_donation`→社会捐助; `unit_admin` (an employer's administrative grant) and any
    /// code not listed→其他收入. nil for "" (no fund chosen).
    public static func source(ofFund code: String) -> Int? {
        switch code {
        case "": return nil
        case "central_aid": return 0
        case "provincial_finance_aid", "local_finance": return 1
        case "union_own": return 2
        case _ where code.hasPrefix("provincial_union_"): return 2
        case "social_donation": return 3
        default: return 4
        }
    }

    /// Fixed award money per table source (indices of `sources`).
    public var moneyBySource: [Rational] {
        var out = [Rational](repeating: .zero, count: Self.sources.count)
        for code in fundOrder {
            guard let i = Self.source(ofFund: code), let t = funds[code] else { continue }
            out[i] = out[i].adding(t.total) ?? out[i]
        }
        return out
    }

    /// Rows 2C–2F and 3A–3F, in table order.
    public var statisticsTable: [StatTableRow] {
        typealias M = Message.Report
        var rows: [StatTableRow] = [
            StatTableRow(row: "2C", title: M.row2C, households: hardshipHouseholds, amount: nil, wanYuan: nil, countsText: M.counts2C),
            StatTableRow(row: "2D", title: M.row2D, households: hardshipWorkerHouseholds, amount: nil, wanYuan: nil, countsText: M.counts2D),
            StatTableRow(row: "2E", title: M.row2E, households: hardshipMigrantHouseholds, amount: nil, wanYuan: nil, countsText: M.counts2E),
            StatTableRow(row: "2F", title: M.row2F, households: hardshipModelHouseholds, amount: nil, wanYuan: nil, countsText: M.counts2F),
        ]
        let money = moneyBySource
        // Each part rounded as printed; 3A adds the printed parts so that A = B+C+D+E+F holds.
        let yuan = money.map { Self.rounded($0, places: 2) }
        let wan = money.map { Self.rounded($0.divided(by: Rational(integer: 10000)) ?? .zero, places: 2) }
        let totalYuan = yuan.reduce(Rational.zero) { $0.adding($1) ?? $0 }
        let totalWan = wan.reduce(Rational.zero) { $0.adding($1) ?? $0 }
        rows.append(StatTableRow(row: "3A", title: M.row3A, households: nil, amount: totalYuan,
                                 wanYuan: totalWan.formatted(places: 2), countsText: M.counts3A))
        for (i, s) in Self.sources.enumerated() {
            let codes = fundOrder.filter { Self.source(ofFund: $0) == i && funds[$0] != nil }
            rows.append(StatTableRow(row: s.row, title: M.sourceRows[i], households: nil, amount: money[i], wanYuan: wan[i].formatted(places: 2),
                                     countsText: codes.isEmpty ? M.noFundAwards : M.fundsTotal(codes)))
        }
        return rows
    }

    /// Awards the rules paid without naming a fund (not in 3A).
    public var unassignedFundMoney: MoneyTally? { funds[""] }

    /// Awards whose amount is 待定, over all funds.
    public var pendingAwards: Int { funds.values.reduce(0) { $0 + $1.pendingAwards } }

    /// Yuan as 万元 text with 2 places (the table's unit).
    public static func wanYuan(_ yuan: Rational) -> String {
        (yuan.divided(by: Rational(integer: 10000)) ?? .zero).formatted(places: 2)
    }

    /// `x` rounded half away from zero to `places` decimals, exactly.
    static func rounded(_ x: Rational, places: Int) -> Rational {
        Rational.parse(x.formatted(places: places)) ?? x
    }
}
