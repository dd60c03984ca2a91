/// A pull tokenizer for the XML that Office writes: elements, attributes, text, the five named
/// entities, numeric character references and CDATA. No DTD: a `<!DOCTYPE` is refused, which also
/// rules out entity-expansion attacks. Nesting deeper than `maxDepth` is refused so a hostile part
/// cannot exhaust memory or a consumer's recursion.
struct XMLReader {
    private let bytes: [UInt8]
    private let part: String
    private let maxDepth: Int
    private var position = 0
    private var stack: [String] = []
    private var pendingEnd: String?

    init(_ bytes: [UInt8], part: String, maxDepth: Int = 100) throws(OfficeError) {
        self.bytes = bytes
        self.part = part
        self.maxDepth = maxDepth
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw OfficeError(.xmlMalformed, "XML 用的是 UTF-16 编码，不受支持", entry: part)
        }
    }

    /// The next event, or nil at the end of a well-formed document.
    mutating func next() throws(OfficeError) -> XMLEvent? {
        if let name = pendingEnd {
            pendingEnd = nil
            return .end(name)
        }
        while position < bytes.count {
            if bytes[position] != UInt8(ascii: "<") {
                let text = try readText()
                if stack.isEmpty {
                    // Only whitespace may stand outside the root element.
                    guard text.allSatisfy(\.isWhitespace) else { throw malformed("根元素之外有文本") }
                    continue
                }
                return .text(text)
            }
            if starts("<?") {
                try skip(past: "?>")
            } else if starts("<!--") {
                try skip(past: "-->")
            } else if starts("<![CDATA[") {
                position += 9
                let start = position
                try skip(past: "]]>")
                guard !stack.isEmpty else { throw malformed("根元素之外有 CDATA") }
                return .text(try decodeUTF8(bytes[start..<(position - 3)]))
            } else if starts("<!") {
                throw OfficeError(.xmlDoctype, "XML 含 DOCTYPE 或 DTD 声明，不受支持\(lineNote)", entry: part)
            } else if starts("</") {
                position += 2
                let name = try readName()
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else { throw malformed("结束标签未闭合") }
                position += 1
                guard let open = stack.popLast(), open == name else { throw malformed("结束标签 </\(name)> 与开始标签不匹配") }
                return .end(localName(name))
            } else {
                return .start(try readStartTag())
            }
        }
        guard stack.isEmpty else { throw malformed("文档在 <\(stack.last ?? "")> 内提前结束") }
        return nil
    }

    // MARK: - Pieces

    private mutating func readStartTag() throws(OfficeError) -> XMLElement {
        position += 1
        let name = try readName()
        var attributes: [XMLAttribute] = []
        while true {
            skipSpace()
            guard position < bytes.count else { throw malformed("开始标签 <\(name)> 未闭合") }
            let c = bytes[position]
            if c == UInt8(ascii: ">") || (c == UInt8(ascii: "/") && starts("/>")) {
                position += c == UInt8(ascii: ">") ? 1 : 2
                guard stack.count < maxDepth else {
                    throw OfficeError(.xmlTooDeep, "XML 嵌套超过 \(maxDepth) 层\(lineNote)", entry: part)
                }
                if c == UInt8(ascii: "/") { pendingEnd = localName(name) } else { stack.append(name) }
                return XMLElement(name: localName(name), attributes: attributes)
            }
            let attribute = try readName()
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { throw malformed("属性 \(attribute) 缺少 =") }
            position += 1
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
                throw malformed("属性 \(attribute) 的值缺少引号")
            }
            let quote = bytes[position]
            position += 1
            let start = position
            while position < bytes.count && bytes[position] != quote {
                if bytes[position] == UInt8(ascii: "<") { throw malformed("属性值中有 <") }
                position += 1
            }
            guard position < bytes.count else { throw malformed("属性 \(attribute) 的值未闭合") }
            let value = try decodeEntities(bytes[start..<position])
            position += 1
            if attribute != "xmlns" && !attribute.hasPrefix("xmlns:") {
                attributes.append(XMLAttribute(name: localName(attribute), value: value))
            }
        }
    }

    private mutating func readText() throws(OfficeError) -> String {
        let start = position
        var sawReturn = false
        while position < bytes.count && bytes[position] != UInt8(ascii: "<") {
            if bytes[position] == 0x0D { sawReturn = true }
            position += 1
        }
        guard sawReturn else { return try decodeEntities(bytes[start..<position]) }
        // XML 1.0 §2.11: a literal CR LF or lone CR in the file is read as LF. (`&#13;` is not
        // touched: that is how a writer keeps a real carriage return.)
        var text: [UInt8] = []
        var k = start
        while k < position {
            if bytes[k] == 0x0D {
                text.append(0x0A)
                if k + 1 < position && bytes[k + 1] == 0x0A { k += 1 }
            } else {
                text.append(bytes[k])
            }
            k += 1
        }
        return try decodeEntities(text[...])
    }

    private mutating func readName() throws(OfficeError) -> String {
        let start = position
        while position < bytes.count {
            let c = bytes[position]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == UInt8(ascii: ">")
                || c == UInt8(ascii: "/") || c == UInt8(ascii: "=") || c == UInt8(ascii: "<") { break }
            position += 1
        }
        guard position > start else { throw malformed("缺少元素或属性名") }
        return try decodeUTF8(bytes[start..<position])
    }

    private func localName(_ name: String) -> String {
        guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return name }
        return String(name[name.utf8.index(after: colon)...])
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private func starts(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard count <= bytes.count - position else { return false }
        return text.withUTF8Buffer { prefix in
            for k in 0..<count where bytes[position + k] != prefix[k] { return false }
            return true
        }
    }

    private mutating func skip(past terminator: StaticString) throws(OfficeError) {
        while position < bytes.count {
            if starts(terminator) {
                position += terminator.utf8CodeUnitCount
                return
            }
            position += 1
        }
        throw malformed("缺少 \(terminator)")
    }

    private func decodeUTF8(_ slice: ArraySlice<UInt8>) throws(OfficeError) -> String {
        // Names, numbers and references are ASCII: those need no validation, and skipping the
        // stdlib's generic validating initializer halves the time spent on a large sheet.
        if slice.allSatisfy({ $0 < 0x80 }) { return String(decoding: slice, as: UTF8.self) }
        guard let s = String(validating: slice, as: UTF8.self) else { throw malformed("不是有效的 UTF-8") }
        return s
    }

    /// Resolves `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and `&#…;` / `&#x…;`; anything else is an error.
    private func decodeEntities(_ slice: ArraySlice<UInt8>) throws(OfficeError) -> String {
        guard slice.contains(UInt8(ascii: "&")) else { return try decodeUTF8(slice) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var i = slice.startIndex
        while i < slice.endIndex {
            let c = slice[i]
            guard c == UInt8(ascii: "&") else {
                out.append(c)
                i += 1
                continue
            }
            guard let semicolon = slice[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                throw malformed("& 后缺少 ;")
            }
            let name = slice[(i + 1)..<semicolon]
            let scalar: Unicode.Scalar?
            switch String(decoding: name, as: UTF8.self) {
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "amp": scalar = "&"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            case let ref where ref.hasPrefix("#x"): scalar = UInt32(ref.dropFirst(2), radix: 16).flatMap(Self.allowedScalar)
            case let ref where ref.hasPrefix("#"): scalar = UInt32(ref.dropFirst(1), radix: 10).flatMap(Self.allowedScalar)
            default: scalar = nil
            }
            guard let scalar else { throw malformed("无效的实体或字符引用 &\(String(decoding: name, as: UTF8.self));") }
            out += Array(String(scalar).utf8)
            i = semicolon + 1
        }
        return try decodeUTF8(out[...])
    }

    /// Characters XML 1.0 allows (§2.2): no NUL, no surrogates, nothing past U+10FFFF.
    private static func allowedScalar(_ value: UInt32) -> Unicode.Scalar? {
        guard value == 0x9 || value == 0xA || value == 0xD || value >= 0x20 else { return nil }
        return Unicode.Scalar(value)
    }

    private var lineNote: String {
        let line = bytes[..<min(position, bytes.count)].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        return "（第 \(line) 行附近）"
    }

    private func malformed(_ what: String) -> OfficeError {
        OfficeError(.xmlMalformed, "XML 格式错误：\(what)\(lineNote)", entry: part)
    }
}
