import NuanSupport

/// Every text of `reasons`, the views' deciding tests and `recourse`, in Chinese and English
/// side by side. The Chinese texts are those the view goldens hold byte for byte.
enum ReasonText {
    /// The text in one language, the other never built (a batch writes reasons for every record):
    /// Chinese first, English second, as `Message` has them.
    @inline(__always) static func pick(_ english: Bool, _ zh: @autoclosure () -> String, _ en: @autoclosure () -> String) -> String {
        english ? en() : zh()
    }

    // MARK: one test, in an applicant's words

    /// `l`, `rhs` and `diff` already carry their unit; `rhs` names the line and its value
    /// (`3 倍低保标准 1980.00 元`).
    static func over(_ name: String, _ l: String, _ rhs: String, by diff: String, in english: Bool) -> String {
        pick(english, "\(name) \(l)，超过\(spaced(rhs))（\(diff)）", "\(name) \(l) exceeds \(rhs) by \(diff)")
    }
    static func under(_ name: String, _ l: String, _ rhs: String, by diff: String, in english: Bool) -> String {
        pick(english, "\(name) \(l)，低于\(spaced(rhs))（差 \(diff)）", "\(name) \(l) is below \(rhs) by \(diff)")
    }
    static func below(_ name: String, _ l: String, _ rhs: String, in english: Bool) -> String {
        pick(english, "\(name) \(l)，低于\(spaced(rhs))", "\(name) \(l) is below \(rhs)")
    }
    static func above(_ name: String, _ l: String, _ rhs: String, in english: Bool) -> String {
        pick(english, "\(name) \(l)，高于\(spaced(rhs))", "\(name) \(l) is above \(rhs)")
    }
    /// At exactly the line: `holds` says whether equality was allowed (≤, ≥, =).
    static func exactly(_ name: String, _ l: String, _ rhs: String, holds: Bool, ceiling: Bool, in english: Bool) -> String {
        if holds { return pick(english, "\(name) \(l)，恰好等于\(spaced(rhs))", "\(name) \(l) is exactly \(rhs)") }
        return ceiling ? pick(english, "\(name) \(l)，恰好等于\(spaced(rhs))，须低于此数", "\(name) \(l) is exactly \(rhs); it must be below it")
                       : pick(english, "\(name) \(l)，恰好等于\(spaced(rhs))，须高于此数", "\(name) \(l) is exactly \(rhs); it must be above it")
    }
    static func equalNumber(_ name: String, _ l: String, holds: Bool, _ r: String, in english: Bool) -> String {
        holds ? pick(english, "\(name)为 \(l)", "\(name) is \(l)") : pick(english, "\(name)为 \(l)，不是 \(r)", "\(name) is \(l), not \(r)")
    }
    static func flag(_ name: String, _ value: Bool, in english: Bool) -> String {
        pick(english, "\(name)：\(value ? "是" : "否")", "\(name): \(value ? "yes" : "no")")
    }
    static func isValue(_ name: String, _ v: String, in english: Bool) -> String { pick(english, "\(name)为 \(v)", "\(name) is \(v)") }
    static func isNotValue(_ name: String, _ v: String, _ wanted: String, in english: Bool) -> String {
        pick(english, "\(name)为 \(v)，不是 \(wanted)", "\(name) is \(v), not \(wanted)")
    }
    static func notAmong(_ name: String, _ v: String, _ set: String, in english: Bool) -> String {
        pick(english, "\(name)为 \(v)，不在 \(set) 之列", "\(name) is \(v), not one of \(set)")
    }
    static func includes(_ name: String, _ items: String, in english: Bool) -> String { pick(english, "\(name)含 \(items)", "\(name) include \(items)") }
    static func includesNoneOf(_ name: String, _ v: String, _ set: String, in english: Bool) -> String {
        pick(english, "\(name)（\(v)）不含 \(set) 中任一项", "\(name) (\(v)) include none of \(set)")
    }
    static func lacks(_ name: String, _ items: String, in english: Bool) -> String { pick(english, "\(name)不含 \(items)", "\(name) do not include \(items)") }
    static func empty(_ name: String, in english: Bool) -> String { pick(english, "\(name)为空", "\(name) is empty") }
    static func other(_ text: String, holds: Bool, in english: Bool) -> String {
        pick(english, "\(text)：\(holds ? "成立" : "不成立")", "\(text): \(holds ? "holds" : "does not hold")")
    }
    static let none = Message("无", "none")
    static let listSeparator = Message("、", ", ")
    static let clauseSeparator = Message("；", "; ")
    static let yuan = Message(" 元", " yuan")
    static func times(_ k: String, _ name: String, in english: Bool) -> String { pick(english, "\(k) 倍\(name)", "\(k) × \(name)") }

