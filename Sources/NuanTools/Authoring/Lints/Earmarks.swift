import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// `lint.earmark-open` — 专款专用 for benefits with no recipient group. The checker already
/// rejects a fund that may not pay a benefit's recipients (`check.earmark`); a benefit with no
/// `对象` at all names no recipients to check, yet an earmarked fund (`可支付 [..]`) may pay
/// only its groups. The benefit should say whom it is for.
enum Earmarks {
    static func run(_ c: inout LintContext) {
        for (b, _, _) in c.mainBenefits where b.recipient == nil {
            for fi in b.funds {
                let f = c.program.funds[fi]
                guard let allowed = f.mayPay else { continue }
                let groups = allowed.map { c.program.groups[$0].name }.joined(separator: "、")
                c.warn("lint.earmark-open",
                       LintMessage.earmarkOpen(b.name, fund: f.code, groups: groups),
                       at: b.range, notes: [(LintMessage.fundRecipientsHere(f.code), f.range)])
            }
        }
    }
}
