import NuanSupport
import NuanSyntax
import NuanProgram
import NuanTools

/// One rules file as `GET /v1/rules` gives it: its fields (what a form asks), parameters
/// (with table rows), benefits, funds and categories, each with its citation.
enum RulesJSON {
    static func q(_ s: String?) -> String { s.map { jsonQuote(Disclosure.masked.value($0)) } ?? "null" }
    static func obj(_ fields: [(String, String)]) -> String {
        "{" + fields.map { jsonQuote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
    static func arr(_ items: [String], indent: Bool = false) -> String {
        indent && !items.isEmpty ? "[\n      " + items.joined(separator: ",\n      ") + "\n    ]" : "[" + items.joined(separator: ",") + "]"
    }
    static func date(_ d: Int32?) -> String { d.map { jsonQuote(CivilDate.format($0)) } ?? "null" }
    static func number(_ r: Rational?) -> String { r.map { jsonQuote($0.description) } ?? "null" }

    static func typeName(_ t: ValueType) -> String {
        switch t {
        case .bool: return "bool"
        case .money: return "money"
        case .number: return "number"
        case .text: return "text"
        case .date: return "date"
        case .choice: return "choice"
        case .list: return "list"
        case .error: return "error"
        }
    }

    static func render(_ e: RulesMenu.Entry) -> String {
        let p = e.program
        let printer = NodePrinter(program: p)
        let relevance = Relevance(program: p)  // only for `raw`: a value as a record gives it
        let fields = p.fields.indices.map { i -> String in
            let f = p.fields[i]
            var o: [(String, String)] = [("key", q(f.key)), ("label", q(f.display)), ("type", jsonQuote(typeName(f.type)))]
            o.append(("integer", f.base == .integer ? "true" : "false"))
            if f.type == .money { o.append(("unit", q("元"))) }
            o.append(("required", f.required ? "true" : "false"))
            o.append(("personal", f.isPersonal ? "true" : "false"))
            o.append(("default", f.defaultValue.map { relevance.raw($0, slot: i).json } ?? "null"))
            o.append(("at_least", number(f.atLeast)))
            o.append(("at_most", number(f.atMost)))
            if case .choice(let en) = f.type { o.append(("options", options(p.enums[en]))) }
            if case .list(let en) = f.type { o.append(("options", options(p.enums[en]))) }
            return obj(o)
        }
        let parameters = p.parameters.map { x -> String in
            var o: [(String, String)] = [("name", q(x.name)), ("unit", q(x.unit?.rawValue)), ("value", number(x.value))]
            if let k = x.keyField {
                o.append(("key_field", q(p.fields[k].key)))
                o.append(("rows", arr(x.rows.map { row in
                    obj([("keys", arr(row.keys.map { q($0) })), ("value", number(row.value)), ("from", date(row.from)),
                         ("unconfirmed", row.unconfirmed ? "true" : "false"), ("citation", q(row.citation))])
                })))
            }
            o += [("unconfirmed", x.unconfirmed ? "true" : "false"), ("overridden", x.overridden ? "true" : "false"), ("citation", q(x.citation))]
            return obj(o)
        }
        var benefits: [String] = []
        for g in p.benefitGroups {
            for b in g.benefits {
                let amount: String
                switch b.amount {
                case .unset: amount = "null"
                case .withhold: amount = q("不发")
                case .fixed(let n):
                    if case .constant = p.nodes[Int(n)].op, case .number(let r) = p.constants[Int(p.nodes[Int(n)].a)] { amount = jsonQuote(r.formatted(places: 2)) }
                    else { amount = q(printer.text(n)) }
                }
                benefits.append(obj([
                    ("name", q(b.name)), ("group", g.implicit ? "null" : q(g.name)), ("policy", jsonQuote(g.policy.rawValue)),
                    ("amount", amount), ("unit", q(b.unit?.rawValue)), ("recipients", q(b.recipient.map { p.groups[$0].name })),
                    ("condition", q(b.condition.map { printer.text($0) })),
                    ("funds", arr(b.funds.map { q(p.funds[$0].code) })), ("citation", q(b.citation)),
                ]))
            }
        }
        let funds = p.funds.map { f in
            obj([("code", q(f.code)), ("label", q(f.label)), ("may_pay", f.mayPay.map { arr($0.map { q(p.groups[$0].name) }) } ?? "null"),
                 ("citation", q(f.citation))])
        }
        let categories = p.categories.map { c in obj([("code", q(c.code)), ("label", q(c.label)), ("citation", q(c.citation))]) }
        let head: [(String, String)] = [
            ("key", q(e.key)), ("title", q(p.title)), ("version", q(p.version)), ("jurisdiction", q(p.jurisdiction)),
            ("year", p.year.map(String.init) ?? "null"), ("notice", q(p.notice)),
            ("in_force", obj([("from", date(p.inForceFrom)), ("to", date(p.inForceTo))])), ("sha256", q(p.chainSHA256)),
        ]
        return "  {" + head.map { jsonQuote($0.0) + ":" + $0.1 }.joined(separator: ",")
            + ",\n    \"fields\":" + arr(fields, indent: true)
            + ",\n    \"parameters\":" + arr(parameters, indent: true)
            + ",\n    \"benefits\":" + arr(benefits, indent: true)
            + ",\n    \"funds\":" + arr(funds, indent: true)
            + ",\n    \"categories\":" + arr(categories, indent: true) + "}"
    }

    static func options(_ e: EnumInfo) -> String {
        arr(e.codes.indices.map { i in obj([("code", q(e.codes[i])), ("label", q(e.display(i)))]) })
    }
}
