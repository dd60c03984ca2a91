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
    /// Whether the decision carries a recourse search (`nuan screen` always does): then an
    /// empty one is said so, rather than left out.
    public var showRecourse: Bool
    /// Which view: the auditor's full text by default; the caseworker's and the notice are
    /// in `DecisionText+Caseworker` and `DecisionText+Notice`.
    public var view: DecisionView
    /// The caseworker's view lists the rules that did not apply too (`--all-rules`).
    public var allRules = false

    public init(program: CheckedProgram, english: Bool = false, unmask: Bool = false, showRecourse: Bool = false,
                view: DecisionView = .auditor) {
        self.program = program
        self.english = english
        self.disclosure = Disclosure(unmask: unmask)
        self.showRecourse = showRecourse
        self.view = view
    }

    /// A message in the decision's language.
    func t(_ m: Message) -> String { m.text(english: english) }

    public static func statusText(_ s: Decision.Status, english: Bool) -> String {
        DecisionTextMessage.status(s).text(english: english)
    }

    func categoryText(_ code: String) -> String {
        if code == "undetermined" { return t(DecisionTextMessage.undeterminedCategory) }
        let e = program.enums[program.categoryEnum]
        guard let i = e.index(of: code) else { return code }
        let label = program.categories.first { $0.code == code }?.label ?? e.display(i)
        return english ? code : "\(label)（\(code)）"
    }

    public func render(_ d: Decision) -> String {
        // Built as lines, then each line masked and escaped: a value with a newline cannot
        // forge a line of the decision.
        let text: String
        switch view {
        case .auditor: text = raw(d)
        case .caseworker: text = caseworker(d)
        case .notice: text = notice(d)
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { disclosure.line(String($0)) }.joined(separator: "\n")
    }

    /// The decision before masking and escaping.
    func raw(_ d: Decision) -> String {
        var out = ""
        out += t(DecisionTextMessage.name) + oneLine(d.name ?? "—") + "\n"
        out += t(DecisionTextMessage.application) + oneLine(d.id ?? "—") + "\n"
        out += t(DecisionTextMessage.decision) + DecisionText.statusText(d.status, english: english) + t(DecisionTextMessage.statusCode(d.status.rawValue)) + "\n"
        if d.status != .invalid { out += t(DecisionTextMessage.category) + categoryText(d.category) + "\n" }
        if !d.reasons.isEmpty {
            out += t(DecisionTextMessage.reasons)
            for r in d.reasons { out += "  " + oneLine(r) + "\n" }
        }
        if !d.errors.isEmpty {
            out += t(DecisionTextMessage.problems)
            for e in d.errors { out += "  ✗ " + oneLine(e.message) + "\n" }
        }
        if !d.warnings.isEmpty {
            out += t(DecisionTextMessage.warnings)
            for w in d.warnings { out += "  ! " + oneLine(w.message) + t(DecisionTextMessage.warningCode(w.code)) + "\n" }
        }
        if !d.awards.isEmpty {
            out += t(DecisionTextMessage.awards)
            for a in d.awards {
                let unit = english ? (a.unit?.english ?? "yuan") : (a.unit?.rawValue ?? "元")
                let amount = a.amount.map { "\($0.formatted(places: 2)) \(unit)" } ?? t(DecisionTextMessage.amountSetByOffice)
                out += "  · \(oneLine(a.benefit))" + t(DecisionTextMessage.amountSeparator) + amount
                if let f = a.fund { out += t(DecisionTextMessage.fund) + fundName(f) }
                if a.allowedFunds.count > 1 { out += t(DecisionTextMessage.allowedFunds(oneLine(a.allowedFunds.joined(separator: t(DecisionTextMessage.listSeparator))))) }
                if let c = a.citation { out += t(DecisionTextMessage.source) + oneLine(c) }
                out += "\n"
            }
            out += t(DecisionTextMessage.total) + d.totalAmount.formatted(places: 2) + t(DecisionTextMessage.yuan) + "\n"
        }
        if !d.pending.isEmpty {
            out += t(DecisionTextMessage.pending) + oneLine(d.pending.joined(separator: t(DecisionTextMessage.listSeparator))) + "\n"
        }
        if !d.missing.isEmpty {
            out += t(DecisionTextMessage.missing) + oneLine(d.missing.map(label).joined(separator: t(DecisionTextMessage.listSeparator))) + "\n"
        }
        if let s = d.score { out += t(DecisionTextMessage.score) + DecisionJSON.number(s) + "\n" }
        if showRecourse && d.status != .invalid && (d.status != .eligible || !d.pending.isEmpty) {
            out += t(DecisionTextMessage.recourse)
            if d.recourse.isEmpty { out += t(DecisionTextMessage.noRecourse) }
            let words = RecourseText(program: program, english: english)
            for item in d.recourse { out += "  · " + oneLine(words.describe(item)) + "\n" }
        }
        if !d.inputs.isEmpty {
            out += t(DecisionTextMessage.inputs)
            for line in d.inputs { out += "  " + oneLine(line) + "\n" }
        }
        if !d.explanation.isEmpty {
            out += t(DecisionTextMessage.howDecided)
            for e in d.explanation { out += entry(e, depth: 1) }
        }
        return out + rulesLine(digests: !d.inputs.isEmpty)
    }

    /// `规则：… 版本 … · sha256 …`; the auditor's view names every file with its own digest.
    func rulesLine(digests: Bool) -> String {
        var out = t(DecisionTextMessage.rules) + oneLine(program.title) + (program.version.map { t(DecisionTextMessage.version) + oneLine($0) } ?? "")
        out += " · sha256 " + String(program.chainSHA256.prefix(12))
        if !program.overrides.isEmpty { out += t(DecisionTextMessage.overrides) + oneLine(program.overrides.joined(separator: "，")) }
        out += "\n"
        if digests {
            for f in program.sources { out += "  " + oneLine(f.path) + " · sha256 " + f.sha256 + "\n" }
        }
        return out
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
        if let c = e.citation { line += t(DecisionTextMessage.entrySource(oneLine(c))) }
        var out = line + "\n"
        for v in e.values { out += pad + "    " + oneLine(v) + "\n" }
        for m in e.margins { out += pad + t(DecisionTextMessage.margin) + oneLine(m) + "\n" }
        if !e.missing.isEmpty && e.outcome == .unknown { out += pad + t(DecisionTextMessage.entryMissing) + oneLine(e.missing.joined(separator: "、")) + "\n" }
        for c in e.children { out += entry(c, depth: depth + 2) }
        return out
    }
}
