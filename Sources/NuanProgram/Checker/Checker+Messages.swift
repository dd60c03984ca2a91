import NuanSupport
import NuanSyntax
/// The checker's messages (merging the `继承` chain, names, types, compiling), in Chinese and
/// English. The Chinese texts are those `nuan check` has always printed (the goldens under
/// `Tests/Fixtures/diagnostics` and `Tests/Fixtures/check` hold them byte for byte).
extension Checker {
    /// Where a condition (a yes/no expression) is required.
    enum ConditionSite {
        case negated, ifCondition, unless
        case group(String), category(String), scorePart(String), benefit(String), validity(String), assertion(String)
        case left(BinaryOperator), right(BinaryOperator)

        var zh: String {
            switch self {
            case .negated: return "“非” 的对象"
            case .ifCondition: return "“若” 的条件"
            case .unless: return "“除非” 的条件"
            case .group(let n): return "对象 \(n) 的条件"
            case .category(let c): return "类别 \(c) 的条件"
            case .scorePart(let n): return "评分项 \(n) 的条件"
            case .benefit(let n): return "福利 \(n) 的条件"
            case .validity(let n): return "无效规则 \(n) 的条件"
            case .assertion(let n): return "断言 \(n) 的条件"
            case .left(let op): return "“\(op.rawValue)” 的左边"
            case .right(let op): return "“\(op.rawValue)” 的右边"
            }
        }

        var en: String {
            switch self {
            case .negated: return "the operand of “非” (not)"
            case .ifCondition: return "the condition of “若” (if)"
            case .unless: return "the condition of “除非” (unless)"
            case .group(let n): return "the condition of recipient group \(n)"
            case .category(let c): return "the condition of category \(c)"
            case .scorePart(let n): return "the condition of score part \(n)"
            case .benefit(let n): return "the condition of benefit \(n)"
            case .validity(let n): return "the condition of validity rule \(n)"
            case .assertion(let n): return "the condition of assertion \(n)"
            case .left(let op): return "the left side of \(Diagnostic.Message.operatorName(op))"
            case .right(let op): return "the right side of \(Diagnostic.Message.operatorName(op))"
            }
        }
    }

    /// Where a plain number (not money) is required.
    enum NumberSite {
        case weight, scorePart

        var zh: String { self == .weight ? "权重" : "评分项" }
        var en: String { self == .weight ? "a weight" : "a score part" }
    }
}

extension Diagnostic.Message {
    /// An operator as an English message names it: `“含” (contains)`, `“<”`.
    static func operatorName(_ op: BinaryOperator) -> String {
        let k: Keyword?
        switch op {
        case .and: k = .and
        case .or: k = .or
        case .in: k = .in
        case .notIn: k = .notIn
        case .contains: k = .contains
        case .containsAny: k = .containsAny
        case .containsAll: k = .containsAll
        default: k = nil
        }
        return k.map(keyword) ?? "“\(op.rawValue)”"
    }

    /// `；是不是 X？` — a close name, when there is one.
    static func didYouMean(_ suggestion: String?) -> Self? {
        suggestion.map { Self(zh: "；是不是 \($0)？", en: "; did you mean \($0)?") }
    }

    /// `；可选值：a、b、c`
    static func options(_ options: [String]) -> Self {
        Self(zh: "；可选值：" + options.joined(separator: "、"), en: "; the options are " + options.joined(separator: ", "))
    }

    static var earlierDeclaration: Self {
        Self(zh: "先前的声明在这里", en: "the earlier declaration is here")
    }

    // MARK: the program as a whole

    static func tooManyInputs(_ capacity: Int) -> Self {
        Self(zh: "字段和参数合计超过 \(capacity) 个", en: "more than \(capacity) fields and parameters in all")
    }

    // MARK: merging the 继承 chain

    /// A merge key (`参数 低保标准`) in English (`parameter 低保标准`).
    static func englishKey(_ key: String) -> String {
        guard let space = key.firstIndex(of: " ") else { return key }
        let kind: String
        switch key[..<space] {
        case "字段": kind = "field"
        case "参数": kind = "parameter"
        case "定义": kind = "definition"
        case "资金": kind = "fund"
        case "对象": kind = "recipient group"
        case "类别": kind = "category"
        case "福利组": kind = "benefit group"
        case "福利": kind = "benefit"
        case "评分": kind = "score"
        default: return key
        }
        return kind + key[space...]
    }

