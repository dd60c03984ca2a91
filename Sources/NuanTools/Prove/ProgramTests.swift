import NuanSupport
import NuanSyntax
import NuanProgram
/// What the decision-making part of a program (benefits, recipient groups, categories,
/// validity rules — not the priority score, which no property reads) tests each choice and
/// list field against, and which fields each comparison reads: the raw material of the
/// partition's representative values.
struct ProgramTests {
    /// Per field slot: the option masks it is tested against (`= a`, `属于 [..]`, `含任一 [..]`,
    /// `含全部 [..]`, `为空`), with the test's kind.
    var masks: [Int: [(op: CheckedProgram.Node.Op, mask: UInt64)]] = [:]
    /// Fields used in some other way (compared with another field, passed to a function):
    /// their options cannot be grouped.
    var opaque: Set<Int> = []
    /// Per comparison node reached: the fields it reads.
    var comparisonReads: [[Int]] = []

    init(_ p: CheckedProgram) {
        var seen = Array(repeating: false, count: p.nodes.count)
        var readsMemo: [Int: Set<Int>] = [:]
        var stack: [Int32] = []
        for b in p.benefits {
            if let c = b.condition { stack.append(c) }
            if let r = b.recipient { stack.append(p.groups[r].root) }
            for e in b.exceptions {
                stack.append(e.condition)
                if case .fixed(let n) = e.amount { stack.append(n) }
            }
            if case .fixed(let n) = b.amount { stack.append(n) }
        }
        for g in p.groups { stack.append(g.root) }
        for c in p.categories { stack.append(c.root) }
        for v in p.validityRules { stack.append(v.root) }

        func children(_ n: CheckedProgram.Node) -> [Int32] {
            switch n.op {
            case .constant, .field, .given, .parameter: return []
            case .definition: return [p.definitions[Int(n.a)].root]
            case .group: return [p.groups[Int(n.a)].root]
            case .category: return p.categories.map(\.root)
            case .min, .max: return (0..<Int(n.b)).map { p.arguments[Int(n.a) + $0] }
            default: return [n.a, n.b, n.c].filter { $0 >= 0 }
            }
        }
        func reads(_ i: Int32) -> Set<Int> {
            if let r = readsMemo[Int(i)] { return r }
            readsMemo[Int(i)] = []
            let n = p.nodes[Int(i)]
            var s: Set<Int> = []
            switch n.op {
            case .field, .given: s.insert(Int(n.a))
            case .parameter: if let k = p.parameters[Int(n.a)].keyField { s.insert(k) }
            default: for c in children(n) { s.formUnion(reads(c)) }
            }
            readsMemo[Int(i)] = s
            return s
        }
        func constantMask(_ i: Int32) -> UInt64? {
            guard i >= 0, p.nodes[Int(i)].op == .constant else { return nil }
            switch p.constants[Int(p.nodes[Int(i)].a)] {
            case .set(let m): return m
            case .choice(let c): return 1 << UInt64(c)
            default: return nil
            }
        }
        func fieldOf(_ i: Int32) -> Int? {
            guard i >= 0, p.nodes[Int(i)].op == .field else { return nil }
            let slot = Int(p.nodes[Int(i)].a)
            switch p.fields[slot].type {
            case .choice, .list: return slot
            default: return nil
            }
        }
        let tests: Set<CheckedProgram.Node.Op> = [.inSet, .notInSet, .containsAll, .containsAny, .isEmpty, .equal, .notEqual]
        let comparisons: Set<CheckedProgram.Node.Op> = [.less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual]
        while let top = stack.popLast() {
            let i = Int(top)
            guard i >= 0, i < p.nodes.count, !seen[i] else { continue }
            seen[i] = true
            let n = p.nodes[i]
            var handled: Set<Int32> = []
            if tests.contains(n.op) {
                if n.op == .isEmpty, let f = fieldOf(n.a) {
                    masks[f, default: []].append((n.op, 0))
                    handled.insert(n.a)
                } else if let f = fieldOf(n.a), let m = constantMask(n.b) {
                    masks[f, default: []].append((n.op, m))
                    handled.insert(n.a)
                } else if let f = fieldOf(n.b), let m = constantMask(n.a) {
                    masks[f, default: []].append((n.op, m))
                    handled.insert(n.b)
                }
            }
            if comparisons.contains(n.op) { comparisonReads.append(Array(reads(top)).sorted()) }
            for c in children(n) {
                if !handled.contains(c), let f = fieldOf(c) { opaque.insert(f) }
                stack.append(c)
            }
        }
    }
}
