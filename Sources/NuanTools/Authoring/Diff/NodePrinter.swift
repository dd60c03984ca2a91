import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// Prints a compiled expression back as rule-language text, in one canonical spelling: names by
/// their Chinese label, keywords in Chinese, lists in option order, minimal parentheses. Two
/// conditions that differ only in layout, comments, aliases (`and`/`且`, a key or its label) or
/// the order of list items print the same — which is what `nuan diff` and the lints compare.
package struct NodePrinter {
    let program: CheckedProgram
    /// Also sorts the operands of a 且 / 或 chain (they commute), for comparison only.
    var sortOperands = false

    package init(program: CheckedProgram, sortOperands: Bool = false) {
        self.program = program
        self.sortOperands = sortOperands
    }

    typealias Op = CheckedProgram.Node.Op

    package func text(_ n: Int32) -> String { text(n, context: 0) }

    /// Binding strength of a node, loosest first (matches the parser's precedence).
    static func precedence(_ op: Op) -> Int {
        switch op {
        case .conditional: return 0
        case .or: return 1
        case .and: return 2
        case .not: return 3
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual, .inSet, .notInSet, .containsAll, .containsAny, .isEmpty:
            return 4
        case .add, .subtract: return 5
        case .multiply, .divide: return 6
        case .negate: return 7
        default: return 9
        }
    }

    private func text(_ n: Int32, context: Int) -> String {
        let node = program.nodes[Int(n)]
        let p = NodePrinter.precedence(node.op)
        let body: String
        switch node.op {
        case .constant: body = constant(node)
        case .field: body = program.fields[Int(node.a)].display
        case .parameter: body = program.parameters[Int(node.a)].name
        case .definition: body = program.definitions[Int(node.a)].name
        case .group: body = program.groups[Int(node.a)].name
        case .category: body = "认定类别"
        case .negate: body = "-" + text(node.a, context: 8)
        case .not: body = "非 " + text(node.a, context: 4)
        case .and, .or:
            var parts: [String] = []
            collect(n, node.op, into: &parts, context: p + 1)
            if sortOperands { parts.sort() }
            body = parts.joined(separator: " \(node.op.symbol) ")
        case .add, .subtract, .multiply, .divide:
            body = text(node.a, context: p) + " " + node.op.symbol + " " + text(node.b, context: p + 1)
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual, .inSet, .notInSet, .containsAny:
            body = text(node.a, context: p + 1) + " " + node.op.symbol + " " + text(node.b, context: p + 1)
        case .containsAll:
            let items = listItems(program.nodes[Int(node.b)])
            if items.count == 1 { body = text(node.a, context: p + 1) + " 含 " + items[0] } else {
                body = text(node.a, context: p + 1) + " 含全部 " + text(node.b, context: p + 1)
            }
        case .isEmpty: body = text(node.a, context: p + 1) + " 为空"
        case .given: body = "已填(\(program.fields[Int(node.a)].display))"
        case .min, .max:
            let args = (0..<Int(node.b)).map { text(program.arguments[Int(node.a) + $0], context: 0) }
            body = (node.op == .min ? "最小" : "最大") + "(" + args.joined(separator: ", ") + ")"
        case .known:
            body = "已知(" + text(node.a, context: 0) + ")"
        case .clamp:
            body = "限于(" + [node.a, node.b, node.c].map { text($0, context: 0) }.joined(separator: ", ") + ")"
        case .conditional:
            body = "若 " + text(node.a, context: 1) + " 则 " + text(node.b, context: 1) + " 否则 " + text(node.c, context: 1)
        }
        return p < context ? "(" + body + ")" : body
    }

    /// Operands of a chain of the same 且 / 或, flattened (the operators associate).
    private func collect(_ n: Int32, _ op: Op, into parts: inout [String], context: Int) {
        let node = program.nodes[Int(n)]
        if node.op == op {
            collect(node.a, op, into: &parts, context: context)
            collect(node.b, op, into: &parts, context: context)
        } else {
            parts.append(text(n, context: context))
        }
    }

    func constant(_ node: CheckedProgram.Node) -> String {
        let v = program.constants[Int(node.a)]
        switch v {
        case .number(let r): return node.type == .money ? "\(r) 元" : r.description
        case .text(let s):
            if node.type == .list(-1) { return "[" + listItems(node).joined(separator: ", ") + "]" }
            return "\"\(s)\""
        case .bool(let b): return b ? "是" : "否"
        case .date(let d): return CivilDate.format(d)
        case .choice(let c):
            if case .choice(let en) = node.type, en >= 0 { return program.enums[en].display(Int(c)) }
            return String(c)
        case .set: return "[" + listItems(node).joined(separator: ", ") + "]"
        case .unknown, .failure: return "?"
        }
    }

    /// The items of a list constant, printed, in option order (enum lists) or sorted (text lists).
    func listItems(_ node: CheckedProgram.Node) -> [String] {
        guard node.op == .constant else { return [] }
        switch program.constants[Int(node.a)] {
        case .set(let mask):
            guard case .list(let en) = node.type, en >= 0 else { return [] }
            let e = program.enums[en]
            return e.codes.indices.filter { mask & (1 << UInt64($0)) != 0 }.map { e.display($0) }
        case .text(let s) where node.type == .list(-1):
            return s.split(separator: "\u{1F}", omittingEmptySubsequences: false).map { "\"\($0)\"" }.sorted()
        default: return []
        }
    }
}
