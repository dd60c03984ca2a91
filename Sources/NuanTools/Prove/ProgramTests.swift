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
    /// Per node: whether it is reached from the roots.
    var reached: [Bool] = []

    /// The tests of the whole program (every part).
    init(_ p: CheckedProgram) { self.init(p, roots: ProgramTests.roots(p, nil)) }

    /// The expression roots of one part: a benefit group's benefits (recipients, conditions,
    /// exceptions, amounts) and the groups its funds may pay, the categories, or the validity
    /// rules; nil = all of them.
    static func roots(_ p: CheckedProgram, _ part: Partition.Part?) -> [Int32] {
        var stack: [Int32] = []
        var start = 0
        for (gi, g) in p.benefitGroups.enumerated() {
            defer { start += g.benefits.count }
            if let part, !part.follows(group: gi, p) { continue }
            for b in g.benefits {
                if let c = b.condition { stack.append(c) }
                if let r = b.recipient { stack.append(p.groups[r].root) }
                for e in b.exceptions {
                    stack.append(e.condition)
                    if case .fixed(let n) = e.amount { stack.append(n) }
                }
                if case .fixed(let n) = b.amount { stack.append(n) }
                for f in b.funds { for g in p.funds[f].mayPay ?? [] { stack.append(p.groups[g].root) } }
            }
        }
        if part == nil || part == .category { for c in p.categories { stack.append(c.root) } }
        if part == nil || part?.followsValidity == true { for v in p.validityRules { stack.append(v.root) } }
        if case .assertion(let k) = part, let c = p.assertions[k].condition { stack.append(c) }
        if part == nil { for g in p.groups { stack.append(g.root) } }
        return stack
    }

    /// The expressions a node's value is made of (a definition's, a group's, the categories').
    static func children(_ n: CheckedProgram.Node, _ p: CheckedProgram) -> [Int32] {
        switch n.op {
        case .constant, .field, .given, .parameter: return []
        case .definition: return [p.definitions[Int(n.a)].root]
        case .group: return [p.groups[Int(n.a)].root]
        case .category: return p.categories.map(\.root)
        case .min, .max: return (0..<Int(n.b)).map { p.arguments[Int(n.a) + $0] }
        default: return [n.a, n.b, n.c].filter { $0 >= 0 }
        }
    }

    /// The fields the expressions under `roots` read: directly, through a table's key, or
    /// through a dated row (the application date).
    static func fieldsRead(_ p: CheckedProgram, _ roots: [Int32]) -> Set<Int> {
        var seen = Array(repeating: false, count: p.nodes.count)
        var stack = roots
        var out: Set<Int> = []
        while let top = stack.popLast() {
            let i = Int(top)
            guard i >= 0, i < p.nodes.count, !seen[i] else { continue }
            seen[i] = true
            let n = p.nodes[i]
            switch n.op {
            case .field, .given: out.insert(Int(n.a))
            case .parameter:
                let par = p.parameters[Int(n.a)]
                if let k = par.keyField { out.insert(k) }
                if par.rows.contains(where: { $0.from != nil }), let ad = p.applicationDateField { out.insert(ad) }
            default: stack += children(n, p)
            }
        }
        return out
    }

    init(_ p: CheckedProgram, roots: [Int32]) {
        var seen = Array(repeating: false, count: p.nodes.count)
        var readsMemo: [Int: Set<Int>] = [:]
        var stack = roots
        func children(_ n: CheckedProgram.Node) -> [Int32] { ProgramTests.children(n, p) }
        func reads(_ i: Int32) -> Set<Int> {
            if let r = readsMemo[Int(i)] { return r }
            readsMemo[Int(i)] = []
            let n = p.nodes[Int(i)]
            var s: Set<Int> = []
            switch n.op {
            case .field, .given: s.insert(Int(n.a))
            case .parameter:
                let par = p.parameters[Int(n.a)]
                if let k = par.keyField { s.insert(k) }
                if par.rows.contains(where: { $0.from != nil }), let ad = p.applicationDateField { s.insert(ad) }
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
        reached = seen
    }
}
