import Foundation
import NuanSupport
extension Printer {
    mutating func printFile() {
        printHeader()
        var previous: Declaration?
        for d in tree.declarations {
            let first = lines.count
            printDeclaration(d)
            // One-line fields read as a table: consecutive ones stay together unless the
            // author separated them with a blank line.
            if let p = previous, Printer.isOneLineField(p), Printer.isOneLineField(d), !blankLine(between: p.range.end, and: d.range.start) {
                lines[first].blankBefore = false
            }
            previous = d
        }
    }

    static func isOneLineField(_ d: Declaration) -> Bool {
        guard case .field(let f) = d.kind else { return false }
        return f.type.base != .choice && f.type.base != .list && f.citation == nil
    }

    func blankLine(between a: Int, and b: Int) -> Bool {
        let from = srcLine(a), to = srcLine(b)
        guard to - from > 1 else { return false }
        return (from + 1..<to).contains { file.lineText($0).allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }
    }

    /// The first top-level occurrence of a header keyword, for anchoring its line.
    func headerAnchor(_ k: Keyword, nth: Int = 0) -> Int {
        let all = tokens.filter { $0.isKeyword(k) }.map(\.range.start)
        return nth < all.count ? all[nth] : -1
    }

    mutating func printHeader() {
        let h = tree.header
        line(0, "规则 " + Printer.quote(h.title), anchor: h.titleRange.file == nil ? -1 : h.titleRange.start)
        if let v = h.version { line(1, "版本 " + Printer.quote(v), anchor: headerAnchor(.version)) }
        if let j = h.jurisdiction {
            let regions = h.regions.map { " 地区 [" + $0.map(\.name).joined(separator: ", ") + "]" } ?? ""
            line(1, "辖区 " + Printer.quote(j) + regions, anchor: headerAnchor(.jurisdiction))
        }
        if let y = h.year { line(1, "年度 \(y)", anchor: headerAnchor(.year)) }
        if let from = h.inForceFrom, let to = h.inForceTo {
            line(1, "生效 \(Printer.date(from)) 至 \(Printer.date(to))", anchor: headerAnchor(.inForce))
        }
        if let n = h.notice { line(1, "通知 " + Printer.quote(n), anchor: headerAnchor(.notice)) }
        if let t = h.statTable { line(1, "统计表 " + Printer.quote(t), anchor: headerAnchor(.statTable)) }
        for (k, e) in h.extends.enumerated() {
            line(1, "继承 " + Printer.quote(e.path), anchor: headerAnchor(.extends, nth: k))
        }
    }

