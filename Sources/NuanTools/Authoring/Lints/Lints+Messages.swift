import NuanSupport

/// Every text the lints print, in Chinese and English side by side. The Chinese texts are
/// those `nuan check` has always printed (the goldens under `Tests/Fixtures/check` hold them).
enum LintMessage {
    // MARK: what a message is about

    static func declared(_ kind: Message, _ name: String) -> Message {
        Message(zh: "\(kind.zh) “\(name)”", en: "\(kind.en) ‘\(name)’")
    }
    static let parameter = Message(zh: "参数", en: "parameter")
    static let definition = Message(zh: "定义", en: "definition")
    static let group = Message(zh: "对象", en: "recipient group")
    static let fund = Message(zh: "资金", en: "fund")
    static let category = Message(zh: "类别", en: "category")
    static let validityRule = Message(zh: "无效规则", en: "validity rule")
    static let benefit = Message(zh: "福利", en: "benefit")
    static let field = Message(zh: "字段", en: "field")

    // MARK: lint.no-citation

    static func noCitation(_ kind: Message, _ name: String) -> Message {
        Message(zh: "\(kind.zh) “\(name)” 没有写 依据：请注明它出自通知的哪一条",
                en: "\(kind.en) ‘\(name)’ has no 依据 (citation): say which clause of the notice it comes from")
    }

    // MARK: lint.unused

    static func unused(_ kind: Message, _ name: String, _ what: Message) -> Message {
        Message(zh: "\(kind.zh) “\(name)” 已声明但\(what.zh)", en: "\(kind.en) ‘\(name)’ is declared but \(what.en)")
    }
    static let noRuleReadsIt = Message(zh: "没有任何规则读取它", en: "no rule reads it")
    static let noRuleUsesIt = Message(zh: "没有任何规则用到它", en: "no rule uses it")
    static let noBenefitOrFundNamesIt = Message(zh: "没有任何福利或资金用到它", en: "no benefit or fund names it")
    static let noBenefitPaidFromIt = Message(zh: "没有任何福利从它支付", en: "no benefit is paid from it")

    // MARK: lint.contradiction, lint.shadowed, lint.unique-overlap

    static func contradiction(_ what: Message, _ a: String, _ b: String) -> Message {
        Message(zh: "\(what.zh)的条件自相矛盾，永远不会成立：“\(a)” 与 “\(b)” 不能同时成立",
                en: "the condition of \(what.en) contradicts itself and can never hold: ‘\(a)’ and ‘\(b)’ cannot both be true")
    }
    static let conditionHere = Message(zh: "这一条件在这里", en: "this condition is here")
    static func benefitSubject(_ name: String) -> Message { Message(zh: "福利 “\(name)” ", en: "benefit ‘\(name)’") }
    static let benefitNeverGranted = Message(zh: "，这项福利永远不会发放", en: "; it is never granted")
    static func categorySubject(_ code: String, _ label: String?) -> Message {
        Message(zh: "类别 \(code)（\(label ?? code)）", en: "category \(code)")
    }
    static let categoryNeverGiven = Message(zh: "，这一类别永远不会认定", en: "; no household is ever given it")
    static func holdsForEveryone(_ early: String) -> Message {
        Message(zh: "“\(early)” 没有条件也没有对象，对所有人都成立", en: "‘\(early)’ has no condition and no recipient group, so it holds for everyone")
    }
    static func holdsWhenever(_ early: String, _ late: String) -> Message {
        Message(zh: "“\(early)” 的条件在 “\(late)” 成立时一定成立", en: "the conditions of ‘\(early)’ hold whenever those of ‘\(late)’ do")
    }
    static func shadowedBenefit(_ late: String, group: String, because why: Message) -> Message {
        Message(zh: "福利 “\(late)” 永远不会发放：福利组 \(group) 命中 首个，排在前面的 \(why.zh)",
                en: "benefit ‘\(late)’ is never granted: group \(group) takes the first match, and earlier \(why.en)")
    }
    static let earlierBenefitHere = Message(zh: "排在前面的福利在这里", en: "the earlier benefit is here")
    static func uniqueOverlap(group: String, _ early: String, _ late: String) -> Message {
        Message(zh: "福利组 \(group) 命中 唯一，但 “\(early)” 与 “\(late)” 会同时成立（前者的条件在后者成立时一定成立），判定时会报错",
                en: "group \(group) allows a unique match, but ‘\(early)’ and ‘\(late)’ apply together (the former holds whenever the latter does); deciding such a record is an error")
    }
    static let otherBenefitHere = Message(zh: "另一项福利在这里", en: "the other benefit is here")
    static func shadowedCategory(_ late: String, _ lateLabel: String?, earlier early: String, _ earlyLabel: String?) -> Message {
        Message(zh: "类别 \(late)（\(lateLabel ?? late)）永远不会认定：类别按顺序认定，排在前面的 \(early)（\(earlyLabel ?? early)）的条件在它成立时一定成立",
                en: "category \(late) is never given: categories are tried in order, and the earlier \(early) holds whenever it does")
    }
    static let earlierCategoryHere = Message(zh: "排在前面的类别在这里", en: "the earlier category is here")

