import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// `lint.implausible` — a figure far outside the range such figures take, almost surely a typo
/// (72000 for 720): a monthly line in 元/月 outside [100, 3000]; a multiplier in 倍 outside
/// (0, 10]; a benefit amount, or a parameter in 元/户 or 元/人, outside (0, 100000] 元.
enum PlausibleValues {
    struct Range {
        var low: Rational
        var lowIncluded: Bool
        var high: Rational
        var text: String

        func contains(_ v: Rational) -> Bool { (lowIncluded ? v >= low : v > low) && v <= high }
    }

    static let monthly = Range(low: Rational(integer: 100), lowIncluded: true, high: Rational(integer: 3000), text: "[100, 3000] 元/月")
    static let multiplier = Range(low: .zero, lowIncluded: false, high: Rational(integer: 10), text: "(0, 10] 倍")
    static let amount = Range(low: .zero, lowIncluded: false, high: Rational(integer: 100000), text: "(0, 100000] 元")

    static func range(for unit: Unit?) -> Range? {
        switch unit {
        case .yuanPerMonth?: return monthly
        case .times?: return multiplier
        case .yuanPerHousehold?, .yuanPerPerson?: return amount
        default: return nil
        }
    }

    static func literal(_ e: Expr) -> Rational? {
        switch e.kind {
        case .number(let r, _): return r
        case .negate(let x): return literal(x)?.negated
        default: return nil
        }
    }

    static func check(_ c: inout LintContext, _ what: Message, _ e: Expr?, _ unit: Unit?, _ range: Range?) {
        guard let e, let range, let v = literal(e), !range.contains(v) else { return }
        let shown = "\(v)" + (unit.map { " " + $0.rawValue } ?? "")
        c.warn("lint.implausible",
               LintMessage.implausible(what, shown, range.text),
               at: e.range)
    }

    static func run(_ c: inout LintContext) {
        for d in c.main.declarations {
            switch d.kind {
            case .parameter(let p):
                let r = range(for: p.unit)
                check(&c, LintMessage.parameterValue(p.name), p.value, p.unit, r)
                for row in p.rows {
                    let key = row.keys.first ?? ""
                    check(&c, LintMessage.parameterRowValue(p.name, key), row.value, p.unit, r)
                }
            case .benefitGroup(let g):
                for b in g.benefits {
                    if case .fixed(let e) = b.amount { check(&c, LintMessage.benefitAmount(b.name), e, unit(e), amount) }
                    for x in b.exceptions {
                        if case .fixed(let e) = x.amount { check(&c, LintMessage.exceptionAmount(b.name), e, unit(e), amount) }
                    }
                }
            default: break
            }
        }
    }

    static func unit(_ e: Expr) -> Unit? {
        if case .number(_, let u) = e.kind { return u }
        return nil
    }
}