    mutating func printDeclaration(_ d: Declaration) {
        let start = d.range.start
        let prefix = d.isOverride ? "覆盖 " : ""
        switch d.kind {
        case .field(let f): printField(f, prefix: prefix, decl: d)
        case .parameter(let p): printParameter(p, prefix: prefix, decl: d)
        case .definition(let x):
            let head = prefix + "定义 \(x.name) ="
            let oneLine = layout(x.expr, column: Printer.width(head) + 1, base: 0)
            if oneLine.count == 1 {
                line(0, head + " " + oneLine[0].text, anchor: start, blank: true)
            } else {
                // Too long, or broken by its author: the expression starts on the next line.
                line(0, head, anchor: start, blank: true)
                for (k, p) in layout(x.expr, column: 4, base: 0).enumerated() {
                    line(max(1, p.depth), (k == 0 ? "  " : "") + p.text, anchor: k == 0 ? x.expr.range.start : p.anchor)
                }
            }
            citationLine(x.citation, indent: 1)
        case .fund(let f):
            line(0, prefix + "资金 \(f.code)" + (f.label.map { " " + Printer.quote($0) } ?? ""), anchor: start, blank: true)
            if let list = f.mayPay {
                wrapped(1, Printer.listWords("可支付", list.map(\.name)), anchor: keywordStarts(.mayPay, in: d.range).first ?? -1)
            }
            citationLine(f.citation, indent: 1)
        case .validity(let v):
            line(0, prefix + "无效 \(v.name)", anchor: start, blank: true)
            condition(v.condition, indent: 1)
            line(1, "提示 " + Printer.quote(v.message), anchor: keywordStarts(.message, in: d.range).first ?? -1)
            citationLine(v.citation, indent: 1)
        case .assertion(let a):
            line(0, prefix + "断言 \(a.name)", anchor: start, blank: true)
            if let c = a.condition { condition(c, indent: 1) }
            let claim: String
            switch a.claim {
            case .totalAtMost(let x): claim = "合计 至多 " + Printer.expr(x)
            case .noFund(let list): claim = "不用资金 [" + list.map(\.code).joined(separator: ", ") + "]"
            case .cited: claim = "有依据"
            case .categoryGapAllowed: claim = "允许类别空档"
            }
            line(1, "则 " + claim, anchor: keywordStarts(.then, in: d.range).last ?? -1)
            citationLine(a.citation, indent: 1)
        case .group(let g):
            line(0, prefix + "对象 \(g.name)" + (g.description.map { " " + Printer.quote($0) } ?? ""), anchor: start, blank: true)
            condition(g.condition, indent: 1)
            citationLine(g.citation, indent: 1)
        case .category(let c):
            line(0, prefix + "类别 \(c.code)" + (c.label.map { " " + Printer.word($0) } ?? ""), anchor: start, blank: true)
            let applies = keywordStarts(.applies, in: d.range)
            var k = 0
            if let from = c.appliesFrom { line(1, "适用 自 " + Printer.date(from), anchor: k < applies.count ? applies[k] : -1); k += 1 }
            if let to = c.appliesTo { line(1, "适用 至 " + Printer.date(to), anchor: k < applies.count ? applies[k] : -1) }
            if c.beforeParents { line(1, "优先", anchor: keywordStarts(.beforeParents, in: d.range).first ?? -1) }
            condition(c.condition, indent: 1)
            citationLine(c.citation, indent: 1)
        case .benefitGroup(let g):
            if g.implicit, let b = g.benefits.first {
                printBenefit(b, indent: 0, prefix: prefix, blank: true)
            } else {
                line(0, prefix + "福利组 \(g.name) 命中 \(g.policy.chinese) {", anchor: start, blank: true)
                for (k, b) in g.benefits.enumerated() { printBenefit(b, indent: 1, prefix: "", blank: k > 0) }
                line(0, "}", anchor: closingBrace(after: g.benefits.last?.range.end ?? g.nameRange.end))
            }
        case .score(let s):
            line(0, prefix + "评分 \(s.name) {", anchor: start, blank: true)
            for part in s.parts {
                var text = part.name
                if let w = part.weight { text += " 权重 " + Printer.expr(w, 5) }
                if let e = part.expr { text += " = " + Printer.expr(e) }
                if let c = part.condition { text += " 当 " + Printer.expr(c) }
                line(1, text, anchor: part.range.start)
            }
            line(0, "}", anchor: closingBrace(after: s.parts.last?.range.end ?? s.nameRange.end))
            citationLine(s.citation, indent: 1)
        case .example(let ex): printExample(ex, prefix: prefix, decl: d)
        }
    }

    /// `当 条件`, a long `且`/`或` chain one operand per line.
    mutating func condition(_ e: Expr, indent: Int) {
        printExpr("当 ", e, indent: indent, anchor: tokenBefore(e.range.start))
    }