    // MARK: lint.income-gap, lint.region-missing

    static func exactly(_ bound: String) -> Message { Message(zh: "恰为 \(bound)", en: "exactly \(bound)") }
    static func between(_ interval: String) -> Message { Message(zh: "在 \(interval) 之间", en: "in \(interval)") }
    static func categoryBelowGap(_ code: String) -> Message {
        Message(zh: "低于缺口的类别 \(code) 在这里", en: "the category below the gap, \(code), is here")
    }
    static func categoryAboveGap(_ code: String) -> Message {
        Message(zh: "高于缺口的类别 \(code) 在这里", en: "the category above the gap, \(code), is here")
    }
    static func onlyThresholdsCompared(_ key: String, unit: String?) -> Message {
        Message(zh: "只比较了各类别对 \(key) 的门槛（其他条件只会让类别更窄，所以这一缺口一定存在）",
                en: "only the thresholds on \(key) were compared (other conditions only narrow a category, so the gap is certain)")
            .with(unit.map { Message(zh: "；按 \($0) 的倍数比较，假定它为正数", en: "; compared as multiples of \($0), assumed positive") })
    }
    static func incomeGap(_ key: String, _ band: Message) -> Message {
        Message(zh: "没有任何类别覆盖 \(key) \(band.zh)的家庭：收入落在这里的家庭不会被认定为任何类别",
                en: "no category covers households whose \(key) is \(band.en): they are given no category")
    }
    static func regionMissing(_ region: String, table: String) -> Message {
        Message(zh: "本文件提到地区 “\(region)”，但参数 \(table) 的表中没有这一地区的行：这一地区的申请人查不到 \(table)",
                en: "this file names the region ‘\(region)’, but the table \(table) has no row for it: applicants from there find no \(table)")
    }
    static func tableHere(_ table: String, region: String) -> Message {
        Message(zh: "表 \(table) 在这里；没有数字时可写一行 \(region) = 待定", en: "the table \(table) is here; with no figure yet, add the row \(region) = 待定")
    }

    // MARK: lint.earmark-open

    static func earmarkOpen(_ benefit: String, fund: String, groups: String) -> Message {
        Message(zh: "福利 “\(benefit)” 没有写 对象，但资金 \(fund) 专款专用，只能支付 \(groups)：请写明这项福利的对象",
                en: "benefit ‘\(benefit)’ names no recipient group, but fund \(fund) is earmarked for \(groups) only: say whom the benefit is for")
    }
    static func fundRecipientsHere(_ fund: String) -> Message {
        Message(zh: "资金 \(fund) 可支付的对象在这里声明", en: "fund \(fund)'s recipients are declared here")
    }

    // MARK: lint.implausible

    static func implausible(_ what: Message, _ shown: String, _ range: String) -> Message {
        Message(zh: "\(what.zh) \(shown) 超出常见范围 \(range)，可能是笔误",
                en: "\(what.en) is \(shown), outside the plausible range \(range); probably a typo")
    }
    static func parameterValue(_ name: String) -> Message { Message(zh: "参数 \(name) 的值", en: "the value of parameter \(name)") }
    static func parameterRowValue(_ name: String, _ key: String) -> Message {
        Message(zh: "参数 \(name)［\(key)］的值", en: "the value of parameter \(name) [\(key)]")
    }
    static func benefitAmount(_ name: String) -> Message { Message(zh: "福利 \(name) 的金额", en: "the amount of benefit \(name)") }
    static func exceptionAmount(_ name: String) -> Message {
        Message(zh: "福利 \(name) 的例外金额", en: "the exception amount of benefit \(name)")
    }
}
