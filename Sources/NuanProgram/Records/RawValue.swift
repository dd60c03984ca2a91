import NuanSupport
import NuanSyntax
/// A value as it stood in the input (JSON or a CSV cell), before the rules' types are applied.
public enum RawValue: Sendable, Equatable {
    case null
    case string(String)
    /// A JSON number, as its literal text (never through binary floating point).
    case number(String)
    case bool(Bool)
    case array([RawValue])
    /// A nested object, kept as its JSON text (no contract field is an object).
    case object(String)

    /// The value as JSON text (for carrying unknown keys through unchanged).
    public var json: String {
        switch self {
        case .null: return "null"
        case .string(let s): return JSONText.quote(s)
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .array(let xs): return "[" + xs.map(\.json).joined(separator: ",") + "]"
        case .object(let o): return o
        }
    }
}

/// A JSON syntax error with its position in the input.
public struct JSONError: Error, Sendable, Equatable {
    public var detail: Message
    public var offset: Int

    init(_ detail: Message, offset: Int) {
        self.detail = detail
        self.offset = offset
    }

    /// The error in Chinese (the default language of messages).
    public var message: String { detail.zh }

    /// "第 L 行第 C 列" of the error in `bytes` (columns count characters), with a hint when
    /// the input holds more than one record.
    public func describe(in bytes: [UInt8], language: Language = .chinese) -> String {
        let upto = bytes.prefix(min(offset, bytes.count))
        let line = upto.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        let lineStart = upto.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<upto.count], as: UTF8.self).count + 1
        var text = RecordMessage.jsonAt(detail, line: line, column: column)
        let rest = bytes[min(offset, bytes.count)...].drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if rest.first == UInt8(ascii: "{") { text = text + RecordMessage.moreThanOneRecord }
        return text.text(language)
    }
}

/// A small byte-level JSON reader for one record (an object of scalars and arrays). Foundation's
/// JSONSerialization is slow on Linux and turns numbers into binary floating point, which money cannot afford.
public struct JSONRecordReader {
    let b: UnsafeBufferPointer<UInt8>
    var i: Int
    /// Objects and arrays open around the current value.
    var depth = 0
    /// Deepest nesting read. A record is one object of scalars and arrays; anything much deeper
    /// is not a record, and reading it recursively could exhaust the stack.
    public static let maxDepth = 64

    /// Parses one JSON object into its key/value pairs, in order.
    public static func parseObject(_ bytes: [UInt8]) -> Result<[(String, RawValue)], JSONError> {
        bytes.withUnsafeBufferPointer { buf in
            var r = JSONRecordReader(b: buf, i: 0)
            do {
                r.skipSpace()
                if r.i < buf.count && buf[r.i] == 0xEF, r.i + 2 < buf.count, buf[r.i + 1] == 0xBB, buf[r.i + 2] == 0xBF { r.i += 3 }
                r.skipSpace()
                let pairs = try r.object()
                r.skipSpace()
                if r.i != buf.count { throw JSONError(RecordMessage.trailingContent, offset: r.i) }
                return .success(pairs)
            } catch let e as JSONError {
                return .failure(e)
            } catch {
                return .failure(JSONError(Message(both: "\(error)"), offset: r.i))
            }
        }
    }

    mutating func skipSpace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    mutating func expect(_ c: UInt8, _ what: Message) throws {
        skipSpace()
        guard i < b.count, b[i] == c else { throw JSONError(RecordMessage.expected(what), offset: i) }
        i += 1
    }

    mutating func enter() throws {
        depth += 1
        if depth > Self.maxDepth { throw JSONError(RecordMessage.nestedDeeper(Self.maxDepth), offset: i) }
    }

    mutating func object() throws -> [(String, RawValue)] {
        try expect(UInt8(ascii: "{"), RecordMessage.anObject)
        try enter()
        defer { depth -= 1 }
        var out: [(String, RawValue)] = []
        skipSpace()
        if i < b.count && b[i] == UInt8(ascii: "}") { i += 1; return out }
        while true {
            skipSpace()
            guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw JSONError(RecordMessage.quotedKey, offset: i) }
            let k = try string()
            try expect(UInt8(ascii: ":"), Message("“:”", "‘:’"))
            out.append((k, try value()))
            skipSpace()
            guard i < b.count else { throw JSONError(RecordMessage.objectNotClosed, offset: i) }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "}") { i += 1; return out }
            throw JSONError(RecordMessage.commaOrBrace, offset: i)
        }
    }

    mutating func value() throws -> RawValue {
        skipSpace()
        guard i < b.count else { throw JSONError(RecordMessage.aValue, offset: i) }
        switch b[i] {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "["):
            try enter()
            defer { depth -= 1 }
            i += 1
            var xs: [RawValue] = []
            skipSpace()
            if i < b.count && b[i] == UInt8(ascii: "]") { i += 1; return .array(xs) }
            while true {
                xs.append(try value())
                skipSpace()
                guard i < b.count else { throw JSONError(RecordMessage.arrayNotClosed, offset: i) }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "]") { i += 1; return .array(xs) }
                throw JSONError(RecordMessage.commaOrBracket, offset: i)
            }
        case UInt8(ascii: "{"):
            let start = i
            _ = try object()
            return .object(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default:
            let start = i
            while i < b.count, (b[i] >= 0x30 && b[i] <= 0x39) || b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")
                    || b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") { i += 1 }
            guard i > start else { throw JSONError(RecordMessage.unknownValue, offset: i) }
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
            return .number(JSONNumber.plainDecimal(text) ?? text)
        }
    }

    mutating func literal(_ word: String) throws {
        for c in word.utf8 {
            guard i < b.count, b[i] == c else { throw JSONError(RecordMessage.unknownValue, offset: i) }
            i += 1
        }
    }

    mutating func string() throws -> String {
        i += 1
        var bytes: [UInt8] = []
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") { i += 1; return String(decoding: bytes, as: UTF8.self) }
            if c < 0x20 { throw JSONError(RecordMessage.controlCharacter, offset: i) }
            if c == UInt8(ascii: "\\") {
                i += 1
                guard i < b.count else { break }
                switch b[i] {
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code) {
                        // A high surrogate counts only with a low one after it; alone it is
                        // U+FFFD and the escape that follows is read on its own.
                        let high = code, save = i
                        code = 0xFFFD
                        if i + 2 < b.count, b[i + 1] == UInt8(ascii: "\\"), b[i + 2] == UInt8(ascii: "u") {
                            i += 2
                            let low = try hex4()
                            if (0xDC00..<0xE000).contains(low) {
                                code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                i = save
                            }
                        }
                    }
                    bytes += Array(String(Unicode.Scalar(code) ?? "\u{FFFD}").utf8)
                default: bytes.append(b[i])
                }
                i += 1
                continue
            }
            bytes.append(c)
            i += 1
        }
        throw JSONError(RecordMessage.unterminatedString, offset: i)
    }

    mutating func hex4() throws -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            i += 1
            guard i < b.count, let d = hexDigit(b[i]) else { throw JSONError(RecordMessage.hexDigits, offset: i) }
            v = v << 4 | d
        }
        return v
    }

    func hexDigit(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: return UInt32(c - 0x30)
        case 0x41...0x46: return UInt32(c - 0x41 + 10)
        case 0x61...0x66: return UInt32(c - 0x61 + 10)
        default: return nil
        }
    }
}
