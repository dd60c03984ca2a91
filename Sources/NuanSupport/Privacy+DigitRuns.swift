/// Masking for text a record reader echoes from its input (CSV header names, unknown JSON
/// keys): every run of 7 or more digits (an ID number may end in X) is masked the way
/// `Privacy.mask` masks identifiers, so a full ID or phone number never reaches an
/// output or a message from there.
extension Privacy {
    package static func maskDigitRuns(_ s: String) -> String {
        var digits = 0
        for u in s.utf8 {
            if u &- 0x30 < 10 { digits += 1; if digits >= 7 { break } } else { digits = 0 }
        }
        if digits < 7 { return s }
        var out = ""
        var run: [Character] = []
        func flush() {
            if run.count >= 7 { out += Privacy.mask(String(run)) } else { out += String(run) }
            run.removeAll()
        }
        for ch in s {
            if ch.isASCII, ch.isNumber { run.append(ch); continue }
            if (ch == "X" || ch == "x") && run.count >= 14 { run.append(ch); flush(); continue }
            flush()
            out.append(ch)
        }
        flush()
        return out
    }
}
