import NuanSupport
/// The reserved words of the rule language. Each has a Chinese spelling (used by the shipped
/// files) and an English alias; both lex to the same keyword.
public enum Keyword: String, CaseIterable, Sendable {
    // header
    case rules, version, jurisdiction, year, inForce, to, notice, extends, regions, statTable
    // declarations
    case field, parameter, define, fund, group, category, benefitGroup, benefit, score, example, override, validity, assertion
    // clauses
    case when, source, unless, then, hit, all, first, highest, unique, by, from, unset, unconfirmed
    case mayPay, weight, defaultValue, atLeast, atMost, required, applies, withhold
    case input, expect, message
    // field policies, closed tables, category order (issue 16)
    case undeterminedIfMissing, closed, beforeParents
    // a field recourse never proposes to change (issue 11)
    case notProposable
    // expressions
    case and, or, not, `in`, notIn, contains, containsAny, containsAll, isEmpty, `if`, `else`, yes, no, given
    // units
    case yuan, times, month, person, household

    /// Chinese spelling first, then English alias(es).
    public var spellings: [String] {
        switch self {
        case .rules: return ["规则", "rules"]
        case .version: return ["版本", "version"]
        case .jurisdiction: return ["辖区", "jurisdiction"]
        case .year: return ["年度", "year"]
        case .inForce: return ["生效", "in_force"]
        case .to: return ["至", "to"]
        case .notice: return ["通知", "notice"]
        case .extends: return ["继承", "extends"]
        case .regions: return ["地区", "regions"]
        case .statTable: return ["统计表", "stat_table"]
        case .validity: return ["无效", "invalid_when"]
        case .assertion: return ["断言", "assert"]
        case .message: return ["提示", "message"]
        case .field: return ["字段", "field"]
        case .parameter: return ["参数", "parameter"]
        case .define: return ["定义", "define"]
        case .fund: return ["资金", "fund"]
        case .group: return ["对象", "group"]
        case .category: return ["类别", "category"]
        case .benefitGroup: return ["福利组", "benefit_group"]
        case .benefit: return ["福利", "benefit"]
        case .score: return ["评分", "score"]
        case .example: return ["例子", "example"]
        case .override: return ["覆盖", "override"]
        case .when: return ["当", "when"]
        case .source: return ["依据", "source"]
        case .unless: return ["除非", "unless"]
        case .then: return ["则", "then"]
        case .hit: return ["命中", "hit"]
        case .all: return ["全部", "all"]
        case .first: return ["首个", "first"]
        case .highest: return ["最高", "highest"]
        case .unique: return ["唯一", "unique"]
        case .by: return ["按", "by"]
        case .from: return ["自", "from"]
        case .unset: return ["待定", "unset"]
        case .unconfirmed: return ["未确认", "unconfirmed"]
        case .mayPay: return ["可支付", "may_pay"]
        case .weight: return ["权重", "weight"]
        case .defaultValue: return ["默认", "default"]
        case .atLeast: return ["至少", "at_least"]
        case .atMost: return ["至多", "at_most"]
        case .required: return ["必填", "required"]
        case .applies: return ["适用", "applies"]
        case .withhold: return ["不发", "withhold"]
        case .undeterminedIfMissing: return ["缺失则待定", "undetermined_if_missing"]
        case .closed: return ["封闭", "closed"]
        case .beforeParents: return ["优先", "before_parents"]
        case .notProposable: return ["不作建议", "not_proposable"]
        case .input: return ["输入", "input"]
        case .expect: return ["期望", "expect"]
        case .and: return ["且", "and"]
        case .or: return ["或", "or"]
        case .not: return ["非", "not"]
        case .in: return ["属于", "in"]
        case .notIn: return ["不属于", "not_in"]
        case .contains: return ["含", "contains"]
        case .containsAny: return ["含任一", "contains_any"]
        case .containsAll: return ["含全部", "contains_all"]
        case .isEmpty: return ["为空", "is_empty"]
        case .if: return ["若", "if"]
        case .else: return ["否则", "else"]
        case .yes: return ["是", "true"]
        case .no: return ["否", "false"]
        case .given: return ["已填", "given"]
        case .yuan: return ["元", "yuan"]
        case .times: return ["倍", "times"]
        case .month: return ["月", "month"]
        case .person: return ["人", "person"]
        case .household: return ["户", "household"]
        }
    }

    public var chinese: String { spellings[0] }

    static let table: [String: Keyword] = {
        var t: [String: Keyword] = [:]
        for k in Keyword.allCases { for s in k.spellings { t[s] = k } }
        return t
    }()

    public static func lookup(_ word: String) -> Keyword? { table[word] }

    /// Keywords that start a top-level declaration; an expression or clause list ends at one.
    public var startsDeclaration: Bool {
        switch self {
        case .field, .parameter, .define, .fund, .group, .category, .benefitGroup, .benefit, .score, .example, .override, .validity, .assertion,
             .version, .jurisdiction, .year, .inForce, .notice, .extends, .statTable:
            return true
        default: return false
        }
    }

    /// `建档类型属于` → `建档类型 属于`: Chinese writers often leave out the spaces around a
    /// keyword, which makes one long unknown name. Returns the spaced reading, if there is one.
    public static func splitHint(_ n: String) -> String? {
        let chars = Array(n)
        // Only words a person typed: a keyword is at most a few characters, so look for one
        // at most 8 long (the search would otherwise be cubic in the word's length).
        guard chars.count > 1, chars.count <= 64 else { return nil }
        for i in 1..<chars.count {
            for j in stride(from: min(chars.count, i + 8), to: i, by: -1) {
                let w = String(chars[i..<j])
                if let k = lookup(w), k.chinese == w, w.unicodeScalars.first!.value > 127 {
                    return String(chars[..<i]) + " " + w + (j < chars.count ? " " + String(chars[j...]) : "")
                }
            }
        }
        return nil
    }
}
