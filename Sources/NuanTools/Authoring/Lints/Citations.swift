import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// `lint.no-citation` — a rule with no `依据`: a parameter with a figure (or a table row with
/// one), a definition, a recipient group, a fund, a category, a benefit or a validity rule (`无效`). Every decision
/// prints the clause each rule comes from; a rule without one cannot be traced to the notice.
/// A `待定` figure has no source by definition and needs none.
enum Citations {
    static func run(_ c: inout LintContext) {
        for d in c.main.declarations {
            switch d.kind {
            case .parameter(let p) where p.citation == nil:
                if p.keyField == nil {
                    if p.value != nil { c.warn("lint.no-citation", LintMessage.noCitation(LintMessage.parameter, p.name), at: p.nameRange) }
                } else {
                    for row in p.rows where row.value != nil && row.citation == nil {
                        let name = "\(p.name)［\(row.keys.first ?? "")］"
                        c.warn("lint.no-citation", LintMessage.noCitation(LintMessage.parameter, name), at: row.range)
                    }
                }
            case .definition(let x) where x.citation == nil:
                c.warn("lint.no-citation", LintMessage.noCitation(LintMessage.definition, x.name), at: x.nameRange)
            case .group(let g) where g.citation == nil:
                c.warn("lint.no-citation", LintMessage.noCitation(LintMessage.group, g.name), at: g.nameRange)
            case .fund(let f) where f.citation == nil:
                c.warn("lint.no-citation", LintMessage.noCitation(LintMessage.fund, f.code), at: f.nameRange)
            case .category(let x) where x.citation == nil:
                c.warn("lint.no-citation", LintMessage.noCitation(LintMessage.category, x.label ?? x.code), at: x.nameRange)
            case .validity(let v) where v.citation == nil:
                c.warn("lint.no-citation", LintMessage.noCitation(LintMessage.validityRule, v.name), at: v.nameRange)
            case .benefitGroup(let g):
                for b in g.benefits where b.citation == nil {
                    c.warn("lint.no-citation", LintMessage.noCitation(LintMessage.benefit, b.name), at: b.nameRange)
                }
            default: break
            }
        }
    }
}
