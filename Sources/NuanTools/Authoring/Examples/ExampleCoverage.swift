import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// `nuan test --coverage`: which rules and which branches of their conditions no example of a
/// file exercises, computed only from the evaluation traces of the examples (never by
/// evaluating again), and grouped by the notice clause each rule cites.
///
/// - A rule (category, benefit, exception, recipient group, definition) is exercised when some
///   example makes it hold (a non-boolean definition: when some example computes it).
/// - A branch is each side of every `且`/`或`, the operand of every `非`, the condition of every
///   `若`, and a condition that is a single test: each must be seen both holding and failing.
/// Only declarations written in the file itself count; what it inherits is the parent's.
public struct ExampleCoverage: Sendable {
    public struct Gap: Sendable {
        public enum Kind: String, Sendable { case rule, branch }
        public var kind: Kind
        /// The rule it belongs to (`福利 X`, `类别 深度困难（deep）`, `定义 Y`…), in both languages.
        public var ruleName: Message
        /// The rule's name in Chinese (as `--format json` gives it).
        public var rule: String { ruleName.zh }
        /// For a branch: the test as written; for a rule: nil.
        public var test: String?
        /// Sides never seen: `true` (never held), `false` (never failed).
        public var never: [Bool]
        public var range: SourceRange
    }

    public struct Clause: Sendable {
        /// The citation (`依据 "…"`), or nil for rules that cite nothing.
        public var citation: String?
        public var rules = 0, rulesCovered = 0
        public var branches = 0, branchesCovered = 0
        public var gaps: [Gap] = []
        public var complete: Bool { rules == rulesCovered && branches == branchesCovered }
    }

    public var path: String
    public var examples: Int
    public var clauses: [Clause]
    public var rules: Int { clauses.reduce(0) { $0 + $1.rules } }
    public var rulesCovered: Int { clauses.reduce(0) { $0 + $1.rulesCovered } }
    /// Branch *sides* (two per branch point).
    public var branches: Int { clauses.reduce(0) { $0 + $1.branches } }
    public var branchesCovered: Int { clauses.reduce(0) { $0 + $1.branchesCovered } }
    /// Whole percent of rules and branch sides covered (rounded down; 100 when there is nothing).
    public var percent: Int {
        let total = rules + branches
        return total == 0 ? 100 : (rulesCovered + branchesCovered) * 100 / total
    }

    /// Coverage of one file's examples; nil when the rules did not compile.
    public static func compute(_ result: ExampleRunner.FileResult) -> ExampleCoverage? {
        guard let program = result.program else { return nil }
        var b = Builder(program: program, path: result.path, traces: result.examples.compactMap(\.trace))
        b.run()
        return ExampleCoverage(path: result.path, examples: result.examples.count, clauses: b.clauses)
    }

    struct Builder {
        let program: CheckedProgram
        let path: String
        let traces: [Evaluator.Trace]
        var clauses: [Clause] = []
        var clauseIndex: [String: Int] = [:]

        init(program: CheckedProgram, path: String, traces: [Evaluator.Trace]) {
            self.program = program
            self.path = path
            self.traces = traces
        }

        func inFile(_ r: SourceRange) -> Bool { r.file?.path == path }

        func seen(_ n: Int32, _ v: Bool) -> Bool {
            traces.contains { $0.values[Int(n)] == .bool(v) }
        }

        mutating func clause(_ citation: String?) -> Int {
            let key = citation ?? "\u{0}"
            if let i = clauseIndex[key] { return i }
            clauses.append(Clause(citation: citation))
            clauseIndex[key] = clauses.count - 1
            return clauses.count - 1
        }

        mutating func rule(_ name: Message, citation: String?, range: SourceRange, exercised: Bool) {
            let c = clause(citation)
            clauses[c].rules += 1
            if exercised { clauses[c].rulesCovered += 1 } else {
                clauses[c].gaps.append(Gap(kind: .rule, ruleName: name, test: nil, never: [true], range: range))
            }
        }

        func children(_ n: Int32) -> [Int32] {
            let node = program.nodes[Int(n)]
            switch node.op {
            case .constant, .field, .parameter, .definition, .group, .category, .given: return []
            case .negate, .not, .isEmpty, .known: return [node.a]
            case .min, .max: return (0..<Int(node.b)).map { program.arguments[Int(node.a) + $0] }
            case .clamp, .conditional: return [node.a, node.b, node.c]
            default: return [node.a, node.b]
            }
        }

