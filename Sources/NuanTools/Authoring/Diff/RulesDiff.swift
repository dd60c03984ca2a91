import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// `nuan diff`: what changed between two rules files, by meaning, in a policy officer's words.
///
/// Both files are loaded, merged with everything they extend and checked; the two checked
/// programs are then compared item by item, each item found by its name (a parameter, a table
/// row by its region and start date, a benefit, a fund…), never by its position. Conditions are
/// compared in their canonical printed form (`NodePrinter`), so reordering declarations, layout,
/// comments, keyword aliases, a field's key for its label, or the order of the operands of
/// 且 / 或 and of list items show no difference.
public struct RulesChange: Sendable, Equatable {
    /// A stable code such as `parameter.value` or `benefit.condition`, for scripts.
    public var code: String
    /// What changed, as a policy officer names it: `参数 低保标准［哈尔滨市，自 2021-10-20］`.
    public var subject: String
    /// One sentence saying what changed.
    public var summary: String
    public var old: String?
    public var new: String?
    /// Rules that refer to the changed item directly (for parameters, definitions, groups, funds).
    public var usedBy: [String] = []
    /// Categories and benefits the change reaches through definitions and groups.
    public var affects: [String] = []
}

public enum RulesDiff {
    public static func compare(_ old: CheckedProgram, _ new: CheckedProgram) -> [RulesChange] {
        var d = ProgramDiff(old: old, new: new)
        d.header()
        d.fields()
        d.parameters()
        d.definitions()
        d.groups()
        d.funds()
        d.categories()
        d.benefits()
        d.validityRules()
        d.score()
        return d.changes
    }
}

struct ProgramDiff {
    let old: CheckedProgram
    let new: CheckedProgram
    let oldText: NodePrinter
    let newText: NodePrinter
    let oldKey: NodePrinter
    let newKey: NodePrinter
    var changes: [RulesChange] = []

    init(old: CheckedProgram, new: CheckedProgram) {
        self.old = old
        self.new = new
        oldText = NodePrinter(program: old)
        newText = NodePrinter(program: new)
        oldKey = NodePrinter(program: old, sortOperands: true)
        newKey = NodePrinter(program: new, sortOperands: true)
    }

    mutating func add(_ code: String, _ subject: String, _ summary: String, old o: String? = nil, new n: String? = nil,
                      usedBy: [String] = [], affects: [String] = []) {
        changes.append(RulesChange(code: code, subject: subject, summary: summary, old: o, new: n, usedBy: usedBy, affects: affects))
    }

    /// `旧 → 新` for an optional text, with `（无）` for none.
    static func show(_ s: String?) -> String { s ?? "（无）" }

    mutating func compareText(_ code: String, _ subject: String, _ what: String, _ a: String?, _ b: String?) {
        guard a != b else { return }
        let owner = subject == ProgramDiff.fileSubject ? subject : subject + " "
        add(code, subject, "\(owner)的\(what)：\(ProgramDiff.show(a)) → \(ProgramDiff.show(b))", old: a, new: b)
    }

    mutating func citation(_ subject: String, _ a: String?, _ b: String?) {
        compareText("citation", subject, "依据", a, b)
    }

    // MARK: Header

    static let fileSubject = "规则文件"

    mutating func header() {
        let s = ProgramDiff.fileSubject
        compareText("header.title", s, "名称（规则）", old.title, new.title)
        compareText("header.version", s, "版本", old.version, new.version)
        compareText("header.jurisdiction", s, "辖区", old.jurisdiction, new.jurisdiction)
        compareText("header.year", s, "年度", old.year.map(String.init), new.year.map(String.init))
        func period(_ p: CheckedProgram) -> String? {
            guard p.inForceFrom != nil || p.inForceTo != nil else { return nil }
            return (p.inForceFrom.map(CivilDate.format) ?? "…") + " 至 " + (p.inForceTo.map(CivilDate.format) ?? "…")
        }
        compareText("header.in-force", s, "生效期间", period(old), period(new))
        compareText("header.notice", s, "通知", old.notice, new.notice)
        func regions(_ p: CheckedProgram) -> String? { p.regionNames.isEmpty ? nil : "[" + p.regionNames.joined(separator: ", ") + "]" }
        compareText("header.regions", s, "辖区地区", regions(old), regions(new))
        compareText("header.stat-table", s, "统计表", old.statTable, new.statTable)
    }

    // MARK: Fields

    static func typeText(_ p: CheckedProgram, _ f: CheckedProgram.Field) -> String {
        switch f.type {
        case .choice(let en), .list(let en):
            let e = p.enums[en]
            let options = e.codes.indices.map { i in e.labels[i].map { "\(e.codes[i]) \($0)" } ?? e.codes[i] }
            return (f.base == .choice ? "选项" : "多选") + " { " + options.joined(separator: ", ") + " }"
        default:
            return f.base.words[0]
        }
    }

    mutating func fields() {
        for f in old.fields where new.fields.first(where: { $0.key == f.key }) == nil {
            add("field.removed", "字段 \(f.display)", "删除了字段 \(f.display)（\(f.key)）")
        }
        for f in new.fields {
            let s = "字段 \(f.display)"
            guard let o = old.fields.first(where: { $0.key == f.key }) else {
                add("field.added", s, "新增字段 \(f.display)（\(f.key)）：\(ProgramDiff.typeText(new, f))")
                continue
            }
            compareText("field.label", s, "中文名", o.label, f.label)
            compareText("field.type", s, "类型", ProgramDiff.typeText(old, o), ProgramDiff.typeText(new, f))
            let fmtOld = ValueFormatter(program: old), fmtNew = ValueFormatter(program: new)
            compareText("field.default", s, "默认值", o.defaultValue.map { fmtOld.format($0, type: o.type) }, f.defaultValue.map { fmtNew.format($0, type: f.type) })
            compareText("field.at-least", s, "下限（至少）", o.atLeast?.description, f.atLeast?.description)
            compareText("field.at-most", s, "上限（至多）", o.atMost?.description, f.atMost?.description)
            if o.required != f.required { add("field.required", s, f.required ? "\(s) 改为必填" : "\(s) 不再必填") }
        }
    }
}
