import NuanSupport
/// The parser's messages, in Chinese and English. The Chinese texts are those `nuan check` has
/// always printed (the goldens under `Tests/Fixtures/diagnostics` hold them byte for byte).
extension Parser {
    /// What the parser was looking for where it failed: completes "此处应为…" / "expected …".
    enum Expected {
        // names
        case fieldKey, optionCode, optionAlias, parameterName, tableKeyField, definitionName, groupName, fundCode
        case categoryCode, benefitName, benefitGroupName, scoreName, scorePartName, fieldName
        case expectation, status, exampleCategoryCode
        // quoted strings
        case exampleTitle, version, jurisdiction, noticeName, parentPath, citation
        // dates
        case rowFrom, appliesFrom, appliesTo, inForceFrom, inForceTo
        // what follows a keyword
        case tableKey, groupCondition, hitPolicy, benefitInGroup
        // guards
        case regionName, warningCode, validityName, validityCondition, validityMessage, statTable
        case assertionName, assertionClaim

        var zh: String {
            switch self {
            case .fieldKey: return "字段名（记录契约中的英文键）"
            case .optionCode: return "选项代码"
            case .optionAlias: return "选项的另一种写法（“|” 之后）"
            case .parameterName: return "参数名"
            case .tableKeyField: return "查表字段"
            case .definitionName: return "定义名"
            case .groupName: return "对象名"
            case .fundCode: return "资金代码"
            case .categoryCode: return "类别代码（deep、relative、accidental）"
            case .benefitName: return "福利名"
            case .benefitGroupName: return "福利组名"
            case .scoreName: return "评分名"
            case .scorePartName: return "评分项名"
            case .fieldName: return "字段名"
            case .expectation: return "期望项（状态、类别、合计、优先分、发放、缺少）"
            case .status: return "状态（eligible、ineligible、undetermined、invalid）"
            case .exampleCategoryCode: return "类别代码"
            case .exampleTitle: return "例子标题"
            case .version: return "版本"
            case .jurisdiction: return "辖区"
            case .noticeName: return "通知名称"
            case .parentPath: return "上级规则文件路径"
            case .citation: return "依据（通知及条款）"
            case .rowFrom: return "起始日期"
            case .appliesFrom: return "适用起始日"
            case .appliesTo: return "适用截止日"
            case .inForceFrom: return "生效起始日"
            case .inForceTo: return "生效截止日"
            case .tableKey: return "按哪个字段查表"
            case .groupCondition: return "对象的条件"
            case .hitPolicy: return "命中策略"
            case .benefitInGroup: return "福利组内只能写福利"
            case .regionName: return "地区名称或六位区划代码"
            case .warningCode: return "警告代码（period、unconfirmed）"
            case .validityName: return "无效规则名"
            case .validityCondition: return "使记录无效的条件"
            case .validityMessage: return "无效时的提示语"
            case .statTable: return "统计表名称"
            case .assertionName: return "断言名"
            case .assertionClaim: return "断言的内容（则 合计 至多 金额、则 不用资金 [..]、则 有依据 或 则 允许类别空档）"
            }
        }

        /// A noun phrase with its article: "expected \(en)".
        var en: String {
            switch self {
            case .fieldKey: return "a field key (the English key of the record contract)"
            case .optionCode: return "an option code"
            case .optionAlias: return "another spelling of the option (after “|”)"
            case .parameterName: return "a parameter name"
            case .tableKeyField: return "the field the table is looked up by"
            case .definitionName: return "a definition name"
            case .groupName: return "a recipient group name"
            case .fundCode: return "a fund code"
            case .categoryCode: return "a category code (deep, relative, accidental)"
            case .benefitName: return "a benefit name"
            case .benefitGroupName: return "a benefit group name"
            case .scoreName: return "a score name"
            case .scorePartName: return "a score part name"
            case .fieldName: return "a field name"
            case .expectation: return "an expectation (状态, 类别, 合计, 优先分, 发放, 缺少)"
            case .status: return "a status (eligible, ineligible, undetermined, invalid)"
            case .exampleCategoryCode: return "a category code"
            case .exampleTitle: return "the example's title"
            case .version: return "the version"
            case .jurisdiction: return "the jurisdiction"
            case .noticeName: return "the notice's name"
            case .parentPath: return "the path of the parent rules file"
            case .citation: return "the citation (the notice and its clause)"
            case .rowFrom: return "the date the row applies from"
            case .appliesFrom: return "the date the category applies from"
            case .appliesTo: return "the date the category applies until"
            case .inForceFrom: return "the first day in force"
            case .inForceTo: return "the last day in force"
            case .tableKey: return "the field the table is looked up by"
            case .groupCondition: return "the recipient group's condition"
            case .hitPolicy: return "the hit policy"
            case .benefitInGroup: return "a benefit group holds only benefits"
            case .regionName: return "a division name or six-digit division code"
            case .warningCode: return "a warning code (period, unconfirmed)"
            case .validityName: return "a validity rule name"
            case .validityCondition: return "the condition that makes a record invalid"
            case .validityMessage: return "the message shown when the record is invalid"
            case .statTable: return "the statistics table's title"
            case .assertionName: return "an assertion name"
            case .assertionClaim: return "the assertion's claim (then total at_most AMOUNT, then no_fund [..], then cited or then category_gap_allowed)"
            }
        }
    }
}

