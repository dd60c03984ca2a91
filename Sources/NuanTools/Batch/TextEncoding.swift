#if canImport(Glibc)
import Glibc
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
#endif

/// Character encodings of batch input: UTF-8 (with or without BOM) or GB18030, the encoding
/// Excel on a Chinese Windows saves CSV in.
public enum BatchEncoding: String, Sendable {
    case utf8
    case gb18030

    /// UTF-8 when `sample` is valid UTF-8 (a sequence cut off at the end of the sample is
    /// allowed), else GB18030.
    public static func detect(_ sample: UnsafeBufferPointer<UInt8>) -> BatchEncoding {
        guard let p = sample.baseAddress else { return .utf8 }
        let n = sample.count
        let bad = UTF8Check.firstInvalid(p, n)
        if bad == n { return .utf8 }
        // an incomplete sequence in the last 3 bytes is a cut, not an error
        if n - bad <= 3, UTF8Check.isTruncatedLead(p + bad, n - bad) { return .utf8 }
        return .gb18030
    }
}

enum UTF8Check {
    /// Index of the first byte of an invalid UTF-8 sequence in p[0..<n], or n when valid.
    static func firstInvalid(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
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

    static func isValid(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool { firstInvalid(p, n) == n }

    /// Whether p[0..<n] is the valid beginning of a longer sequence.
    static func isTruncatedLead(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
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

/// GB18030 → UTF-8 with glibc's iconv, one converter per worker. A byte sequence that is not
/// GB18030 becomes the byte 0xFF in the output — never valid UTF-8 — so the record holding it
/// is reported invalid, naming its field.
final class GB18030Decoder {
    private let cd: iconv_t

    init?() {
        let h = iconv_open("UTF-8", "GB18030")
        if h == iconv_t(bitPattern: -1) { return nil }
        cd = h!
    }

    deinit { iconv_close(cd) }

    /// Converts src[0..<n] and appends it to `out`.
    func convert(_ src: UnsafePointer<UInt8>, _ n: Int, into out: inout ByteBuffer) {
        _ = iconv(cd, nil, nil, nil, nil)
        var inPtr = UnsafeMutablePointer<CChar>(OpaquePointer(UnsafeMutablePointer(mutating: src)))
        var inLeft = n
        while inLeft > 0 {
            out.reserve(inLeft * 2 + 16)
            var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer<CChar>(OpaquePointer(out.base + out.count))
            var outLeft = out.capacity - out.count
            let before = outLeft
            var ip: UnsafeMutablePointer<CChar>? = inPtr
            let r = iconv(cd, &ip, &inLeft, &outPtr, &outLeft)
            inPtr = ip!
            out.count += before - outLeft
            if r == -1 {
                let e = errno
                if e == E2BIG { continue }
                // EILSEQ or EINVAL (cut off at the end): mark the byte and go on
                out.put(0xFF)
                inPtr += 1
                inLeft -= 1
                _ = iconv(cd, nil, nil, nil, nil)
            }
        }
    }
}