    static func declaredInParent(_ key: String) -> Self {
        Self(zh: "\(key) 已在上级文件中声明；要替换它，请在这一行前面写 覆盖",
             en: "\(englishKey(key)) is already declared in a parent file; to replace it, write 覆盖 (override) at the start of this line")
    }

    static func declaredTwice(_ key: String) -> Self {
        Self(zh: "\(key) 重复声明", en: "\(englishKey(key)) is declared twice")
    }

    static func overrideMissing(_ key: String, suggestion: String?) -> Self {
        Self(zh: "覆盖的 \(key) 在上级文件中不存在，这一覆盖不会生效" + (suggestion.map { "；是不是想覆盖 “\($0)”？" } ?? ""),
             en: "the 覆盖 (override) of \(englishKey(key)) has no effect: no parent file declares it"
                 + (suggestion.map { "; did you mean to override “\(englishKey($0))”?" } ?? ""))
    }

    static func defaultOnlyWithoutOverride(_ key: String) -> Self {
        Self(zh: "只写 默认 的字段 \(key) 是对上级文件字段默认值的覆盖，请在这一行前面写 覆盖",
             en: "field \(key) with only 默认 (default) changes a parent's default; write 覆盖 (override) at the start of this line")
    }

    static func overrideDropsVersions(_ code: String, _ count: Int) -> Self {
        Self(zh: "覆盖的 类别 \(code) 替换了上级文件中的 \(count) 个版本；要保留某个版本，请给覆盖写上 适用 自/至，使其不与该版本重叠",
             en: "the 覆盖 (override) of category \(code) replaces \(count) versions of the parent's; to keep one, give the override 适用 (applies) dates that do not overlap it")
    }

    static func droppedVersion(_ from: Int32?, _ to: Int32?) -> Self {
        let zh = (from.map { "适用 自 \(CivilDate.format($0))" } ?? "") + (to.map { (from == nil ? "" : " ") + "适用 至 \(CivilDate.format($0))" } ?? "")
        let en = (from.map { "applies from \(CivilDate.format($0))" } ?? "") + (to.map { (from == nil ? "" : ", ") + "until \(CivilDate.format($0))" } ?? "")
        return Self(zh: "被替换的版本" + (zh.isEmpty ? "（无 适用 日期）" : "（\(zh)）"),
                    en: "this version is dropped" + (en.isEmpty ? " (no 适用 dates)" : " (\(en))"))
    }

    static func fieldPolicyClash(_ key: String, _ a: String, _ b: String) -> Self {
        Self(zh: "字段 \(key) 对缺失值只能有一种处理：\(a) 与 \(b) 不能同时写",
             en: "field \(key) may state one policy for a missing value: \(a) and \(b) cannot both be written")
    }

    // MARK: declarations

    static func nameInUse(_ name: String) -> Self {
        Self(zh: "名称 “\(name)” 已被使用", en: "the name “\(name)” is already in use")
    }

    static func duplicateOption(_ code: String) -> Self {
        Self(zh: "选项 “\(code)” 重复", en: "the option “\(code)” appears twice")
    }

    static var tooManyOptions: Self {
        Self(zh: "多选最多 64 个选项", en: "a multiple-choice field (多选) may have at most 64 options")
    }

    /// `至少` / `至多` not followed by a number.
    static func expectedConstant(after k: Keyword) -> Self {
        Self(zh: "“\(k.chinese)” 后应为一个数值", en: "expected a number after \(keyword(k))")
    }

    static func defaultNotAnOption(_ text: String) -> Self {
        Self(zh: "默认值中的 “\(text)” 不是该字段的选项", en: "“\(text)” in the default is not an option of this field")
    }

    static func defaultType(_ text: String, _ type: ValueType) -> Self {
        Self(zh: "默认值 “\(text)” 与字段类型 \(type) 不符", en: "the default “\(text)” does not fit the field's type (\(type.englishName))")
    }

    static var parameterValue: Self {
        Self(zh: "参数的值应为一个数值（或 待定）", en: "a parameter's value must be a number (or 待定)")
    }

    static var tableValue: Self {
        Self(zh: "表中的值应为一个数值（或 待定）", en: "a value in a table must be a number (or 待定)")
    }

    static var parameterUnit: Self {
        Self(zh: "参数单位不一致", en: "the value's unit does not match the parameter's unit")
    }

    static func rowUnit(_ unit: Unit, parameter: Unit?) -> Self {
        Self(zh: "此行单位 \(unit.rawValue) 与参数单位 \(parameter?.rawValue ?? "（无）") 不一致",
             en: "this row's unit, \(unit.rawValue), does not match the parameter's unit, \(parameter?.rawValue ?? "(none)")")
    }