    // MARK: sentences

    static func eligible(_ awards: String, in english: Bool) -> String { pick(english, "符合：\(awards)。", "Eligible: \(awards).") }
    static func award(_ name: String, _ amount: String, _ citation: String?, in english: Bool) -> String {
        pick(english, "\(name) \(amount)" + (citation.map { "（\($0)）" } ?? ""), "\(name) \(amount)" + (citation.map { " (\($0))" } ?? ""))
    }
    static func categoryBasis(_ label: String, _ tests: String, in english: Bool) -> String {
        tests.isEmpty ? pick(english, "认定为\(label)。", "Qualifies as \(label).")
                      : pick(english, "认定为\(label)：\(tests)。", "Qualifies as \(label): \(tests).")
    }
    static func ineligible(_ tests: String, _ citation: String?, in english: Bool) -> String {
        pick(english, "不符合：\(tests)" + (citation.map { "（\($0)）" } ?? "") + "。",
                "Not eligible: \(tests)" + (citation.map { " (\($0))" } ?? "") + ".")
    }
    static func awardBasis(_ tests: String, in english: Bool) -> String { pick(english, "依据：\(tests)。", "Because: \(tests).") }
    static let ineligibleNothing = Message("不符合：本规则的各项帮扶均不适用。", "Not eligible: no benefit of these rules applies.")
    static func nearest(_ benefit: String) -> Message { Message("最接近的一项是 \(benefit)。", "The nearest is \(benefit).") }
    static func undetermined(_ missing: String) -> Message {
        Message("暂无法确定：缺少 \(missing)。", "Undetermined: \(missing) missing.")
    }
    static func alsoOpen(_ benefits: String, _ missing: String) -> Message {
        Message("\(benefits) 暂无法确定：缺少 \(missing)。", "\(benefits) not yet decided: \(missing) missing.")
    }
    static func answers(_ list: String) -> Message { Message("\(list)。", "\(list).") }
    static func invalid(_ problem: String) -> Message { Message("记录有误：\(problem)。", "Invalid record: \(problem).") }
    static func andMore(_ n: Int) -> Message { Message("等 \(n) 项问题", " and \(n - 1) more") }

    // MARK: recourse

    static func change(_ name: String, _ from: String, _ to: String) -> Message {
        Message("\(name) \(from) → \(to)", "\(name) \(from) → \(to)")
    }
    static func answer(_ name: String, _ to: String) -> Message { Message("\(name)为 \(to)", "\(name) is \(to)") }
    static let notGiven = Message("（未填）", "(not given)")
    /// `符合条件（建档困难职工送温暖帮扶金），合计 1000.00 元`; no total where the amounts are
    /// left to the paying office.
    static func result(_ status: String, _ benefits: String, _ total: String?) -> Message {
        Message(status + "（\(benefits)）" + (total.map { "，合计 \($0) 元" } ?? ""),
                status + " (\(benefits))" + (total.map { ", total \($0) yuan" } ?? ""))
    }
    static let then = Message("：", ": ")
    static let alsoSeparator = Message("，且 ", ", and ")

    /// A space between a Chinese verb and a line that starts with a digit (`超过 3 倍…`).
    static func spaced(_ s: String) -> String {
        guard let f = s.unicodeScalars.first, ("0"..."9").contains(f) || f.isASCII else { return s }
        return " " + s
    }
}

/// The caseworker's view's own words, in Chinese and English side by side.
enum BasisText {
    static func category(_ label: String) -> Message { Message("认定为\(label)", "qualifies as \(label)") }
    static func exception(_ tests: String) -> Message { Message("按例外发放：\(tests)", "paid as an exception: \(tests)") }
    static func waiting(_ missing: String) -> Message { Message("待补充：\(missing)", "waiting for: \(missing)") }
    static let anotherFirst = Message("同组中前一项已适用（首个）", "an earlier benefit of its group applies (first)")
    static let notMet = Message("条件不符", "its conditions are not met")
    static func score(_ name: String) -> Message { Message(name, name) }
    /// A score figure: at most two places, no trailing zeros (`2.39`, `10`, `23.9`).
    static func number(_ r: Rational) -> String {
        var s = r.formatted(places: 2)
        if s.contains(".") { while s.hasSuffix("0") { s.removeLast() }; if s.hasSuffix(".") { s.removeLast() } }
        return s
    }
}
