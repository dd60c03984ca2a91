import NuanSupport
import NuanSyntax
import NuanProgram

/// Says what one deciding test found, in an applicant's words and with the values it used:
/// `扣除刚性支出后人均月收入 5000.00 元，超过 3 倍低保标准 1980.00 元（3020.00 元）`,
/// `享受低保：否`, `人员类别不含 劳动模范`. No construct of the rule language appears, and
/// options are shown by their labels (by their codes in English).
struct TestText {
    let program: CheckedProgram
    let trace: Evaluator.Trace
    let fmt: ValueFormatter
    let english: Bool

    init(program: CheckedProgram, trace: Evaluator.Trace, english: Bool) {
        self.program = program
        self.trace = trace
        self.english = english
        self.fmt = ValueFormatter(program: program, english: english)
    }

    func t(_ m: Message) -> String { m.text(english: english) }

    func value(_ n: Int32) -> Value? {
        guard n >= 0, Int(n) < trace.values.count else { return nil }
        return trace.values[Int(n)]
    }

    func describe(_ test: DecidingTest) -> String {
        let node = program.nodes[Int(test.node)]
        let holds = test.holds
        switch node.op {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
            if let s = comparison(node, holds: holds) { return s }
        case .field where node.type == .bool:
            return ReasonText.flag(name(test.node), holds, in: english)
        case .inSet, .notInSet:
            guard let v = value(node.a) else { break }
            let shown = fmt.format(v, type: program.nodes[Int(node.a)].type)
            let inside = (node.op == .inSet) == holds
            return inside ? ReasonText.isValue(name(node.a), shown, in: english) : ReasonText.notAmong(name(node.a), shown, items(node.b), in: english)
        case .containsAny:
            guard case .set(let have)? = value(node.a), case .set(let wanted)? = value(node.b) else { break }
            return holds ? ReasonText.includes(name(node.a), items(have & wanted, node.a), in: english)
                         : ReasonText.includesNoneOf(name(node.a), items(have, node.a), items(node.b), in: english)
        case .containsAll:
            guard case .set(let have)? = value(node.a), case .set(let wanted)? = value(node.b) else { break }
            return holds ? ReasonText.includes(name(node.a), items(wanted, node.a), in: english)
                         : ReasonText.lacks(name(node.a), items(wanted & ~have, node.a), in: english)
        case .isEmpty:
            guard let v = value(node.a) else { break }
            return holds ? ReasonText.empty(name(node.a), in: english) : ReasonText.isValue(name(node.a), fmt.format(v, type: program.nodes[Int(node.a)].type), in: english)
        default: break
        }
        return ReasonText.other(program.nodeRanges[Int(test.node)].text, holds: holds, in: english)
    }

    /// The name an applicant knows a value by: a field's label, a definition's name, else the
    /// expression as the rules file writes it.
    func name(_ n: Int32) -> String {
        let node = program.nodes[Int(n)]
        switch node.op {
        case .field: return english ? program.fields[Int(node.a)].key : program.fields[Int(node.a)].display
        case .definition: return program.definitions[Int(node.a)].name
        case .parameter: return program.parameters[Int(node.a)].name
        default: return program.nodeRanges[Int(n)].text
        }
    }

    func items(_ mask: UInt64, _ listNode: Int32) -> String {
        guard case .list(let en) = program.nodes[Int(listNode)].type, en >= 0 else { return String(mask) }
        let e = program.enums[en]
        let names = e.codes.indices.filter { mask & (1 << UInt64($0)) != 0 }.map { english ? e.codes[$0] : e.display($0) }
        return names.isEmpty ? t(ReasonText.none) : names.joined(separator: t(ReasonText.listSeparator))
    }

    /// A set or list written in the rules, by its options' labels.
    func items(_ n: Int32) -> String {
        guard let v = value(n) else { return program.nodeRanges[Int(n)].text }
        let type = program.nodes[Int(n)].type
        switch (v, type) {
        case (.set(let mask), .list):
            return items(mask, n)
        default:
            var s = fmt.format(v, type: type)
            if s.hasPrefix("["), s.hasSuffix("]") { s = String(s.dropFirst().dropLast()) }
            return s
        }
    }

    func comparison(_ node: CheckedProgram.Node, holds: Bool) -> String? {
        let type = program.nodes[Int(node.a)].type
        guard let lv = value(node.a), let rv = value(node.b) else { return nil }
        guard type.isNumeric, case .number(let l) = lv, case .number(let r) = rv else {
            // An option compared with an option: `建档类型为 深度困难，不是 未建档`.
            let shown = fmt.format(lv, type: type)
            let wanted = fmt.format(rv, type: program.nodes[Int(node.b)].type)
            let same = (node.op == .equal) == holds
            if node.op == .equal || node.op == .notEqual {
                return same || node.op == .notEqual ? ReasonText.isValue(name(node.a), shown, in: english) : ReasonText.isNotValue(name(node.a), shown, wanted, in: english)
            }
            return nil
        }
        let unit = type == .money ? t(ReasonText.yuan) : ""
        let f: (Rational) -> String = { (type == .money ? $0.formatted(places: 2) : $0.description) + unit }
        let rhs = line(node.b, shown: f(r))
        guard l.numerator != Int64.min, r.numerator != Int64.min, let diff = l > r ? l.subtracting(r) : r.subtracting(l) else {
            return ReasonText.other(program.nodeRanges[Int(node.a)].text + " " + f(l), holds: holds, in: english)
        }
        let leftName = name(node.a)
        switch node.op {
        case .equal, .notEqual:
            return ReasonText.equalNumber(leftName, f(l), holds: l == r, f(r), in: english)
        default:
            if l == r { return ReasonText.exactly(leftName, f(l), rhs, holds: holds, ceiling: node.op == .less || node.op == .lessEqual, in: english) }
            let ceiling = node.op == .less || node.op == .lessEqual
            if l > r { return ceiling ? ReasonText.over(leftName, f(l), rhs, by: f(diff), in: english) : ReasonText.above(leftName, f(l), rhs, in: english) }
            return ceiling ? ReasonText.below(leftName, f(l), rhs, in: english) : ReasonText.under(leftName, f(l), rhs, by: f(diff), in: english)
        }
    }

    /// The line a value was compared with, and its value: `3 倍低保标准 1980.00 元`,
    /// `低保标准 660.00 元`, or just `1000.00 元` for a figure written in the rule.
    func line(_ n: Int32, shown: String) -> String {
        let node = program.nodes[Int(n)]
        switch node.op {
        case .constant: return shown
        case .multiply:
            // `低保标准 × 3` reads `3 倍低保标准`.
            for (k, other) in [(node.b, node.a), (node.a, node.b)] {
                let kn = program.nodes[Int(k)]
                if kn.type == .number, case .number(let factor)? = value(k) {
                    return ReasonText.times(factor.description, name(other), in: english) + " " + shown
                }
            }
            return name(n) + " " + shown
        default: return name(n) + " " + shown
        }
    }
}