        /// Every branch point under `root` (not entering definitions and groups: they are rules
        /// of their own).
        func branchPoints(_ root: Int32) -> [Int32] {
            var out: [Int32] = []
            func visit(_ n: Int32, parent: CheckedProgram.Node.Op?, index: Int) {
                let node = program.nodes[Int(n)]
                let decides: Bool
                switch parent {
                case nil: decides = node.op != .and && node.op != .or
                case .and?, .or?, .not?: decides = true
                case .conditional?: decides = index == 0
                default: decides = false
                }
                if decides && node.type == .bool && node.op != .constant && node.op != .not { out.append(n) }
                for (i, c) in children(n).enumerated() { visit(c, parent: node.op, index: i) }
            }
            visit(root, parent: nil, index: 0)
            return out
        }

        mutating func branches(_ root: Int32, rule name: Message, citation: String?) {
            let c = clause(citation)
            let ruleGap = clauses[c].gaps.contains { $0.kind == .rule && $0.ruleName == name }
            for n in branchPoints(root) {
                clauses[c].branches += 2
                var never: [Bool] = []
                for side in [true, false] {
                    if seen(n, side) { clauses[c].branchesCovered += 1 } else { never.append(side) }
                }
                // A condition that is one test and never held is already reported as the rule.
                if !never.isEmpty && !(n == root && ruleGap && never == [true]) {
                    clauses[c].gaps.append(Gap(kind: .branch, ruleName: name, test: program.nodeRanges[Int(n)].text, never: never,
                                               range: program.nodeRanges[Int(n)]))
                }
            }
        }

        mutating func run() {
            for cat in program.categories where inFile(cat.range) {
                let name = M.categoryRule(cat.code, cat.label)
                rule(name, citation: cat.citation, range: cat.range, exercised: seen(cat.root, true))
                branches(cat.root, rule: name, citation: cat.citation)
            }
            for g in program.groups where inFile(g.range) {
                rule(M.groupRule(g.name), citation: g.citation, range: g.range, exercised: seen(g.root, true))
                branches(g.root, rule: M.groupRule(g.name), citation: g.citation)
            }
            for d in program.definitions where inFile(d.range) {
                let name = M.definitionRule(d.name)
                let exercised = program.nodes[Int(d.root)].type == .bool
                    ? seen(d.root, true)
                    : traces.contains { $0.values[Int(d.root)]?.isKnown ?? false }
                rule(name, citation: d.citation, range: d.range, exercised: exercised)
                branches(d.root, rule: name, citation: d.citation)
            }
            for b in program.benefits where inFile(b.range) {
                let name = M.benefitRule(b.name)
                let applies = traces.contains { t in
                    if let g = b.recipient, t.values[Int(program.groups[g].root)] != .bool(true) { return false }
                    if let c = b.condition, t.values[Int(c)] != .bool(true) { return false }
                    return true
                }
                rule(name, citation: b.citation, range: b.range, exercised: applies)
                if let c = b.condition { branches(c, rule: name, citation: b.citation) }
                if case .fixed(let n) = b.amount { branches(n, rule: name, citation: b.citation) }
                for ex in b.exceptions {
                    let xname = M.exceptionRule(name, program.nodeRanges[Int(ex.condition)].text)
                    rule(xname, citation: ex.citation ?? b.citation, range: program.nodeRanges[Int(ex.condition)],
                         exercised: seen(ex.condition, true))
                    branches(ex.condition, rule: xname, citation: ex.citation ?? b.citation)
                    if case .fixed(let n) = ex.amount { branches(n, rule: xname, citation: ex.citation ?? b.citation) }
                }
            }
        }
    }

    // MARK: rendering

    typealias M = Message.Examples

    static func gapText(_ g: Gap) -> Message {
        switch g.kind {
        case .rule:
            return M.ruleNeverHolds(g.ruleName, g.range.position)
        case .branch:
            let sides = g.never.count == 2 ? M.neverComputed : (g.never[0] ? M.neverHolds : M.neverFails)
            return M.branch(g.ruleName, g.test ?? "", sides, g.range.position)
        }
    }

