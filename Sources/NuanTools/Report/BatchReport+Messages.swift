import NuanSupport
import NuanProgram
/// The texts of the batch report — the summary printed at the end of `nuan batch` and the
/// visible text of the HTML report — in Chinese and English. The Chinese texts are those the
/// report has always shown (`Tests/Fixtures/report` holds them byte for byte). Names of rules,
/// funds, groups and benefits come from the rules file and appear unchanged in both languages.
/// The JSON summary (`--summary`) is a file format: its keys, codes and labels stay as they are.
extension Message {
    enum Report {
        // MARK: Names

        static func status(_ s: Decision.Status) -> Message {
            switch s {
            case .eligible: return Message(zh: "获帮扶", en: "eligible")
            case .ineligible: return Message(zh: "不符合", en: "not eligible")
            case .undetermined: return Message(zh: "待补充信息", en: "needs more information")
            case .invalid: return Message(zh: "记录有误", en: "invalid record")
            }
        }

        static func category(_ c: String) -> Message {
            switch c {
            case "deep": return Message(zh: "深度困难", en: "deep hardship")
            case "relative": return Message(zh: "相对困难", en: "relative hardship")
            case "accidental": return Message(zh: "意外致困", en: "hardship by accident")
            case "none": return Message(zh: "不属困难类别", en: "no hardship category")
            case "undetermined": return Message(zh: "类别未定", en: "category undetermined")
            default: return Message(both: c)
            }
        }

        static func warning(_ code: String) -> Message {
            switch code {
            case "period": return Message(zh: "申请日期不在生效期内", en: "application date outside the period in force")
            case "unconfirmed": return Message(zh: "用到未确认的数值", en: "uses unconfirmed figures")
            case "no_table_row": return Message(zh: "地区不在低保标准等表中", en: "region not in a table such as 低保标准")
            case "duplicate_id_number": return Message(zh: "身份证号与前面的记录相同", en: "ID number repeats an earlier record")
            default: return Message(both: code)
            }
        }

        static let noFund = Message(zh: "未指定资金", en: "no fund named")

        /// The five money sources of the 统计表 (3B–3F), short.
        static let sources = [
            Message(zh: "中央财政", en: "central government"), Message(zh: "地方财政", en: "local government"),
            Message(zh: "工会经费", en: "union funds"), Message(zh: "社会捐助", en: "donations"), Message(zh: "其他收入", en: "other income"),
        ]

        static func incomeBucket(_ b: BatchReport.IncomeBucket) -> Message {
            switch b {
            case .below1: return Message(zh: "低于1倍低保", en: "below the dibao line")
            case .from1to1_5: return Message(zh: "1～1.5倍", en: "1–1.5 times")
            case .from1_5to2: return Message(zh: "1.5～2倍", en: "1.5–2 times")
            case .from2to3: return Message(zh: "2～3倍", en: "2–3 times")
            case .atLeast3: return Message(zh: "3倍及以上", en: "3 times or more")
            case .unknown: return Message(zh: "收入或低保标准未知", en: "income or dibao line unknown")
            }
        }

        static let defaultStatTable = Message(zh: "送温暖统计表（规则文件未指明通知附表；栏目按梧州2018附件1）",
                                              en: "Sending Warmth statistics table (the rules file names no table of a notice; rows as in Wuzhou 2018, annex 1)")

        // MARK: Terminal summary

