import Foundation

/// One parsed HTTP/1.1 request head, with its body once read. Header names are lower-cased.
public struct HTTPRequest: Sendable {
    public var method: String
    /// The path without the query, percent-decoded (only ever matched against fixed routes).
    public var path: String
    public var query: [String: String]
    /// Every query pair in order (a repeated key such as `set`).
    public var queryPairs: [(String, String)] = []
    public var version: String
    public var headers: [(String, String)]
    public var body: [UInt8] = []

    public func header(_ name: String) -> String? { headers.first { $0.0 == name }?.1 }

    /// Whether the client wants the connection kept after this request.
    var keepAlive: Bool {
        let c = header("connection")?.lowercased() ?? ""
        if version == "HTTP/1.0" { return c.contains("keep-alive") }
        return !c.contains("close")
    }
}

/// A response; `stream`, when set, writes the body itself (chunked) instead of `body`.
public struct HTTPResponse {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]
    public var stream: ((ChunkWriter) -> Void)?

    public init(status: Int, contentType: String, body: [UInt8], headers: [(String, String)] = []) {
        self.status = status
        self.headers = [("Content-Type", contentType)] + headers
        self.body = body
    }

    public init(status: Int, contentType: String, text: String, headers: [(String, String)] = []) {
        self.init(status: status, contentType: contentType, body: Array(text.utf8), headers: headers)
    }

    public static func json(_ status: Int, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json; charset=utf-8", text: text)
    }

    /// `{"error": …, "status": …}`: what every 4xx/5xx of the API says.
    public static func error(_ status: Int, _ message: String) -> HTTPResponse {
        json(status, "{\"status\":\(status),\"error\":\(jsonQuote(message))}\n")
    }

    public static let reasons: [Int: String] = [
        100: "Continue", 200: "OK", 303: "See Other", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 409: "Conflict",
        408: "Request Timeout", 411: "Length Required", 413: "Content Too Large", 415: "Unsupported Media Type",
        421: "Misdirected Request", 431: "Request Header Fields Too Large", 500: "Internal Server Error",
        501: "Not Implemented", 503: "Service Unavailable", 505: "HTTP Version Not Supported",
    ]
}

/// JSON string literal (the API's own messages; decisions are rendered by `DecisionJSON`).
func jsonQuote(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029 {
                out += String(format: "\\u%04x", u.value)
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out + "\""
}

/// Parsing of the request head: the request line, header lines, the query string.
enum HTTPParse {
    enum Failure: Error, Equatable {
        case bad(String)
        case version
    }

    static let maxHeaders = 100

    /// `head` is everything before the blank line (CRLF line ends; a bare LF is accepted too).
    static func head(_ head: ArraySlice<UInt8>) throws -> HTTPRequest {
        // split on bytes: in a Swift String "\r\n" is one Character
        var lines: [Substring] = []
        for raw in head.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let bytes = raw.last == 0x0D ? raw.dropLast() : raw
            guard let line = String(bytes: bytes, encoding: .utf8), !line.contains("\r") else { throw Failure.bad("request head is not UTF-8 text") }
            lines.append(Substring(line))
        }
        guard !lines.isEmpty else { throw Failure.bad("empty request") }
        let requestLine = lines.removeFirst()
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw Failure.bad("malformed request line")
        }
        let version = String(parts[2])
        guard version.hasPrefix("HTTP/") else { throw Failure.bad("malformed request line") }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { throw Failure.version }
        let target = String(parts[1])
        guard target.hasPrefix("/"), target.utf8.count <= 4096 else { throw Failure.bad("request target must be an absolute path") }
        var headers: [(String, String)] = []
        for line in lines where !line.isEmpty {
            guard headers.count < maxHeaders else { throw Failure.bad("too many header fields") }
            guard let colon = line.firstIndex(of: ":") else { throw Failure.bad("header line without a colon") }
            let name = line[..<colon]
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else { throw Failure.bad("malformed header name") }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append((name.lowercased(), value))
        }
        let (path, query, pairs) = try splitTarget(target)
        return HTTPRequest(method: String(parts[0]), path: path, query: query, queryPairs: pairs, version: version, headers: headers)
    }

    static func splitTarget(_ target: String) throws -> (String, [String: String], [(String, String)]) {
        let q = target.firstIndex(of: "?")
        let rawPath = q.map { String(target[..<$0]) } ?? target
        guard let path = rawPath.removingPercentEncoding else { throw Failure.bad("bad percent-encoding in path") }
        let query: [(String, String)] = q.map { form(String(target[target.index(after: $0)...])) } ?? []
        var dict: [String: String] = [:]
        for (k, v) in query where dict[k] == nil { dict[k] = v }
        return (path, dict, query)
    }

    /// `application/x-www-form-urlencoded` pairs, in order (`+` is a space).
    static func form(_ s: String) -> [(String, String)] {
        s.split(separator: "&").compactMap { part -> (String, String)? in
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ x: Substring) -> String? { x.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let k = decode(kv[0]), !k.isEmpty else { return nil }
            return (k, kv.count > 1 ? (decode(kv[1]) ?? "") : "")
        }
    }
}
