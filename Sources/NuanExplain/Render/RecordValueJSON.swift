import NuanSupport
import NuanSyntax
import NuanProgram

/// A field's value written as an applicant record would give it (`shared/spec/applicant-
/// record.md`): options by code, lists as arrays of codes, booleans `true`/`false`, integers
/// as JSON numbers, money and decimals as decimal strings (exact, never binary floating point).
struct RecordValueJSON {
    let program: CheckedProgram

    func encode(_ v: Value, slot: Int) -> String {
        let field = program.fields[slot]
        switch v {
        case .bool(let b): return b ? "true" : "false"
        case .number(let r):
            if field.base == .integer && r.isInteger { return String(r.numerator) }
            return JSONText.quote(field.base == .money ? r.formatted(places: 2) : r.description)
        case .choice(let c):
            guard case .choice(let e) = field.type, Int(c) < program.enums[e].codes.count else { return "null" }
            return JSONText.quote(program.enums[e].codes[Int(c)])
        case .set(let mask):
            guard case .list(let e) = field.type else { return "null" }
            let codes = program.enums[e].codes.indices.filter { mask & (1 << UInt64($0)) != 0 }.map { JSONText.quote(program.enums[e].codes[$0]) }
            return "[" + codes.joined(separator: ",") + "]"
        case .text(let s): return JSONText.quote(s)
        case .date(let d): return JSONText.quote(CivilDate.format(d))
        case .unknown, .failure: return "null"
        }
    }

}
