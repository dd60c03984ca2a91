import NuanSupport
/// The syntax tree of one rules file: a header and declarations, in source order, every node
/// with its range. Nothing here is resolved or typed; that is the checker's job.
public struct RulesFile: Sendable {
    public var file: SourceFile
    public var header: Header
    public var declarations: [Declaration]
    public var comments: [Comment]
    /// False when the text does not start with `规则`: nothing of it was parsed or is quoted.
    public var isRulesFile: Bool = true
}

/// A quoted citation of the notice clause a rule comes from (`依据 "蚌埠2022通知 二（三）"`).
public struct Citation: Sendable, Equatable {
    public var text: String
    public var range: SourceRange
}

public struct Header: Sendable {
    public var title: String = ""
    public var titleRange: SourceRange = .synthetic
    public var version: String?
    public var jurisdiction: String?
    public var year: Int?
    public var inForceFrom: Int32?
    public var inForceTo: Int32?
    public var notice: String?
    public var extends: [(path: String, range: SourceRange)] = []
    /// `辖区 "…" 地区 [蚌埠市, 340300]`: the divisions the file decides for (names or codes),
    /// nil when the file declares none (then no record is turned away for its region).
    public var regions: [(name: String, range: SourceRange)]?
    /// `统计表 "…"`: the statistics table the notice asks for (titles the batch summary).
    public var statTable: String?
}

public struct Declaration: Sendable {
    public enum Kind: Sendable {
        case field(FieldDecl)
        case parameter(ParameterDecl)
        case definition(DefinitionDecl)
        case fund(FundDecl)
        case group(GroupDecl)
        case category(CategoryDecl)
        case benefitGroup(BenefitGroupDecl)
        case score(ScoreDecl)
        case example(ExampleDecl)
        case validity(ValidityDecl)
        case assertion(AssertionDecl)
    }
    public var kind: Kind
    public var isOverride: Bool
    public var range: SourceRange

    /// The declared name and the kind word used in messages.
    public var name: String {
        switch kind {
        case .field(let d): return d.key
        case .parameter(let d): return d.name
        case .definition(let d): return d.name
        case .fund(let d): return d.code
        case .group(let d): return d.name
        case .category(let d): return d.code
        case .benefitGroup(let d): return d.name
        case .score(let d): return d.name
        case .example(let d): return d.title
        case .validity(let d): return d.name
        case .assertion(let d): return d.name
        }
    }
}

public struct TypeSyntax: Sendable {
    public enum Base: String, Sendable, CaseIterable {
        case integer, number, money, boolean, text, date, choice, list, idNumber, phone

        /// The type's word in the rule language (Chinese spelling first, then the English alias).
        public var words: [String] {
            switch self {
            case .integer: return ["整数", "integer"]
            case .number: return ["数", "number"]
            case .money: return ["金额", "money"]
            case .boolean: return ["是否", "boolean"]
            case .text: return ["文本", "text"]
            case .date: return ["日期", "date"]
            case .choice: return ["选项", "enum"]
            case .list: return ["多选", "list"]
            case .idNumber: return ["身份证号", "id_number"]
            case .phone: return ["电话", "phone"]
            }
        }
    }
    public var base: Base
    public var options: [EnumOption]
    public var range: SourceRange
}

public struct EnumOption: Sendable {
    public var code: String
    public var label: String?
    /// Further spellings a record may use (`national 全国 | "全国工会帮扶工作管理系统"`).
    public var aliases: [String] = []
    public var range: SourceRange
}

public struct FieldDecl: Sendable {
    public var key: String
    public var label: String?
    public var nameRange: SourceRange
    public var type: TypeSyntax
    public var atLeast: Expr?
    public var atMost: Expr?
    public var defaultValue: Expr?
    public var required: Bool
    public var citation: Citation?
    /// `缺失则待定`: a missing value leaves every decision that needs it undetermined (stated).
    public var undeterminedIfMissing: Bool = false
    /// `不作建议`: recourse (差什么才符合) never proposes a change to this field.
    public var notProposable: Bool = false
    /// `覆盖 字段 KEY 默认 V`: only the parent's default changes; `type` is a placeholder.
    public var defaultOnly: Bool = false
}

public struct ParameterRow: Sendable {
    public var keys: [String]
    public var value: Expr?          // nil = 待定
    public var from: Int32?
    public var unconfirmed: Bool
    public var citation: Citation?
    public var range: SourceRange
}

public struct ParameterDecl: Sendable {
    public var name: String
    public var nameRange: SourceRange
    public var unit: Unit?
    /// A single value (nil = 待定) when `keyField` is nil; else the table rows.
    public var value: Expr?
    public var keyField: String?
    public var keyFieldRange: SourceRange?
    public var rows: [ParameterRow]
    public var unconfirmed: Bool
    public var citation: Citation?
    /// `按 字段 封闭`: a record whose key reaches no row is invalid.
    public var closed: Bool = false
}

public struct DefinitionDecl: Sendable {
    public var name: String
    public var nameRange: SourceRange
    public var expr: Expr
    public var citation: Citation?
}

public struct FundDecl: Sendable {
    public var code: String
    public var label: String?
    public var nameRange: SourceRange
    public var mayPay: [(name: String, range: SourceRange)]?
    public var citation: Citation?
}

