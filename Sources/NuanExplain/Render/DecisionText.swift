import NuanSupport
import NuanSyntax
import NuanProgram
/// Renders a decision for a caseworker: Chinese by default (English with `english`), the
/// explanation as an indented tree, every rule with its citation. It starts with 姓名 and
/// 申请编号 so it can be printed and handed over.
///
/// Every line is safe to print: ID- and phone-shaped numbers are masked unless `unmask`
/// (`--unmask`), and control characters from the record or the rules file are escaped.
public struct DecisionText {
    public let program: CheckedProgram
    public var english: Bool
    public var disclosure: Disclosure

    public init(program: CheckedProgram, english: Bool = false, unmask: Bool = false) {
        self.program = program
        self.english = english
        self.disclosure = Disclosure(unmask: unmask)
    }

    func t(_ zh: String, _ en: String) -> String { english ? en : zh }

    public static func statusText(_ s: Decision.Status, english: Bool) -> String {
        switch s {
        case .eligible: return english ? "eligible" : "符合条件"
        case .ineligible: return english ? "not eligible" : "不符合条件"
        case .undetermined: return english ? "undetermined (information missing)" : "暂无法确定（缺少信息）"
        case .invalid: return english ? "invalid record" : "记录有误"
        }
    }

    func categoryText(_ code: String) -> String {
        if code == "undetermined" { return t("暂无法确定", "undetermined") }
        let e = program.enums[program.categoryEnum]
        guard let i = e.index(of: code) else { return code }
        let label = program.categories.first { $0.code == code }?.label ?? e.display(i)
        return english ? code : "\(label)（\(code)）"
    }

    public func render(_ d: Decision) -> String {
        // Built as lines, then each line masked and escaped: a value with a newline cannot
        // forge a line of the decision.
        raw(d).split(separator: "\n", omittingEmptySubsequences: false)
            .map { disclosure.line(String($0)) }.joined(separator: "\n")
    }

    /// The decision before masking and escaping.
    func raw(_ d: Decision) -> String {
        var out = ""
        out += t("姓名：", "Name: ") + oneLine(d.name ?? "—") + "\n"
        out += t("申请编号：", "Application: ") + oneLine(d.id ?? "—") + "\n"
        out += t("结论：", "Decision: ") + DecisionText.statusText(d.status, english: english) + t("（\(d.status.rawValue)）", "") + "\n"
        if d.status != .invalid { out += t("认定类别：", "Category: ") + categoryText(d.category) + "\n" }
        if !d.errors.isEmpty {
            out += t("记录问题：\n", "Problems with the record:\n")
            for e in d.errors { out += "  ✗ " + oneLine(e.message) + "\n" }
        }
        if !d.warnings.isEmpty {
            out += t("提示：\n", "Warnings:\n")
            for w in d.warnings { out += "  ! " + oneLine(w.message) + t("（\(w.code)）", " (\(w.code))") + "\n" }
        }
        if !d.awards.isEmpty {
            out += t("可发放：\n", "Awards:\n")
            for a in d.awards {
                let unit = english ? (a.unit?.english ?? "yuan") : (a.unit?.rawValue ?? "元")
                let amount = a.amount.map { "\($0.formatted(places: 2)) \(unit)" } ?? t("金额由发放单位确定", "amount set by the paying office")
                out += "  · \(oneLine(a.benefit))" + t("：", ": ") + amount
                if let f = a.fund { out += t("；资金：", "; fund: ") + fundName(f) }
                if a.allowedFunds.count > 1 { out += t("（可用：", " (allowed: ") + oneLine(a.allowedFunds.joined(separator: t("、", ", "))) + t("）", ")") }
                if let c = a.citation { out += t("；依据 ", "; source ") + oneLine(c) }
                out += "\n"
            }
            out += t("合计：", "Total: ") + d.totalAmount.formatted(places: 2) + t(" 元", " yuan") + "\n"
        }
        if !d.pending.isEmpty {
            out += t("可能还可发放（需补充信息）：", "May also apply once the missing inputs are given: ") + oneLine(d.pending.joined(separator: t("、", ", "))) + "\n"
        }
        if !d.missing.isEmpty {
            out += t("缺少信息：", "Missing: ") + oneLine(d.missing.map(label).joined(separator: t("、", ", "))) + "\n"
        }
        if let s = d.score { out += t("困难优先分：", "Priority score: ") + DecisionJSON.number(s) + "\n" }
        if !d.explanation.isEmpty {
            out += t("\n判定过程：\n", "\nHow it was decided:\n")
            for e in d.explanation { out += entry(e, depth: 1) }
        }
        out += t("\n规则：", "\nRules: ") + oneLine(program.title) + (program.version.map { t(" 版本 ", " version ") + oneLine($0) } ?? "")
        out += " · sha256 " + String(program.chainSHA256.prefix(12))
        if !program.overrides.isEmpty { out += t(" · 临时设定 ", " · overrides ") + oneLine(program.overrides.joined(separator: "，")) }
        return out + "\n"
    }

    /// A value from the record keeps to its line: its own line breaks are escaped here, before
    /// the decision is split into lines.
    func oneLine(_ s: String) -> String { SafeText.line(s) }

    func label(_ key: String) -> String {
        if let i = program.fieldIndex(named: key), let l = program.fields[i].label, !english { return "\(l)（\(key)）" }
        return key
    }

    func fundName(_ code: String) -> String {
        guard !english, let f = program.funds.first(where: { $0.code == code }), let l = f.label else { return code }
        return "\(l)（\(code)）"
    }

    package func entry(_ e: ExplanationEntry, depth: Int) -> String {
        let pad = String(repeating: "  ", count: depth)
        let mark: String
        switch e.outcome {
        case .met: mark = "✓"
        case .notMet: mark = "✗"
        case .unknown: mark = "？"
        case .skipped: mark = "–"
        case .info: mark = "•"
        }
        var line = "\(pad)\(mark) \(oneLine(e.rule))"
        if let r = e.result { line += " → \(oneLine(r))" }
        if let c = e.citation { line += t("  〔依据 ", "  [source: ") + oneLine(c) + t("〕", "]") }
        var out = line + "\n"
        for v in e.values { out += pad + "    " + oneLine(v) + "\n" }
        for m in e.margins { out += pad + t("    差距：", "    margin: ") + oneLine(m) + "\n" }
        if !e.missing.isEmpty && e.outcome == .unknown { out += pad + t("    缺少：", "    missing: ") + oneLine(e.missing.joined(separator: "、")) + "\n" }
        for c in e.children { out += entry(c, depth: depth + 2) }
        return out
    }
}
