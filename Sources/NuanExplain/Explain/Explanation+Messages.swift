import NuanSupport

/// Every text the explanation writes, in Chinese and English side by side. The Chinese texts
/// are those the explanation goldens (`Tests/Fixtures/explain`) hold byte for byte.
enum ExplainText {
    // MARK: entries

    // These two run for every category and benefit group of every record in a batch: built
    // in the one language asked for (the Chinese and English still side by side).
    static func category(_ code: String, _ label: String?, english: Bool) -> String {
        english ? "category \(code) (\(label ?? code))" : "类别 \(label ?? code)（\(code)）"
    }
    static let benefit = Message(zh: "福利 ", en: "benefit ")
    static func benefitGroup(_ name: String, policyZh: String, policyCode: String, english: Bool) -> String {
        english ? "benefit group \(name) (hit policy: \(policyCode))" : "福利组 \(name)（命中策略：\(policyZh)）"
    }
    static let group = Message(zh: "对象 ", en: "group ")
    static let seeAbove = Message(zh: "（见上）", en: " (see above)")
    static let unless = Message(zh: "除非 ", en: "unless ")
    static let withheldByException = Message(zh: "不发（例外）", en: "withheld (exception)")
    static let amountOpenMissing = Message(zh: "金额待定：缺少 ", en: "amount open: missing ")
    static let amountSetByOfficeNoneInNotice = Message(zh: "金额由发放单位确定（通知未规定金额）", en: "amount set by the paying office (the notice fixes none)")
    static let amountSetByOffice = Message(zh: "金额由发放单位确定", en: "amount set by the paying office")
    static let withheld = Message(zh: "不发", en: "withheld")
    static let funds = Message(zh: "资金：", en: "funds: ")
    static let score = Message(zh: "评分 ", en: "score ")
    static let weight = Message(zh: "权重 ", en: "weight ")
    static let when = Message(zh: "条件 ", en: "when ")
    static let clauseSeparator = Message(zh: "；", en: "; ")
    static let listSeparator = Message(zh: "、", en: ", ")
    static func outsidePeriod(_ date: String, from: String, to: String) -> Message {
        Message(zh: "申请日期 \(date) 不在本规则的生效期间（\(from) 至 \(to)）内，请确认是否选对了规则文件",
                en: "the application date \(date) is outside these rules' period in force (\(from) to \(to)); check that these are the right rules")
    }

    // MARK: details of a condition

    static let notEvaluated = Message(zh: "（未计算）", en: "(not evaluated)")
    static let notEvaluatedAfter = Message(zh: " （未计算）", en: " (not evaluated)")
    static let byDefault = Message(zh: "（默认）", en: " (default)")
    static func missing(_ names: [String]) -> Message {
        Message(zh: "（缺少 " + names.joined(separator: "、") + "）", en: " (missing: " + names.joined(separator: ", ") + ")")
    }
    static let negation = Message(zh: "非（以下不成立）", en: "not (the following fails) ")
    static func definitionSource(_ citation: String) -> Message { Message(zh: "（依据 \(citation)）", en: " (source: \(citation))") }
    static func rowFrom(_ date: String) -> Message { Message(zh: "，自 \(date) 起", en: ", from \(date)") }
    static func rowSource(_ citation: String) -> Message { Message(zh: "，依据 \(citation)", en: ", source: \(citation)") }
    static let unconfirmed = Message(zh: "，未确认", en: ", unconfirmed")
    static func noRow(_ table: String, _ key: String) -> Message {
        Message(zh: "  （\(table) 表中没有 “\(key)” 的标准，需由经办单位用 --set 设定）", en: "  (\(table) has no row for “\(key)”; the office sets it with --set)")
    }

    // MARK: margins (how far a value is from a line)

    static let yuan = Message(zh: " 元", en: " yuan")
    /// `l`, `r`, `diff` already carry their unit; `line` names the line's expression (may be empty).
    static func overCeiling(_ name: String, _ l: String, _ r: String, _ line: String, by diff: String) -> Message {
        Message(zh: "\(name) \(l)，超过上限 \(r)\(line)\(diff)", en: "\(name) \(l) exceeds the ceiling \(r)\(line) by \(diff)")
    }
    static func underCeiling(_ name: String, _ l: String, _ r: String, _ line: String, by diff: String) -> Message {
        Message(zh: "\(name) \(l)，距上限 \(r)\(line)还差 \(diff)", en: "\(name) \(l) is \(diff) under the ceiling \(r)\(line)")
    }
    static func belowFloor(_ name: String, _ l: String, _ r: String, _ line: String, by diff: String) -> Message {
        Message(zh: "\(name) \(l)，低于下限 \(r)\(line)\(diff)", en: "\(name) \(l) is below the floor \(r)\(line) by \(diff)")
    }
    /// At exactly the line: no "0.00 to go" (issue 11). `held`: the test allows equality (≤, ≥).
    static func atCeiling(_ name: String, _ l: String, _ r: String, _ line: String, held: Bool) -> Message {
        held ? Message(zh: "\(name) \(l)，恰好等于上限 \(r)\(line)", en: "\(name) \(l) is exactly the ceiling \(r)\(line)")
             : Message(zh: "\(name) \(l)，恰好等于上限 \(r)\(line)，须低于上限", en: "\(name) \(l) is exactly the ceiling \(r)\(line); it must be below it")
    }
    static func atFloor(_ name: String, _ l: String, _ r: String, _ line: String, held: Bool) -> Message {
        held ? Message(zh: "\(name) \(l)，恰好等于下限 \(r)\(line)", en: "\(name) \(l) is exactly the floor \(r)\(line)")
             : Message(zh: "\(name) \(l)，恰好等于下限 \(r)\(line)，须高于下限", en: "\(name) \(l) is exactly the floor \(r)\(line); it must be above it")
    }
    static func aboveFloor(_ name: String, _ l: String, _ r: String, _ line: String, by diff: String) -> Message {
        Message(zh: "\(name) \(l)，高出下限 \(r)\(line)仅 \(diff)", en: "\(name) \(l) is only \(diff) above the floor \(r)\(line)")
    }
}
