import NuanSupport
import NuanSyntax
import NuanProgram

/// The caseworker's view: the decision and its reasons first, then each rule that decided it
/// with the values it used, in plain words; the rules that did not apply only with
/// `allRules`. Categories, funds and options by their labels (codes in English).
extension DecisionText {
    func plainCategory(_ code: String) -> String {
        if code == "undetermined" { return t(DecisionTextMessage.undeterminedCategory) }
        if english { return code }
        let e = program.enums[program.categoryEnum]
        guard let i = e.index(of: code) else { return code }
        return program.categories.first { $0.code == code }?.label ?? e.display(i)
    }

    func plainFund(_ code: String) -> String {
        guard !english, let f = program.funds.first(where: { $0.code == code }), let l = f.label else { return code }
        return l
    }

    func plainField(_ key: String) -> String {
        guard !english, let i = program.fieldIndex(named: key) else { return key }
        return program.fields[i].display
    }

    func amountText(_ a: Decision.Award) -> String {
        let unit = english ? (a.unit?.english ?? "yuan") : (a.unit?.rawValue ?? "元")
        return a.amount.map { "\($0.formatted(places: 2)) \(unit)" } ?? t(DecisionTextMessage.amountSetByOffice)
    }

    func caseworker(_ d: Decision) -> String {
        var out = t(DecisionTextMessage.name) + oneLine(d.name ?? "—") + "\n"
        out += t(DecisionTextMessage.application) + oneLine(d.id ?? "—") + "\n"
        out += t(DecisionTextMessage.decision) + DecisionText.statusText(d.status, english: english) + "\n"
        if d.status != .invalid { out += t(DecisionTextMessage.category) + plainCategory(d.category) + "\n" }
        if !d.reasons.isEmpty {
            out += t(DecisionTextMessage.reasons)
            for r in d.reasons { out += "  " + oneLine(r) + "\n" }
        }
        if !d.errors.isEmpty {
            out += t(DecisionTextMessage.problems)
            for e in d.errors { out += "  ✗ " + oneLine(e.message) + "\n" }
        }
        if !d.awards.isEmpty {
            out += t(DecisionTextMessage.awards)
            for a in d.awards {
                out += "  · \(oneLine(a.benefit))" + t(DecisionTextMessage.amountSeparator) + amountText(a)
                if let f = a.fund { out += t(DecisionTextMessage.fund) + oneLine(plainFund(f)) }
                if a.allowedFunds.count > 1 {
                    out += t(DecisionTextMessage.allowedFunds(oneLine(a.allowedFunds.map(plainFund).joined(separator: t(DecisionTextMessage.listSeparator)))))
                }
                out += "\n"
            }
            out += t(DecisionTextMessage.total) + d.totalAmount.formatted(places: 2) + t(DecisionTextMessage.yuan) + "\n"
        }
        if !d.warnings.isEmpty {
            out += t(DecisionTextMessage.warnings)
            for w in d.warnings { out += "  ! " + oneLine(w.message) + "\n" }
        }
        if !d.missing.isEmpty {
            out += t(DecisionTextMessage.missing) + oneLine(d.missing.map(plainField).joined(separator: t(DecisionTextMessage.listSeparator))) + "\n"
        }
        if showRecourse && d.status != .invalid && (d.status != .eligible || !d.pending.isEmpty) {
            out += t(DecisionTextMessage.recourse)
            if d.recourse.isEmpty { out += t(DecisionTextMessage.noRecourse) }
            let words = RecourseText(program: program, english: english)
            for item in d.recourse { out += "  · " + oneLine(words.describe(item)) + "\n" }
        }
        if !d.basis.isEmpty {
            out += t(DecisionTextMessage.basis)
            for e in d.basis { out += entry(e, depth: 1) }
        }
        if allRules && !d.notApplied.isEmpty {
            out += t(DecisionTextMessage.notApplied)
            for e in d.notApplied {
                out += "  ✗ " + oneLine(e.rule) + (e.values.first.map { t(DecisionTextMessage.amountSeparator) + oneLine($0) } ?? "") + "\n"
            }
        } else if !d.notApplied.isEmpty {
            out += t(DecisionTextMessage.notAppliedHidden(d.notApplied.count))
        }
        out += t(DecisionTextMessage.rules) + oneLine(program.title) + (program.version.map { t(DecisionTextMessage.version) + oneLine($0) } ?? "")
        out += " · sha256 " + String(program.chainSHA256.prefix(12))
        if !program.overrides.isEmpty { out += t(DecisionTextMessage.overrides) + oneLine(program.overrides.joined(separator: "，")) }
        return out + "\n"
    }
}
