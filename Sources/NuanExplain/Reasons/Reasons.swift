import NuanSupport
import NuanSyntax
import NuanProgram

/// `reasons`: one to three sentences that say what decided a decision, with the deciding
/// values and margins, in the decision's language — built after the decision, from its trace.
/// A grant names what is paid, from which clause, and the category with the values that made
/// it; a refusal names the tests that kept the nearest benefit from being paid; an open
/// decision names what is missing and, from the recourse search, what each answer would give.
package struct Reasons {
    let program: CheckedProgram
    let evaluation: Evaluator.Evaluation
    let english: Bool
    let text: TestText
    let why: DecidingTests
    let memo: ReasonsMemo?

    init(program: CheckedProgram, evaluation: Evaluator.Evaluation, language: Language, memo: ReasonsMemo? = nil) {
        self.program = program
        self.memo = memo
        self.evaluation = evaluation
        self.english = language == .english
        self.text = TestText(program: program, trace: evaluation.trace, english: english)
        self.why = DecidingTests(program: program, trace: evaluation.trace)
    }

    func t(_ m: Message) -> String { m.text(english: english) }
    var separator: String { t(ReasonText.clauseSeparator) }

    func build(_ d: Decision, answers: [RecourseItem]) -> [String] {
        switch d.status {
        case .invalid:
            return Reasons.invalid(d.errors, language: english ? .english : .chinese)
        case .eligible:
            var out = [granted(d)]
            if let basis = categoryBasis(d) ?? awardBasis(d) { out.append(basis) }
            if !d.pending.isEmpty { out.append(open(d, answers: answers)) }
            return Array(out.prefix(3))
        case .ineligible:
            return [refused()]
        case .undetermined:
            return [open(d, answers: answers)]
        }
    }

    /// `记录有误：家庭人口：须至少为 1（记录中为 0）。` — the first problem, and how many more.
    package static func invalid(_ errors: [RecordError], language: Language) -> [String] {
        guard let first = errors.first else { return [] }
        let more = errors.count > 1 ? ReasonText.andMore(errors.count).text(language) : ""
        return [ReasonText.invalid(first.message + more).text(language)]
    }

    func amount(_ a: Decision.Award) -> String {
        guard let x = a.amount else { return t(ExplainText.amountSetByOffice) }
        return x.formatted(places: 2) + " " + (english ? (a.unit?.english ?? "yuan") : (a.unit?.rawValue ?? "元"))
    }

    /// `符合：建档困难职工送温暖帮扶金 1000.00 元/户（蚌埠2022通知 二（三））。`
    func granted(_ d: Decision) -> String {
        // the sentence depends on the awards' benefits and amounts alone
        guard let memo, d.awards.count <= 4, d.awards.allSatisfy({ $0.benefitIndex >= 0 }) else { return grantedText(d) }
        var key = ReasonsMemo.Awards(english: english)
        for a in d.awards { key.add(a.benefitIndex, a.amount) }
        if let hit = memo.granted[key] { return hit }
        let s = grantedText(d)
        if memo.granted.count < ReasonsMemo.capacity { memo.granted[key] = s }
        return s
    }

    func grantedText(_ d: Decision) -> String {
        ReasonText.eligible(d.awards.map { ReasonText.award($0.benefit, amount($0), $0.citation, in: english) }.joined(separator: separator), in: english)
    }

    /// `认定为深度困难：扣除刚性支出后人均月收入 400.00 元，低于低保标准 660.00 元。` —
    /// the numeric tests first (they carry the figures), two at most.
    func categoryBasis(_ d: Decision) -> String? {
        guard let c = program.categories.first(where: { $0.code == d.category }), why.truth(c.root) == true else { return nil }
        let label = english ? c.code : (c.label ?? c.code)
        return ReasonText.categoryBasis(label, figuresFirst(why.support(c.root), 2).joined(separator: separator), in: english)
    }

    /// Without a category: the tests that made the first award apply (`依据：本年度退档：是。`).
    func awardBasis(_ d: Decision) -> String? {
        guard let flat = d.awards.first?.benefitIndex, flat >= 0 else { return nil }
        var k = flat
        for g in program.benefitGroups {
            guard k >= g.benefits.count else {
                let b = g.benefits[k]
                var tests: [DecidingTest] = []
                if let r = b.recipient { tests += why.support(program.groups[r].root) }
                if let c = b.condition { tests += why.support(c) }
                let chosen = figuresFirst(tests, 2)
                return chosen.isEmpty ? nil : ReasonText.awardBasis(chosen.joined(separator: separator), in: english)
            }
            k -= g.benefits.count
        }
        return nil
    }

    /// The first `count` tests in words, the numeric ones first (they carry the figures an
    /// applicant asks about). Only those are worded: batch writes reasons for every record.
    func figuresFirst(_ tests: [DecidingTest], _ count: Int) -> [String] {
        let numeric = tests.filter { isComparison($0.node) && program.nodes[Int(program.nodes[Int($0.node)].a)].type.isNumeric }
        var out: [String] = []
        // The same test reached twice (a group and a condition reading one flag) is said once.
        for t in numeric + tests.filter({ !numeric.contains($0) }) where out.count < count {
            let words = text.describe(t)
            if !out.contains(words) { out.append(words) }
        }
        return out
    }

    func isComparison(_ n: Int32) -> Bool {
        switch program.nodes[Int(n)].op {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: return true
        default: return false
        }
    }

    /// The tests that kept the nearest benefit from being paid, with its clause.
    func refused() -> String {
        var best: (tests: [DecidingTest], rank: Int, citation: String?)?
        for (gi, g) in program.benefitGroups.enumerated() {
            for (k, b) in g.benefits.enumerated() {
                guard let tests = why.blockers(benefit: b, outcome: evaluation.outcomes[gi][k]), !tests.isEmpty else { continue }
                let rank = why.closeness(b, tests)
                if best == nil || rank < best!.rank { best = (tests, rank, b.citation) }
            }
        }
        guard let best else { return t(ReasonText.ineligibleNothing) }
        return ReasonText.ineligible(best.tests.prefix(3).map(text.describe).joined(separator: separator), best.citation, in: english)
    }

    /// `暂无法确定：缺少 家庭月收入。家庭月收入为 5940.00 元：符合，合计 1000.00 元；…。`
    func open(_ d: Decision, answers: [RecourseItem]) -> String {
        let names = d.missing.map { key in program.fieldIndex(named: key).map { english ? program.fields[$0].key : program.fields[$0].display } ?? key }
        let list = names.joined(separator: t(ReasonText.listSeparator))
        // A grant with benefits still open is decided; only the rest waits.
        var s = t(d.status == .eligible ? ReasonText.alsoOpen(d.pending.joined(separator: t(ReasonText.listSeparator)), list) : ReasonText.undetermined(list))
        let shown = answers.prefix(4).map { RecourseText(program: program, english: english).describe($0) }
        if !shown.isEmpty { s += (english ? " " : "") + t(ReasonText.answers(shown.joined(separator: separator))) }
        return s
    }
}

