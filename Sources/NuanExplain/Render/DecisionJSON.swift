import NuanSupport
import NuanSyntax
import NuanProgram
/// Renders a decision as the JSON object of `shared/spec/decision.md`, keys in the contract's
/// order. Written by hand: the contract is small and money must stay decimal text.
public struct DecisionJSON {
    public let program: CheckedProgram
    /// Compact output (batch with `--explain none`): the contract's fields only — no per-award
    /// unit and citation, and the rules block without the per-file digests.
    public var compact: Bool
    /// ID- and phone-shaped numbers in every text field are masked unless `unmask` (`--unmask`).
    /// File paths and digests in the rules block are not personal and are left as they are.
    public var disclosure: Disclosure

    public init(program: CheckedProgram, compact: Bool = false, unmask: Bool = false) {
        self.program = program
        self.compact = compact
        self.disclosure = Disclosure(unmask: unmask)
    }

    /// A text field of the decision, masked, as a JSON string.
    func q(_ s: String) -> String { JSONText.quote(disclosure.value(s)) }

    public func render(_ d: Decision, pretty: Bool = false) -> String {
        var o = JSONObjectWriter(pretty: pretty)
        o.field("id", d.id.map(q) ?? "null")
        o.field("status", JSONText.quote(d.status.rawValue))
        o.field("category", JSONText.quote(d.category))
        o.field("awards", array(d.awards.map(award), pretty: pretty, depth: 1))
        o.field("total_amount", JSONText.quote(d.totalAmount.formatted(places: 2)))
        o.field("score", d.score.map(Self.number) ?? "null")
        o.field("missing", "[" + d.missing.map(q).joined(separator: ",") + "]")
        o.field("errors", array(d.errors.map(error), pretty: pretty, depth: 1))
        o.field("warnings", array(d.warnings.map(warning), pretty: pretty, depth: 1))
        o.field("reasons", array(d.reasons.map(q), pretty: pretty, depth: 1))
        o.field("recourse", array(d.recourse.map(recourse), pretty: pretty, depth: 1))
        o.field("explanation", array(d.explanation.map { entry($0) }, pretty: pretty, depth: 1))
        o.field("rules", rules)
        return o.close()
    }

    /// Scores are JSON numbers: whole when whole, else two places.
    static func number(_ r: Rational) -> String { r.isInteger ? String(r.numerator) : r.formatted(places: 2) }

    func array(_ items: [String], pretty: Bool, depth: Int) -> String {
        guard pretty, !items.isEmpty else { return "[" + items.joined(separator: ",") + "]" }
        let pad = String(repeating: "  ", count: depth + 1)
        return "[\n" + items.map { pad + $0 }.joined(separator: ",\n") + "\n" + String(repeating: "  ", count: depth) + "]"
    }

    package func award(_ a: Decision.Award) -> String {
        var o = JSONObjectWriter(pretty: false)
        o.field("benefit", q(a.benefit))
        o.field("amount", a.amount.map { JSONText.quote($0.formatted(places: 2)) } ?? "null")
        o.field("fund", a.fund.map(JSONText.quote) ?? "null")
        o.field("allowed_funds", "[" + a.allowedFunds.map(JSONText.quote).joined(separator: ",") + "]")
        if !compact {
            if let u = a.unit { o.field("unit", JSONText.quote(u.rawValue)) }
            if let c = a.citation { o.field("source", q(c)) }
        }
        return o.close()
    }

    package func error(_ e: RecordError) -> String {
        var o = JSONObjectWriter(pretty: false)
        o.field("field", q(e.field))
        o.field("value", e.value.map(q) ?? "null")
        o.field("reason", q(e.reason))
        if let l = e.line { o.field("line", String(l)) }
        o.field("message", q(e.message))
        return o.close()
    }

    package func warning(_ w: DecisionWarning) -> String {
        var o = JSONObjectWriter(pretty: false)
        o.field("code", JSONText.quote(w.code))
        o.field("message", q(w.message))
        return o.close()
    }

    /// `{"changes": [{"field", "from", "to"}], "result": {"status", "total_amount"}}`, values in
    /// the record's JSON encoding so the item applies to the record as it stands.
    package func recourse(_ item: RecourseItem) -> String {
        let changes = item.changes.map { c -> String in
            var o = JSONObjectWriter(pretty: false)
            o.field("field", JSONText.quote(program.fields[c.slot].key))
            o.field("from", c.from.map { RecordValueJSON(program: program).encode($0, slot: c.slot) } ?? "null")
            o.field("to", RecordValueJSON(program: program).encode(c.to, slot: c.slot))
            return o.close()
        }
        var result = JSONObjectWriter(pretty: false)
        result.field("status", JSONText.quote(item.status.rawValue))
        result.field("total_amount", JSONText.quote(item.totalAmount.formatted(places: 2)))
        var o = JSONObjectWriter(pretty: false)
        o.field("changes", "[" + changes.joined(separator: ",") + "]")
        o.field("result", result.close())
        return o.close()
    }

    func entry(_ e: ExplanationEntry) -> String {
        var o = JSONObjectWriter(pretty: false)
        o.field("kind", JSONText.quote(e.kind.rawValue))
        o.field("rule", q(e.rule))
        o.field("source", e.citation.map(q) ?? "null")
        o.field("outcome", JSONText.quote(e.outcome.rawValue))
        if let r = e.result { o.field("result", q(r)) }
        if !e.values.isEmpty { o.field("values", "[" + e.values.map(q).joined(separator: ",") + "]") }
        if !e.margins.isEmpty { o.field("margins", "[" + e.margins.map(q).joined(separator: ",") + "]") }
        if !e.missing.isEmpty { o.field("missing", "[" + e.missing.map(q).joined(separator: ",") + "]") }
        if !e.children.isEmpty { o.field("children", "[" + e.children.map { entry($0) }.joined(separator: ",") + "]") }
        return o.close()
    }

    /// The `rules` block: which texts decided — name, version, one SHA-256 over the file and
    /// every file it extends (and, unless compact, each file's own digest) — and any `--set`.
    public var rules: String {
        var o = JSONObjectWriter(pretty: false)
        o.field("name", q(program.title))
        o.field("version", program.version.map(q) ?? "null")
        o.field("sha256", JSONText.quote(program.chainSHA256))
        if !compact {
            o.field("files", "[" + program.sources.map { s in
                "{\"path\":\(JSONText.quote(s.path)),\"sha256\":\(JSONText.quote(s.sha256))}"
            }.joined(separator: ",") + "]")
        }
        o.field("overrides", "[" + program.overrides.map(q).joined(separator: ",") + "]")
        return o.close()
    }
}
