import NuanSupport
import NuanProgram

/// Every text the caseworker's decision text prints, in Chinese and English side by side.
/// The Chinese texts are those the screen goldens hold byte for byte.
enum DecisionTextMessage {
    static func status(_ s: Decision.Status) -> Message {
        switch s {
        case .eligible: return Message("符合条件", "eligible")
        case .ineligible: return Message("不符合条件", "not eligible")
        case .undetermined: return Message("暂无法确定（缺少信息）", "undetermined (information missing)")
        case .invalid: return Message("记录有误", "invalid record")
        }
    }
    static let undeterminedCategory = Message("暂无法确定", "undetermined")
    static let name = Message("姓名：", "Name: ")
    static let application = Message("申请编号：", "Application: ")
    static let decision = Message("结论：", "Decision: ")
    /// The status code after the status in Chinese; English shows the status alone.
    static func statusCode(_ code: String) -> Message { Message("（\(code)）", "") }
    static let category = Message("认定类别：", "Category: ")
    static let reasons = Message("理由：\n", "Reasons:\n")
    static let recourse = Message("差什么才符合：\n", "What would change the outcome:\n")
    static let noRecourse = Message("  （改动记录中可改的项目都不能改变结论）\n", "  (no change to the fields that may change would alter the outcome)\n")
    static let problems = Message("记录问题：\n", "Problems with the record:\n")
    static let warnings = Message("提示：\n", "Warnings:\n")
    static func warningCode(_ code: String) -> Message { Message("（\(code)）", " (\(code))") }
    static let awards = Message("可发放：\n", "Awards:\n")
    static let amountSetByOffice = Message("金额由发放单位确定", "amount set by the paying office")
    static let amountSeparator = Message("：", ": ")
    static let fund = Message("；资金：", "; fund: ")
    static func allowedFunds(_ list: String) -> Message { Message("（可用：\(list)）", " (allowed: \(list))") }
    static let source = Message("；依据 ", "; source ")
    static let total = Message("合计：", "Total: ")
    static let yuan = Message(" 元", " yuan")
    static let pending = Message("可能还可发放（需补充信息）：", "May also apply once the missing inputs are given: ")
    static let missing = Message("缺少信息：", "Missing: ")
    static let score = Message("困难优先分：", "Priority score: ")
    static let basis = Message("\n决定依据：\n", "\nWhat decided it:\n")
    static let notApplied = Message("\n未适用的规则：\n", "\nRules that did not apply:\n")
    static func notAppliedHidden(_ n: Int) -> Message {
        Message("（另有 \(n) 条规则未适用，--all-rules 列出）\n", "(\(n) more rules did not apply; --all-rules lists them)\n")
    }
    static let inputs = Message("\n输入：\n", "\nInputs:\n")
    static let howDecided = Message("\n判定过程：\n", "\nHow it was decided:\n")
    static let rules = Message("\n规则：", "\nRules: ")
    static let version = Message(" 版本 ", " version ")
    static let overrides = Message(" · 临时设定 ", " · overrides ")
    static let listSeparator = Message("、", ", ")
    static func entrySource(_ citation: String) -> Message { Message("  〔依据 \(citation)〕", "  [source: \(citation)]") }
    static let margin = Message("    差距：", "    margin: ")
    static let entryMissing = Message("    缺少：", "    missing: ")
}