extension Diagnostic.Message {
    /// A keyword as an English message names it: `“按” (by)`.
    package static func keyword(_ k: Keyword) -> String {
        k.spellings.count > 1 ? "“\(k.chinese)” (\(k.spellings[1]))" : "“\(k.chinese)”"
    }

    /// `expect(_:_:)` of a keyword: `此处应为 “按”（按哪个字段查表），但看到的是 “{”`.
    static func expectedKeyword(_ k: Keyword, _ what: Parser.Expected?, found t: Token) -> Self {
        let en: String
        switch what {
        case nil: en = "expected \(keyword(k)), found \(t.englishDisplay)"
        case .benefitInGroup?: en = "expected \(keyword(k)), found \(t.englishDisplay): \(what!.en)"
        case let w?: en = "expected \(keyword(k)) and \(w.en), found \(t.englishDisplay)"
        }
        return Self(zh: "此处应为 “\(k.chinese)”\(what.map { "（\($0.zh)）" } ?? "")，但看到的是 \(t.chineseDisplay)", en: en)
    }

    /// `expect(_:)` of a symbol.
    static func expectedSymbol(_ s: Token.Symbol, found t: Token) -> Self {
        Self(zh: "此处应为 “\(s.rawValue)”，但看到的是 \(t.chineseDisplay)", en: "expected “\(s.rawValue)”, found \(t.englishDisplay)")
    }

    /// Appended to a syntax error right after a word that swallowed a keyword (`建档类型属于`).
    static func missingSpaces(_ word: String, _ split: String) -> Self {
        Self(zh: "；关键字前后要留空格，“\(word)” 是不是想写 “\(split)”？",
             en: "; keywords need spaces around them: did you mean “\(split)” rather than “\(word)”?")
    }

    static func reservedWord(_ k: Keyword, as what: Parser.Expected) -> Self {
        Self(zh: "“\(k.chinese)” 是保留字，不能用作\(what.zh)；请换一个名称或加引号",
             en: "\(keyword(k)) is a reserved word and cannot be used as \(what.en); choose another name or put it in quotes")
    }

    static func expected(_ what: Parser.Expected, found t: Token) -> Self {
        Self(zh: "此处应为\(what.zh)，但看到的是 \(t.chineseDisplay)", en: "expected \(what.en), found \(t.englishDisplay)")
    }

    static func expectedString(_ what: Parser.Expected, found t: Token) -> Self {
        Self(zh: "此处应为带引号的\(what.zh)，但看到的是 \(t.chineseDisplay)", en: "expected \(what.en) in quotes, found \(t.englishDisplay)")
    }

    static func expectedDate(_ what: Parser.Expected, found t: Token) -> Self {
        Self(zh: "此处应为日期（YYYY-MM-DD，\(what.zh)），但看到的是 \(t.chineseDisplay)",
             en: "expected a date (YYYY-MM-DD, \(what.en)), found \(t.englishDisplay)")
    }

    // MARK: the file and its header

    static var expectedTitle: Self {
        Self(zh: "“规则” 后应为带引号的名称", en: "expected the file's title in quotes after “规则” (rules)")
    }

    static var expectedYear: Self {
        Self(zh: "“年度” 后应为年份，如 2022", en: "expected a year after “年度” (year), such as 2022")
    }

    static func expectedDeclaration(found t: Token) -> Self {
        Self(zh: "此处应为声明（字段、参数、定义、资金、对象、类别、福利、评分、例子），但看到的是 \(t.chineseDisplay)",
             en: "expected a declaration (字段 field, 参数 parameter, 定义 define, 资金 fund, 对象 group, 类别 category, "
                 + "福利 benefit, 评分 score, 例子 example), found \(t.englishDisplay)")
    }

    static func cannotStartDeclaration(_ k: Keyword) -> Self {
        Self(zh: "“\(k.chinese)” 不能开始一条声明", en: "\(keyword(k)) cannot start a declaration")
    }