    mutating func printField(_ f: FieldDecl, prefix: String, decl: Declaration) {
        if f.defaultOnly {
            line(0, prefix + "字段 \(f.key) 默认 " + (f.defaultValue.map { Printer.expr($0) } ?? ""), anchor: decl.range.start, blank: true)
            citationLine(f.citation, indent: 1)
            return
        }
        var head = prefix + "字段 \(f.key)" + (f.label.map { " " + Printer.word($0) } ?? "") + " : " + Printer.typeWord(f.type.base)
        var tail = ""
        if let x = f.atLeast { tail += " 至少 " + Printer.expr(x) }
        if let x = f.atMost { tail += " 至多 " + Printer.expr(x) }
        if let x = f.defaultValue { tail += " 默认 " + Printer.expr(x) }
        if f.required { tail += " 必填" }
        if f.undeterminedIfMissing { tail += " 缺失则待定" }
        if f.notProposable { tail += " 不作建议" }
        if f.type.base == .choice || f.type.base == .list {
            head += " {"
            line(0, head, anchor: decl.range.start, blank: true)
            for (k, o) in f.type.options.enumerated() {
                let text = o.code + (o.label.map { " " + Printer.word($0) } ?? "") + o.aliases.map { " | " + Printer.word($0) }.joined()
                    + (k + 1 < f.type.options.count ? "," : "")
                line(1, text, anchor: o.range.start)
            }
            line(0, "}" + tail, anchor: closingBrace(after: f.type.options.last?.range.end ?? f.nameRange.end))
        } else {
            line(0, head + tail, anchor: decl.range.start, blank: true)
        }
        citationLine(f.citation, indent: 1)
    }

    mutating func printParameter(_ p: ParameterDecl, prefix: String, decl: Declaration) {
        let unconfirmed = p.unconfirmed ? "未确认" : ""
        if let kf = p.keyField {
            line(0, prefix + "参数 \(p.name) : \(p.unit?.rawValue ?? "元") 按 \(kf)\(p.closed ? " 封闭" : "") {", anchor: decl.range.start, blank: true)
            for row in p.rows {
                // Keys (`哈尔滨市 | 230100 | …`) wrap before a `|`; the value stays with the last key.
                // A long citation is no reason to break: only the keys are measured.
                let words = row.keys.enumerated().map { ($0.offset == 0 ? "" : "| ") + Printer.word($0.element, allowNumber: true) }
                var text = " = " + (row.value.map { Printer.expr($0) } ?? "待定")
                if let from = row.from { text += " 自 " + Printer.date(from) }
                if let c = row.citation { text += " " + citation(c) }
                if row.unconfirmed { text += " 未确认" }
                wrapped(1, words, anchor: row.range.start, tail: text)
            }
            line(0, "}", anchor: closingBrace(after: p.rows.last?.range.end ?? (p.keyFieldRange ?? p.nameRange).end))
        } else {
            let value = p.value.map { Printer.expr($0) } ?? ("待定" + (p.unit.map { " " + $0.rawValue } ?? ""))
            line(0, prefix + "参数 \(p.name) = " + value, anchor: decl.range.start, blank: true)
        }
        citationLine(p.citation, indent: 1, extra: unconfirmed)
    }

    mutating func printBenefit(_ b: BenefitDecl, indent: Int, prefix: String, blank: Bool) {
        line(indent, prefix + "福利 \(b.name) = " + Printer.amount(b.amount), anchor: b.range.start, blank: blank)
        if let rec = b.recipient { line(indent + 1, "对象 " + rec.name, anchor: tokenBefore(rec.range.start)) }
        if let c = b.condition { condition(c, indent: indent + 1) }
        if !b.funds.isEmpty {
            wrapped(indent + 1, Printer.listWords("资金", b.funds.map(\.code)), anchor: keywordStarts(.fund, in: b.range).first ?? -1)
        }
        citationLine(b.citation, indent: indent + 1)
        for ex in b.exceptions {
            var tail = " 则 " + Printer.amount(ex.amount)
            if let c = ex.citation { tail += " " + citation(c) }
            printExpr("除非 ", ex.condition, indent: indent + 1, anchor: ex.range.start, tail: tail)
        }
    }

