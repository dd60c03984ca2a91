import NuanSupport
import NuanProgram

/// Text put into a page: ID and phone numbers masked, control characters shown as `\u{1B}`,
/// then HTML-escaped — every string from a record, a rules file or a decision goes through it.
func h(_ s: String) -> String {
    var out = ""
    for c in Disclosure.masked.line(s).unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}

/// A decoded JSON value with numbers kept as their text (no binary floating point), read by
/// the record reader the engine uses.
enum JSONTree {
    case null, bool(Bool), number(String), string(String), array([JSONTree]), object([(String, JSONTree)])

    static func parse(_ text: String) -> JSONTree? {
        guard case .success(let pairs) = JSONRecordReader.parseObject(Array(text.utf8)) else { return nil }
        return .object(pairs.map { ($0.0, from($0.1)) })
    }

    static func from(_ raw: RawValue) -> JSONTree {
        switch raw {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .array(let xs): return .array(xs.map(from))
        case .object(let text): return parse(text) ?? .null
        }
    }

    subscript(_ key: String) -> JSONTree {
        if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 ?? .null }
        return .null
    }

    var string: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    var array: [JSONTree] { if case .array(let xs) = self { return xs }; return [] }
    var isNull: Bool { if case .null = self { return true }; return false }

    /// The value as JSON text (a recourse item's `from`/`to`).
    var json: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return JSONText.quote(s)
        case .array(let xs): return "[" + xs.map(\.json).joined(separator: ",") + "]"
        case .object(let ps): return "{" + ps.map { JSONText.quote($0.0) + ":" + $0.1.json }.joined(separator: ",") + "}"
        }
    }
}
