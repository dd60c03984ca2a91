import NuanSupport
import NuanSyntax
import NuanProgram
extension ExplanationBuilder {
    /// Renders an expression with the values the evaluation gave its names:
    /// `低保标准 660.00 × 3`.
    func render(_ n: Int32) -> String {
        let node = program.nodes[Int(n)]
        let text = program.nodeRanges[Int(n)].text
        switch node.op {
        case .constant: return text
        case .field:
            let f = program.fields[Int(node.a)]
            guard let v = value(n) else { return text }
            var shown = fmt.format(v, type: node.type)
            if f.isPersonal, case .text(let s) = v { shown = ExplanationBuilder.personal(s) }
            if !facts.given[Int(node.a)] && v.isKnown { shown += t(ExplainText.byDefault) }
            return "\(text) \(shown)"
        case .parameter, .definition, .group, .category:
            guard let v = value(n) else { return text }
            return "\(text) \(fmt.format(v, type: node.type))"
        case .add, .subtract, .multiply, .divide:
            let sym = node.op == .add ? "+" : node.op == .subtract ? "-" : node.op == .multiply ? "×" : "÷"
            return "\(wrap(node.a)) \(sym) \(wrap(node.b))"
        case .negate: return "-" + wrap(node.a)
        default: return text
        }
    }

    /// A personal field's value: an ID or mobile number is left for the renderer, which masks
    /// it exactly as `Privacy.mask` would unless `--unmask`; any other shape is masked here, for
    /// good (the renderer would not recognise it).
    static func personal(_ s: String) -> String {
        Privacy.redact(s) == Privacy.mask(s) ? s : Privacy.mask(s)
    }

    /// An expression as the rules file writes it — but in Chinese with each option code
    /// (`discipline_leader`) given by its label, as everywhere else in the explanation. A code
    /// two enums label differently is left as written.
    func source(_ n: Int32) -> String {
        guard let memo, !english else { return sourceText(n) }
        if let hit = memo.sources[n] { return hit }
        let s = sourceText(n)
        if memo.sources.count < ExplainMemo.capacity { memo.sources[n] = s }
        return s
    }

