import NuanSupport
import NuanSyntax
import NuanProgram
/// Turns one evaluation's trace into the explanation: every rule considered, in order, with the
/// values it used and, for numeric tests, the margin in the applicant's terms. It only reads
/// the trace — it never evaluates anything again.
struct ExplanationBuilder {
    let program: CheckedProgram
    let trace: Evaluator.Trace
    let facts: Facts
    let level: ExplainLevel
    let fmt: ValueFormatter
    let english: Bool
    /// Groups and named conditions already spelt out in this explanation (by root node).
    var expanded: Set<Int32> = []
    /// Parameter figures (parameter, row) whose source was already named.
    var notedRows: Set<Int> = []
    /// What is kept from record to record (a batch worker's), or nil.
    let memo: ExplainMemo?

    init(program: CheckedProgram, trace: Evaluator.Trace, facts: Facts, level: ExplainLevel, language: Language, memo: ExplainMemo? = nil) {
        self.program = program
        self.memo = memo
        self.trace = trace
        self.facts = facts
        self.level = level
        self.english = language == .english
        self.fmt = ValueFormatter(program: program, english: english)
    }

    /// A message in the explanation's language.
    func t(_ m: Message) -> String { m.text(english: english) }

    func value(_ n: Int32) -> Value? { trace.values[Int(n)] }

    static func outcome(_ v: Value?) -> ExplanationEntry.Outcome {
        switch v {
        case .bool(true)?: return .met
        case .bool(false)?: return .notMet
        case nil: return .skipped
        default: return .unknown
        }
    }

    func missingNames(_ v: Value?) -> [String] {
        guard let v else { return [] }
        return v.missing.slots.map { program.inputLabel($0) }
    }

    mutating func build(outcomes: [[Evaluator.BenefitOutcome]], category: Value, score: Rational?) -> [ExplanationEntry] {
        var out: [ExplanationEntry] = []
        if let note = periodNote() { out.append(note) }
        for c in program.categories {
            let v = value(c.root)
            var e = ExplanationEntry(kind: .category, rule: ExplainText.category(c.code, c.label, english: english), citation: c.citation,
                                     outcome: ExplanationBuilder.outcome(v), missing: missingNames(v))
            fill(&e, root: c.root)
            out.append(e)
        }
        for (gi, g) in program.benefitGroups.enumerated() {
            for (k, b) in g.benefits.enumerated() {
                let r = outcomes[gi][k]
                var e = ExplanationEntry(kind: .benefit, rule: t(ExplainText.benefit) + b.name, citation: b.citation,
                                         outcome: r.truth == .yes ? .met : r.truth == .no ? .notMet : .unknown,
                                         missing: r.missing.slots.map { program.inputLabel($0) })
                if !g.implicit { e.values.append(ExplainText.benefitGroup(g.name, policyZh: g.policy.chinese, policyCode: g.policy.rawValue, english: english)) }
                if let gr = b.recipient {
                    let grp = program.groups[gr]
                    let gv = trace.values.indices.contains(Int(grp.root)) ? value(grp.root) : nil
                    let again = !expanded.insert(grp.root).inserted
                    e.values.append(t(ExplainText.group) + "\(grp.name)\(grp.description.map { "（\($0)）" } ?? "") \(mark(gv))"
                                    + (again ? t(ExplainText.seeAbove) : ""))
                    if level == .full && !again { appendDetails(&e, grp.root, depth: 1) }
                }
                if let c = b.condition { fill(&e, root: c) }
                for (xi, ex) in b.exceptions.enumerated() {
                    guard let xv = value(ex.condition) else { continue }
                    var x = ExplanationEntry(kind: .exception, rule: t(ExplainText.unless) + program.nodeRanges[Int(ex.condition)].text,
                                             citation: ex.citation, outcome: ExplanationBuilder.outcome(xv), missing: missingNames(xv))
                    if r.exceptionUsed == xi { x.result = amountText(ex.amount, unit: b.unit) }
                    fill(&x, root: ex.condition)
                    e.children.append(x)
                }
                if r.truth != .no {
                    if r.withheld { e.result = t(ExplainText.withheldByException) }
                    else if r.amountUnknown { e.result = t(ExplainText.amountOpenMissing) + e.missing.joined(separator: t(ExplainText.listSeparator)) }
                    else if let a = r.amount { e.result = a.formatted(places: 2) + " " + (english ? (b.unit?.english ?? "yuan") : (b.unit?.rawValue ?? "元")) }
                    else { e.result = t(ExplainText.amountSetByOfficeNoneInNotice) }
                    if r.truth == .yes, !b.funds.isEmpty {
                        e.values.append(t(ExplainText.funds) + b.funds.map { english ? program.funds[$0].code : (program.funds[$0].label ?? program.funds[$0].code) }.joined(separator: t(ExplainText.listSeparator)))
                    }
                }
                out.append(e)
            }
        }
        if let s = program.score {
            var e = ExplanationEntry(kind: .score, rule: t(ExplainText.score) + s.name, citation: s.citation,
                                     outcome: score == nil ? .unknown : .info, result: score.map { $0.formatted(places: 2) })
            for p in s.parts {
                var part = ExplanationEntry(kind: .scorePart, rule: p.name, citation: nil, outcome: .info)
                let cv = p.condition.flatMap { value($0) }
                if p.condition != nil { part.outcome = ExplanationBuilder.outcome(cv) }
                var pieces: [String] = []
                if let w = p.weight, let wv = value(w) { pieces.append(t(ExplainText.weight) + fmt.format(wv, type: .number)) }
                if let x = p.expr, let xv = value(x) {
                    pieces.append(render(x) + " = " + fmt.format(xv, type: program.nodes[Int(x)].type))
                }
                if let c = p.condition { pieces.append(t(ExplainText.when) + render(c) + " " + mark(cv)) }
                part.values = [pieces.joined(separator: t(ExplainText.clauseSeparator))]
                e.children.append(part)
            }
            out.append(e)
        }
        return level == .brief ? out.map(ExplanationBuilder.brief) : out
    }

