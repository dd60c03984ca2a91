#if canImport(Glibc)
import Glibc
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
#endif

/// A growable byte buffer for batch output: one per worker, reused block after block, so
/// rendering a decision allocates nothing once the buffer has grown to its working size.
struct ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    func free() { base.deallocate() }

    @inline(__always) mutating func reserve(_ k: Int) { if count + k > capacity { grow(count + k) } }

    @inline(never) mutating func grow(_ need: Int) {
        var c = capacity * 2
        while c < need { c *= 2 }
        let q = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        q.update(from: base, count: count)
        base.deallocate()
        base = q
        capacity = c
    }

    @inline(__always) mutating func put(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    @inline(__always) mutating func put(_ p: UnsafePointer<UInt8>, _ n: Int) {
        reserve(n)
        memcpy(base + count, p, n)
        count += n
    }

    @inline(__always) mutating func put(_ s: StaticString) {
        put(s.utf8Start, s.utf8CodeUnitCount)
    }

    @inline(__always) mutating func put(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { if let b = $0.baseAddress { put(b, $0.count) } }
    }

    /// Disfavoured so that a string literal takes the `StaticString` overload (no String made).
    @_disfavoredOverload
    mutating func put(_ s: String) {
        var s = s
        s.withUTF8 { if let b = $0.baseAddress { put(b, $0.count) } }
    }

    mutating func putInt(_ v: Int64) {
        if v < 0 {
            put(UInt8(ascii: "-"))
            if v == Int64.min { put("9223372036854775808"); return }
            putInt(-v)
            return
        }
        reserve(20)
        var tmp: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var k = 24
        var x = v
        withUnsafeMutableBytes(of: &tmp) { t in
            repeat { k -= 1; t[k] = UInt8(truncatingIfNeeded: x % 10) &+ 0x30; x /= 10 } while x > 0
            memcpy(base + count, t.baseAddress! + k, 24 - k)
        }
        count += 24 - k
    }

    /// `Rational.formatted(places: 2)` as bytes (half away from zero), without a String.
    mutating func putMoney(_ r: Rational) {
        let (n, o) = r.numerator.multipliedReportingOverflow(by: 100)
        if o { put(r.formatted(places: 2)); return }
        let d = r.denominator
        var q = n / d
        let rem = n % d
        if (rem < 0 ? -rem : rem) * 2 >= d { q += n < 0 ? -1 : 1 }
        if q < 0 { put(UInt8(ascii: "-")); q = -q }
        putInt(q / 100)
        let f = q % 100
        reserve(3)
        base[count] = 0x2E
        base[count + 1] = UInt8(truncatingIfNeeded: f / 10) &+ 0x30
        base[count + 2] = UInt8(truncatingIfNeeded: f % 10) &+ 0x30
        count += 3
    }

    /// A score as DecisionJSON writes it: whole when whole, else two places.
    mutating func putScore(_ r: Rational) {
        if r.isInteger { putInt(r.numerator) } else { putMoney(r) }
    }

    /// `JSONText.quote` as bytes.
    mutating func putJSONString(_ s: String) {
        var s = s
        s.withUTF8 { putJSONString($0.baseAddress, $0.count) }
    }

    mutating func putJSONString(_ p: UnsafePointer<UInt8>?, _ n: Int) {
        reserve(n + 2)
        base[count] = 0x22
        count += 1
        guard let p else { put(0x22); return }
        var start = 0
        var i = 0
        while i < n {
            // eight bytes at a time while none needs escaping (most of a reason's text)
            while i + 8 <= n && Self.plainJSON(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) { i += 8 }
            guard i < n else { break }
            let c = p[i]
            if c >= 0x20 && c != 0x22 && c != 0x5C { i += 1; continue }
            if i > start { put(p + start, i - start) }
            switch c {
            case 0x22: put("\\\"")
            case 0x5C: put("\\\\")
            case 0x0A: put("\\n")
            case 0x0D: put("\\r")
            case 0x09: put("\\t")
            default:
                put("\\u00")
                let hex: StaticString = "0123456789abcdef"
                put(hex.utf8Start[Int(c >> 4)])
                put(hex.utf8Start[Int(c & 15)])
            }
            i += 1
            start = i
        }
        if n > start { put(p + start, n - start) }
        put(0x22)
    }

    /// Whether none of eight bytes needs escaping in a JSON string: none below 0x20, no `"`,
    /// no `\\` (the word tests of "Bit Twiddling Hacks": exact as a whole-word answer).
    @inline(__always) static func plainJSON(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let below20 = (w &- ones &* 0x20) & ~w & highs
        let quote = w ^ (ones &* 0x22), backslash = w ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote & highs
        let hasBackslash = (backslash &- ones) & ~backslash & highs
        return below20 | hasQuote | hasBackslash == 0
    }

    /// A CSV cell: quoted (quotes doubled) only when it holds a comma, quote, CR or LF. A cell
    /// beginning with `=`, `+`, `-`, `@`, a tab or a CR gets a leading `'`, so a spreadsheet
    /// shows it as text instead of running it as a formula.
    mutating func putCSVCell(_ p: UnsafePointer<UInt8>?, _ n: Int) {
        guard let p, n > 0 else { return }
        let c0 = p[0]
        let formula = c0 == 0x3D || c0 == 0x2B || c0 == 0x2D || c0 == 0x40 || c0 == 0x09 || c0 == 0x0D
        var needs = false
        for i in 0..<n {
            let c = p[i]
            if c == 0x2C || c == 0x22 || c == 0x0A || c == 0x0D { needs = true; break }
        }
        if !needs {
            if formula { put(0x27) }
            put(p, n)
            return
        }
        put(0x22)
        if formula { put(0x27) }
        for i in 0..<n {
            if p[i] == 0x22 { put(0x22) }
            put(p[i])
        }
        put(0x22)
    }

    mutating func putCSVCell(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { putCSVCell($0.baseAddress, $0.count) }
    }

    mutating func putCSVCell(_ s: String) {
        var s = s
        s.withUTF8 { putCSVCell($0.baseAddress, $0.count) }
    }
}

extension Array where Element == UInt8 {
    init(_ s: StaticString) {
        self = Array(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }
}

/// The last `byte` in p[0..<n] (glibc's memrchr is not exported to Swift): 8 bytes a step.
func lastIndex(of byte: UInt8, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
    var i = n
    let pat = UInt64(byte) &* 0x0101_0101_0101_0101
    while i >= 8 {
        let x = UnsafeRawPointer(p + i - 8).loadUnaligned(as: UInt64.self) ^ pat
        let m = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
        if m != 0 {
            var k = i - 1
            while k >= i - 8 { if p[k] == byte { return k }; k -= 1 }
        }
        i -= 8
    }
    while i > 0 { i -= 1; if p[i] == byte { return i } }
    return nil
}