    static func unknownKeyField(_ name: String, suggestion: String?) -> Self {
        Self(zh: "查表字段 “\(name)” 未声明", en: "the table is looked up by “\(name)”, which is not a declared field").with(didYouMean(suggestion))
    }

    static func keyFieldNotText(_ name: String) -> Self {
        Self(zh: "查表字段 “\(name)” 应为文本字段", en: "the table is looked up by “\(name)”, which must be a text field")
    }

    static func duplicateRow(_ key: String, table: String) -> Self {
        Self(zh: "“\(key)” 在表 \(table) 中有两行同一起始日期", en: "“\(key)” has two rows with the same start date in table \(table)")
    }

    // MARK: --set

    static func setValueNotNumber(_ name: String, _ text: String) -> Self {
        Self(zh: "--set \(name)=\(text)：值不是数字", en: "--set \(name)=\(text): the value is not a number")
    }

    /// `set.value`: the figure carries a unit that is not the parameter's.
    static func setWrongUnit(_ name: String, _ text: String, _ unit: Unit) -> Self {
        Self(zh: "--set \(name)=\(text)：单位应为 \(unit.rawValue)", en: "--set \(name)=\(text): the unit should be \(unit.english)")
    }

    /// `set.value`: a figure the rules would refuse too (negative, a 0 line, finer than a fen).
    static func setBadFigure(_ name: String, _ text: String, _ why: Self) -> Self {
        Self(zh: "--set \(EchoText.excerpt(name))=\(EchoText.excerpt(text))：", en: "--set \(EchoText.excerpt(name))=\(EchoText.excerpt(text)): ") + why
    }

    /// `set.row`: `[…]` after a parameter that is a single figure.
    static func setNotATable(_ name: String) -> Self {
        Self(zh: "--set：参数 \(name) 不是按地区的表，不能写 [行]；写 --set \(name)=值",
             en: "--set: the parameter \(name) is not a table, so it takes no [row]; write --set \(name)=VALUE")
    }

    /// `set.row`: a row key the table does not have.
    static func setUnknownRow(_ name: String, _ key: String, known: [String]) -> Self {
        let list = known.prefix(30).joined(separator: "，") + (known.count > 30 ? "…" : "")
        let listEn = known.prefix(30).joined(separator: ", ") + (known.count > 30 ? "…" : "")
        return Self(zh: "--set：表 \(name) 没有 “\(key)” 这一行；已有的行：\(list)",
                    en: "--set: the table \(name) has no row “\(key)”; its rows are: \(listEn)")
    }

    static func setUnknownParameter(_ name: String, suggestion: String?) -> Self {
        Self(zh: "--set：没有名为 “\(name)” 的参数", en: "--set: there is no parameter named “\(name)”").with(didYouMean(suggestion))
    }

    // MARK: names

    static func unknownName(_ name: String) -> Self {
        let name = EchoText.excerpt(name)
        return Self(zh: "未知的名称 “\(name)”", en: "unknown name “\(name)”")
    }

    /// Appended to an unknown name that swallowed a keyword (`建档类型属于`).
    static func spacesAroundKeyword(_ split: String) -> Self {
        Self(zh: "；关键字前后要留空格，是不是想写 “\(split)”？", en: "; keywords need spaces around them: did you mean “\(split)”?")
    }

    static func givenNeedsField(_ name: String) -> Self {
        Self(zh: "已填(…) 只能用于字段，“\(name)” 不是字段", en: "已填(…) (given) applies only to fields, and “\(name)” is not a field")
    }

    /// A chain of names for a message, shortened in the middle when long.
    static func chainText(_ chain: [String]) -> String {
        let shown = chain.count > 8 ? chain.prefix(3) + ["…"] + chain.suffix(4) : chain[...]
        return shown.map { EchoText.excerpt($0) }.joined(separator: " → ")
    }

    /// `check.too-deep`: an expression with the definitions and groups it uses expanded.
    static func expandedTooDeep(_ limit: Int, chain: [String]) -> Self {
        let via = chain.isEmpty ? Self.empty : Self(zh: "（经由定义：\(chainText(chain))）", en: " (through the definitions \(chainText(chain)))")
        return Self(zh: "表达式连同它引用的定义和对象嵌套超过 \(limit) 层", en: "the expression, with the definitions and groups it uses, nests more than \(limit) levels deep")
            + via + Self(zh: "；请减少定义之间的层层引用", en: "; make fewer definitions refer to one another in a chain")
    }

