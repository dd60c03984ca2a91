import NuanSupport
import NuanSyntax
/// Figures that cannot be right whatever the notice says: a negative amount, count or
/// multiplier, a monthly income line of 0 (the 低保 line divides and multiplies into every
/// test), and money finer than a fen. The same rules hold for a figure in a rules file
/// (`check.value`, with its place) and for one given with `--set` (`set.value`, a usage error).
extension Checker {
    enum FigureProblem: Equatable {
        case negative, zeroLine, finerThanFen
    }

    /// What is wrong with `value` as a figure in `unit`, if anything.
    static func problem(_ value: Rational, unit: Unit?) -> FigureProblem? {
        guard let unit else { return nil }
        if value.isNegative { return .negative }
        if unit == .yuanPerMonth && value == .zero { return .zeroLine }
        if unit.isMoney && !value.isMultiple(ofOneOver: 100) { return .finerThanFen }
        return nil
    }

    /// A parameter's figure (or one row of a table) in a rules file.
    mutating func checkFigure(_ value: Rational, unit: Unit?, parameter: String, _ range: SourceRange) {
        guard let p = Checker.problem(value, unit: unit) else { return }
        error("check.value", .badFigure(p, what: parameter, value: value, unit: unit, written: range.quoted), range)
    }

    /// A literal award amount (`福利 … = 1000 元/户`, `除非 … 则 2000 元/户`).
    mutating func checkAmount(_ e: Expr, benefit: String) {
        guard let (value, unit) = literalNumber(e), let p = Checker.problem(value, unit: unit ?? .yuan) else { return }
        error("check.value", .badFigure(p, what: benefit, value: value, unit: unit, written: e.range.quoted), e.range)
    }
}

extension Diagnostic.Message {
    static func badFigure(_ p: Checker.FigureProblem, what: String, value: Rational, unit: Unit?, written: String? = nil) -> Self {
        var shown = EchoText.excerpt(written ?? value.description)
        if let unit, !shown.hasSuffix(unit.rawValue) { shown += " " + unit.rawValue }
        switch p {
        case .negative:
            return Self(zh: "\(what) 的值 \(shown) 为负；金额、倍数和人数、月数都不能为负",
                        en: "\(what) is \(shown), a negative figure; amounts, multipliers, counts and months cannot be negative")
        case .zeroLine:
            return Self(zh: "\(what) 的值为 0：按月的收入线（如低保标准）必须大于 0；不知道数值时写 待定",
                        en: "\(what) is 0: a monthly income line (such as the 低保 line) must be above 0; write 待定 (unset) when the figure is not known")
        case .finerThanFen:
            return Self(zh: "\(what) 的值 \(shown) 精确到分以下；金额最多两位小数（到分）",
                        en: "\(what) is \(shown), finer than a fen; money has at most two decimal places")
        }
    }
}