    /// Brief: one line per rule — what it is, its citation, its outcome and result.
    static func brief(_ e: ExplanationEntry) -> ExplanationEntry {
        var b = e
        b.values = []
        b.margins = []
        b.children = e.kind == .score ? [] : e.children.filter { $0.outcome == .met }.map(brief)
        return b
    }

    /// A note when the application date falls outside the rules' period in force: the
    /// decision still follows these rules, but the caseworker should know.
    func periodNote() -> ExplanationEntry? { Self.periodNote(program: program, facts: facts, english: english) }

    static func periodNote(program: CheckedProgram, facts: Facts, english: Bool) -> ExplanationEntry? {
        guard let slot = program.applicationDateField, case .date(let d) = facts.values[slot],
              let from = program.inForceFrom, let to = program.inForceTo, d < from || d > to else { return nil }
        let text = ExplainText.outsidePeriod(CivilDate.format(d), from: CivilDate.format(from), to: CivilDate.format(to)).text(english: english)
        return ExplanationEntry(kind: .note, rule: text, citation: program.notice, outcome: .info)
    }

    func amountText(_ a: CheckedProgram.Amount, unit: Unit?) -> String {
        switch a {
        case .unset: return t(ExplainText.amountSetByOffice)
        case .withhold: return t(ExplainText.withheld)
        case .fixed(let n): return value(n).map { fmt.format($0, type: .money) + " " + (unit?.rawValue ?? "元") } ?? "?"
        }
    }

    mutating func fill(_ e: inout ExplanationEntry, root: Int32) {
        guard level == .full else { return }
        appendDetails(&e, root, depth: 0)
    }

    func mark(_ v: Value?) -> String {
        switch v {
        case .bool(true)?: return "✓"
        case .bool(false)?: return "✗"
        case nil: return t(ExplainText.notEvaluated)
        default: return "?"
        }
    }
}

/// What an explanation holds that depends on the program alone, kept from record to record by
/// one batch worker: each expression's text as the Chinese explanation shows it
/// (`ExplanationBuilder.source`, which relabels option codes). Not shared between threads.
package final class ExplainMemo: @unchecked Sendable {
    static let capacity = 1 << 16
    var sources: [Int32: String] = [:]

    package init() {}
}
