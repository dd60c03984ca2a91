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

    static func run(_ c: inout LintContext) {
        guard !c.program.benefits.isEmpty else { return }
        for d in c.main.declarations {
            switch d.kind {
            case .field(let f) where !contractFields.contains(f.key) && !c.used.contains(f.key):
                c.warn("lint.unused", LintMessage.unused(LintMessage.field, f.label ?? f.key, LintMessage.noRuleReadsIt), at: f.nameRange)
            case .parameter(let p) where !c.used.contains(p.name):
                c.warn("lint.unused", LintMessage.unused(LintMessage.parameter, p.name, LintMessage.noRuleUsesIt), at: p.nameRange)
            case .definition(let x) where !c.used.contains(x.name):
                c.warn("lint.unused", LintMessage.unused(LintMessage.definition, x.name, LintMessage.noRuleUsesIt), at: x.nameRange)
            case .group(let g) where !c.used.contains(g.name):
                c.warn("lint.unused", LintMessage.unused(LintMessage.group, g.name, LintMessage.noBenefitOrFundNamesIt), at: g.nameRange)
            case .fund(let f) where !c.used.contains(f.code):
                c.warn("lint.unused", LintMessage.unused(LintMessage.fund, f.code, LintMessage.noBenefitPaidFromIt), at: f.nameRange)
            default: break
            }
        }
    }
}