        static func version(_ v: String?) -> Message {
            v.map { Message(zh: "（版本 \($0)）", en: " (version \($0))") } ?? .empty
        }
        static func rules(_ name: String, _ v: String?) -> Message { Message(zh: "规则：\(name)", en: "Rules: \(name)") + version(v) }
        /// `名称 3` items joined with `，`.
        static func counts(_ items: [(Message, Int)]) -> Message {
            Message(zh: items.map { "\($0.0.zh) \($0.1)" }.joined(separator: "，"), en: items.map { "\($0.0.en) \($0.1)" }.joined(separator: ", "))
        }
        static func records(_ n: Int, _ counts: Message) -> Message {
            Message(zh: "记录 \(n) 条：", en: "\(n) record\(n == 1 ? "" : "s"): ") + counts
        }
        static func categories(_ counts: Message) -> Message { Message(zh: "类别：", en: "Categories: ") + counts }
        static func warnings(_ counts: Message) -> Message { Message(zh: "提示：", en: "Warnings: ") + counts }
        static func yuan(_ amount: String) -> Message { Message(zh: "\(amount) 元", en: "\(amount) yuan") }
        static func fundMoney(_ fund: Message, _ total: String, pending: Int) -> Message {
            fund + Message(both: " ") + yuan(total)
                + (pending > 0 ? Message(zh: "（另 \(pending) 笔待定）", en: " (and \(pending) pending)") : .empty)
        }
        static func moneyByFund(_ items: [Message]) -> Message {
            Message(zh: "帮扶款（按资金）：", en: "Aid by fund: ") + semicolons(items)
        }
        /// Items joined with `；` / `; `.
        static func semicolons(_ items: [Message]) -> Message {
            Message(zh: items.map(\.zh).joined(separator: "；"), en: items.map(\.en).joined(separator: "; "))
        }
        static func households(total: Int, workers: Int, migrants: Int, models: Int, others: Int) -> Message {
            Message(zh: "慰问困难家庭 \(total) 户（困难职工 \(workers)，困难农民工 \(migrants)，困难劳模 \(models)）；其他获慰问户 \(others)",
                    en: "Hardship households visited: \(total) (workers \(workers), migrant workers \(migrants), model workers \(models)); other households visited: \(others)")
        }
        static func statTableTotal(_ yuan: String, _ wan: String) -> Message {
            Message(zh: "统计表款物合计 \(yuan) 元（\(wan) 万元，待定金额不计）",
                    en: "Statistics table total: \(yuan) yuan (\(wan) × 10,000 yuan; pending amounts not counted)")
        }
        static func against(_ name: String, _ v: String?) -> Message {
            Message(zh: "对比旧规则：\(name)", en: "Compared with the old rules: \(name)") + version(v)
        }
        static func changes(newly: Int, noLonger: Int, amount: Int) -> Message {
            Message(zh: "新获帮扶 \(newly)，不再获帮扶 \(noLonger)，金额变化 \(amount)",
                    en: "newly eligible \(newly), no longer eligible \(noLonger), amount changed \(amount)")
        }
        static func fundDeltas(_ items: [Message]) -> Message { Message(zh: "资金变化：", en: "Change by fund: ") + semicolons(items) }
        static let overflowLine = Message(zh: "注意：金额合计超出计算范围，合计不完整", en: "Note: the money totals overflowed; the totals are incomplete")

        // MARK: HTML report

        static let title = Message(zh: "送温暖批量评估报告", en: "Sending Warmth batch assessment report")
        static let footer = Message(zh: "本报告由 Nuan 规则引擎生成；金额为规则确定的金额（待定金额不计入合计）；仅列申请编号，不含个人身份信息。",
                                    en: "Made by the Nuan rules engine. Amounts are those the rules fix (pending amounts are not in the totals). Only application ids are listed, no personal identity information.")
        static let rulesHead = Message(zh: "规则", en: "Rules")
        static let againstHead = Message(zh: "对比旧规则", en: "Compared with")
        static let recordsHead = Message(zh: "记录数", en: "Records")
        static let warningsHead = Message(zh: "提示", en: "Warnings")
        static let noteHead = Message(zh: "注意", en: "Note")
        static let overflow = Message(zh: "金额合计超出计算范围，合计不完整", en: "the money totals overflowed; the totals are incomplete")
        static func warningCount(_ name: Message, _ code: String, _ n: Int) -> Message {
            Message(zh: "\(name.zh)（\(code)）\(n) 条", en: "\(name.en) (\(code)) \(n)")
        }

        static let overview = Message(zh: "一、总体情况", en: "1. Overview")
        static let result = Message(zh: "结果", en: "Result")
        static let records = Message(zh: "记录数", en: "Records")
        static let share = Message(zh: "占比", en: "Share")
        static let byCategory = Message(zh: "按类别", en: "By category")
        static let categoryHead = Message(zh: "类别", en: "Category")
        static let recordsByCategory = Message(zh: "按类别的记录数", en: "Records by category")
        static let byGroup = Message(zh: "按帮扶对象", en: "By recipient group")
        static let groupHead = Message(zh: "对象", en: "Group")
        static let groupRecords = Message(zh: "符合对象条件的记录", en: "Records in the group")
        static let ofWhichEligible = Message(zh: "其中获帮扶", en: "Of which eligible")

