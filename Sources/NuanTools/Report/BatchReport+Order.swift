import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// Income buckets and the order in which reports list categories, funds and benefits.
extension BatchReport {
    /// The bucket of `income / line`, compared exactly (no division). Unknown when either is
    /// missing or the line is not positive.
    public static func bucket(perCapitaIncome income: Rational?, dibaoLine line: Rational?) -> IncomeBucket {
        guard let income, let line, line.numerator > 0 else { return .unknown }
        // income < line × k/2  ⇔  2·income·line.den  <  k·line.num·income.den
        let lhs = 2 * Int128(income.numerator) * Int128(line.denominator)
        let unit = Int128(line.numerator) * Int128(income.denominator)
        if lhs < 2 * unit { return .below1 }
        if lhs < 3 * unit { return .from1to1_5 }
        if lhs < 4 * unit { return .from1_5to2 }
        if lhs < 6 * unit { return .from2to3 }
        return .atLeast3
    }

    /// Category codes in report order: the known ones, then any others seen, sorted.
    public var categoryOrder: [String] {
        var seen = Set(categoryCounts.keys)
        if let m = impact {
            for (from, row) in m.transitions { seen.insert(from); seen.formUnion(row.keys) }
        }
        return Self.knownCategories + seen.subtracting(Self.knownCategories).sorted()
    }

    /// Fund codes in report order: program order, then codes seen in awards, sorted; "" last.
    public var fundOrder: [String] {
        var seen = Set(funds.keys)
        if let m = impact { seen.formUnion(m.oldFunds.keys); seen.formUnion(m.newFunds.keys) }
        let extra = seen.subtracting(fundCodes).subtracting([""]).sorted()
        return fundCodes + extra + (seen.contains("") ? [""] : [])
    }

    /// Benefit names in report order: those seen, program order first, then the rest sorted.
    public var benefitNames: [String] {
        let listed = benefitOrder.filter { benefits[$0] != nil }
        return listed + Set(benefits.keys).subtracting(benefitOrder).sorted()
    }

    public func count(_ s: Decision.Status) -> Int { statusCounts[Self.statuses.firstIndex(of: s)!] }
}