/// Sentences of `reasons` that depend on little of the record, kept from record to record by
/// one batch worker (an archive grants the same few awards again and again): the grant of one
/// award, by benefit and amount. Not shared between threads.
package final class ReasonsMemo: @unchecked Sendable {
    /// Up to four awards by benefit index and amount (an array would be allocated per look-up).
    struct Awards: Hashable {
        var english: Bool
        var count = 0
        var benefits: (Int, Int, Int, Int) = (0, 0, 0, 0)
        var amounts: (Rational?, Rational?, Rational?, Rational?) = (nil, nil, nil, nil)

        init(english: Bool) { self.english = english }

        mutating func add(_ benefit: Int, _ amount: Rational?) {
            switch count {
            case 0: benefits.0 = benefit; amounts.0 = amount
            case 1: benefits.1 = benefit; amounts.1 = amount
            case 2: benefits.2 = benefit; amounts.2 = amount
            default: benefits.3 = benefit; amounts.3 = amount
            }
            count += 1
        }

        static func == (a: Awards, b: Awards) -> Bool {
            a.english == b.english && a.count == b.count && a.benefits == b.benefits
                && a.amounts.0 == b.amounts.0 && a.amounts.1 == b.amounts.1 && a.amounts.2 == b.amounts.2 && a.amounts.3 == b.amounts.3
        }

        func hash(into h: inout Hasher) {
            h.combine(english)
            h.combine(count)
            h.combine(benefits.0); h.combine(benefits.1); h.combine(benefits.2); h.combine(benefits.3)
            h.combine(amounts.0); h.combine(amounts.1); h.combine(amounts.2); h.combine(amounts.3)
        }
    }
    static let capacity = 4096
    var granted: [Awards: String] = [:]

    package init() {}
}
