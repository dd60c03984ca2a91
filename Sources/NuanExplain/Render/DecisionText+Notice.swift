import NuanSupport
import NuanSyntax
import NuanProgram

/// The applicant's notice (告知单): whom it is for, the decision, what is paid and from which
/// fund, the reasons and the clause, what would change it, and what to do if they disagree —
/// in words an applicant reads, nothing of the rule language. `NoticeHTML` prints the same on A4.
extension DecisionText {
    /// The notice's parts, shared by the text and the HTML.
    struct NoticeParts {
        var title: String
        var rows: [(label: String, value: String)]
        var reasons: [String]
        var awards: [String]
        var total: String?
        var recourse: [String]
        var appeal: String
        var footer: String
    }

    func noticeParts(_ d: Decision) -> NoticeParts {
        var rows: [(String, String)] = [
            (t(NoticeText.name), d.name ?? "—"),
            (t(NoticeText.application), d.id ?? "—"),
            (t(NoticeText.decision), t(NoticeText.status(d.status))),
        ]
        if d.status == .eligible, d.category != "none", d.category != "undetermined" {
            rows.append((t(NoticeText.category), plainCategory(d.category)))
        }
        if !d.missing.isEmpty {
            rows.append((t(NoticeText.missing), d.missing.map(plainField).joined(separator: t(DecisionTextMessage.listSeparator))))
        }
        let awards = d.awards.map { a in
            a.benefit + t(DecisionTextMessage.amountSeparator) + amountText(a)
                + (a.fund.map { t(NoticeText.fund(plainFund($0))) } ?? "") + (a.citation.map { t(NoticeText.clause($0)) } ?? "")
        }
        let words = RecourseText(program: program, english: english)
        // Three at most: the notice is one page; the caseworker's view has them all.
        let recourse = d.status == .eligible && d.pending.isEmpty ? [] : d.recourse.prefix(3).map(words.describe)
        let problems = d.errors.map(\.message)
        return NoticeParts(title: t(NoticeText.title), rows: rows, reasons: d.reasons.isEmpty ? problems : d.reasons, awards: awards,
                           total: d.awards.isEmpty ? nil : d.totalAmount.formatted(places: 2) + t(DecisionTextMessage.yuan),
                           recourse: recourse, appeal: t(d.status == .invalid ? NoticeText.correct : NoticeText.appeal),
                           footer: t(NoticeText.rules(program.title + (program.version.map { t(DecisionTextMessage.version) + $0 } ?? ""))))
    }

    func notice(_ d: Decision) -> String {
        let p = noticeParts(d)
        var out = p.title + "\n\n"
        for (label, value) in p.rows { out += label + oneLine(value) + "\n" }
        if !p.awards.isEmpty {
            out += t(NoticeText.awards)
            for a in p.awards { out += "  · " + oneLine(a) + "\n" }
            if let total = p.total { out += t(DecisionTextMessage.total) + total + "\n" }
        }
        if !p.reasons.isEmpty {
            out += t(NoticeText.reasons)
            for r in p.reasons { out += "  " + oneLine(r) + "\n" }
        }
        if !p.recourse.isEmpty {
            out += t(NoticeText.recourse)
            for r in p.recourse { out += "  · " + oneLine(r) + "\n" }
        }
        out += "\n" + p.appeal + "\n\n" + p.footer + "\n" + t(NoticeText.signature) + "\n"
        return out
    }
}

/// The notice's words, in Chinese and English side by side.
enum NoticeText {
    static let title = Message("困难职工帮扶申请结果告知单", "Notice of decision on your application for hardship aid")
    static let name = Message("姓名：", "Name: ")
    static let application = Message("申请编号：", "Application: ")
    static let decision = Message("结论：", "Decision: ")
    static let category = Message("认定类别：", "Category: ")
    static let missing = Message("需补充：", "Still needed: ")
    static func status(_ s: Decision.Status) -> Message {
        switch s {
        case .eligible: return Message("符合条件，予以帮扶", "eligible: aid is granted")
        case .ineligible: return Message("不符合条件", "not eligible")
        case .undetermined: return Message("暂无法确定，请补充材料", "not yet decided: information is missing")
        case .invalid: return Message("申请材料有误，请更正后重新提交", "the application has errors: please correct and resubmit")
        }
    }
    static let awards = Message("发放：\n", "Paid:\n")
    static func fund(_ name: String) -> Message { Message("（资金来源：\(name)）", " (from: \(name))") }
    static func clause(_ c: String) -> Message { Message("；依据 \(c)", "; under \(c)") }
    static let reasons = Message("理由：\n", "Reasons:\n")
    static let recourse = Message("如情况有以下变化，结论会不同：\n", "The decision would differ if:\n")
    static let appeal = Message("如对本结论有异议，可向经办工会提出复核，并提供相关证明材料。",
                                "If you disagree with this decision, you may ask the union office that handled it to review it, with supporting documents.")
    static let correct = Message("请按上述问题更正申请材料后重新提交；如有疑问，请向经办工会咨询。",
                                 "Please correct the application as described above and submit it again; the union office that handled it can help.")
    static func rules(_ name: String) -> Message { Message("依据规则：\(name)", "Rules: \(name)") }
    static let signature = Message("经办工会（盖章）：＿＿＿＿＿＿　　经办人：＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日",
                                   "Union office (stamp): ____________   Caseworker: ________   Date: ____________")
}
