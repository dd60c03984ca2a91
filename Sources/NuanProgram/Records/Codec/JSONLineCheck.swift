import NuanSupport
/// Checks a JSON Lines record before the general reader (`JSONRecordReader`) sees it, so that
/// nothing a line holds can trap or exhaust the stack there: nesting deeper than `maxDepth`
/// and `\u` escapes that are lone UTF-16 surrogates make the record invalid, naming the field.
/// One pass, no recursion; only records the fast reader declined come here.
package enum JSONLineCheck {
    package static let maxDepth = 64

    /// The first problem: (field key as written, reason), or nil.
    package static func problem(_ b: UnsafeBufferPointer<UInt8>) -> (key: String, reason: Message)? {
        let n = b.count
        var i = 0
        var depth = 0
        // the key of the top-level member being read: a string at depth 1 after `{` or `,`
        var expectKey = false
        var key = ""
        while i < n {
            let c = b[i]
            switch c {
            case 0x7B, 0x5B:
                depth += 1
                if depth > maxDepth { return (key, RecordMessage.tooDeep(maxDepth)) }
                expectKey = depth == 1 && c == 0x7B
                i += 1
            case 0x7D, 0x5D:
                depth -= 1
                i += 1
            case 0x2C:
                if depth == 1 { expectKey = true }
                i += 1
            case 0x22:
                let start = i + 1
                i += 1
                var escaped = false
                while i < n {
                    let d = b[i]
                    if d == 0x22 { break }
                    if d == 0x5C {
                        escaped = true
                        guard i + 1 < n else { return nil }          // unterminated: the reader says so
                        if b[i + 1] == 0x75 {
                            guard let u = hex4(b, i + 2) else { return nil }
                            if u >= 0xDC00 && u <= 0xDFFF { return (expectKey ? "" : key, surrogate(u)) }
                            if u >= 0xD800 && u <= 0xDBFF {
                                guard i + 11 < n, b[i + 6] == 0x5C, b[i + 7] == 0x75, let lo = hex4(b, i + 8),
                                      lo >= 0xDC00 && lo <= 0xDFFF else { return (expectKey ? "" : key, surrogate(u)) }
                                i += 12
                                continue
                            }
                            i += 6
                            continue
                        }
                        i += 2
                        continue
                    }
                    i += 1
                }
                if expectKey {
                    // kept as written (an escaped key is rare; it is only used to name the field)
                    key = escaped ? "" : String(decoding: UnsafeBufferPointer(rebasing: b[start..<min(i, n)]), as: UTF8.self)
                    expectKey = false
                }
                i += 1
            default:
                i += 1
            }
        }
        return nil
    }

    static func surrogate(_ u: UInt32) -> Message {
        let h = String(u, radix: 16)
        return RecordMessage.loneSurrogate(String(repeating: "0", count: 4 - h.count) + h)
    }

    static func hex4(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32? {
        guard at + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in at..<(at + 4) {
            let c = b[k]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }
}
