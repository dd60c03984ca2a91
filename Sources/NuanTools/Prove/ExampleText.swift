import NuanSupport
import NuanSyntax
import NuanProgram
/// A record and the decision it got, written as a ready-to-paste `例子` in the rule language:
/// `nuan test` reads it back and checks the same status, category, total and awards.
enum ExampleText {
    static func render(title: String, citation: String, facts: Facts, decision: Decision, program: CheckedProgram) -> String {
        var inputs: [String] = []
        for (i, f) in program.fields.enumerated() where facts.given[i] {
            inputs.append("\(name(f.display)) = \(literal(facts.values[i], f, program))")
        }
        var expect = ["状态 = \(decision.status.rawValue)"]
        if decision.status != .invalid {
            expect.append("类别 = \(decision.category)")
            expect.append("合计 = \(decision.totalAmount.formatted()) 元")
            expect.append("优先分 = " + (decision.score.map { $0.formatted(places: 2) } ?? "无"))
            let awards = decision.awards.map { a in
                "\(name(a.benefit)) = \(a.amount.map { "\($0.formatted()) 元" } ?? "待定")" + (a.fund.map { " 资金 \($0)" } ?? "")
            }
            expect.append("发放 [\(awards.joined(separator: ", "))]")
        }
        return """
        例子 "\(escape(title))"
          依据 "\(escape(citation))"
          输入 { \(inputs.joined(separator: ", ")) }
          期望 { \(expect.joined(separator: ", ")) }

        """
    }

    /// The language's quoted text has no escapes: a straight quote inside becomes a curly one
    /// (titles and the placeholder texts prove writes never need one).
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\"", with: "”")
    }

    /// A name as the language reads it: bare when it is one word, else quoted.
    static func name(_ s: String) -> String { plain(s) ? s : "\"\(escape(s))\"" }

    static func plain(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    static func option(_ en: Int, _ k: Int, _ program: CheckedProgram) -> String {
        let e = program.enums[en]
        if let l = e.labels[k], plain(l) { return l }
        return e.codes[k]
    }

    static func literal(_ v: Value, _ f: CheckedProgram.Field, _ program: CheckedProgram) -> String {
        switch v {
        case .bool(let b): return b ? "是" : "否"
        case .number(let r):
            if f.type == .money { return "\(r.formatted()) 元" }
            return r.isMultiple(ofOneOver: 1) ? r.formatted(places: 0) : r.formatted()
        case .text(let t): return "\"\(escape(t))\""
        case .date(let d): return CivilDate.format(d)
        case .choice(let c):
            if case .choice(let en) = f.type { return option(en, Int(c), program) }
            return "\(c)"
        case .set(let m):
            guard case .list(let en) = f.type else { return "[]" }
            let items = program.enums[en].codes.indices.filter { m & (1 << UInt64($0)) != 0 }.map { option(en, $0, program) }
            return "[\(items.joined(separator: ", "))]"
        case .unknown, .failure: return "\"\""
        }
    }
}
