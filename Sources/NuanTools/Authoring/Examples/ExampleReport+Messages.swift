import NuanSupport
/// The texts of `nuan test` (the examples' report, their problems and the coverage report), in
/// Chinese and English. The Chinese texts are those `nuan test` has always printed (the goldens
/// under `Tests/Fixtures` hold them byte for byte). Example titles, names from the rules file,
/// amounts and status codes are data and appear unchanged in both languages.
extension Message {
    enum Examples {
        // MARK: Report

        static func rulesError(_ path: String) -> Message {
            Message(zh: "ERROR \(path)  规则文件有错误，例子未运行", en: "ERROR \(path)  the rules file has errors; no example was run")
        }
        static func noExamples(_ path: String) -> Message { Message(zh: "ok    \(path)  没有例子", en: "ok    \(path)  no examples") }
        static func examples(_ n: Int) -> Message { Message(zh: "\(n) 个例子", en: n == 1 ? "1 example" : "\(n) examples") }
        static func passedFile(_ path: String, _ n: Int) -> Message {
            Message(zh: "ok    \(path)  ", en: "ok    \(path)  ") + examples(n)
        }
        static func failedFile(_ path: String, _ n: Int, failed: Int) -> Message {
            Message(zh: "FAIL  \(path)  ", en: "FAIL  \(path)  ") + examples(n) + Message(zh: "，失败 \(failed)", en: ", \(failed) failed")
        }
        static func passedExample(_ title: String) -> Message { Message(zh: "✓ 例子 \"\(title)\"", en: "✓ example \"\(title)\"") }
        static func failedExample(_ title: String, _ position: String) -> Message {
            Message(zh: "✗ 例子 \"\(title)\"（\(position)）", en: "✗ example \"\(title)\" (\(position))")
        }
        static func citation(_ c: String) -> Message { Message(zh: "依据：\(c)", en: "citation: \(c)") }
        static let exampleHasErrors = Message(zh: "例子本身有错误，无法判定：", en: "the example itself has errors and cannot be judged:")
        static func mismatch(_ aspect: Message, _ expected: String, _ actual: String) -> Message {
            Message(zh: "\(aspect.zh)：期望 \(expected)；实际 \(actual)", en: "\(aspect.en): expected \(expected); got \(actual)")
        }
        static let explanation = Message(zh: "判定过程（与差异有关的部分）：", en: "how it was decided (the part about the difference):")
        static let missingInformation = Message(zh: "缺少信息：", en: "missing information: ")
        static func summary(total: Int, failed: Int) -> Message {
            examples(total) + Message(zh: "：通过 \(total - failed)，失败 \(failed)", en: ": \(total - failed) passed, \(failed) failed")
        }
        static func brokenFiles(_ n: Int) -> Message {
            Message(zh: "；\(n) 个规则文件有错误", en: n == 1 ? "; 1 rules file has errors" : "; \(n) rules files have errors")
        }

        static func aspect(_ a: ExampleRunner.Mismatch.Aspect) -> Message {
            switch a {
            case .status: return Message(zh: "状态", en: "status")
            case .category: return Message(zh: "类别", en: "category")
            case .total: return Message(zh: "合计", en: "total")
            case .score: return Message(zh: "优先分", en: "score")
            case .awards: return Message(zh: "发放", en: "awards")
            case .missing: return Message(zh: "缺少", en: "missing")
            case .warnings: return Message(zh: "警告", en: "warnings")
            }
        }

        // MARK: Mismatches

        /// `（无）` — nothing on that side.
        static let none = Message(zh: "（无）", en: "(none)")
        static func yuan(_ amount: String) -> Message { Message(zh: "\(amount) 元", en: "\(amount) yuan") }
        static let pending = Message(zh: "待定", en: "pending")
        /// `帮扶金 = 1000.00 元 资金 union_own`
        static func award(_ benefit: String, _ amount: String?, fund: String?) -> Message {
            Message(both: benefit + " = ") + (amount.map(yuan) ?? pending)
                + (fund.map { Message(zh: " 资金 " + $0, en: " fund " + $0) } ?? .empty)
        }
        static func warningDetail(_ m: String) -> Message { Message(zh: "提示：" + m, en: "warning: " + m) }
        static func recordProblem(_ m: String) -> Message { Message(zh: "记录问题：" + m, en: "record problem: " + m) }
        static func awardMissing(_ award: Message) -> Message { Message(zh: "缺少：", en: "missing: ") + award }
        static func awardDifferent(_ want: Message, _ got: Message) -> Message {
            Message(zh: "不同：期望 \(want.zh)，实际 \(got.zh)", en: "different: expected \(want.en), got \(got.en)")
        }
        static func awardExtra(_ award: Message) -> Message { Message(zh: "多出：", en: "extra: ") + award }
        /// Awards joined as a list (`，` / `, `).
        static func awards(_ items: [Message]) -> Message {
            Message(zh: items.map(\.zh).joined(separator: "，"), en: items.map(\.en).joined(separator: ", "))
        }
        static func notReported(_ names: [String]) -> Message {
            Message(zh: "期望缺少但决定未列出：", en: "expected missing but not listed by the decision: ") + .list(names.map(Message.init(both:)))
        }
        static func notExpected(_ names: [String]) -> Message {
            Message(zh: "决定列出但未期望：", en: "listed by the decision but not expected: ") + .list(names.map(Message.init(both:)))
        }

        /// The rule names of a decision's explanation, in the words of `ExplanationBuilder`
        /// (a mismatch finds its explanation entries by them).
        static func benefitRule(_ name: String) -> Message { Message(zh: "福利 " + name, en: "benefit " + name) }
        static func categoryRule(_ code: String, _ label: String?) -> Message {
            Message(zh: "类别 \(label ?? code)（\(code)）", en: "category \(code) (\(label ?? code))")
        }

