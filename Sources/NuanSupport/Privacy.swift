/// The one place personal numbers are masked. Every message, warning, explanation, report and
/// diagnostic that echoes a value goes through here, so a full ID or phone number is shown only
/// when the user asks for it (`--unmask`).
///
/// Mask forms (the same everywhere):
/// - an ID number — 18 digits, 17 digits and the check character `X`, or an old 15-digit
///   number: the first 6 (the region code) and the last 4 are kept — `110105********002X`;
/// - a mobile number (11 digits starting with 1, also written `138 1234 5678` or `138-1234-5678`):
///   the first 3 and the last 4 digits are kept, separators stay — `138****5678`;
/// - a whole value of a personal field (`身份证号`, `电话`) that has neither shape is masked as a
///   whole by `mask(_:)`: 7–14 characters keep the first 3 and last 4, shorter ones are all `*`.
///
/// A digit run that follows ASCII letters or is longer (`BB340300202400001`) is a code — letters
/// after a number (`13800000000chain`) do not make it one —
/// and one with a decimal point (`461168601842738790.00`) is an amount: neither is a number of
/// a person, and both are left alone.
public enum Privacy {
    /// Masks a whole personal value (ID or phone number), whatever its shape.
    public static func mask(_ s: String) -> String {
        let chars = Array(s)
        if chars.count >= 15 { return String(chars.prefix(6)) + String(repeating: "*", count: chars.count - 10) + String(chars.suffix(4)) }
        if chars.count >= 7 { return String(chars.prefix(3)) + String(repeating: "*", count: chars.count - 7) + String(chars.suffix(4)) }
        return String(repeating: "*", count: chars.count)
    }

    /// `text` unless `unmask` is false, in which case its ID- and phone-shaped parts are masked.
    public static func shown(_ text: String, unmask: Bool) -> String { unmask ? text : redact(text) }

    /// Masks every ID-number-shaped and mobile-number-shaped part of free text; everything else
    /// is kept as it is.
    public static func redact(_ s: String) -> String {
        if !mayHoldNumberAndShape(s) { return s }
        return redactCharacters(s)
    }

    /// Whether any of eight bytes is an ASCII digit (a byte of `x ^ "0"` below 10; the word
    /// test of "Bit Twiddling Hacks", exact as a whole-word answer).
    @inline(__always) static func hasDigit(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let t = w ^ (ones &* 0x30)
        return (t &- ones &* 10) & ~t & (ones &* 0x80) != 0
    }

    /// `mayHoldNumber(s) && mayHoldShape(s)` in one pass over the bytes (every reason and
    /// message of a batch line is looked at).
    static func mayHoldNumberAndShape(_ s: String) -> Bool {
        func scan(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
            var digits = 0
            var shape = false
            var i = 0
            let n = b.count
            let base = b.baseAddress!
            while i < n {
                // eight bytes at a time while none is a digit (most of a sentence)
                while i + 8 <= n && !hasDigit(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
                guard i < n else { break }
                guard b[i] &- 0x30 < 10 else { i += 1; continue }
                var j = i
                while j < n && b[j] &- 0x30 < 10 { j += 1 }
                let run = j - i
                if run >= 11 { return true }
                digits += run
                if !shape, j < n, b[j] == 0x20 || b[j] == 0x2D, run == 3 || (run == 4 && mayPrepend(b, before: i)) { shape = true }
                if shape && digits >= 11 { return true }
                i = j
            }
            return false
        }
        if s.utf8.count < 11 { return false }
        if let r = s.utf8.withContiguousStorageIfAvailable(scan) { return r }
        var copy = s
        return copy.withUTF8(scan)
    }

    /// `redact` without the byte-level tests: every text walked as Characters (the reference
    /// the tests compare the fast path with).
    static func redactCharacters(_ s: String) -> String {
        var c = Array(s)
        var i = 0
        while i < c.count {
            guard isDigit(c[i]) else { i += 1; continue }
            var j = i
            while j < c.count && isDigit(c[j]) { j += 1 }
            // Only a run standing on its own: not part of a code like `BB3403…`, not the whole
            // or the fraction of a decimal amount.
            if i > 0 && isWordASCII(c[i - 1]) {
                // Letters right before the run make it a code (`BB3403…`) — unless the letters
                // themselves follow a digit: `…[0m15000001111` is the end of a terminal colour
                // code and then a phone number (found by nuan-fuzz).
                var k = i - 1
                while k >= 0, let a = c[k].asciiValue, (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A { k -= 1 }
                let lettersAfterDigit = k < i - 1 && k >= 0 && isDigit(c[k])
                if !lettersAfterDigit { i = j; continue }
            }
            // A decimal's digits are an amount — unless the run has an ID number's length: no
            // amount has 15 or 18 digits before or after its point, and "138000000002022.1"
            // (a phone number and a version run together, found by nuan-fuzz) must not show.
            let idShaped = j - i == 15 || j - i == 18 || (j - i == 17 && j < c.count && (c[j] == "X" || c[j] == "x"))
            if !idShaped && i > 1 && c[i - 1] == "." && isDigit(c[i - 2]) { i = j; continue }
            if !idShaped && j + 1 < c.count && c[j] == "." && isDigit(c[j + 1]) { i = j; continue }
            var end = j
            if j - i == 17, j < c.count, c[j] == "X" || c[j] == "x" { end = j + 1 }
            // Letters after the number do not make it a code (`13800000000chain/`): only letters
            // before it do. A longer digit run is not an ID number — but one that ends in its
            // check character X has ended, whatever follows (`11010519491231002X2018.1`, a
            // rules file's version; found by nuan-fuzz).
            let free = end > j || end == c.count || !isDigit(c[end])
            if (end - i == 15 || end - i == 18) && free {
                for k in (i + 6)..<(end - 4) { c[k] = "*" }
                i = end
                continue
            }
            if let phoneEnd = mobileEnd(c, from: i) {
                maskDigits(&c, i..<phoneEnd, keepFirst: 3, keepLast: 4)
                i = phoneEnd
                continue
            }
            i = j
        }
        return String(c)
    }

    /// Fast path (most texts): fewer than 11 ASCII digits cannot hold either shape.
    @inline(__always)
    /// Whether bytes hold enough digits to contain an ID or mobile number (a cheap first test).
    package static func mayHoldNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        for b in bytes where b &- 0x30 < 10 { digits += 1; if digits >= 11 { return true } }
        return false
    }

    static func mayHoldNumber(_ s: String) -> Bool {
        func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var digits = 0
            for b in bytes where b &- 0x30 < 10 { digits += 1 }
            return digits >= 11
        }
        if s.utf8.count < 11 { return false }
        if let r = s.utf8.withContiguousStorageIfAvailable(count) { return r }
        var copy = s
        return copy.withUTF8(count)
    }

