import NuanSupport
/// The texts of `nuan diff`, in Chinese and English. The Chinese texts are those `nuan diff` has
/// always printed (the goldens under `Tests/Fixtures/diff` hold them byte for byte). Names from
/// the rules file, printed conditions and rules-language keywords (`待定`, `不发`, a 命中 policy, an option type)
/// are data and appear unchanged in both languages.
extension Message {
    enum Diff {
        // MARK: Report

        static func noDifference(_ old: String, _ new: String) -> Message {
            Message(zh: "\(old) → \(new)：没有含义上的差别", en: "\(old) → \(new): no difference in meaning")
        }

        static func differences(_ old: String, _ new: String, _ count: Int) -> Message {
            Message(zh: "\(old) → \(new)：\(count) 处含义上的差别",
                    en: "\(old) → \(new): \(count) difference\(count == 1 ? "" : "s") in meaning")
        }

        static let usedBy = Message(zh: "用于：", en: "used by: ")
        static let affects = Message(zh: "间接影响：", en: "affects indirectly: ")

        // MARK: Subjects (what changed)

        static let file = Message(zh: "规则文件", en: "the rules file")
        static let categoryOrder = Message(zh: "类别顺序", en: "category order")
        static func field(_ display: String) -> Message { Message(zh: "字段 \(display)", en: "field \(display)") }
        static func parameter(_ name: String) -> Message { Message(zh: "参数 \(name)", en: "parameter \(name)") }
        static func definition(_ name: String) -> Message { Message(zh: "定义 \(name)", en: "definition \(name)") }
        static func group(_ name: String) -> Message { Message(zh: "对象 \(name)", en: "recipient group \(name)") }
        static func fund(_ code: String) -> Message { Message(zh: "资金 \(code)", en: "fund \(code)") }
        static func category(_ code: String) -> Message { Message(zh: "类别 \(code)", en: "category \(code)") }
        static func category(_ code: String, _ label: String) -> Message {
            Message(zh: "类别 \(code)（\(label)）", en: "category \(code) (\(label))")
        }
        static func benefit(_ name: String) -> Message { Message(zh: "福利 \(name)", en: "benefit \(name)") }
        static func benefitGroup(_ name: String) -> Message { Message(zh: "福利组 \(name)", en: "benefit group \(name)") }
        static func score(_ name: String) -> Message { Message(zh: "评分 \(name)", en: "score \(name)") }
        static func validityRule(_ name: String) -> Message { Message(zh: "无效规则 \(name)", en: "validity rule \(name)") }
        /// `参数 低保标准［哈尔滨市，自 2021-10-20］`
        static func row(_ s: Message, _ key: Message) -> Message {
            Message(zh: "\(s.zh)［\(key.zh)］", en: "\(s.en) [\(key.en)]")
        }
        /// A table row's name: its first key and, when it has one, its start date.
        static func rowKey(_ key: String, from: String?) -> Message {
            Message(zh: key + (from.map { "，自 " + $0 } ?? ""), en: key + (from.map { ", from " + $0 } ?? ""))
        }
        static func exception(_ s: Message, _ number: Int) -> Message {
            Message(zh: "\(s.zh) 的第 \(number) 条例外（除非）", en: "\(s.en), exception \(number) (unless)")
        }
        static func scorePart(_ s: Message, _ part: String) -> Message {
            Message(zh: "\(s.zh) 的评分项 \(part)", en: "\(s.en), score part \(part)")
        }

        // MARK: Aspects compared (`X 的名称：a → b`)

        static let title = Message(zh: "名称（规则）", en: "title")
        static let version = Message(zh: "版本", en: "version")
        static let jurisdiction = Message(zh: "辖区", en: "jurisdiction")
        static let year = Message(zh: "年度", en: "year")
        static let inForce = Message(zh: "生效期间", en: "period in force")
        static let notice = Message(zh: "通知", en: "notice")
        static let regions = Message(zh: "辖区地区", en: "regions of the jurisdiction")
        static let statTable = Message(zh: "统计表", en: "statistics table")
        static let label = Message(zh: "中文名", en: "Chinese name")
        static let type = Message(zh: "类型", en: "type")
        static let defaultValue = Message(zh: "默认值", en: "default value")
        static let atLeast = Message(zh: "下限（至少）", en: "lower bound (at least)")
        static let atMost = Message(zh: "上限（至多）", en: "upper bound (at most)")
        static let unit = Message(zh: "单位", en: "unit")
        static let rowKeys = Message(zh: "地区名称与代码", en: "region names and codes")
        static let description = Message(zh: "说明", en: "description")
        static let name = Message(zh: "名称", en: "name")
        static let citation = Message(zh: "依据", en: "citation")
        static let benefitGroupOf = Message(zh: "所在福利组", en: "benefit group")
        static let amount = Message(zh: "金额", en: "amount")
        static let recipient = Message(zh: "对象", en: "recipient group")
        static let prompt = Message(zh: "提示", en: "message")
        static let condition = Message(zh: "条件", en: "condition")
        static let weight = Message(zh: "权重", en: "weight")
        static let expression = Message(zh: "计算式", en: "formula")

