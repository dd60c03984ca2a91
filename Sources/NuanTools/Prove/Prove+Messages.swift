import NuanSupport
import NuanSyntax
/// Every text `nuan prove` prints, in both languages.
enum ProveMessage {
    static func earmark(benefit: String, fund: String, groups: String) -> Message {
        Message("福利 \(benefit) 的资金 \(fund) 只可支付 [\(groups)]，但领取人不属于其中任何一类（专款专用）",
                "benefit \(benefit): fund \(fund) may pay only [\(groups)], and the recipient is in none of them (earmarking)")
    }

    static func uniqueClash(group: String, _ names: [String]) -> Message {
        let list = names.joined(separator: "、")
        return Message("命中 唯一 的福利组 \(group) 中 \(list) 同时成立", "benefits \(list) of the 唯一 (unique) group \(group) hold at once")
    }

    static func neverWinsFirst(group: String, before: [String]) -> Message {
        let list = before.isEmpty ? "（前面的福利）" : before.joined(separator: "、")
        return Message("在命中 首个 的福利组 \(group) 中，它成立时总是前面的 \(list) 先命中：从不发放",
                       "in the 首个 (first) group \(group), whenever it holds an earlier benefit (\(before.isEmpty ? "…" : before.joined(separator: ", "))) wins: never paid")
    }

    static func neverWins(group: String, policy: String, others: [String]) -> Message {
        // Nothing else chosen either: the records it holds for are all invalid.
        guard !others.isEmpty else {
            return Message("在福利组 \(group)（命中 \(policy)）中，它成立的记录都无效（校验规则、唯一 冲突或计算错误）：从不发放",
                           "in group \(group) (hit policy \(policy)), every record it holds for is invalid (a validity rule, a 唯一 clash or an arithmetic error): never paid")
        }
        return Message("在福利组 \(group)（命中 \(policy)）中，它成立时总是 \(others.joined(separator: "、")) 被选中：从不发放",
                "in group \(group) (hit policy \(policy)), whenever it holds \(others.joined(separator: ", ")) is chosen: never paid")
    }

    static func recipientNever(_ group: String) -> Message {
        Message("对象 \(group) 对任何记录都不成立：从不发放", "its recipient group \(group) holds for no record: never paid")
    }

    static func conditionWithRecipientNever(_ group: String) -> Message {
        Message("它的 当 条件与对象 \(group) 对任何记录都不能同时成立：从不发放",
                "its 当 condition and its recipient group \(group) never hold together: never paid")
    }

    static let conditionNever = Message("它的 当 条件对任何记录都不成立：从不发放", "its 当 condition holds for no record: never paid")

    static func categoryNever(_ label: String) -> Message {
        Message("类别 \(label) 不是任何记录的类别（前面的类别总是先成立，或条件不可满足）",
                "category \(label) is no record's category (an earlier category always holds first, or its condition cannot hold)")
    }

    static func at(_ position: String) -> Message { Message("（\(position)）", " (\(position))") }

    static func totalRises(_ a: Rational, _ b: Rational) -> Message {
        Message("合计由 \(a.formatted()) 元升至 \(b.formatted()) 元", "the total rises from \(a.formatted()) to \(b.formatted()) yuan")
    }

    static func categoryImproves(_ a: String, _ b: String) -> Message {
        Message("类别由 \(a) 变为更优先的 \(b)", "the category improves from \(a) to \(b)")
    }

    static func gap(_ below: String) -> Message {
        Message("收入更低时类别为 \(below)、更高时又有类别，而此收入类别为 none（类别之间有空档）",
                "at this income the category is none, while a lower income gives \(below) and a higher one a category again (a gap between categories)")
    }

    static func title(_ p: ProveProperty) -> Message {
        switch p {
        case .earmark: return Message("专款专用（所选资金及全部可用资金都可支付领取人）", "earmarking (the chosen fund and every allowed fund may pay the recipient)")
        case .uniqueClash: return Message("唯一 福利组无冲突", "no clash in a 唯一 (unique) group")
        case .benefitReachable: return Message("每项福利都有记录可得（首个 福利组中无永不命中的福利）", "every benefit is paid to some record (no 首个 rule that can never win)")
        case .categoryReachable: return Message("每个类别都有记录可达", "every category is some record's category")
        case .categoryGap: return Message("类别之间无空档", "no record falls between categories")
        case .monotoneIncome: return Message("收入更高，合计不增、类别不更优先", "more income never raises the total or improves the category")
        case .monotoneMembers: return Message("人口更少，合计不增、类别不更优先", "fewer members never raise the total or improve the category")
        case .monotoneCauses: return Message("致困原因更少，合计不增、类别不更优先", "fewer hardship causes never raise the total or improve the category")
        case .assertion: return Message("规则文件自己的断言", "the file's own assertions")
        }
    }

    static let proved = Message("成立", "holds")
    static let refuted = Message("不成立", "refuted")
    static let counterexample = Message("反例：", "counterexample:")
    static let compareWith = Message("对照：", "compared with:")

    static func sameFailures(_ n: Int) -> Message { Message("（共 \(n) 个单元出现同样的问题）", " (the same in \(n) cells)") }

    static func cells(_ n: Int, evaluations: Int, seconds: Double) -> Message {  // seconds: timing only
        let t = String(Int((seconds * 1000).rounded()))
        return Message("\(n) 个单元，\(evaluations) 次判定，用时 \(t) 毫秒", "\(n) cells, \(evaluations) decisions, \(t) ms")
    }

    static func tooLarge(_ fields: String, limit: Int) -> Message {
        Message("输入空间过大（超过 \(limit) 次判定），未逐一判定；分支最多的输入：\(fields)。可用 --limit 提高上限（所需时间和内存随之增加）",
                "the input space is too large (over \(limit) decisions) and was not enumerated; the inputs that branch most: \(fields). --limit raises the limit (at the cost of time and memory)")
    }

    static func listTooLarge(_ fields: String) -> Message {
        Message("多选字段的选项类别过多，无法逐一列举：\(fields)", "list fields with too many option classes to enumerate: \(fields)")
    }

    static func summary(files: Int, refuted: Int) -> Message {
        Message("\(files) 个文件，\(refuted) 个有不成立的性质", "\(files) files, \(refuted) with refuted properties")
    }

    static let counterTitle = Message("反例", "counterexample")
    static let boundaryTitle = Message("边界", "boundary")
}