        // MARK: Problems with an example

        static func didYouMean(_ s: String?) -> Message? { s.map { Message(zh: "；是不是 \($0)？", en: "; did you mean \($0)?") } }
        static func unknownInput(_ name: String) -> Message {
            Message(zh: "例子的输入 “\(name)” 不是规则中的字段", en: "the example's input “\(name)” is not a field of the rules")
        }
        static func duplicateInput(_ name: String) -> Message {
            Message(zh: "例子的输入 “\(name)” 重复", en: "the example's input “\(name)” is given twice")
        }
        static let givenBefore = Message(zh: "先前在这里给出", en: "first given here")
        static func inputValue(_ name: String, _ problem: Message) -> Message {
            Message(zh: "例子的输入 “\(name)”：\(problem.zh)", en: "the example's input “\(name)”: \(problem.en)")
        }
        static func notMoney(_ field: String, unit: String) -> Message {
            Message(zh: "\(field) 不是金额，不能带单位 \(unit)", en: "\(field) is not money and cannot have the unit \(unit)")
        }
        static let literalExpected = Message(zh: "应为字面值（数、文本、日期、是/否、选项名或 [选项…]）",
                                             en: "expected a literal (a number, text, a date, 是/否, an option name or [options…])")
        static func literalNotExpression(_ text: String) -> Message {
            literalExpected + Message(zh: "，而不是表达式 “\(text)”", en: ", not the expression “\(text)”")
        }
        static let optionNameInList = Message(zh: "列表中应为选项名", en: "a list must hold option names")
        static func badStatus(_ s: String) -> Message {
            Message(zh: "状态应为 eligible、ineligible、undetermined 或 invalid，而不是 “\(s)”",
                    en: "the status must be eligible, ineligible, undetermined or invalid, not “\(s)”")
        }
        static func unknownCategory(_ c: String, options: [String]) -> Message {
            Message(zh: "未知的类别 “\(c)”；可用：\(options.joined(separator: "、"))",
                    en: "unknown category “\(c)”; the options are \(options.joined(separator: ", "))")
        }
        static let totalNotMoney = Message(zh: "合计应为金额，如 1000 元", en: "the total must be an amount of money, such as 1000 元")
        static let scoreNotNumber = Message(zh: "优先分应为数字，如 23.94，或 无", en: "the score must be a number, such as 23.94, or 无 (none)")
        static func unknownBenefit(_ name: String) -> Message {
            Message(zh: "期望的发放项 “\(name)” 不是规则中的福利", en: "the expected award “\(name)” is not a benefit of the rules")
        }
        static let awardNotMoney = Message(zh: "发放金额应为金额（如 1000 元）或 待定",
                                           en: "an award's amount must be money (such as 1000 元) or 待定")
        static func unknownFund(_ f: String) -> Message { Message(zh: "资金 “\(f)” 未声明", en: "fund “\(f)” is not declared") }
        static func unknownWarning(_ c: String) -> Message {
            Message(zh: "警告代码 “\(c)” 不是 period 或 unconfirmed", en: "warning code “\(c)” is not period or unconfirmed")
        }
        static func unknownMissing(_ n: String) -> Message {
            Message(zh: "缺少项 “\(n)” 不是规则中的字段或参数", en: "the missing item “\(n)” is not a field or parameter of the rules")
        }

        // MARK: Coverage

        static func groupRule(_ name: String) -> Message { Message(zh: "对象 \(name)", en: "recipient group \(name)") }
        static func definitionRule(_ name: String) -> Message { Message(zh: "定义 \(name)", en: "definition \(name)") }
        static func exceptionRule(_ benefit: Message, _ condition: String) -> Message {
            Message(zh: "\(benefit.zh) 除非 \(condition)", en: "\(benefit.en) unless \(condition)")
        }
        static func counts(_ rules: Int, _ rc: Int, _ branches: Int, _ bc: Int) -> Message {
            Message(zh: "规则 \(rc)/\(rules)，分支 \(bc)/\(branches)", en: "rules \(rc)/\(rules), branches \(bc)/\(branches)")
        }
        static func coverage(_ path: String, percent: Int, counts: Message, examples n: Int) -> Message {
            Message(zh: "覆盖率 \(path)：\(percent)%（\(counts.zh)；\(n) 个例子）",
                    en: "coverage \(path): \(percent)% (\(counts.en); \(examples(n).en))")
        }
        static func clause(_ citation: String?) -> Message {
            citation.map { Message(zh: "依据 \"\($0)\"", en: "citation \"\($0)\"") } ?? Message(zh: "依据 （未写依据）", en: "(no citation)")
        }
        static func ruleNeverHolds(_ rule: Message, _ position: String) -> Message {
            Message(zh: "\(rule.zh)：没有例子使它成立（\(position)）", en: "\(rule.en): no example makes it hold (\(position))")
        }
        static let neverComputed = Message(zh: "从未算出结果（没有例子走到这里）", en: "never computed (no example reaches it)")
        static let neverHolds = Message(zh: "没有例子使它成立", en: "no example makes it hold")
        static let neverFails = Message(zh: "没有例子使它不成立", en: "no example makes it fail")
        static func branch(_ rule: Message, _ test: String, _ sides: Message, _ position: String) -> Message {
            Message(zh: "\(rule.zh) 中 “\(test)”：\(sides.zh)（\(position)）", en: "“\(test)” in \(rule.en): \(sides.en) (\(position))")
        }
    }
}
