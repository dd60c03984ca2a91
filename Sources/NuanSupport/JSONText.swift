// The one place JSON text is written from strings: every writer (decisions, summary,
// report data) quotes and assembles objects here.

/// JSON text helpers shared by every writer.
public enum JSONText {
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // Every control character as \uXXXX (C0 as JSON requires; DEL, C1 and bidi
                // controls too, so the JSON is safe to print on a terminal). Same value either way.
                if SafeText.isUnsafe(u) {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

/// Builds `{"k":v,…}` with values already rendered as JSON.
public struct JSONObjectWriter {
    public var pretty: Bool
    var parts: [String] = []
    public init(pretty: Bool) { self.pretty = pretty }
    public mutating func field(_ k: String, _ v: String) { parts.append(JSONText.quote(k) + (pretty ? ": " : ":") + v) }
    public func close() -> String {
        pretty ? "{\n  " + parts.joined(separator: ",\n  ") + "\n}" : "{" + parts.joined(separator: ",") + "}"
    }
}