    static func definitionCycle(_ chain: [String]) -> Self {
        let c = chainText(chain)
        return Self(zh: "定义相互引用形成循环：" + c, en: "definitions refer to each other in a cycle: " + c)
    }

    static func groupCycle(_ chain: [String]) -> Self {
        let c = chainText(chain)
        return Self(zh: "对象相互引用形成循环：" + c, en: "recipient groups refer to each other in a cycle: " + c)
    }

    static func unknownOption(_ text: String) -> Self {
        Self(zh: "“\(text)” 不是可选值", en: "“\(text)” is not one of the options")
    }

    static func unknownFunction(_ name: String, suggestion: String?) -> Self {
        Self(zh: "未知的函数 “\(name)”", en: "unknown function “\(name)”")
            .with(didYouMean(suggestion) ?? Self(zh: "；可用：最小、最大、限于、已知", en: "; the functions are 最小 (min), 最大 (max), 限于 (clamp) and 已知 (known)"))
    }

    static let knownArity = Self(zh: "已知(…) 需要恰好一个参数", en: "已知 (known) takes exactly one argument")

    static func unknownGroup(_ name: String, suggestion: String?) -> Self {
        Self(zh: "对象 “\(name)” 未声明", en: "the recipient group “\(name)” is not declared").with(didYouMean(suggestion))
    }

    static func unknownFundGroup(_ fund: String, _ name: String, suggestion: String?) -> Self {
        Self(zh: "资金 \(fund) 可支付的对象 “\(name)” 未声明",
             en: "fund \(fund) may pay the recipient group “\(name)”, which is not declared").with(didYouMean(suggestion))
    }

    static func unknownFund(_ code: String, suggestion: String?) -> Self {
        Self(zh: "资金 “\(code)” 未声明", en: "the fund “\(code)” is not declared").with(didYouMean(suggestion))
    }

    // MARK: types

    static func notACondition(_ site: Checker.ConditionSite, _ text: String, _ type: ValueType) -> Self {
        Self(zh: "\(site.zh)应为条件（是/否），但 “\(text)” 是\(type)",
             en: "\(site.en) must be yes or no, but “\(text)” is \(type.englishNoun)")
    }

    static func notANumber(_ site: Checker.NumberSite, _ text: String, _ type: ValueType) -> Self {
        Self(zh: "\(site.zh)应为数（不带金额单位），但 “\(text)” 是\(type)",
             en: "\(site.en) must be a number (with no money unit), but “\(text)” is \(type.englishNoun)")
    }

    static var misplacedList: Self {
        Self(zh: "列表只能出现在 属于、含任一、含全部 的右边",
             en: "a list may appear only on the right of 属于 (in), 含任一 (contains_any) or 含全部 (contains_all)")
    }

    static var negateNonNumber: Self {
        Self(zh: "负号只能用于数值", en: "a minus sign applies only to numbers and money")
    }

    static var isEmptyNeedsList: Self {
        Self(zh: "“为空” 只能用于多选字段", en: "“为空” (is_empty) applies only to multiple-choice fields (多选)")
    }

    static func branchTypes(_ a: ValueType, _ b: ValueType) -> Self {
        Self(zh: "两个分支类型不同：\(a) 与 \(b)", en: "the two branches have different types: \(a.englishName) and \(b.englishName)")
    }

    static func rightNeedsList(_ op: BinaryOperator) -> Self {
        Self(zh: "“\(op.rawValue)” 的右边应为列表 [ … ]", en: "the right side of \(operatorName(op)) must be a list [ … ]")
    }

    static func leftNeedsListField(_ op: BinaryOperator, _ text: String, _ type: ValueType) -> Self {
        Self(zh: "“\(op.rawValue)” 的左边应为多选字段，但 “\(text)” 是\(type)",
             en: "the left side of \(operatorName(op)) must be a multiple-choice field (多选), but “\(text)” is \(type.englishNoun)")
    }

    static func noArithmetic(_ text: String, _ type: ValueType) -> Self {
        Self(zh: "“\(text)” 是\(type)，不能做算术", en: "“\(text)” is \(type.englishNoun) and cannot be used in arithmetic")
    }

