import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools

/// The interactive screen: asks, in rule order, every input whose answer could still change
/// the decision (`Relevance` decides which), defaults included — offering the default, which
/// an empty answer takes — checks each answer, and stops as soon as no open input matters.
struct Interview {
    var program: CheckedProgram
    var sets: [(name: String, value: String)]
    var pairs: [(String, RawValue)]
    let io: IO
    let english: Bool

    func t(_ zh: String, _ en: String) -> String { english ? en : zh }

    mutating func run(explain: ExplainLevel) -> (Decision, CheckedProgram) {
        var asked: Set<Int> = []
        var askedParameters: Set<String> = []
        func decide() -> Decision { Nuan.screen(program, pairs: pairs, explain: explain, recourse: true, language: english ? .english : .chinese) }
        // Required fields (申请编号, 姓名) first: without them the record cannot be decided at all.
        for (slot, f) in program.fields.enumerated() where f.required && !given(slot) {
            asked.insert(slot)
            if !ask(slot) { return endOfInput(decide) }
        }
        var relevance = Relevance(program: program)
        while true {
            if let next = relevance.nextQuestion(pairs: pairs, asked: asked) {
                asked.insert(next)
                if !ask(next) { return endOfInput(decide) }
                continue
            }
            // No field can change the outcome any more; a parameter the office has to set may.
            let d = Nuan.screen(program, pairs: pairs, explain: .none, language: english ? .english : .chinese)
            if d.status == .undetermined, let name = d.missing.first(where: { program.fieldIndex(named: $0) == nil && !askedParameters.contains($0) }) {
                askedParameters.insert(name)
                // why the figure is missing, when the record's key has no row in its table
                for w in d.warnings where w.code == "no_table_row" { io.err("  ! " + Disclosure.masked.line(w.message) + "\n") }
                if !askParameter(name) { return endOfInput(decide) }
                relevance = Relevance(program: program)
                continue
            }
            if d.status != .undetermined { io.err(t("已可判定，不再询问。\n", "Settled; no more questions.\n")) }
            return (decide(), program)
        }
    }

    func given(_ slot: Int) -> Bool {
        let f = program.fields[slot]
        return pairs.contains { ($0.0 == f.key || $0.0 == f.label) && $0.1 != .null }
    }

    func endOfInput(_ decide: () -> Decision) -> (Decision, CheckedProgram) {
        io.err(t("输入结束，按现有信息判定。\n", "End of input; deciding on what is known.\n"))
        return (decide(), program)
    }

    /// Asks for one field until the answer is valid. An empty answer leaves the field not
    /// given (its default, or unknown) — except for a required field. False at end of input.
    mutating func ask(_ slot: Int) -> Bool {
        let codec = RecordCodec(program: program)
        let f = program.fields[slot]
        while true {
            io.err(prompt(f))
            guard let line = io.readLine() else { return false }
            let answer = line.trimmingCharacters(in: " \t\r\u{3000}")
            if answer.isEmpty {
                if f.required {
                    io.err(t("  必填，请输入一个值（Ctrl-D 结束）。\n", "  Required; please give a value (Ctrl-D to stop).\n"))
                    continue
                }
                return true
            }
            var raw = RawValue.string(answer)
            // The English prompt offers yes/no.
            if f.type == .bool, ["yes", "y", "no", "n"].contains(answer.lowercased()) { raw = .bool(answer.lowercased().hasPrefix("y")) }
            if case .list = f.type, answer == "无" || answer == "none" { raw = .array([]) }
            if case .choice(let en) = f.type, let k = Int(answer), k >= 1, k <= program.enums[en].codes.count {
                raw = .string(program.enums[en].codes[k - 1])
            }
            if case .list(let en) = f.type {
                let parts = answer.split(whereSeparator: { " ,，、;；".contains($0) }).map(String.init)
                let codes = parts.map { p -> String in
                    if let k = Int(p), k >= 1, k <= program.enums[en].codes.count { return program.enums[en].codes[k - 1] }
                    return p
                }
                if raw != .array([]) { raw = .array(codes.map { .string($0) }) }
            }
            var facts = Facts(program: program)
            if let e = codec.assign(raw, to: slot, into: &facts) {
                io.err("  ✗ " + e.reason + t("，请重新输入。\n", "; please try again.\n"))
                continue
            }
            // A key no row of a closed (封闭) table has would make the record invalid: ask again.
            if let miss = codec.closedTableMisses(facts).first {
                io.err(t("  ✗ 不在封闭的表 \(miss.table) 中（表中有：\(miss.rows.joined(separator: "、"))），请重新输入。\n",
                         "  ✗ not in the closed table \(miss.table) (its rows: \(miss.rows.joined(separator: ", "))); please try again.\n"))
                continue
            }
            pairs.append((f.key, raw))
            return true
        }
    }

    /// A parameter the office has to set (待定): the answer becomes a --set. False at end of input.
    mutating func askParameter(_ name: String) -> Bool {
        while true {
            io.err(t("请输入 \(name)（规则未规定，由经办单位设定；不知道可直接回车）：",
                     "Enter \(name) (not fixed by the rules; set by the office; empty if unknown): "))
            guard let line = io.readLine() else { return false }
            let answer = line.trimmingCharacters(in: " \t\r\u{3000}")
            if answer.isEmpty { return true }
            guard Rational.parse(answer) != nil else {
                io.err(t("  ✗ 应为数值，请重新输入。\n", "  ✗ must be a number; please try again.\n"))
                continue
            }
            let (p, diags) = Nuan.compile(path: program.sources[0].path, overrides: sets + [(name, answer)])
            guard let p else { io.err(DiagnosticRenderer.render(diags, english: english)); return false }
            sets.append((name, answer))
            program = p
            return true
        }
    }

    func prompt(_ f: CheckedProgram.Field) -> String {
        var hint: String
        switch f.type {
        case .money: hint = t("金额，元", "yuan")
        case .number: hint = f.base == .integer ? t("整数", "whole number") : t("数", "number")
        case .bool: hint = t("是/否", "yes/no")
        case .date: hint = "YYYY-MM-DD"
        case .choice(let en), .list(let en):
            let e = program.enums[en]
            hint = e.codes.indices.map { "\($0 + 1) \(english ? e.codes[$0] : e.display($0))" }.joined(separator: "，")
            if case .list = f.type { hint += t("；可多选，用、分隔；没有请输入 无", "; several separated by commas; none: none") }
        default: hint = t("文本", "text")
        }
        if let d = f.defaultValue { hint += t("，默认 ", ", default ") + shown(d, f) }
        return "\(english ? f.key : f.display)（\(hint)）："
    }

    /// A default as the caseworker would type it.
    func shown(_ v: Value, _ f: CheckedProgram.Field) -> String {
        if case .set(0) = v { return t("无", "none") }
        if case .number(let r) = v { return r.description }
        return ValueFormatter(program: program, english: english).format(v, type: f.type)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s.removeFirst() }
        while let c = s.last, set.contains(c) { s.removeLast() }
        return String(s)
    }
}
