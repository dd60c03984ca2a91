import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// `lint.unused` — a name declared in the checked file that nothing in the merged program uses:
/// a field no rule reads, a parameter or definition no rule refers to, a recipient group no
/// benefit or fund names, a fund no benefit names.
///
/// Not reported: fields of the applicant-record contract (every file declares them, through
/// national-base, whether or not it reads them), and anything in a file with no benefit at all
/// in its merged program — such a file is a base that other files extend, and its names are
/// there for them.
enum UnusedNames {
    /// Keys of shared/spec/applicant-record.md.
    static let contractFields: Set<String> = [
        "id", "name", "id_number", "employer", "phone", "region", "application_date",
        "household_size", "household_monthly_income", "rigid_monthly_expenses", "receives_dibao",
        "hardship_causes", "archive_type", "archive_level", "archive_exited_this_year",
        "in_transition_period", "groups",
    ]

    static func message(_ kind: (zh: String, en: String), _ name: String, _ what: (zh: String, en: String)) -> LintText {
        LintText(zh: "\(kind.zh) “\(name)” 已声明但\(what.zh)", en: "\(kind.en) ‘\(name)’ is declared but \(what.en)")
    }

    static func run(_ c: inout LintContext) {
        guard !c.program.benefits.isEmpty else { return }
        for d in c.main.declarations {
            switch d.kind {
            case .field(let f) where !contractFields.contains(f.key) && !c.used.contains(f.key):
                c.warn("lint.unused", message(("字段", "field"), f.label ?? f.key, ("没有任何规则读取它", "no rule reads it")), at: f.nameRange)
            case .parameter(let p) where !c.used.contains(p.name):
                c.warn("lint.unused", message(("参数", "parameter"), p.name, ("没有任何规则用到它", "no rule uses it")), at: p.nameRange)
            case .definition(let x) where !c.used.contains(x.name):
                c.warn("lint.unused", message(("定义", "definition"), x.name, ("没有任何规则用到它", "no rule uses it")), at: x.nameRange)
            case .group(let g) where !c.used.contains(g.name):
                c.warn("lint.unused", message(("对象", "recipient group"), g.name, ("没有任何福利或资金用到它", "no benefit or fund names it")), at: g.nameRange)
            case .fund(let f) where !c.used.contains(f.code):
                c.warn("lint.unused", message(("资金", "fund"), f.code, ("没有任何福利从它支付", "no benefit is paid from it")), at: f.nameRange)
            default: break
            }
        }
    }
}