    static func addMoneyAndNumber(_ l: String, _ a: ValueType, _ r: String, _ b: ValueType) -> Self {
        Self(zh: "金额不能与数直接相加减：“\(l)” 是\(a)，“\(r)” 是\(b)（金额请写单位 元）",
             en: "cannot add or subtract money and a number: “\(l)” is \(a.englishNoun), “\(r)” is \(b.englishNoun) (write money with 元)")
    }

    static var multiplyMoney: Self {
        Self(zh: "两个金额不能相乘", en: "cannot multiply two amounts of money")
    }

    static var divideByMoney: Self {
        Self(zh: "数不能除以金额", en: "cannot divide a number by money")
    }

    static func compareMoneyAndNumber(_ l: String, _ a: ValueType, _ r: String, _ b: ValueType) -> Self {
        Self(zh: "不能比较金额与数：“\(l)” 是\(a)，“\(r)” 是\(b)（金额请写单位 元，倍数写 倍）",
             en: "cannot compare money with a number: “\(l)” is \(a.englishNoun), “\(r)” is \(b.englishNoun) (write money with 元, multipliers with 倍)")
    }

    static func compareTypes(_ a: ValueType, _ b: ValueType, _ l: String, _ r: String) -> Self {
        Self(zh: "不能比较\(a)与\(b)：“\(l)” 与 “\(r)”", en: "cannot compare \(a.englishNoun) with \(b.englishNoun): “\(l)” and “\(r)”")
    }

    static func orderNeedsNumbers(_ op: BinaryOperator) -> Self {
        Self(zh: "“\(op.rawValue)” 只能比较数值、金额或日期", en: "\(operatorName(op)) compares only numbers, money or dates")
    }

    static var compareListField: Self {
        Self(zh: "多选字段请用 含、含任一、含全部 比较",
             en: "test a multiple-choice field (多选) with 含 (contains), 含任一 (contains_any) or 含全部 (contains_all)")
    }

    static var textList: Self {
        Self(zh: "列表中应为文本", en: "the list should hold text")
    }

    static var inNeedsChoiceOrText: Self {
        Self(zh: "“属于” 的左边应为选项或文本", en: "the left side of “属于” (in) must be a single choice (选项) or text")
    }

    static func argumentTypes(_ f: String, _ a: ValueType, _ b: ValueType) -> Self {
        Self(zh: "函数 \(f) 的参数类型不一致：\(a) 与 \(b)", en: "the arguments of \(f) have different types: \(a.englishName) and \(b.englishName)")
    }

    static func numericFunction(_ f: String) -> Self {
        Self(zh: "函数 \(f) 只接受数值或金额", en: "\(f) takes only numbers or money")
    }

    static func atLeastOneArgument(_ f: String) -> Self {
        Self(zh: "\(f) 至少需要一个参数", en: "\(f) needs at least one argument")
    }

    static var clampArity: Self {
        Self(zh: "限于(值, 下限, 上限) 需要三个参数", en: "限于(value, lower, upper) (clamp) needs three arguments")
    }

    // MARK: rules

    static func categoryCode(_ code: String) -> Self {
        Self(zh: "类别代码应为 deep、relative 或 accidental（决定书契约），而不是 “\(code)”",
             en: "a category code must be deep, relative or accidental (the decision contract), not “\(code)”")
    }

    static func tooManyBenefits(_ group: String, _ count: Int) -> Self {
        Self(zh: "福利组 \(group) 有 \(count) 项福利，最多 128 项；请拆成几个福利组",
             en: "benefit group \(group) has \(count) benefits, more than the 128 allowed; split it into several groups")
    }

    static var secondScore: Self {
        Self(zh: "只能有一个评分（要替换上级的评分请写 覆盖）",
             en: "there can be only one score (to replace a parent's score, write 覆盖 (override))")
    }

    static func duplicateBenefit(_ name: String) -> Self {
        Self(zh: "福利 “\(name)” 重复", en: "the benefit “\(name)” is declared twice")
    }

    static func amountWithoutUnit(_ text: String) -> Self {
        Self(zh: "金额 “\(text)” 没有单位；请写 元/户 或 元/人", en: "the amount “\(text)” has no unit; write 元/户 or 元/人")
    }

    static func earmark(_ fund: String, _ group: String) -> Self {
        Self(zh: "专款专用：资金 \(fund) 不能支付对象 “\(group)”",
             en: "earmarked funds (专款专用): fund \(fund) may not pay the recipient group “\(group)”")
    }

    static func earmarkDeclared(_ fund: String) -> Self {
        Self(zh: "资金 \(fund) 可支付的对象在这里声明", en: "fund \(fund)'s recipient groups are declared here")
    }
}