        static let funds = Message(zh: "二、帮扶资金", en: "2. Aid funds")
        static let fundHead = Message(zh: "资金", en: "Fund")
        static let codeHead = Message(zh: "代码", en: "Code")
        static let sourceHead = Message(zh: "统计表来源", en: "Table source")
        static let awardsHead = Message(zh: "发放笔数", en: "Awards")
        static let pendingHead = Message(zh: "其中金额待定", en: "Of which pending")
        static let fixedTotalHead = Message(zh: "确定金额合计（元）", en: "Fixed total (yuan)")
        static let fixedByFund = Message(zh: "按资金的确定金额（元）", en: "Fixed amounts by fund (yuan)")
        static let amount = Message(zh: "金额", en: "Amount")
        static let byBenefit = Message(zh: "按帮扶项目", en: "By benefit")
        static let benefitHead = Message(zh: "帮扶项目", en: "Benefit")

        static let statTable = Message(zh: "三、送温暖统计表（可由档案得出的栏目）", en: "3. Statistics table (the rows an archive can give)")
        static func statTableNote(_ name: String) -> Message {
            Message(zh: "表名：\(name)。栏目取自梧州市总工会《2018年各地工会送温暖统计表》（梧工办发〔2018〕2号 附件1）。",
                    en: "Table: \(name). Rows from the Wuzhou Federation of Trade Unions' 2018 Sending Warmth statistics table (office document 2018 no. 2, annex 1).")
        }
        static let rowHead = Message(zh: "编号", en: "No.")
        static let itemHead = Message(zh: "项目", en: "Item")
        static let valueHead = Message(zh: "数值", en: "Value")
        static let wanYuanHead = Message(zh: "万元", en: "10,000 yuan")
        static let countsHead = Message(zh: "口径", en: "What it counts")
        static func householdCount(_ n: String) -> Message { Message(zh: "\(n) 户", en: "\(n) households") }
        static func otherHouseholds(_ n: String) -> Message {
            Message(zh: "其他获帮扶户（未建档且不属困难类别，如劳模、一线职工走访慰问或对未建档家庭的一次性慰问）：\(n) 户，不计入 2C。",
                    en: "Other eligible households (not archived and in no hardship category, such as visits to model or frontline workers or one-off aid to unarchived families): \(n), not in 2C.")
        }
        static func pendingAwards(_ n: String) -> Message {
            Message(zh: "金额待定的发放：\(n) 笔，不计入金额。", en: "Awards with a pending amount: \(n), not in the amounts.")
        }
        static func unassigned(_ n: String, _ yuan: String) -> Message {
            Message(zh: "未指定资金的发放：\(n) 笔，\(yuan) 元，不计入 3A。", en: "Awards with no fund named: \(n), \(yuan) yuan, not in 3A.")
        }
        static let sourceMapping = Message(
            zh: "资金来源对应（解读）：central_aid→中央财政；provincial_finance_aid、local_finance→地方财政；provincial_union_*、union_own→工会经费；social_donation→社会捐助；unit_admin 及其他→其他收入。",
            en: "Fund sources (a reading): central_aid→central government; provincial_finance_aid, local_finance→local government; provincial_union_*, union_own→union funds; social_donation→donations; unit_admin and others→other income.")

        static let income = Message(zh: "四、人均月收入与低保标准", en: "4. Monthly income per person and the dibao (minimum living standard) line")
        static let incomeChart = Message(zh: "人均月收入相当于低保标准的倍数（记录数）", en: "Monthly income per person as a multiple of the dibao line (records)")
        static let eligible = Message(zh: "获帮扶", en: "eligible")
        static let notEligible = Message(zh: "未获帮扶", en: "not eligible")
        static let bucketHead = Message(zh: "区间", en: "Range")