    /// The text report of one file, in Chinese or (`english`) in English.
    public static func render(_ c: ExampleCoverage, english: Bool = false) -> String {
        func t(_ m: Message) -> String { m.text(english: english) }
        var out = t(M.coverage(c.path, percent: c.percent, counts: M.counts(c.rules, c.rulesCovered, c.branches, c.branchesCovered), examples: c.examples)) + "\n"
        for cl in c.clauses {
            out += "  \(cl.complete ? "✓" : "✗") " + t(M.clause(cl.citation)) + "  " + t(M.counts(cl.rules, cl.rulesCovered, cl.branches, cl.branchesCovered)) + "\n"
            for g in cl.gaps { out += "      · " + t(gapText(g)) + "\n" }
        }
        return out
    }

    static func q(_ s: String?) -> String { s.map(JSONText.quote) ?? "null" }

    static func json(_ c: ExampleCoverage) -> String {
        let clauses = c.clauses.map { cl -> String in
            let gaps = cl.gaps.map { g -> String in
                let loc = g.range.file.map { f in f.location(of: g.range.start) }
                return "{\"kind\":\(q(g.kind.rawValue)),\"rule\":\(q(g.rule)),\"test\":\(q(g.test)),"
                    + "\"never\":[\(g.never.map { $0 ? "true" : "false" }.joined(separator: ","))],"
                    + "\"line\":\(loc.map { String($0.line) } ?? "null"),\"column\":\(loc.map { String($0.column) } ?? "null")}"
            }
            return "{\"source\":\(q(cl.citation)),\"rules\":\(cl.rules),\"rules_covered\":\(cl.rulesCovered),"
                + "\"branches\":\(cl.branches),\"branches_covered\":\(cl.branchesCovered),\"gaps\":[\(gaps.joined(separator: ","))]}"
        }
        return "{\"percent\":\(c.percent),\"rules\":\(c.rules),\"rules_covered\":\(c.rulesCovered),"
            + "\"branches\":\(c.branches),\"branches_covered\":\(c.branchesCovered),\"clauses\":[\(clauses.joined(separator: ","))]}"
    }

    /// `nuan test --format json`: per file its examples (and coverage when computed). The keys
    /// and codes are fixed; the diagnostics' messages are in English with `english`.
    public static func json(results: [ExampleRunner.FileResult], coverage: [ExampleCoverage]?, english: Bool = false) -> String {
        let files = results.map { r -> String in
            var s = "{\"path\":\(q(r.path)),\"rules_error\":\(r.rulesError),\"passed\":\(r.passed),\"failed\":\(r.failed)"
            if r.rulesError {
                s += ",\"diagnostics\":[" + r.diagnostics.map { q($0.range.position + ": " + $0.text(english: english)) }.joined(separator: ",") + "]"
            }
            s += ",\"examples\":[" + r.examples.map { ex -> String in
                var e = "{\"title\":\(q(ex.title)),\"position\":\(q(ex.range.position)),\"passed\":\(ex.passed)"
                if !ex.errors.isEmpty { e += ",\"errors\":[" + ex.errors.map { q($0.range.position + ": " + $0.text(english: english)) }.joined(separator: ",") + "]" }
                if !ex.mismatches.isEmpty {
                    e += ",\"mismatches\":[" + ex.mismatches.map { m in
                        "{\"aspect\":\(q(m.aspect.rawValue)),\"expected\":\(q(m.expected)),\"actual\":\(q(m.actual)),\"details\":["
                            + m.details.map(JSONText.quote).joined(separator: ",") + "]}"
                    }.joined(separator: ",") + "]"
                }
                return e + "}"
            }.joined(separator: ",") + "]"
            if let c = coverage?.first(where: { $0.path == r.path }) { s += ",\"coverage\":" + json(c) }
            return s + "}"
        }
        let total = results.reduce(0) { $0 + $1.examples.count }
        let failed = results.reduce(0) { $0 + $1.failed }
        return "{\"examples\":\(total),\"passed\":\(total - failed),\"failed\":\(failed),\"files\":[\n  "
            + files.joined(separator: ",\n  ") + "\n]}"
    }
}
