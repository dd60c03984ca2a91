import NuanSupport
import NuanSyntax
/// Which fields each compiled expression reads, and the order in which the rules first read
/// them: the interview asks in that order ("rule order"), and looks for an input's thresholds
/// only in the comparisons that read it.
package struct RuleInputs {
    /// Per node: the fields it reads, directly or through definitions, groups, the category,
    /// and the key field (and, for dated rows, the application date) of a table parameter.
    package let reads: [InputSet]
    /// Field slots in the order the benefits, then the categories, first read them; fields no
    /// rule reads come last, in declaration order.
    let order: [Int]
    /// Comparison nodes (`<`, `≤`, `=` …), each with the fields it reads.
    let comparisons: [Int32]
    /// Per benefit (flat, in program order): the fields it reads (recipient, condition,
    /// exceptions, amounts).
    let benefitReads: [InputSet]
    /// The fields the categories read.
    let categoryReads: InputSet
    /// Per benefit (flat, in program order): the fields its exceptions read. The evaluator stops
    /// at the first exception it cannot settle, so the later ones' inputs are not in `missing`.
    let exceptionReads: [InputSet]

    package init(_ p: CheckedProgram) {
        var reads = Array(repeating: InputSet.empty, count: p.nodes.count)
        var done = Array(repeating: false, count: p.nodes.count)
        var categoryCache: InputSet?

        func dated(_ i: Int) -> Bool { p.parameters[i].rows.contains { $0.from != nil } }

        func visit(_ n: Int32) -> InputSet {
            let i = Int(n)
            guard i >= 0, i < p.nodes.count else { return .empty }
            if done[i] { return reads[i] }
            done[i] = true  // guards against cycles; the checker rejects them anyway
            let node = p.nodes[i]
            var s = InputSet.empty
            switch node.op {
            case .constant: break
            case .field, .given: s.insert(Int(node.a))
            case .parameter:
                let par = p.parameters[Int(node.a)]
                if let k = par.keyField { s.insert(k) }
                if dated(Int(node.a)), let ad = p.applicationDateField { s.insert(ad) }
            case .definition: s = visit(p.definitions[Int(node.a)].root)
            case .group: s = visit(p.groups[Int(node.a)].root)
            case .category:
                if categoryCache == nil {
                    categoryCache = .empty
                    categoryCache = p.categories.reduce(InputSet.empty) { $0.union(visit($1.root)) }
                }
                s = categoryCache ?? .empty
            case .min, .max:
                for k in 0..<Int(node.b) { s = s.union(visit(p.arguments[Int(node.a) + k])) }
            default:
                for c in [node.a, node.b, node.c] where c >= 0 { s = s.union(visit(c)) }
            }
            reads[i] = s
            return s
        }
        for i in p.nodes.indices { _ = visit(Int32(i)) }
        self.reads = reads

        // Rule order: walk each rule's expressions left to right, into what they name.
        var order: [Int] = []
        var seen = Set<Int>()
        var walked = Array(repeating: false, count: p.nodes.count)
        func walk(_ n: Int32?) {
            guard let n, n >= 0, Int(n) < p.nodes.count, !walked[Int(n)] else { return }
            walked[Int(n)] = true
            let node = p.nodes[Int(n)]
            func add(_ slot: Int) { if seen.insert(slot).inserted { order.append(slot) } }
            switch node.op {
            case .field, .given: add(Int(node.a))
            case .parameter:
                let par = p.parameters[Int(node.a)]
                if let k = par.keyField { add(k) }
                if dated(Int(node.a)), let ad = p.applicationDateField { add(ad) }
            case .definition: walk(p.definitions[Int(node.a)].root)
            case .group: walk(p.groups[Int(node.a)].root)
            case .category: for c in p.categories { walk(c.root) }
            case .min, .max: for k in 0..<Int(node.b) { walk(p.arguments[Int(node.a) + k]) }
            case .constant: break
            default: for c in [node.a, node.b, node.c] { walk(c) }
            }
        }
        func walk(_ a: CheckedProgram.Amount) { if case .fixed(let n) = a { walk(n) } }
        for b in p.benefits {
            if let r = b.recipient { walk(p.groups[r].root) }
            walk(b.condition)
            for e in b.exceptions { walk(e.condition); walk(e.amount) }
            walk(b.amount)
        }
        for c in p.categories { walk(c.root) }
        for i in p.fields.indices where !seen.contains(i) { order.append(i) }
        self.order = order

        func readsOf(_ n: Int32?) -> InputSet { n.map { $0 >= 0 && Int($0) < reads.count ? reads[Int($0)] : .empty } ?? .empty }
        func readsOf(_ a: CheckedProgram.Amount) -> InputSet { if case .fixed(let n) = a { return readsOf(n) }; return .empty }
        benefitReads = p.benefits.map { b in
            var s = readsOf(b.condition).union(readsOf(b.amount))
            if let r = b.recipient { s = s.union(readsOf(p.groups[r].root)) }
            for e in b.exceptions { s = s.union(readsOf(e.condition)).union(readsOf(e.amount)) }
            return s
        }
        exceptionReads = p.benefits.map { b in
            b.exceptions.reduce(InputSet.empty) { $0.union(readsOf($1.condition)).union(readsOf($1.amount)) }
        }
        self.categoryReads = p.categories.reduce(InputSet.empty) { $0.union(readsOf($1.root)) }

        comparisons = p.nodes.indices.filter {
            switch p.nodes[$0].op {
            case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: return true
            default: return false
            }
        }.map { Int32($0) }
    }
}

extension InputSet {
    func contains(_ slot: Int) -> Bool {
        guard slot >= 0 && slot < InputSet.capacity else { return false }
        return slot < 64 ? low & (1 << UInt64(slot)) != 0 : high & (1 << UInt64(slot - 64)) != 0
    }

    func intersection(_ o: InputSet) -> InputSet {
        var r = self
        r.low &= o.low
        r.high &= o.high
        return r
    }
}
