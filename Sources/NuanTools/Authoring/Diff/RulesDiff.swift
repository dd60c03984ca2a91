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
    /// The changes, their subjects and sentences in Chinese, or in English when `english`.
    public static func compare(_ old: CheckedProgram, _ new: CheckedProgram, english: Bool = false) -> [RulesChange] {
        var d = ProgramDiff(old: old, new: new, english: english)
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
        d.assertions()
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
    let english: Bool
    var changes: [RulesChange] = []

    typealias M = Message.Diff

    init(old: CheckedProgram, new: CheckedProgram, english: Bool = false) {
        self.old = old
        self.new = new
        self.english = english
        oldText = NodePrinter(program: old)
        newText = NodePrinter(program: new)
        oldKey = NodePrinter(program: old, sortOperands: true)
        newKey = NodePrinter(program: new, sortOperands: true)
    }

    mutating func add(_ code: String, _ subject: Message, _ summary: Message, old o: String? = nil, new n: String? = nil,
                      usedBy: [Message] = [], affects: [Message] = []) {
        changes.append(RulesChange(code: code, subject: text(subject), summary: text(summary), old: o, new: n,
                                   usedBy: usedBy.map(text), affects: affects.map(text)))
    }

    /// A message in the language of this diff.
    func text(_ m: Message) -> String { m.text(english: english) }

    /// `旧 → 新` for an optional text, with `（无）` for none.
    func show(_ s: String?) -> String { s ?? text(M.none) }

    mutating func compareText(_ code: String, _ subject: Message, _ what: Message, _ a: String?, _ b: String?) {
        guard a != b else { return }
        add(code, subject, M.changed(subject, what, show(a), show(b), isFile: subject == M.file), old: a, new: b)
    }

    /// Compares two values that are themselves user text (a benefit's group).
    mutating func compareText(_ code: String, _ subject: Message, _ what: Message, _ a: Message, _ b: Message) {
        compareText(code, subject, what, text(a), text(b))
    }

    mutating func citation(_ subject: Message, _ a: String?, _ b: String?) {
        compareText("citation", subject, M.citation, a, b)
    }

    // MARK: Header

    mutating func header() {
        let s = M.file
        compareText("header.title", s, M.title, old.title, new.title)
        compareText("header.version", s, M.version, old.version, new.version)
        compareText("header.jurisdiction", s, M.jurisdiction, old.jurisdiction, new.jurisdiction)
        compareText("header.year", s, M.year, old.year.map(String.init), new.year.map(String.init))
        func period(_ p: CheckedProgram) -> String? {
            guard p.inForceFrom != nil || p.inForceTo != nil else { return nil }
            return (p.inForceFrom.map(CivilDate.format) ?? "…") + " 至 " + (p.inForceTo.map(CivilDate.format) ?? "…")
        }
        compareText("header.in-force", s, M.inForce, period(old), period(new))
        compareText("header.notice", s, M.notice, old.notice, new.notice)
        func regions(_ p: CheckedProgram) -> String? { p.regionNames.isEmpty ? nil : "[" + p.regionNames.joined(separator: ", ") + "]" }
        compareText("header.regions", s, M.regions, regions(old), regions(new))
        compareText("header.stat-table", s, M.statTable, old.statTable, new.statTable)
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
            add("field.removed", M.field(f.display), M.removed(M.field(f.display), f.key))
        }
        for f in new.fields {
            let s = M.field(f.display)
            guard let o = old.fields.first(where: { $0.key == f.key }) else {
                add("field.added", s, M.addedField(s, key: f.key, type: ProgramDiff.typeText(new, f)))
                continue
            }
            compareText("field.label", s, M.label, o.label, f.label)
            compareText("field.type", s, M.type, ProgramDiff.typeText(old, o), ProgramDiff.typeText(new, f))
            let fmtOld = ValueFormatter(program: old), fmtNew = ValueFormatter(program: new)
            compareText("field.default", s, M.defaultValue, o.defaultValue.map { fmtOld.format($0, type: o.type) }, f.defaultValue.map { fmtNew.format($0, type: f.type) })
            compareText("field.at-least", s, M.atLeast, o.atLeast?.description, f.atLeast?.description)
            compareText("field.at-most", s, M.atMost, o.atMost?.description, f.atMost?.description)
            if o.required != f.required { add("field.required", s, M.required(s, f.required)) }
        }
    }
}
