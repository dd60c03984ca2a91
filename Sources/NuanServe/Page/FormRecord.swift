import NuanSupport
import NuanProgram

/// The screening form as a record: each field's inputs → the JSON a record file would hold.
/// Both the plain form submit and the live update decide this JSON through the same path as
/// `POST /v1/decide`.
enum FormRecord {
    /// `__none__` in a multiple choice: the explicit empty list (no box ticked = not given).
    static let noneMarker = "__none__"

    static func pairs(_ program: CheckedProgram, _ form: [(String, String)]) -> [(String, RawValue)] {
        var out: [(String, RawValue)] = []
        for f in program.fields {
            let values = form.filter { $0.0 == f.key }.map { $0.1.trimmingCharacters(in: .whitespacesAndNewlines) }
            switch f.type {
            case .list:
                if values.contains(noneMarker) { out.append((f.key, .array([]))); continue }
                let codes = values.filter { !$0.isEmpty }
                if !codes.isEmpty { out.append((f.key, .array(codes.map { .string($0) }))) }
            case .bool:
                guard let v = values.last(where: { !$0.isEmpty }) else { continue }
                out.append((f.key, v == "true" ? .bool(true) : v == "false" ? .bool(false) : .string(v)))
            case .money, .number:
                guard let v = values.last(where: { !$0.isEmpty }) else { continue }
                out.append((f.key, isJSONNumber(v) ? .number(v) : .string(v)))
            default:
                guard let v = values.last(where: { !$0.isEmpty }) else { continue }
                out.append((f.key, .string(v)))
            }
        }
        return out
    }

    /// `set:NAME`: a figure the office sets (a `待定` parameter, a table row the rules lack).
    static let setPrefix = "set:"

    /// The office's figures given in the form, as `--set` pairs (empty inputs left out).
    static func sets(_ form: [(String, String)]) -> [(name: String, value: String)] {
        var out: [(name: String, value: String)] = []
        for (k, v) in form where k.hasPrefix(setPrefix) && k.count > setPrefix.count {
            let value = v.trimmingCharacters(in: .whitespacesAndNewlines)
            let name = String(k.dropFirst(setPrefix.count))
            if !value.isEmpty && !out.contains(where: { $0.name == name }) { out.append((name, value)) }
        }
        return out
    }

    static func json(_ pairs: [(String, RawValue)]) -> String {
        "{" + pairs.map { JSONText.quote($0.0) + ":" + $0.1.json }.joined(separator: ",") + "}"
    }

    /// `-?digits(.digits)?`: written into the record as a JSON number, exactly as typed.
    static func isJSONNumber(_ s: String) -> Bool {
        var u = Substring(s)
        if u.first == "-" { u = u.dropFirst() }
        let parts = u.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let int = parts.first, !int.isEmpty, int.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        if int.count > 1 && int.first == "0" { return false }
        if parts.count == 2 { return !parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && $0.isNumber } }
        return true
    }
}
