/// UTF-8 validation over raw bytes, 8 ASCII bytes at a time (the record readers and the
/// encoding detection share it).
package enum UTF8Check {
    /// Index of the first byte of an invalid UTF-8 sequence in p[0..<n], or n when valid.
    package static func firstInvalid(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        var i = 0
        while i < n {
            // 8 ASCII bytes at a time
            if i + 8 <= n, UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            let c = p[i]
            if c < 0x80 { i += 1; continue }
            let len: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: len = 2
            case 0xE0: len = 3; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: len = 3
            case 0xED: len = 3; hi = 0x9F
            case 0xF0: len = 4; lo = 0x90
            case 0xF1...0xF3: len = 4
            case 0xF4: len = 4; hi = 0x8F
            default: return i
            }
            if i + len > n { return i }
            let c1 = p[i + 1]
            if c1 < lo || c1 > hi { return i }
            if len >= 3 && (p[i + 2] & 0xC0) != 0x80 { return i }
            if len == 4 && (p[i + 3] & 0xC0) != 0x80 { return i }
            i += len
        }
        return n
    }

    package static func isValid(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool { firstInvalid(p, n) == n }

    /// Whether p[0..<n] is the valid beginning of a longer sequence.
    package static func isTruncatedLead(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let c = p[0]
        let need: Int
        switch c {
        case 0xC2...0xDF: need = 2
        case 0xE0...0xEF: need = 3
        case 0xF0...0xF4: need = 4
        default: return false
        }
        if n >= need { return false }
        for k in 1..<n where (p[k] & 0xC0) != 0x80 { return false }
        return true
    }
}