    // MARK: declarations

    static func expectedType(found t: Token) -> Self {
        Self(zh: "此处应为类型（整数、数、金额、是否、文本、日期、选项、多选、身份证号、电话），但看到的是 \(t.chineseDisplay)",
             en: "expected a type (整数 integer, 数 number, 金额 money, 是否 boolean, 文本 text, 日期 date, 选项 enum, "
                 + "多选 list, 身份证号 id_number, 电话 phone), found \(t.englishDisplay)")
    }

    static var expectedUnit: Self {
        Self(zh: "“:” 后应为单位（元/月、元、倍…）", en: "expected a unit after “:” (元/月, 元, 倍…)")
    }

    static func expectedTableKey(found t: Token) -> Self {
        Self(zh: "此处应为查表的键（如 蚌埠市），但看到的是 \(t.chineseDisplay)",
             en: "expected a key of the table (such as 蚌埠市), found \(t.englishDisplay)")
    }

    static var expectedAppliesDate: Self {
        Self(zh: "“适用” 后应为 自 日期 或 至 日期", en: "“适用” (applies) must be followed by 自 DATE (from) or 至 DATE (to)")
    }

    static func categoryWithoutCondition(_ code: String) -> Self {
        Self(zh: "类别 \(code) 缺少条件（当 …）", en: "category \(code) has no condition (当 …)")
    }

    static func expectedHitPolicy(found t: Token) -> Self {
        Self(zh: "命中策略应为 全部、首个、最高 或 唯一，但看到的是 \(t.chineseDisplay)",
             en: "the hit policy must be 全部 (all), 首个 (first), 最高 (highest) or 唯一 (unique), found \(t.englishDisplay)")
    }

    static func scorePartWithoutValue(_ name: String) -> Self {
        Self(zh: "评分项 \(name) 需要 权重 或 = 表达式", en: "score part \(name) needs 权重 (weight) or = EXPRESSION")
    }

    static func unknownExpectation(_ key: String) -> Self {
        Self(zh: "未知的期望项 “\(key)”：可用 状态、类别、合计、优先分、发放、缺少",
             en: "unknown expectation “\(key)”: use 状态 (status), 类别 (category), 合计 (total), 优先分 (score), 发放 (awards) or 缺少 (missing)")
    }

    // MARK: expressions

    static var chainedComparison: Self {
        Self(zh: "比较不能连写（如 a < b < c），请用 且 连接两个比较",
             en: "comparisons cannot be chained (as in a < b < c); join two comparisons with 且 (and)")
    }

    static func numberOutOfRange(_ text: String) -> Self {
        Self(zh: "数值 \(text) 超出范围", en: "the number \(text) is out of range")
    }

    static func reservedWordInExpression(_ k: Keyword) -> Self {
        Self(zh: "此处应为一个值或名称，但看到的是保留字 “\(k.chinese)”", en: "expected a value or a name, found the reserved word \(keyword(k))")
    }

    static var endInExpression: Self {
        Self(zh: "文件在表达式中间结束了", en: "the file ends in the middle of an expression")
    }

    static func expectedValue(found t: Token) -> Self {
        Self(zh: "此处应为一个值或名称，但看到的是 \(t.chineseDisplay)", en: "expected a value or a name, found \(t.englishDisplay)")
    }
}

extension Diagnostic.Message {
    /// `parse.too-deep`: parentheses, `若`, `非` or a `且`/`或`/arithmetic chain nested past the limit.
    static func expressionTooDeep(_ limit: Int) -> Self {
        Self(zh: "表达式嵌套超过 \(limit) 层（括号、若…则…否则、非，以及 且、或、算术的连写都各算一层）；请拆成几条 定义",
             en: "the expression nests more than \(limit) levels deep (each parenthesis, 若…则…否则, 非, and each link of a 且/或/arithmetic chain counts); split it into several 定义 (definitions)")
    }
}

extension Diagnostic.Message {
    /// `parse.not-rules`: the first word is not `规则`. Quotes nothing of the file.
    static var notARulesFile: Self {
        Self(zh: "这不是规则文件：规则文件应以 规则 \"名称\" 开头（文件内容不予显示）",
             en: "this is not a rules file: a rules file starts with 规则 \"TITLE\" (its contents are not shown)")
    }
}

extension Diagnostic.Message {
    /// `parse.too-many`
    static func moreSyntaxErrors(_ n: Int) -> Self {
        Self(zh: "另有 \(n) 处语法错误未列出", en: "\(n) more syntax errors are not listed")
    }
}