    /// Whether the scalar ending just before byte `i` could be a prepended mark (Unicode's
    /// Prepend: U+0600–0605, U+06DD, U+070F, U+0890–0891, U+08E2, U+0D4E and some beyond
    /// U+FFFF), which joins the digit after it into one Character. ASCII cannot; nor can a
    /// scalar of U+1000–U+FFFF (a Chinese character, full-width punctuation).
    static func mayPrepend(_ b: UnsafeBufferPointer<UInt8>, before i: Int) -> Bool {
        guard i > 0, b[i - 1] >= 0x80 else { return false }
        if i >= 3, b[i - 3] >= 0xE1 && b[i - 3] <= 0xEF, b[i - 2] & 0xC0 == 0x80, b[i - 1] & 0xC0 == 0x80 { return false }
        return true
    }

    /// Whether the text's bytes could hold a shape `redactCharacters` masks: a run of 11 or more
    /// ASCII digits (an ID number, a mobile number written without separators), or a run of 3
    /// followed by a space or dash (`138 1234 5678`). A run that is longer in bytes than in
    /// Characters (by one: a prepended mark forms one Character with the digit after it) is let
    /// through too when it might start so (`mayPrepend`). Most texts —
    /// record ids like `BB-2022-0000001`, messages with dates and amounts — have neither, and
    /// are not walked as Characters.
    package static func mayHoldShape(_ s: String) -> Bool {
        func scan(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
            var i = 0
            let n = b.count
            while i < n {
                guard b[i] &- 0x30 < 10 else { i += 1; continue }
                var j = i
                while j < n && b[j] &- 0x30 < 10 { j += 1 }
                let run = j - i
                if run >= 11 { return true }
                if j < n, b[j] == 0x20 || b[j] == 0x2D, run == 3 || (run == 4 && mayPrepend(b, before: i)) { return true }
                i = j
            }
            return false
        }
        if let r = s.utf8.withContiguousStorageIfAvailable(scan) { return r }
        var copy = s
        return copy.withUTF8(scan)
    }

    /// The end of a mobile number starting at `i` (`1[3-9]x xxxx xxxx`, groups optionally
    /// separated by one space or dash, the same both times), when no further digit follows.
    static func mobileEnd(_ c: [Character], from i: Int) -> Int? {
        guard c[i] == "1", i + 1 < c.count, let second = c[i + 1].asciiValue, second >= 0x33 && second <= 0x39 else { return nil }
        var k = i
        func take(_ n: Int) -> Bool {
            for _ in 0..<n {
                guard k < c.count, isDigit(c[k]) else { return false }
                k += 1
            }
            return true
        }
        guard take(3) else { return nil }
        var sep: Character? = nil
        if k < c.count, c[k] == " " || c[k] == "-" { sep = c[k]; k += 1 }
        guard take(4) else { return nil }
        if let s = sep {
            guard k < c.count, c[k] == s else { return nil }
            k += 1
        }
        guard take(4) else { return nil }
        if k < c.count && isDigit(c[k]) { return nil }
        return k
    }

    static func maskDigits(_ c: inout [Character], _ range: Range<Int>, keepFirst: Int, keepLast: Int) {
        let positions = range.filter { isDigit(c[$0]) }
        guard positions.count > keepFirst + keepLast else { return }
        for p in positions[keepFirst..<(positions.count - keepLast)] { c[p] = "*" }
    }

    static func isDigit(_ ch: Character) -> Bool {
        guard let a = ch.asciiValue else { return false }
        return a >= 0x30 && a <= 0x39
    }

    static func isWordASCII(_ ch: Character) -> Bool {
        guard let a = ch.asciiValue else { return false }
        return (a >= 0x30 && a <= 0x39) || (a >= 0x41 && a <= 0x5A) || (a >= 0x61 && a <= 0x7A)
    }
}