    /// `资金 [a, b]` as words: the keyword and `[` with the first item, each item with its `,`.
    static func listWords(_ keyword: String, _ items: [String]) -> [String] {
        guard !items.isEmpty else { return [keyword + " []"] }
        return items.enumerated().map { k, item in
            (k == 0 ? keyword + " [" : "") + item + (k + 1 < items.count ? "," : "]")
        }
    }

    /// `words` joined by spaces on one line at `indent`, or wrapped before the word that would
    /// pass 100 columns, continuation lines one level in; `tail` follows the last word unmeasured.
    mutating func wrapped(_ indent: Int, _ words: [String], anchor: Int, tail: String = "") {
        var current = ""
        var depth = 0
        for w in words {
            if current.isEmpty { current = w; continue }
            if Printer.fits(current + " " + w, at: 2 * (indent + depth)) {
                current += " " + w
            } else {
                line(indent + depth, current, anchor: depth == 0 ? anchor : -1)
                depth = 1
                current = w
            }
        }
        line(indent + depth, current + tail, anchor: depth == 0 ? anchor : -1)
    }

    /// Whether a comment starts strictly inside `[from, to)`: a braced list holding comments is
    /// printed one item per line so each comment stays by its item.
    func commentInside(_ from: Int, _ to: Int) -> Bool {
        tree.comments.contains { $0.range.start > from && $0.range.start < to }
    }

    mutating func printExample(_ ex: ExampleDecl, prefix: String, decl: Declaration) {
        line(0, prefix + "例子 " + Printer.quote(ex.title), anchor: decl.range.start, blank: true)
        citationLine(ex.citation, indent: 1)
        let inputs = ex.inputs.map { ($0.name + " = " + Printer.expr($0.value), $0.range) }
        braced("输入", inputs, keyword: keywordStarts(.input, in: decl.range).first ?? -1)
        let expects = ex.expectations.map { x -> (String, SourceRange) in
            switch x {
            case .status(let s, let r): return ("状态 = " + s, r)
            case .category(let c, let r): return ("类别 = " + c, r)
            case .total(let e): return ("合计 = " + Printer.expr(e), e.range)
            case .score(let e, let r): return ("优先分 = " + (e.map { Printer.expr($0) } ?? "无"), r)
            case .awards(let list, let r):
                let items = list.map { a in
                    a.benefit + " = " + (a.amount.map { Printer.expr($0) } ?? "待定") + (a.fund.map { " 资金 " + $0 } ?? "")
                }
                return (Printer.listWords("发放", items).joined(separator: " "), r)
            case .missing(let names, let r): return ("缺少 [" + names.map(\.0).joined(separator: ", ") + "]", r)
            case .warnings(let codes, let r): return ("警告 [" + codes.map(\.0).joined(separator: ", ") + "]", r)
            }
        }
        braced("期望", expects, keyword: keywordStarts(.expect, in: decl.range).first ?? -1)
    }

    /// `输入 { a = 1, b = 2 }` on one line, or one item per line when comments sit among them
    /// (then a long `发放 [...]` item wraps between awards).
    mutating func braced(_ word: String, _ items: [(String, SourceRange)], keyword: Int) {
        let oneLine = word + " {" + (items.isEmpty ? "" : " " + items.map(\.0).joined(separator: ", ") + " ") + "}"
        // A worked example's lines stay whole: they read as one record and one outcome.
        guard let first = items.first, let last = items.last, commentInside(first.1.start, last.1.end) else {
            line(1, oneLine, anchor: keyword)
            return
        }
        line(1, word + " {", anchor: keyword)
        for (k, item) in items.enumerated() {
            let text = item.0 + (k + 1 < items.count ? "," : "")
            // A list of awards wraps after a ", " (a break at any space reads back the same).
            let parts = text.components(separatedBy: ", ")
            let words = text.hasPrefix("发放 [") ? parts.enumerated().map { $0.element + ($0.offset + 1 < parts.count ? "," : "") } : [text]
            wrapped(2, words, anchor: item.1.start)
        }
        line(1, "}", anchor: closingBrace(after: last.1.end))
        _ = first
    }
}
