import NuanSupport
import NuanProgram

/// `nuan audit`: checks a roster as it comes back signed, with no re-run of the allocation —
/// against the decisions (or the archive, decided here) under the rules it names, and against
/// earlier rosters:
///
/// - the roster's 规则 row is the digest of `--rules` (and of the decisions, when they carry one);
/// - every line has an eligible decision with an award for its 项目, the amount is not above
///   the decided amount and the fund is one that may pay it (专款专用);
/// - the ID number passes GB 11643, is the one the archive has for the 申请编号, and is not paid
///   the same benefit twice — on this roster or on an earlier one (`--previous`);
/// - one ID number carries one name (across the rosters, and as the archive has it);
/// - each 小计 and the 合计 are the sums of their lines, to the fen.
///
/// Each finding names the file, the line and the rule (`AuditFinding.Rule`).
public enum RosterAudit {
    public static func audit(_ roster: RosterFile, households: [AidHousehold], decisionsDigest: String?, program: CheckedProgram,
                             previous: [RosterFile] = [], unmask: Bool = false) -> [AuditFinding] {
        var out: [AuditFinding] = []
        let shown = { (s: String) in Privacy.shown(s, unmask: unmask) }
        func find(_ file: RosterFile, _ line: Int, _ rule: AuditFinding.Rule, _ m: Message) {
            out.append(AuditFinding(path: file.path, line: line, rule: rule, message: m))
        }
        let digest = program.chainSHA256
        if let r = roster.rulesDigest {
            if r.sha256 != digest { find(roster, r.line, .rulesDigest, AuditMessage.otherRules(r.sha256, digest)) }
        } else {
            find(roster, 0, .rulesMissing, AuditMessage.noRulesRow)
        }
        if let d = decisionsDigest, d != digest { find(roster, 0, .rulesDigest, AuditMessage.decisionsOtherRules(d, digest)) }

        var byID: [String: AidHousehold] = [:]
        var nameByNumber: [String: String] = [:]
        for h in households {
            if byID[h.id] == nil { byID[h.id] = h }
            if let n = h.idNumber?.uppercased(), let name = h.name, nameByNumber[n] == nil { nameByNumber[n] = name }
        }
        // Earlier rosters first: what they paid, and the names they used.
        var paid: [String: (path: String, line: Int)] = [:]
        var seenName: [String: (name: String, path: String, line: Int)] = [:]
        func note(_ file: RosterFile, _ l: RosterFile.Line, current: Bool) {
            let number = l.idNumber.uppercased()
            guard !number.isEmpty, !number.contains("*") else { return }
            if let first = seenName[number] ?? nameByNumber[number].map({ ($0, "", 0) }) {
                if first.name != l.name && current {
                    find(file, l.line, .nameMismatch, AuditMessage.nameMismatch(shown(number), l.name, first.name, first.path, first.line))
                }
            } else {
                seenName[number] = (l.name, file.path, l.line)
            }
            let key = number + "|" + l.benefit
            if let first = paid[key] {
                if current { find(file, l.line, .idDuplicate, AuditMessage.duplicate(shown(number), l.benefit, first.path, first.line)) }
            } else {
                paid[key] = (file.path, l.line)
            }
        }
        for p in previous { for l in p.lines { note(p, l, current: false) } }

        for l in roster.lines {
            let number = l.idNumber.uppercased()
            if number.contains("*") {
                find(roster, l.line, .idMasked, AuditMessage.masked)
            } else if let problem = IDNumber.problem(number) {
                find(roster, l.line, .idCheck, AuditMessage.idProblem(shown(number), problem))
            }
            note(roster, l, current: true)
            guard let amount = l.amount else {
                find(roster, l.line, .amountUnreadable, AuditMessage.unreadable(l.amountText))
                continue
            }
            guard let h = byID[l.id], h.status == .eligible else {
                find(roster, l.line, .noDecision, AuditMessage.noDecision(shown(l.id), byID[l.id]?.status.rawValue))
                continue
            }
            if let n = h.idNumber, !number.contains("*"), n.uppercased() != number {
                find(roster, l.line, .idMismatch, AuditMessage.idMismatch(shown(l.id), shown(number), shown(n)))
            }
            let award = l.benefit.isEmpty ? h.awards.max { ($0.amount ?? .zero) < ($1.amount ?? .zero) } : h.awards.first { $0.benefit == l.benefit }
            guard let award else {
                find(roster, l.line, .noAward, AuditMessage.noAward(shown(l.id), l.benefit))
                continue
            }
            if let decided = award.amount, amount > decided {
                find(roster, l.line, .amountAboveDecided, AuditMessage.above(amount, decided))
            }
            if !award.allowedFunds.contains(l.fund) {
                find(roster, l.line, .fundNotAllowed, AuditMessage.fundNotAllowed(l.fund, award.benefit, award.allowedFunds))
            }
        }
        checkTotals(roster) { line, m in find(roster, line, .total, m) }
        return out
    }

    /// Each 小计 is the sum of its fund's lines and the 合计 the sum of all, to the fen; a fund
    /// with lines but no 小计, or a roster without 合计, is a finding too.
    static func checkTotals(_ roster: RosterFile, _ find: (Int, Message) -> Void) {
        var byFund: [String: Rational] = [:]
        var all = Rational.zero
        for l in roster.lines {
            guard let a = l.amount else { continue }
            byFund[l.fund] = (byFund[l.fund] ?? .zero).adding(a)
            all = all.adding(a) ?? all
        }
        var subtotalled: Set<String> = []
        var sawTotal = false
        for t in roster.totals {
            let expected = t.fund.map { byFund[$0] ?? .zero } ?? all
            if let f = t.fund { subtotalled.insert(f) } else { sawTotal = true }
            if t.amount != expected { find(t.line, AuditMessage.totalWrong(t.fund, t.amountText, expected)) }
        }
        for f in byFund.keys.sorted() where !subtotalled.contains(f) { find(0, AuditMessage.noSubtotal(f)) }
        if !sawTotal { find(0, AuditMessage.noTotal) }
    }
}
