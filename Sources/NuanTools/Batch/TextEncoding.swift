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
