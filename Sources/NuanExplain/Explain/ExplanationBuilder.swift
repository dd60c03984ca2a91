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

    init(program: CheckedProgram, trace: Evaluator.Trace, facts: Facts, level: ExplainLevel, language: Language) {
        self.program = program
        self.trace = trace
        self.facts = facts
        self.level = level
        self.english = language == .english
        self.fmt = ValueFormatter(program: program, english: english)
    }

    func t(_ zh: String, _ en: String) -> String { english ? en : zh }

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
            var e = ExplanationEntry(kind: .category, rule: t("类别 \(c.label ?? c.code)（\(c.code)）", "category \(c.code) (\(c.label ?? c.code))"), citation: c.citation,
                                     outcome: ExplanationBuilder.outcome(v), missing: missingNames(v))
            fill(&e, root: c.root)
            out.append(e)
        }
        for (gi, g) in program.benefitGroups.enumerated() {
            for (k, b) in g.benefits.enumerated() {
                let r = outcomes[gi][k]
                var e = ExplanationEntry(kind: .benefit, rule: t("福利 ", "benefit ") + b.name, citation: b.citation,
                                         outcome: r.truth == .yes ? .met : r.truth == .no ? .notMet : .unknown,
                                         missing: r.missing.slots.map { program.inputLabel($0) })
                if !g.implicit { e.values.append(t("福利组 \(g.name)（命中策略：\(g.policy.chinese)）", "benefit group \(g.name) (hit policy: \(g.policy.rawValue))")) }
                if let gr = b.recipient {
                    let grp = program.groups[gr]
                    let gv = trace.values.indices.contains(Int(grp.root)) ? value(grp.root) : nil
                    let again = !expanded.insert(grp.root).inserted
                    e.values.append(t("对象 ", "group ") + "\(grp.name)\(grp.description.map { "（\($0)）" } ?? "") \(mark(gv))"
                                    + (again ? t("（见上）", " (see above)") : ""))
                    if level == .full && !again { appendDetails(&e, grp.root, depth: 1) }
                }
                if let c = b.condition { fill(&e, root: c) }
                for (xi, ex) in b.exceptions.enumerated() {
                    guard let xv = value(ex.condition) else { continue }
                    var x = ExplanationEntry(kind: .exception, rule: t("除非 ", "unless ") + program.nodeRanges[Int(ex.condition)].text,
                                             citation: ex.citation, outcome: ExplanationBuilder.outcome(xv), missing: missingNames(xv))
                    if r.exceptionUsed == xi { x.result = amountText(ex.amount, unit: b.unit) }
                    fill(&x, root: ex.condition)
                    e.children.append(x)
                }
                if r.truth != .no {
                    if r.withheld { e.result = t("不发（例外）", "withheld (exception)") }
                    else if r.amountUnknown { e.result = t("金额待定：缺少 ", "amount open: missing ") + e.missing.joined(separator: t("、", ", ")) }
                    else if let a = r.amount { e.result = a.formatted(places: 2) + " " + (english ? (b.unit?.english ?? "yuan") : (b.unit?.rawValue ?? "元")) }
                    else { e.result = t("金额由发放单位确定（通知未规定金额）", "amount set by the paying office (the notice fixes none)") }
                    if r.truth == .yes, !b.funds.isEmpty {
                        e.values.append(t("资金：", "funds: ") + b.funds.map { english ? program.funds[$0].code : (program.funds[$0].label ?? program.funds[$0].code) }.joined(separator: t("、", ", ")))
                    }
                }
                out.append(e)
            }
        }
        if let s = program.score {
            var e = ExplanationEntry(kind: .score, rule: t("评分 ", "score ") + s.name, citation: s.citation,
                                     outcome: score == nil ? .unknown : .info, result: score.map { $0.formatted(places: 2) })
            for p in s.parts {
                var part = ExplanationEntry(kind: .scorePart, rule: p.name, citation: nil, outcome: .info)
                let cv = p.condition.flatMap { value($0) }
                if p.condition != nil { part.outcome = ExplanationBuilder.outcome(cv) }
                var pieces: [String] = []
                if let w = p.weight, let wv = value(w) { pieces.append(t("权重 ", "weight ") + fmt.format(wv, type: .number)) }
                if let x = p.expr, let xv = value(x) {
                    pieces.append(render(x) + " = " + fmt.format(xv, type: program.nodes[Int(x)].type))
                }
                if let c = p.condition { pieces.append(t("条件 ", "when ") + render(c) + " " + mark(cv)) }
                part.values = [pieces.joined(separator: t("；", "; "))]
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
    func periodNote() -> ExplanationEntry? {
        guard let slot = program.applicationDateField, case .date(let d) = facts.values[slot],
              let from = program.inForceFrom, let to = program.inForceTo, d < from || d > to else { return nil }
        let text = t("申请日期 \(CivilDate.format(d)) 不在本规则的生效期间（\(CivilDate.format(from)) 至 \(CivilDate.format(to))）内，请确认是否选对了规则文件",
                     "the application date \(CivilDate.format(d)) is outside these rules' period in force (\(CivilDate.format(from)) to \(CivilDate.format(to))); check that these are the right rules")
        return ExplanationEntry(kind: .note, rule: text, citation: program.notice, outcome: .info)
    }

    func amountText(_ a: CheckedProgram.Amount, unit: Unit?) -> String {
        switch a {
        case .unset: return t("金额由发放单位确定", "amount set by the paying office")
        case .withhold: return t("不发", "withheld")
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
        case nil: return t("（未计算）", "(not evaluated)")
        default: return "?"
        }
    }
}