public struct GroupDecl: Sendable {
    public var name: String
    public var description: String?
    public var nameRange: SourceRange
    public var condition: Expr
    public var citation: Citation?
}

public struct CategoryDecl: Sendable {
    public var code: String
    public var label: String?
    public var nameRange: SourceRange
    public var appliesFrom: Int32?
    public var appliesTo: Int32?
    public var condition: Expr
    public var citation: Citation?
    /// `优先`: a child's category tried before every category of its parents.
    public var beforeParents: Bool = false
}

public enum AmountSyntax: Sendable {
    case fixed(Expr)
    case unset(SourceRange)
    case withhold(SourceRange)
}

public struct ExceptionClause: Sendable {
    public var condition: Expr
    public var amount: AmountSyntax
    public var citation: Citation?
    public var range: SourceRange
}

public struct BenefitDecl: Sendable {
    public var name: String
    public var nameRange: SourceRange
    public var amount: AmountSyntax
    public var recipient: (name: String, range: SourceRange)?
    public var condition: Expr?
    public var funds: [(code: String, range: SourceRange)]
    public var citation: Citation?
    public var exceptions: [ExceptionClause]
    public var range: SourceRange
}

public enum HitPolicy: String, Sendable {
    case all, first, highest, unique
    public var chinese: String {
        switch self {
        case .all: return "全部"
        case .first: return "首个"
        case .highest: return "最高"
        case .unique: return "唯一"
        }
    }
}

/// Benefits under one hit policy. A benefit written outside any group is wrapped in an
/// implicit group of its own (policy `all`, `implicit` true) so `fmt` can print it back bare.
public struct BenefitGroupDecl: Sendable {
    public var name: String
    public var nameRange: SourceRange
    public var policy: HitPolicy
    public var benefits: [BenefitDecl]
    public var implicit: Bool
}

public struct ScorePart: Sendable {
    public var name: String
    public var weight: Expr?
    public var expr: Expr?
    public var condition: Expr?
    public var range: SourceRange
}

public struct ScoreDecl: Sendable {
    public var name: String
    public var nameRange: SourceRange
    public var parts: [ScorePart]
    public var citation: Citation?
}

/// A worked example: an applicant and what the rules must decide for it (`nuan test`).
public struct ExampleDecl: Sendable {
    public struct Input: Sendable {
        public var name: String
        public var value: Expr
        public var range: SourceRange
    }
    public struct ExpectedAward: Sendable {
        public var benefit: String
        public var amount: Expr?   // nil = 待定
        public var fund: String?
        public var range: SourceRange
    }
    public enum Expectation: Sendable {
        case status(String, SourceRange)
        case category(String, SourceRange)
        case total(Expr)
        /// `优先分 = 23.94`: the priority score as decisions show it (two places); `无` for none.
        case score(Expr?, SourceRange)
        case awards([ExpectedAward], SourceRange)
        case missing([(String, SourceRange)], SourceRange)
        /// `警告 [period, unconfirmed]`: the decision's warning codes, in any order.
        case warnings([(String, SourceRange)], SourceRange)
    }
    public var title: String
    public var titleRange: SourceRange
    public var citation: Citation?
    public var inputs: [Input]
    public var expectations: [Expectation]

    package init(title: String, titleRange: SourceRange, citation: Citation?, inputs: [Input], expectations: [Expectation]) {
        self.title = title
        self.titleRange = titleRange
        self.citation = citation
        self.inputs = inputs
        self.expectations = expectations
    }
}

/// A record-validity rule (`无效 建档信息矛盾 当 … 提示 "…" 依据 "…"`): when its condition
/// holds the record contradicts itself and is `invalid`; unknown has no effect.
public struct ValidityDecl: Sendable {
    public var name: String
    public var nameRange: SourceRange
    public var condition: Expr
    public var message: String
    public var citation: Citation?
}

/// A property the file states of its own decisions (`断言 NAME [当 …] 则 CLAIM [依据 "…"]`),
/// checked by `nuan prove` over every cell of the input space and, where it can be decided from
/// the text alone, by `nuan check`. The claims are a few fixed forms that can be checked exactly.
public struct AssertionDecl: Sendable {
    public enum Claim: Sendable {
        /// `合计 至多 2000 元`: the decision's total is at most the amount.
        case totalAtMost(Expr)
        /// `不用资金 [central_aid]`: no award may be paid from these funds.
        case noFund([(code: String, range: SourceRange)])
        /// `有依据`: every benefit and every exception cites the notice (static).
        case cited
        /// `允许类别空档`: not a claim but the file's word that its categories leave a gap where
        /// the condition holds, on purpose; `nuan prove` does not report a gap there.
        case categoryGapAllowed
    }
    public var name: String
    public var nameRange: SourceRange
    /// `当 …`: the records the claim is about (nil = every record).
    public var condition: Expr?
    public var claim: Claim
    public var claimRange: SourceRange
    public var citation: Citation?

    /// The claim's words (Chinese spelling first, then the English alias); not reserved words,
    /// read only right after `则` in an assertion.
    public static let totalWords = ["合计", "total"]
    public static let noFundWords = ["不用资金", "no_fund"]
    public static let citedWords = ["有依据", "cited"]
    public static let gapAllowedWords = ["允许类别空档", "category_gap_allowed"]
}
