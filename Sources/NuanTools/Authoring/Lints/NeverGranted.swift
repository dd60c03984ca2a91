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
    static func contradiction(_ what: LintText, _ a: String, _ b: String) -> LintText {
        LintText(zh: "\(what.zh)的条件自相矛盾，永远不会成立：“\(a)” 与 “\(b)” 不能同时成立",
                 en: "the condition of \(what.en) contradicts itself and can never hold: ‘\(a)’ and ‘\(b)’ cannot both be true")
    }
    static let here = LintText(zh: "这一条件在这里", en: "this condition is here")

    static func run(_ c: inout LintContext) {
        for (b, g, _) in c.mainBenefits {
            var roots: [Int32] = []
            if let r = b.recipient { roots += c.conditions.conjuncts(c.program.groups[r].root, expand: true) }
            if let cond = b.condition { roots += c.conditions.conjuncts(cond, expand: true) }
            _ = g
            checkContradiction(&c, roots, LintText(zh: "福利 “\(b.name)” ", en: "benefit ‘\(b.name)’"), at: b.range,
                               consequence: LintText(zh: "，这项福利永远不会发放", en: "; it is never granted"))
        }
        for cat in c.program.categories where c.inMain(cat.range) {
            checkContradiction(&c, c.conditions.conjuncts(cat.root, expand: true),
                               LintText(zh: "类别 \(cat.code)（\(cat.label ?? cat.code)）", en: "category \(cat.code)"), at: cat.range,
                               consequence: LintText(zh: "，这一类别永远不会认定", en: "; no household is ever given it"))
        }
        shadowing(&c)
    }

    static func checkContradiction(_ c: inout LintContext, _ conjuncts: [Int32], _ what: LintText, at range: SourceRange, consequence: LintText) {
        let atoms = conjuncts.map { c.conditions.atom($0) }
        for i in atoms.indices {
            for j in atoms.indices where j > i && c.conditions.contradict(atoms[i], atoms[j]) {
                let a = c.show(atoms[i].node), b = c.show(atoms[j].node)
                let m = contradiction(what, a, b)
                c.warn("lint.contradiction", LintText(zh: m.zh + consequence.zh, en: m.en + consequence.en), at: range,
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
                        ? LintText(zh: "“\(early.name)” 没有条件也没有对象，对所有人都成立", en: "‘\(early.name)’ has no condition and no recipient group, so it holds for everyone")
                        : LintText(zh: "“\(early.name)” 的条件在 “\(late.name)” 成立时一定成立", en: "the conditions of ‘\(early.name)’ hold whenever those of ‘\(late.name)’ do")
                    c.warn("lint.shadowed",
                           LintText(zh: "福利 “\(late.name)” 永远不会发放：福利组 \(g.name) 命中 首个，排在前面的 \(why.zh)",
                                    en: "benefit ‘\(late.name)’ is never granted: group \(g.name) takes the first match, and earlier \(why.en)"),
                           at: late.range, notes: [(LintText(zh: "排在前面的福利在这里", en: "the earlier benefit is here"), early.range)])
                } else {
                    c.warn("lint.unique-overlap",
                           LintText(zh: "福利组 \(g.name) 命中 唯一，但 “\(early.name)” 与 “\(late.name)” 会同时成立（前者的条件在后者成立时一定成立），判定时会报错",
                                    en: "group \(g.name) allows a unique match, but ‘\(early.name)’ and ‘\(late.name)’ apply together (the former holds whenever the latter does); deciding such a record is an error"),
                           at: late.range, notes: [(LintText(zh: "另一项福利在这里", en: "the other benefit is here"), early.range)])
                }
            }
        }
        // Categories are tried in order: the first that holds wins.
        let cats = c.program.categories
        let reqs = cats.map { requirements(c, recipient: nil, condition: $0.root) }
        for j in cats.indices where c.inMain(cats[j].range) {
            guard let i = cats.indices.first(where: { $0 < j && reqs[$0].isSubset(of: reqs[j]) }) else { continue }
            c.warn("lint.shadowed",
                   LintText(zh: "类别 \(cats[j].code)（\(cats[j].label ?? cats[j].code)）永远不会认定：类别按顺序认定，排在前面的 \(cats[i].code)（\(cats[i].label ?? cats[i].code)）的条件在它成立时一定成立",
                            en: "category \(cats[j].code) is never given: categories are tried in order, and the earlier \(cats[i].code) holds whenever it does"),
                   at: cats[j].range, notes: [(LintText(zh: "排在前面的类别在这里", en: "the earlier category is here"), cats[i].range)])
        }
    }
}
