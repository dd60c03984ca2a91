import NuanSupport
import NuanSyntax
import NuanProgram
/// `nuan prove --format json`: the report for programs. One object: per file the cells, the
/// decisions made, the seconds, each property's status (`proved`, `refuted`, or `not_decided`
/// when the space was too large), each refutation with its counterexample record and the
/// decision it got (and, for monotonicity and gaps, the record compared with), and a summary.
/// Property codes, statuses, field keys and option codes are stable; `title` and `detail` are
/// in the report's language.
extension ProveReport {
    public static func json(_ results: [ProveResult], english: Bool) -> String {
        let lang: Language = english ? .english : .chinese
        let files = results.map { file($0, lang) }
        let refuted = results.filter(\.refuted).count
        return "{\n  \"files\": [" + (files.isEmpty ? "" : "\n" + files.joined(separator: ",\n") + "\n  ") + "],\n"
            + "  \"summary\": {\"files\": \(results.count), \"refuted\": \(refuted)}\n}\n"
    }

    static func q(_ s: String) -> String { JSONText.quote(s) }

    static func file(_ r: ProveResult, _ lang: Language) -> String {
        var o: [String] = ["\"path\": \(q(r.path))"]
        guard let program = r.program else {
            o.append("\"compiled\": false")
            let ds = r.diagnostics.map {
                "{\"position\": \(q($0.range.position)), \"code\": \(q($0.code)), \"message\": \(q($0.text(english: lang == .english)))}"
            }
            o.append("\"diagnostics\": [" + ds.joined(separator: ", ") + "]")
            return "    {" + o.joined(separator: ", ") + "}"
        }
        o.append("\"compiled\": true")
        o.append("\"cells\": \(r.cells)")
        o.append("\"decisions\": \(r.evaluations)")
        o.append("\"seconds\": \(seconds(r.seconds))")  // timing only
        o.append("\"lists_too_large\": [" + r.tooLarge.map(q).joined(separator: ", ") + "]")
        if let b = r.blowup {
            let inputs = b.map { "{\"field\": \(q($0.field)), \"values\": \($0.values)}" }
            o.append("\"too_large\": {\"limit\": \(r.limit), \"inputs\": [" + inputs.joined(separator: ", ") + "]}")
        } else {
            o.append("\"too_large\": null")
        }
        let properties = ProveProperty.allCases.filter { $0 != .assertion || !program.assertions.isEmpty }.map { p -> String in
            let status = !r.decided.contains(p) ? "not_decided" : r.findings.contains { $0.property == p } ? "refuted" : "proved"
            return "        {\"property\": \(q(p.rawValue)), \"title\": \(q(ProveMessage.title(p).text(lang))), \"status\": \(q(status))}"
        }
        o.append("\"properties\": [\n" + properties.joined(separator: ",\n") + "\n      ]")
        // In the order of the properties, as the text report lists them.
        let refutations = ProveProperty.allCases.flatMap { p in r.findings.filter { $0.property == p } }.map { refutation($0, program, lang) }
        o.append("\"refutations\": [" + (refutations.isEmpty ? "]" : "\n" + refutations.joined(separator: ",\n") + "\n      ]"))
        return "    {\n      " + o.joined(separator: ",\n      ") + "\n    }"
    }

    /// Seconds with millisecond precision, as a JSON number.
    static func seconds(_ s: Double) -> String {  // timing only
        let ms = Int((s * 1000).rounded())  // timing only
        return "\(ms / 1000).\(String(ms % 1000).leftPadded(3))"
    }

    static func refutation(_ f: ProveFinding, _ program: CheckedProgram, _ lang: Language) -> String {
        var o = ["\"property\": \(q(f.property.rawValue))", "\"subject\": \(q(f.subject))",
                 "\"detail\": \(q(f.detail.text(lang)))", "\"cells\": \(f.count)"]
        if let r = f.record { o.append("\"record\": " + record(r, program)) }
        if let d = f.decision { o.append("\"decision\": " + decision(d)) }
        if let r = f.other { o.append("\"other_record\": " + record(r, program)) }
        if let d = f.otherDecision { o.append("\"other_decision\": " + decision(d)) }
        return "        {" + o.joined(separator: ", ") + "}"
    }

    /// The fields the record gives, by key, as a record file writes them (options by code).
    static func record(_ f: Facts, _ program: CheckedProgram) -> String {
        var o: [String] = []
        for (i, field) in program.fields.enumerated() where f.given[i] {
            o.append("\(q(field.key)): " + value(f.values[i], field, program))
        }
        return "{" + o.joined(separator: ", ") + "}"
    }

    static func value(_ v: Value, _ f: CheckedProgram.Field, _ program: CheckedProgram) -> String {
        switch v {
        case .bool(let b): return b ? "true" : "false"
        case .number(let r): return f.type == .money ? r.formatted() : (r.isMultiple(ofOneOver: 1) ? r.formatted(places: 0) : r.formatted())
        case .text(let t): return q(t)
        case .date(let d): return q(CivilDate.format(d))
        case .choice(let c):
            if case .choice(let en) = f.type { return q(program.enums[en].codes[Int(c)]) }
            return "\(c)"
        case .set(let m):
            guard case .list(let en) = f.type else { return "[]" }
            let codes = program.enums[en].codes.indices.filter { m & (1 << UInt64($0)) != 0 }.map { q(program.enums[en].codes[$0]) }
            return "[" + codes.joined(separator: ", ") + "]"
        case .unknown, .failure: return "null"
        }
    }

    static func decision(_ d: Decision) -> String {
        let awards = d.awards.map { a in
            "{\"benefit\": \(q(a.benefit)), \"amount\": \(a.amount.map { $0.formatted() } ?? "null"), \"fund\": \(a.fund.map(q) ?? "null")}"
        }
        return "{\"status\": \(q(d.status.rawValue)), \"category\": \(q(d.category)), \"total\": \(d.totalAmount.formatted()), \"awards\": ["
            + awards.joined(separator: ", ") + "]}"
    }
}

extension String {
    /// Padded with zeros on the left to `n` characters.
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
