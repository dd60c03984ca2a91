import NuanSupport
import NuanSyntax
import NuanProgram

/// What a decision line's awards are written and counted from, by flat benefit index
/// (`Evaluator.awardTemplate`): built once per worker.
struct LineAwards {
    /// The award as `Decision.awards` holds it, without its amount.
    let templates: [Decision.Award]
    /// Its JSON before and after the amount (`BatchProgram.awardParts`), nil where the
    /// writer renders the whole award (`DecisionJSON.award`).
    let parts: [(prefix: [UInt8], suffix: [UInt8])?]
    /// The summary's keys: the fund's code (`""` for none) and the benefit's name masked.
    let funds: [String]
    let benefits: [String]

    init(_ ev: Evaluator, _ bp: BatchProgram) {
        templates = (0..<ev.flatBenefitCount).map { ev.awardTemplate($0) }
        parts = templates.map { a in
            guard a.benefitIndex >= 0, a.benefitIndex < bp.awardParts.count, a.fund == a.allowedFunds.first else { return nil }
            return bp.awardParts[a.benefitIndex]
        }
        funds = templates.map { $0.fund ?? "" }
        benefits = templates.map { Privacy.redact($0.benefit) }
    }

    func award(_ k: Int32, _ amount: Rational?) -> Decision.Award {
        var a = templates[Int(k)]
        a.amount = amount
        return a
    }
}

extension DecisionWriter {
    /// `jsonLine` of the decision a `DecisionLine` stands for (same bytes).
    func jsonLine(_ d: DecisionLine, id: String?, awards: LineAwards, into o: inout ByteBuffer) {
        o.put("{\"id\":")
        if let id { o.putJSONString(json.disclosure.value(id)) } else { o.put("null") }
        o.put(",\"status\":\"")
        o.put(Self.statusText(d.status))
        o.put("\",\"category\":")
        o.putJSONString(d.category)
        o.put(",\"awards\":[")
        for (k, b) in d.awards.enumerated() {
            if k > 0 { o.put(0x2C) }
            if let parts = awards.parts[Int(b)] {
                o.put(parts.prefix)
                if let x = d.amounts[k] { o.put(0x22); o.putMoney(x); o.put(0x22) } else { o.put("null") }
                o.put(parts.suffix)
            } else {
                o.put(json.award(awards.award(b, d.amounts[k])))
            }
        }
        o.put("],\"total_amount\":\"")
        o.putMoney(d.total)
        o.put("\",\"score\":")
        if let s = d.score { o.putScore(s) } else { o.put("null") }
        o.put(",\"missing\":[],\"errors\":[],\"warnings\":[")
        for (k, w) in d.warnings.enumerated() {
            if k > 0 { o.put(0x2C) }
            warning(w, into: &o)
        }
        o.put("],\"reasons\":[],\"recourse\":[],\"explanation\":[],\"rules\":")
        o.put(bp.rulesJSON)
        o.put("}\n")
    }

    /// `csvRow` of the decision a `DecisionLine` stands for (same bytes), without `--recourse`
    /// or `--against` columns.
    func csvRow(_ d: DecisionLine, id: String?, awards: LineAwards, carried: UnsafeBufferPointer<(UnsafePointer<UInt8>?, Int)>,
                into o: inout ByteBuffer) {
        if let id { o.putCSVCell(Privacy.shown(id, unmask: bp.unmask)) }
        o.put(0x2C)
        o.put(Self.statusText(d.status))
        o.put(0x2C)
        o.putCSVCell(d.category)
        o.put(0x2C)
        o.putMoney(d.total)
        o.put(0x2C)
        if let s = d.score { o.putScore(s) }
        o.put(",,,")    // missing, errors: none
        if d.awards.count == 1 {
            awardCell(awards.award(d.awards[0], d.amounts[0]), into: &o)
        } else if !d.awards.isEmpty {
            let s = awardCells
            s.scratch.count = 0
            for (k, b) in d.awards.enumerated() {
                if k > 0 { s.scratch.put(0x3B) }
                let a = awards.templates[Int(b)]
                s.scratch.put(a.benefit)
                s.scratch.put(0x3A)
                if let x = d.amounts[k] { s.scratch.putMoney(x) } else { s.scratch.put("待定") }
                s.scratch.put(0x3A)
                if let f = a.fund { s.scratch.put(f) }
            }
            o.putCSVCell(UnsafePointer(s.scratch.base), s.scratch.count)
        }
        o.put(0x2C)
        warningsCell(d.warnings, into: &o)
        o.put(0x2C)     // reasons: none
        carriedCells(carried, into: &o)
        o.put(0x0A)
    }
}
