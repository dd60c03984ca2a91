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
                       LintText(zh: "福利 “\(b.name)” 没有写 对象，但资金 \(f.code) 专款专用，只能支付 \(groups)：请写明这项福利的对象",
                                en: "benefit ‘\(b.name)’ names no recipient group, but fund \(f.code) is earmarked for \(groups) only: say whom the benefit is for"),
                       at: b.range, notes: [(LintText(zh: "资金 \(f.code) 可支付的对象在这里声明", en: "fund \(f.code)'s recipients are declared here"), f.range)])
            }
        }
    }
}
