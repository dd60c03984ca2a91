import NuanSupport

/// The texts of `nuan roster` (the papers themselves are in Chinese: they are signed and posted).
enum RosterMessage {
    static let notAnAllocation = Message("不是 nuan allocate 输出的 .json 分配结果", "not an allocation written by nuan allocate (.json)")

    static func otherRules(_ theirs: String, _ ours: String) -> Message {
        Message("分配结果出自另一份规则（sha256 \(theirs.prefix(12))…，而 --rules 为 \(ours.prefix(12))…），不能据此造册",
                "the allocation was made under other rules (sha256 \(theirs.prefix(12))…, --rules is \(ours.prefix(12))…); no roster made")
    }

    static func ambiguousMaskedID(_ id: String, _ n: Int) -> Message {
        Message("分配结果中的申请编号 \(Privacy.redact(id)) 已遮蔽，而档案中有 \(n) 条记录与之相符；请让申请编号不用身份证号",
                "the allocation's 申请编号 \(Privacy.redact(id)) is masked and \(n) records of the archive match it; use application numbers that are not ID numbers")
    }
    static func notInArchive(_ id: String) -> Message {
        Message("档案中没有已安排的 \(Privacy.redact(id))", "the archive has no record \(Privacy.redact(id)) the allocation pays")
    }

    static let noPersonalFields = Message("--in 没有姓名和身份证号（是判定结果而不是档案？）；名册需要档案",
                                          "--in has no names or ID numbers (decisions rather than an archive?); a roster needs the archive")

    static func title(_ rules: String) -> String { "\(rules) 慰问（帮扶）资金发放名册（实名制）" }

    static let header = ["序号", "申请编号", "姓名", "工作单位", "基本情况", "联系方式", "身份证号", "慰问金额", "资金来源", "项目", "经办人签字"]
    static let publicHeader = ["序号", "姓名", "困难类别", "慰问金额", "资金来源"]
    static let subtotal = "小计"
    static let total = "合计"
    static let rulesRow = "规则"
}
