import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// Rules that can never take effect.
///
/// - `lint.contradiction`: a benefit (with its recipient group) or a category whose condition
///   asks for two things that cannot both hold — the same value `= a` and `= b`, `x < c1` and
///   `x > c2` with c1 ≤ c2, `属于` two disjoint lists, `X` and `非 X`. Named conditions are
///   opened up; thresholds over a named line (`低保标准 × 2`) are compared assuming the line is
///   positive.
/// - `lint.shadowed`: under `首个` (and for categories, which are tried in order) an earlier
///   rule whose conditions are a subset of a later one's — it holds whenever the later one
///   does, so the later one is never reached. A rule with no condition and no recipient holds
///   for everyone and shadows everything after it.
/// - `lint.unique-overlap`: under `唯一`, two benefits where one's conditions include the
///   other's: both apply together, which `唯一` turns into an error at decision time.
enum NeverGranted {
    static func run(_ c: inout LintContext) {
        for (b, g, _) in c.mainBenefits {
            var roots: [Int32] = []
            if let r = b.recipient { roots += c.conditions.conjuncts(c.program.groups[r].root, expand: true) }
            if let cond = b.condition { roots += c.conditions.conjuncts(cond, expand: true) }
            _ = g
            checkContradiction(&c, roots, LintMessage.benefitSubject(b.name), at: b.range,
                               consequence: LintMessage.benefitNeverGranted)
        }
        for cat in c.program.categories where c.inMain(cat.range) {
            checkContradiction(&c, c.conditions.conjuncts(cat.root, expand: true),
                               LintMessage.categorySubject(cat.code, cat.label), at: cat.range,
                               consequence: LintMessage.categoryNeverGiven)
        }
        shadowing(&c)
    }

    static func checkContradiction(_ c: inout LintContext, _ conjuncts: [Int32], _ what: Message, at range: SourceRange, consequence: Message) {
        let atoms = conjuncts.map { c.conditions.atom($0) }
        for i in atoms.indices {
            for j in atoms.indices where j > i && c.conditions.contradict(atoms[i], atoms[j]) {
                let a = c.show(atoms[i].node), b = c.show(atoms[j].node)
                let here = LintMessage.conditionHere
                c.warn("lint.contradiction", LintMessage.contradiction(what, a, b) + consequence, at: range,
                       notes: [(here, c.program.nodeRanges[Int(atoms[i].node)]), (here, c.program.nodeRanges[Int(atoms[j].node)])])
                return
            }
        }
    }

    /// The conditions a rule asks for, as canonical texts (its recipient group counts as one).
    static func requirements(_ c: LintContext, recipient: Int?, condition: Int32?) -> Set<String> {
        var out: Set<String> = []
        if let r = recipient { out.insert("对象 " + c.program.groups[r].name) }
        if let n = condition { for k in c.conditions.conjuncts(n, expand: false) { out.insert(c.conditions.printer.text(k)) } }
        return out
    }

    static func shadowing(_ c: inout LintContext) {
        for g in c.program.benefitGroups where g.policy == .first || g.policy == .unique {
            let reqs = g.benefits.map { requirements(c, recipient: $0.recipient, condition: $0.condition) }
            for j in g.benefits.indices where c.inMain(g.benefits[j].range) {
                guard let i = g.benefits.indices.first(where: { $0 < j && reqs[$0].isSubset(of: reqs[j]) }) else { continue }
                let (early, late) = (g.benefits[i], g.benefits[j])
                if g.policy == .first {
                    let why = reqs[i].isEmpty
                        ? LintMessage.holdsForEveryone(early.name)
                        : LintMessage.holdsWhenever(early.name, late.name)
                    c.warn("lint.shadowed",
                           LintMessage.shadowedBenefit(late.name, group: g.name, because: why),
                           at: late.range, notes: [(LintMessage.earlierBenefitHere, early.range)])
                } else {
                    c.warn("lint.unique-overlap",
                           LintMessage.uniqueOverlap(group: g.name, early.name, late.name),
                           at: late.range, notes: [(LintMessage.otherBenefitHere, early.range)])
                }
            }
        }
        // Categories are tried in order: the first that holds wins.
        let cats = c.program.categories
        let reqs = cats.map { requirements(c, recipient: nil, condition: $0.root) }
        for j in cats.indices where c.inMain(cats[j].range) {
            guard let i = cats.indices.first(where: { $0 < j && reqs[$0].isSubset(of: reqs[j]) }) else { continue }
            c.warn("lint.shadowed",
                   LintMessage.shadowedCategory(cats[j].code, cats[j].label, earlier: cats[i].code, cats[i].label),
                   at: cats[j].range, notes: [(LintMessage.earlierCategoryHere, cats[i].range)])
        }
    }
}