        static let impact = Message(zh: "五、规则变化的影响", en: "5. Impact of the rules change")
        static func impactNote(old: String, oldVersion: String?, new: String, newVersion: String?, compared: String) -> Message {
            Message(zh: "旧规则：\(old)", en: "Old rules: \(old)") + version(oldVersion)
                + Message(zh: "；新规则：\(new)", en: "; new rules: \(new)") + version(newVersion)
                + Message(zh: "；对比记录 \(compared) 条。", en: "; \(compared) records compared.")
        }
        static let categoryChanges = Message(zh: "类别变化（行：旧规则类别；列：新规则类别）", en: "Category changes (rows: old rules; columns: new rules)")
        static let aidChanges = Message(zh: "帮扶变化", en: "Changes in aid")
        static func idsOnlyFirst(_ n: String) -> Message { Message(zh: "（仅列前 \(n) 条）", en: " (first \(n) only)") }
        static let ids = Message(zh: "申请编号", en: "Application ids")
        static let noID = Message(zh: "（无编号）", en: "(no id)")
        static let changeHead = Message(zh: "变化", en: "Change")
        static let recordsListHead = Message(zh: "记录", en: "Records")
        static let newlyEligible = Message(zh: "新获帮扶（旧规则下未获帮扶）", en: "Newly eligible (not eligible under the old rules)")
        static let noLongerEligible = Message(zh: "不再获帮扶", en: "No longer eligible")
        static let amountChanged = Message(zh: "仍获帮扶、金额变化", en: "Still eligible, amount changed")
        static let fundChanges = Message(zh: "各资金支出变化（确定金额，元）", en: "Spending by fund (fixed amounts, yuan)")
        static let oldRules = Message(zh: "旧规则", en: "Old rules")
        static let newRules = Message(zh: "新规则", en: "New rules")
        static let fundChart = Message(zh: "各资金支出：旧规则与新规则（元）", en: "Spending by fund: old and new rules (yuan)")
        static let oldNew = Message(zh: "旧 ＼ 新", en: "Old \\ new")
        static let total = Message(zh: "合计", en: "Total")
        static let none = Message(zh: "（无）", en: "(none)")
        static let noData = Message(zh: "（无数据）", en: "(no data)")
        /// A chart bar's tooltip: `名称：值`.
        static func tooltip(_ name: String, _ value: String) -> Message { Message(zh: "\(name)：\(value)", en: "\(name): \(value)") }
        /// The separator of a list of ids.
        static let idSeparator = Message(zh: "、", en: ", ")

        // MARK: 统计表 rows (the labels are the table's own; English beside them)

        static let row2C = Message(zh: "慰问困难家庭总数（户）C=D+E+F", en: "Hardship households visited (households) C=D+E+F")
        static let row2D = Message(zh: "其中，困难职工（户）", en: "of which, workers in hardship (households)")
        static let row2E = Message(zh: "其中，困难农民工（户）", en: "of which, migrant workers in hardship (households)")
        static let row2F = Message(zh: "其中，困难劳模（户）", en: "of which, model workers in hardship (households)")
        static let row3A = Message(zh: "筹集慰问款物总额（万元）A=B+C+D+E+F", en: "Aid money and goods raised (10,000 yuan) A=B+C+D+E+F")
        static let sourceRows = [
            Message(zh: "其中，中央财政（万元）", en: "of which, central government (10,000 yuan)"),
            Message(zh: "其中，地方财政（万元）", en: "of which, local government (10,000 yuan)"),
            Message(zh: "其中，工会经费（万元）", en: "of which, union funds (10,000 yuan)"),
            Message(zh: "其中，爱心企业、社会机构等社会捐助（万元）", en: "of which, donations from companies, social organisations and others (10,000 yuan)"),
            Message(zh: "其中，其他收入（万元）", en: "of which, other income (10,000 yuan)"),
        ]
        static let counts2C = Message(zh: "获帮扶（eligible）的建档户（含本年度退档、渐退期）及类别为深度困难、相对困难或意外致困的户数（一条记录为一户）",
                                      en: "eligible archived households (including those removed from the archive this year or phasing out) and households in the deep, relative or accidental hardship category (one record = one household)")
        static let counts2D = Message(zh: "2C中人员类别既非劳动模范也非农民工的户数", en: "households of 2C whose person category is neither model worker nor migrant worker")
        static let counts2E = Message(zh: "2C中人员类别含农民工（且非劳动模范）的户数", en: "households of 2C whose person category includes migrant worker (and not model worker)")
        static let counts2F = Message(zh: "2C中人员类别含劳动模范的户数", en: "households of 2C whose person category includes model worker")
        static let counts3A = Message(zh: "3B至3F之和：规则确定金额的帮扶款合计（待定金额不计）", en: "the sum of 3B to 3F: aid with amounts fixed by the rules (pending amounts not counted)")
        static let noFundAwards = Message(zh: "无对应资金的发放", en: "no awards from a matching fund")
        static func fundsTotal(_ codes: [String]) -> Message {
            Message(zh: "资金 " + codes.joined(separator: "、") + " 的确定金额合计", en: "fixed amounts from fund " + codes.joined(separator: ", "))
        }
    }
}