        /// `（无）` — no value on that side.
        static let none = Message(zh: "（无）", en: "(none)")

        /// `X 的名称：a → b` (`规则文件的名称（规则）：…` without the space).
        static func changed(_ subject: Message, _ what: Message, _ a: String, _ b: String, isFile: Bool) -> Message {
            Message(zh: (isFile ? subject.zh : subject.zh + " ") + "的\(what.zh)：\(a) → \(b)",
                    en: "\(subject.en), \(what.en): \(a) → \(b)")
        }

        // MARK: Conditions

        static let conditionChanged = Message(zh: "改变", en: "changed")
        static let conditionAdded = Message(zh: "收紧（新增条件）", en: "narrowed (condition added)")
        static let conditionRemoved = Message(zh: "放宽（去掉了条件）", en: "widened (condition removed)")
        static let widened = Message(zh: "放宽", en: "widened")
        static let narrowed = Message(zh: "收紧", en: "narrowed")

        /// `X 的条件放宽：a → b`
        static func condition(_ subject: Message, _ what: Message, _ verb: Message, _ a: String, _ b: String) -> Message {
            Message(zh: "\(subject.zh) 的\(what.zh)\(verb.zh)：\(a) → \(b)", en: "\(subject.en), \(what.en) \(verb.en): \(a) → \(b)")
        }

        // MARK: Added and removed

        static func removed(_ subject: Message) -> Message { Message(zh: "删除了\(subject.zh)", en: "removed \(subject.en)") }
        /// `删除了字段 X（key）`
        static func removed(_ subject: Message, _ detail: String) -> Message {
            Message(zh: "删除了\(subject.zh)（\(detail)）", en: "removed \(subject.en) (\(detail))")
        }
        static func added(_ subject: Message) -> Message { Message(zh: "新增\(subject.zh)", en: "added \(subject.en)") }
        /// `新增资金 X（label）`
        static func added(_ subject: Message, _ detail: String) -> Message {
            Message(zh: "新增\(subject.zh)（\(detail)）", en: "added \(subject.en) (\(detail))")
        }
        /// `新增参数 X = value`
        static func added(_ subject: Message, value: String) -> Message {
            Message(zh: "新增\(subject.zh) = \(value)", en: "added \(subject.en) = \(value)")
        }
        /// `新增对象 X：当 condition`
        static func added(_ subject: Message, when condition: String) -> Message {
            Message(zh: "新增\(subject.zh)：当 \(condition)", en: "added \(subject.en): when \(condition)")
        }
        /// `新增字段 X（key）：type`
        static func addedField(_ subject: Message, key: String, type: String) -> Message {
            Message(zh: "新增\(subject.zh)（\(key)）：\(type)", en: "added \(subject.en) (\(key)): \(type)")
        }

        // MARK: Fields

        static func required(_ s: Message, _ now: Bool) -> Message {
            now ? Message(zh: "\(s.zh) 改为必填", en: "\(s.en) is now required") : Message(zh: "\(s.zh) 不再必填", en: "\(s.en) is no longer required")
        }

        // MARK: Parameters

        /// `按 地区 查表（12 行）`
        static func lookup(_ field: String, rows: Int) -> Message {
            Message(zh: "按 \(field) 查表（\(rows) 行）", en: "looked up by \(field) (\(rows) row\(rows == 1 ? "" : "s"))")
        }
        static func lookupField(_ s: Message, _ a: String, _ b: String) -> Message {
            Message(zh: "\(s.zh) 的查表字段：\(a) → \(b)", en: "\(s.en), lookup field: \(a) → \(b)")
        }
        static func closed(_ s: Message, _ now: Bool) -> Message {
            now ? Message(zh: "\(s.zh) 改为封闭表：键不在表中的记录无效", en: "\(s.en) is now a closed table: a record whose key is not in the table is invalid")
                : Message(zh: "\(s.zh) 不再封闭：键不在表中的记录待定", en: "\(s.en) is no longer closed: a record whose key is not in the table is undetermined")
        }
        /// `参数 X：a → b`
        static func value(_ s: Message, _ a: String, _ b: String) -> Message {
            Message(zh: "\(s.zh)：\(a) → \(b)", en: "\(s.en): \(a) → \(b)")
        }
        static func unconfirmed(_ s: Message, _ now: Bool) -> Message {
            now ? Message(zh: "\(s.zh) 改为 未确认", en: "\(s.en) is now unconfirmed")
                : Message(zh: "\(s.zh) 已确认（去掉了 未确认）", en: "\(s.en) is confirmed (no longer unconfirmed)")
        }
        static func rowAdded(_ s: Message, _ key: Message, _ value: String) -> Message {
            Message(zh: "\(s.zh) 新增一行：\(key.zh) = \(value)", en: "\(s.en): added a row: \(key.en) = \(value)")
        }
        static func rowRemoved(_ s: Message, _ key: Message, _ value: String) -> Message {
            Message(zh: "\(s.zh) 删除了一行：\(key.zh) = \(value)", en: "\(s.en): removed a row: \(key.en) = \(value)")
        }

