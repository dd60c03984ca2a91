import NuanSupport

/// The texts of `nuan audit`, Chinese beside English.
enum AuditMessage {
    static func cannotRead(_ path: String) -> Message { Message("无法读取名册 \(path)", "cannot read the roster \(path)") }
    static func noHeader(_ path: String) -> Message { Message("\(path) 没有表头", "\(path) has no header row") }
    static func missingColumns(_ path: String, _ cols: [String]) -> Message {
        Message("\(path) 缺少列：\(cols.joined(separator: "、"))", "\(path) lacks the columns \(cols.joined(separator: ", "))")
    }
    static func otherRules(_ theirs: String, _ ours: String) -> Message {
        Message("名册出自另一份规则（sha256 \(theirs.prefix(12))…），与 --rules（\(ours.prefix(12))…）不符",
                "the roster was made under other rules (sha256 \(theirs.prefix(12))…), not --rules (\(ours.prefix(12))…)")
    }
    static func decisionsOtherRules(_ theirs: String, _ ours: String) -> Message {
        Message("判定结果出自另一份规则（sha256 \(theirs.prefix(12))…），与 --rules（\(ours.prefix(12))…）不符",
                "the decisions were made under other rules (sha256 \(theirs.prefix(12))…), not --rules (\(ours.prefix(12))…)")
    }
    static let noRulesRow = Message("名册没有“规则”行，无法确认依据哪份规则", "the roster has no 规则 row: which rules decided cannot be confirmed")
    static let masked = Message("身份证号已遮蔽，无法核对（请用 nuan roster --unmask 造册）", "the ID number is masked and cannot be checked (make the roster with --unmask)")
    static func idProblem(_ n: String, _ why: String) -> Message { Message("身份证号 \(n) 无效：\(why)", "ID number \(n) is not valid: \(why)") }
    static func unreadable(_ t: String) -> Message { Message("慰问金额“\(t)”不是金额", "the amount \"\(t)\" is not an amount") }
    static func noDecision(_ id: String, _ status: String?) -> Message {
        status.map { Message("\(id) 的判定为 \($0)，不应发放", "\(id) was decided \($0); nothing may be paid") }
            ?? Message("判定结果中没有 \(id)", "no decision for \(id)")
    }
    static func idMismatch(_ id: String, _ given: String, _ archived: String) -> Message {
        Message("\(id) 的身份证号为 \(given)，与档案中的 \(archived) 不符", "\(id) has ID number \(given), the archive has \(archived)")
    }
    static func noAward(_ id: String, _ benefit: String) -> Message {
        Message("\(id) 的判定中没有项目“\(benefit)”", "the decision for \(id) has no award \"\(benefit)\"")
    }
    static func above(_ amount: Rational, _ decided: Rational) -> Message {
        Message("慰问金额 \(amount.formatted(places: 2)) 元高于判定的 \(decided.formatted(places: 2)) 元",
                "the amount \(amount.formatted(places: 2)) is above the decided \(decided.formatted(places: 2))")
    }
    static func fundNotAllowed(_ fund: String, _ benefit: String, _ allowed: [String]) -> Message {
        Message("资金 \(fund) 不得支付“\(benefit)”（专款专用；可支付：\(allowed.joined(separator: "、"))）",
                "fund \(fund) may not pay \"\(benefit)\" (专款专用; allowed: \(allowed.joined(separator: ", ")))")
    }
    static func duplicate(_ n: String, _ benefit: String, _ path: String, _ line: Int) -> Message {
        Message("身份证号 \(n) 已在 \(path) 第 \(line) 行领取“\(benefit)”，重复发放", "ID number \(n) is already paid \"\(benefit)\" at \(path) line \(line)")
    }
    static func nameMismatch(_ n: String, _ name: String, _ first: String, _ path: String, _ line: Int) -> Message {
        let whereZh = path.isEmpty ? "档案中" : "\(path) 第 \(line) 行", whereEn = path.isEmpty ? "in the archive" : "at \(path) line \(line)"
        return Message("身份证号 \(n) 的姓名为“\(name)”，\(whereZh)为“\(first)”", "ID number \(n) is named \"\(name)\" here, \"\(first)\" \(whereEn)")
    }
    static func totalWrong(_ fund: String?, _ given: String, _ expected: Rational) -> Message {
        let e = expected.formatted(places: 2)
        return fund.map { Message("\($0) 小计为 \(given)，各行之和为 \(e)", "the \($0) subtotal is \(given); its lines add up to \(e)") }
            ?? Message("合计为 \(given)，各行之和为 \(e)", "the total is \(given); the lines add up to \(e)")
    }
    static func noSubtotal(_ fund: String) -> Message { Message("资金 \(fund) 没有小计行", "no subtotal row for fund \(fund)") }
    static let noTotal = Message("名册没有合计行", "the roster has no total row")
}
