import NuanSupport
import NuanSyntax
import NuanProgram

/// A test in a condition (a comparison, a flag, a membership) and the truth it came to.
struct DecidingTest: Hashable {
    let node: Int32
    let holds: Bool
}

/// Reads one evaluation's trace for the tests that decided an outcome. Two questions:
/// `support` — which tests made a condition come out as it did (for the reasons of a grant);
/// `blockers` — the fewest tests that would have to come out otherwise for it to turn (for a
/// refusal's reasons, and where recourse starts looking). Both only read the trace.
struct DecidingTests {
    let program: CheckedProgram
    let trace: Evaluator.Trace
    /// Tests that may not be turned (recourse: a field it has already changed).
    var fixed: (DecidingTest) -> Bool = { _ in false }

    func truth(_ n: Int32) -> Bool? {
        guard n >= 0, Int(n) < trace.values.count, case .bool(let b)? = trace.values[Int(n)] else { return nil }
        return b
    }

    /// The tests that made `n` hold or fail as it did, in rule order: all parts of a
    /// conjunction that held, the first part of a disjunction that held, and so on.
    func support(_ n: Int32, depth: Int = 0) -> [DecidingTest] {
        var out: [DecidingTest] = []
        support(n, depth: depth, into: &out)
        return out
    }

    /// `support`, appended to `out` (no array per level: the reasons of every record read it).
    func support(_ n: Int32, depth: Int, into out: inout [DecidingTest]) {
        guard depth < 32, let v = truth(n) else { return }
        let node = program.nodes[Int(n)]
        switch node.op {
        case .and, .or:
            // The parts that agree with the whole decided it: all of them when every part had
            // to agree (∧ true, ∨ false), else the first one that did.
            let all = (node.op == .and) == v
            if truth(node.a) == v {
                support(node.a, depth: depth + 1, into: &out)
                if !all { return }
            }
            if truth(node.b) == v { support(node.b, depth: depth + 1, into: &out) }
        case .not: support(node.a, depth: depth + 1, into: &out)
        case .group: support(program.groups[Int(node.a)].root, depth: depth + 1, into: &out)
        case .definition where node.type == .bool: support(program.definitions[Int(node.a)].root, depth: depth + 1, into: &out)
        case .conditional:
            guard let t = truth(node.a) else { return }
            support(t ? node.b : node.c, depth: depth + 1, into: &out)
        case .known, .given, .constant: return
        default: out.append(DecidingTest(node: n, holds: v))
        }
    }

    /// The fewest tests whose outcome keeps `n` from being `want`; nil when `n` was not
    /// evaluated, is unknown, or no test in it could turn it (an `已知` over an unknown).
    func blockers(_ n: Int32, want: Bool, depth: Int = 0) -> [DecidingTest]? {
        guard depth < 32, let v = truth(n) else { return nil }
        if v == want { return [] }
        let node = program.nodes[Int(n)]
        switch node.op {
        case .and, .or:
            // Every part that disagrees must turn when all parts are needed (∧ wanted true,
            // ∨ wanted false); else turning one part is enough — the cheapest.
            let every = (node.op == .and) == want
            if every {
                var out: [DecidingTest] = []
                if truth(node.a) == !want {
                    guard let b = blockers(node.a, want: want, depth: depth + 1) else { return nil }
                    out += b
                }
                if truth(node.b) == !want {
                    guard let b = blockers(node.b, want: want, depth: depth + 1) else { return nil }
                    out += b
                }
                return out
            }
            // the cheaper part; the first on a tie
            let a = blockers(node.a, want: want, depth: depth + 1).flatMap { $0.isEmpty ? nil : $0 }
            let b = blockers(node.b, want: want, depth: depth + 1).flatMap { $0.isEmpty ? nil : $0 }
            guard let a else { return b }
            guard let b else { return a }
            return b.count < a.count ? b : a
        case .not: return blockers(node.a, want: !want, depth: depth + 1)
        case .group: return blockers(program.groups[Int(node.a)].root, want: want, depth: depth + 1)
        case .definition where node.type == .bool: return blockers(program.definitions[Int(node.a)].root, want: want, depth: depth + 1)
        case .conditional:
            guard let t = truth(node.a) else { return nil }
            return blockers(t ? node.b : node.c, want: want, depth: depth + 1)
        case .known, .given, .constant, .category: return nil
        default:
            let t = DecidingTest(node: n, holds: v)
            return fixed(t) ? nil : [t]
        }
    }

    /// The field a test reads directly (`享受低保`, `建档类型 = …`), if it reads one.
    func directField(_ t: DecidingTest) -> Int? {
        let n = program.nodes[Int(t.node)]
        if n.op == .field { return Int(n.a) }
        if n.a >= 0, program.nodes[Int(n.a)].op == .field { return Int(program.nodes[Int(n.a)].a) }
        return nil
    }

    /// The tests that kept one benefit from being paid, in a trace: its recipient group and
    /// condition when they failed, the exception that withheld it. Nil when nothing in the
    /// record could turn it.
    func blockers(benefit b: CheckedProgram.Benefit, outcome r: Evaluator.BenefitOutcome) -> [DecidingTest]? {
        var tests: [DecidingTest] = []
        if r.truth == .no {
            if let g = b.recipient, truth(program.groups[g].root) == false {
                guard let bl = blockers(program.groups[g].root, want: true) else { return nil }
                tests += bl
            }
            if let c = b.condition, truth(c) == false {
                guard let bl = blockers(c, want: true) else { return nil }
                tests += bl
            }
        } else if r.truth == .yes, r.withheld, let xi = r.exceptionUsed {
            guard let bl = blockers(b.exceptions[xi].condition, want: false) else { return nil }
            tests += bl
        } else {
            return nil
        }
        // each test once, in order (a few tests: no set)
        var out: [DecidingTest] = []
        out.reserveCapacity(tests.count)
        for t in tests where !out.contains(t) { out.append(t) }
        return out
    }

    /// How near a refused benefit is, for ordering (smaller is nearer): first how many of the
    /// tests that blocked it read only facts no decision changes (本年度退档, 人员类别 — the
    /// applicant is simply not who the benefit is for), then how many tests blocked it; among
    /// equals one whose recipient group the applicant is already in, then one a figure blocked
    /// (the margin is what an applicant asks about).
    func closeness(_ b: CheckedProgram.Benefit, _ tests: [DecidingTest]) -> Int {
        let outside = b.recipient.map { truth(program.groups[$0].root) == false } ?? false
        let figures = tests.contains(where: isFigure)
        let fixed = tests.filter { !changeable($0) }.count
        return fixed * 1000 + tests.count * 4 + (outside ? 2 : 0) + (figures ? 0 : 1)
    }

    func isFigure(_ t: DecidingTest) -> Bool {
        let n = program.nodes[Int(t.node)]
        return n.op != .field && n.a >= 0 && program.nodes[Int(n.a)].type.isNumeric
    }

    /// Whether a test reads a field a decision could change: a figure (income) always; a flag,
    /// an option or a list when its field may be proposed.
    func changeable(_ t: DecidingTest) -> Bool {
        if isFigure(t) { return true }
        let n = program.nodes[Int(t.node)]
        let field = n.op == .field ? n : (n.a >= 0 ? program.nodes[Int(n.a)] : n)
        guard field.op == .field else { return false }
        return RecourseSearch.proposable(Int(field.a), in: program)
    }
}