    func sourceText(_ n: Int32) -> String {
        let text = program.nodeRanges[Int(n)].text
        guard !english, text.unicodeScalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic }) else { return text }
        var labels: [String: String?] = [:]
        for e in program.enums {
            for (i, code) in e.codes.enumerated() {
                let label = e.display(i)
                if let seen = labels[code], seen != label { labels[code] = .some(nil) } else { labels[code] = label }
            }
        }
        var out = "", word = ""
        func flush() {
            if let l = labels[word] ?? nil { out += l } else { out += word }
            word = ""
        }
        for ch in text {
            if ch.isASCII && (ch.isLetter || ch == "_" || (ch.isNumber && !word.isEmpty)) { word.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return out
    }

    func wrap(_ n: Int32) -> String {
        let op = program.nodes[Int(n)].op
        let compound = op == .add || op == .subtract
        return compound ? "(" + render(n) + ")" : render(n)
    }

    /// `含 x` compiles to 含全部 of one value; read it back as 含.
    static func symbol(_ op: CheckedProgram.Node.Op) -> String { op == .containsAll ? "含" : op.symbol }

    /// One line per test in a condition, nested `且`/`或` flattened with indentation; groups
    /// and boolean definitions show their own tests one level deeper.
    mutating func appendDetails(_ e: inout ExplanationEntry, _ n: Int32, depth: Int) {
        let node = program.nodes[Int(n)]
        let pad = String(repeating: "  ", count: depth)
        let v = value(n)
        guard v != nil else {
            e.values.append(pad + source(n) + t(ExplainText.notEvaluatedAfter))
            return
        }
        switch node.op {
        case .and, .or:
            if value(node.a) != nil { appendDetails(&e, node.a, depth: depth) }
            if value(node.b) != nil { appendDetails(&e, node.b, depth: depth) }
        case .known:
            let names = missingNames(value(node.a))
            e.values.append(pad + program.nodeRanges[Int(n)].text + " " + mark(v)
                            + (names.isEmpty ? "" : t(ExplainText.missing(names))))
        case .conditional:
            // The test, then only the branch it chose.
            appendDetails(&e, node.a, depth: depth)
            switch value(node.a) {
            case .bool(true)?: appendDetails(&e, node.b, depth: depth)
            case .bool(false)?: appendDetails(&e, node.c, depth: depth)
            default: break
            }
        case .not:
            e.values.append(pad + t(ExplainText.negation) + mark(v))
            appendDetails(&e, node.a, depth: depth + 1)
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
            let rhs = program.nodes[Int(node.b)]
            var right = render(node.b)
            if rhs.op != .constant && rhs.op != .parameter && rhs.op != .field && rhs.op != .definition, let rv = value(node.b) {
                right += " = " + fmt.format(rv, type: rhs.type)
            }
            e.values.append(pad + "\(render(node.a)) \(ExplanationBuilder.symbol(node.op)) \(right) \(mark(v))")
            noteTables(&e, node.a, pad: pad)
            noteTables(&e, node.b, pad: pad)
            if let m = margin(node) { e.margins.append(m) }
        case .inSet, .notInSet, .containsAny, .containsAll:
            let set = value(node.b).map { fmt.format($0, type: program.nodes[Int(node.b)].type) } ?? ""
            let setText = program.nodes[Int(node.b)].type == .list(-1) ? source(node.b) : set
            e.values.append(pad + "\(render(node.a)) \(ExplanationBuilder.symbol(node.op)) \(setText) \(mark(v))")
        case .group:
            let g = program.groups[Int(node.a)]
            let again = !expanded.insert(g.root).inserted
            e.values.append(pad + t(ExplainText.group) + "\(g.name) \(mark(v))" + (again ? t(ExplainText.seeAbove) : ""))
            if !again { appendDetails(&e, g.root, depth: depth + 1) }
        case .definition where node.type == .bool:
            let d = program.definitions[Int(node.a)]
            // A named condition is spelt out the first time; later uses refer back to it.
            if !expanded.insert(d.root).inserted {
                e.values.append(pad + "\(d.name) \(mark(v))" + t(ExplainText.seeAbove))
            } else {
                e.values.append(pad + "\(d.name) \(mark(v))" + (d.citation.map { t(ExplainText.definitionSource($0)) } ?? ""))
                appendDetails(&e, d.root, depth: depth + 1)
            }
        default:
            e.values.append(pad + "\(render(n)) \(mark(v))")
        }
    }

    /// Names the row of a parameter table used, with its source (once per entry).
    mutating func noteTables(_ e: inout ExplanationEntry, _ n: Int32, pad: String) {
        let node = program.nodes[Int(n)]
        switch node.op {
        case .parameter:
            let p = program.parameters[Int(node.a)]
            if let row = trace.rows[Int(n)] {
                let r = p.rows[row]
                let line = "\(pad)  （\(p.name)[\(r.keys[0])] = \(r.value.map { $0.formatted(places: 2) } ?? "待定") \(p.unit?.rawValue ?? "")"
                    + (r.from.map { t(ExplainText.rowFrom(CivilDate.format($0))) } ?? "")
                    + (r.citation.map { t(ExplainText.rowSource($0)) } ?? "") + (r.unconfirmed ? t(ExplainText.unconfirmed) : "") + "）"
                // Each figure's source is named once per explanation, where it is first used.
                if notedRows.insert(Int(node.a) << 20 | row).inserted { e.values.append(line) }
            } else if p.keyField == nil {
                let line = "\(pad)  （\(p.name) = \(p.value.map { $0.description } ?? "待定") \(p.unit?.rawValue ?? "")"
                    + (p.citation.map { t(ExplainText.rowSource($0)) } ?? "") + (p.unconfirmed ? t(ExplainText.unconfirmed) : "") + "）"
                if notedRows.insert(Int(node.a) << 20 | 0xFFFFF).inserted { e.values.append(line) }
            } else if case .unknown? = value(n), let kf = p.keyField, case .text(let key) = facts.values[kf] {
                e.values.append(pad + t(ExplainText.noRow(p.name, key)))
            }
        case .add, .subtract, .multiply, .divide:
            noteTables(&e, node.a, pad: pad)
            noteTables(&e, node.b, pad: pad)
        default: break
        }
    }

    /// For a numeric test that failed or nearly held (within 10%): how far the applicant is from
    /// the line, in yuan.
    func margin(_ node: CheckedProgram.Node) -> String? {
        guard case .number(let l)? = value(node.a), case .number(let r)? = value(node.b) else { return nil }
        // Int64.min has no negation: such a figure (only from an absurd `--set`) gets no margin
        // rather than a trap; so does a distance that overflows.
        guard l.numerator != Int64.min, r.numerator != Int64.min else { return nil }
        let held = Evaluator.holds(node.op, l, r)
        let type = program.nodes[Int(node.a)].type
        guard type.isNumeric else { return nil }
        let unit = type == .money ? t(ExplainText.yuan) : ""
        let leftName = program.nodeRanges[Int(node.a)].text
        let rhsNode = program.nodes[Int(node.b)]
        let rightExpr: String
        switch rhsNode.op {
        case .constant: rightExpr = ""
        case .parameter, .definition, .field: rightExpr = "（" + program.nodeRanges[Int(node.b)].text + "）"
        default: rightExpr = "（" + render(node.b) + "）"
        }
        // A gap too large to compute is not shown rather than shown wrong.
        guard let diff = l > r ? l.subtracting(r) : r.subtracting(l) else { return nil }
        let f: (Rational) -> String = { type == .money ? $0.formatted(places: 2) : $0.description }
        let near = r != .zero && (diff.multiplied(by: Rational(integer: 10)).map { $0 <= r.magnitude } ?? false)
        switch node.op {
        case .less where diff == .zero, .lessEqual where diff == .zero:
            return t(ExplainText.atCeiling(leftName, f(l) + unit, f(r) + unit, rightExpr, held: held))
        case .greater where diff == .zero, .greaterEqual where diff == .zero:
            return t(ExplainText.atFloor(leftName, f(l) + unit, f(r) + unit, rightExpr, held: held))
        case .less, .lessEqual:
            if !held { return t(ExplainText.overCeiling(leftName, f(l) + unit, f(r) + unit, rightExpr, by: f(diff) + unit)) }
            if near { return t(ExplainText.underCeiling(leftName, f(l) + unit, f(r) + unit, rightExpr, by: f(diff) + unit)) }
        case .greater, .greaterEqual:
            if !held { return t(ExplainText.belowFloor(leftName, f(l) + unit, f(r) + unit, rightExpr, by: f(diff) + unit)) }
            if near { return t(ExplainText.aboveFloor(leftName, f(l) + unit, f(r) + unit, rightExpr, by: f(diff) + unit)) }
        default: break
        }
        return nil
    }
}
