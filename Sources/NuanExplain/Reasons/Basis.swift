import NuanSupport
import NuanSyntax
import NuanProgram

/// The caseworker's view of a decision, from its trace: each rule that decided it with the
/// values it used in plain words — the category that holds, each award and the tests that
/// granted it, for a refusal the nearest benefits and what kept them from being paid, for an
/// open decision what each still waits for, the score's parts with their values — and, on
/// request, every other benefit in one line. No construct of the rule language appears.
struct Basis {
    let program: CheckedProgram
    let evaluation: Evaluator.Evaluation
    let english: Bool
    let text: TestText
    let why: DecidingTests
    let fmt: ValueFormatter

    init(program: CheckedProgram, evaluation: Evaluator.Evaluation, language: Language) {
        self.program = program
        self.evaluation = evaluation
        self.english = language == .english
        self.text = TestText(program: program, trace: evaluation.trace, english: english)
        self.why = DecidingTests(program: program, trace: evaluation.trace)
        self.fmt = ValueFormatter(program: program, english: english)
    }

    func t(_ m: Message) -> String { m.text(english: english) }

    /// Each test said once, in rule order (a group and a condition may read one flag).
    func words(_ tests: [DecidingTest]) -> [String] {
        var seen = Set<String>()
        return tests.map(text.describe).filter { seen.insert($0).inserted }
    }

    func benefits() -> [(flat: Int, group: Int, index: Int, benefit: CheckedProgram.Benefit)] {
        var out: [(Int, Int, Int, CheckedProgram.Benefit)] = []
        var flat = 0
        for (gi, g) in program.benefitGroups.enumerated() {
            for (k, b) in g.benefits.enumerated() { out.append((flat, gi, k, b)); flat += 1 }
        }
        return out
    }

    func build(_ d: Decision) -> (basis: [ExplanationEntry], notApplied: [ExplanationEntry]) {
        guard d.status != .invalid else { return ([], []) }
        var basis: [ExplanationEntry] = []
        if let c = program.categories.first(where: { $0.code == d.category }), why.truth(c.root) == true {
            basis.append(ExplanationEntry(kind: .category, rule: t(BasisText.category(english ? c.code : (c.label ?? c.code))), citation: c.citation,
                                          outcome: .met, values: Array(words(why.support(c.root)).prefix(6))))
        }
        let awarded = Set(d.awards.map(\.benefitIndex))
        var shown = Set<Int>()
        for (flat, gi, k, b) in benefits() where awarded.contains(flat) {
            var tests: [DecidingTest] = []
            if let r = b.recipient { tests += why.support(program.groups[r].root) }
            if let c = b.condition { tests += why.support(c) }
            var e = ExplanationEntry(kind: .benefit, rule: b.name, citation: b.citation, outcome: .met, values: Array(words(tests).prefix(6)))
            let r = evaluation.outcomes[gi][k]
            if let xi = r.exceptionUsed {
                let x = b.exceptions[xi]
                e.values.append(t(BasisText.exception(words(why.support(x.condition)).joined(separator: t(ReasonText.clauseSeparator)))))
            }
            e.result = d.awards.first { $0.benefitIndex == flat }.map(amount)
            basis.append(e)
            shown.insert(flat)
        }
        // A refusal (or an open decision): the nearest benefits, and what kept them back.
        if d.status != .eligible || !d.pending.isEmpty {
            var refused: [(rank: Int, entry: ExplanationEntry, flat: Int)] = []
            for (flat, gi, k, b) in benefits() where !shown.contains(flat) {
                let r = evaluation.outcomes[gi][k]
                if r.truth == .unknown || r.amountUnknown {
                    let missing = r.missing.slots.map { english ? program.inputName($0) : program.inputLabel($0) }
                    basis.append(ExplanationEntry(kind: .benefit, rule: b.name, citation: b.citation, outcome: .unknown,
                                                  values: [t(BasisText.waiting(missing.joined(separator: t(ReasonText.listSeparator))))]))
                    shown.insert(flat)
                    continue
                }
                guard let tests = why.blockers(benefit: b, outcome: r), !tests.isEmpty else { continue }
                refused.append((why.closeness(b, tests), ExplanationEntry(kind: .benefit, rule: b.name, citation: b.citation, outcome: .notMet,
                                                                            values: words(tests)), flat))
            }
            for x in refused.sorted(by: { ($0.rank, $0.flat) < ($1.rank, $1.flat) }).prefix(2) {
                basis.append(x.entry)
                shown.insert(x.flat)
            }
        }
        if let s = score(d) { basis.append(s) }
        var notApplied: [ExplanationEntry] = []
        for (flat, gi, k, b) in benefits() where !shown.contains(flat) {
            let r = evaluation.outcomes[gi][k]
            let first = why.blockers(benefit: b, outcome: r).flatMap { $0.first.map(text.describe) }
            let reason = first ?? (r.truth == .yes ? t(BasisText.anotherFirst) : t(BasisText.notMet))
            notApplied.append(ExplanationEntry(kind: .benefit, rule: b.name, citation: b.citation, outcome: .notMet, values: [reason]))
        }
        return (basis, notApplied)
    }

    func amount(_ a: Decision.Award) -> String {
        guard let x = a.amount else { return t(ExplainText.amountSetByOffice) }
        return x.formatted(places: 2) + " " + (english ? (a.unit?.english ?? "yuan") : (a.unit?.rawValue ?? "元"))
    }

    /// The score with the parts that counted, by value: `收入差距 2.39 × 10 = 23.94`.
    func score(_ d: Decision) -> ExplanationEntry? {
        guard let s = program.score, let total = d.score else { return nil }
        var parts: [String] = []
        for p in s.parts {
            if let c = p.condition, why.truth(c) != true { continue }
            let w: Rational? = p.weight.flatMap { if case .number(let r)? = evaluation.trace.values[Int($0)] { return r } else { return nil } }
            let x: Rational? = p.expr.flatMap { if case .number(let r)? = evaluation.trace.values[Int($0)] { return r } else { return nil } }
            switch (w, x) {
            case let (w?, x?):
                guard let product = w.multiplied(by: x), product != .zero else { continue }
                parts.append("\(p.name) \(BasisText.number(x)) × \(BasisText.number(w)) = \(BasisText.number(product))")
            case let (w?, nil) where p.expr == nil:
                guard w != .zero else { continue }
                parts.append("\(p.name) \(BasisText.number(w))")
            case let (nil, x?) where p.weight == nil:
                guard x != .zero else { continue }
                parts.append("\(p.name) \(BasisText.number(x))")
            default: continue
            }
        }
        return ExplanationEntry(kind: .score, rule: t(BasisText.score(s.name)), citation: s.citation, outcome: .info, values: parts,
                                result: DecisionJSON.number(total))
    }
}