        // MARK: Funds

        static func earmarked(_ fund: String, _ groups: String) -> Message {
            Message(zh: "资金 \(fund) 改为专款专用，只能支付：\(groups)", en: "fund \(fund) is now earmarked and may pay only: \(groups)")
        }
        static func notEarmarked(_ fund: String) -> Message {
            Message(zh: "资金 \(fund) 不再专款专用（可支付任何对象）", en: "fund \(fund) is no longer earmarked (it may pay any recipient group)")
        }
        static func mayPayGroup(_ fund: String, _ group: String, _ now: Bool) -> Message {
            now ? Message(zh: "资金 \(fund) 现在可以支付对象 \(group)", en: "fund \(fund) may now pay recipient group \(group)")
                : Message(zh: "资金 \(fund) 不再可以支付对象 \(group)", en: "fund \(fund) may no longer pay recipient group \(group)")
        }

        // MARK: Categories

        static func categoryOrderChanged(_ a: String, _ b: String) -> Message {
            Message(zh: "类别的认定顺序改变（先成立者优先）：\(a) 改为 \(b)",
                    en: "the order in which categories are decided changed (the first that holds wins): \(a) became \(b)")
        }

        // MARK: Benefits

        static let notInGroup = Message(zh: "不在福利组中", en: "not in a benefit group")
        /// `福利组 X（命中 取最高）`
        static func groupWithPolicy(_ name: String, _ policy: String) -> Message {
            Message(zh: "福利组 \(name)（命中 \(policy)）", en: "benefit group \(name) (hit policy \(policy))")
        }
        static func benefitGroupAdded(_ name: String, _ policy: String) -> Message {
            Message(zh: "新增福利组 \(name)（命中 \(policy)）", en: "added benefit group \(name) (hit policy \(policy))")
        }
        static func policy(_ s: Message, _ a: String, _ b: String) -> Message {
            Message(zh: "\(s.zh) 的命中方式：\(a) → \(b)", en: "\(s.en), hit policy: \(a) → \(b)")
        }
        static func benefitOrder(_ s: Message, _ policy: String, _ a: String, _ b: String) -> Message {
            Message(zh: "\(s.zh)（命中 \(policy)）中福利的先后顺序改变：\(a) 改为 \(b)",
                    en: "the order of the benefits in \(s.en) (hit policy \(policy)) changed: \(a) became \(b)")
        }
        /// `新增福利 X = 500 元，在 福利组 Y（命中 …） 中`
        static func benefitAdded(_ name: String, _ amount: String, in group: Message?) -> Message {
            Message(zh: "新增福利 \(name) = \(amount)" + (group.map { "，在 \($0.zh) 中" } ?? ""),
                    en: "added benefit \(name) = \(amount)" + (group.map { ", in \($0.en)" } ?? ""))
        }
        static func mayPayBenefit(_ fund: String, _ benefit: String, _ now: Bool) -> Message {
            now ? Message(zh: "资金 \(fund) 现在可以支付福利 \(benefit)", en: "fund \(fund) may now pay benefit \(benefit)")
                : Message(zh: "资金 \(fund) 不再可以支付福利 \(benefit)", en: "fund \(fund) may no longer pay benefit \(benefit)")
        }
        static func firstFund(_ benefit: String, _ a: String, _ b: String) -> Message {
            Message(zh: "福利 \(benefit) 的首选资金：\(a) → \(b)", en: "benefit \(benefit), first fund: \(a) → \(b)")
        }
        static func exceptionAdded(_ s: Message, _ condition: String, _ amount: String) -> Message {
            Message(zh: "\(s.zh) 新增例外：除非 \(condition) 则 \(amount)", en: "\(s.en): added an exception: unless \(condition) then \(amount)")
        }
        static func exceptionRemoved(_ s: Message, _ condition: String, _ amount: String) -> Message {
            Message(zh: "\(s.zh) 删除了例外：除非 \(condition) 则 \(amount)", en: "\(s.en): removed an exception: unless \(condition) then \(amount)")
        }

        // MARK: Validity rules

        static func validityRemoved(_ s: Message, _ condition: String) -> Message {
            Message(zh: "删除了\(s.zh)（当 \(condition)）", en: "removed \(s.en) (when \(condition))")
        }
        static func validityAdded(_ s: Message, _ condition: String, _ message: String) -> Message {
            Message(zh: "新增\(s.zh)：当 \(condition)，提示 “\(message)”", en: "added \(s.en): when \(condition), message “\(message)”")
        }

        // MARK: Score

        static func scoreAdded(_ s: Message, parts: Int) -> Message {
            Message(zh: "新增\(s.zh)（\(parts) 项）", en: "added \(s.en) (\(parts) part\(parts == 1 ? "" : "s"))")
        }
        static func scorePartChanged(_ s: Message, _ part: String, added: Bool) -> Message {
            added ? Message(zh: "\(s.zh) 新增评分项 \(part)", en: "\(s.en): added score part \(part)")
                  : Message(zh: "\(s.zh) 删除了评分项 \(part)", en: "\(s.en): removed score part \(part)")
        }
    }
}
