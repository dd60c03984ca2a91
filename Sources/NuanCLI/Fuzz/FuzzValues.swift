/// Hostile values shared by the mutators: the figures that overflow 64-bit arithmetic, ID and
/// phone numbers (to catch an echo without masking), control and invalid bytes.
enum FuzzValues {
    static let hugeNumbers = [
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-4611686018427387904",
        "4611686018427387904", "4611686018427387903", "-4611686018427387905", "18446744073709551616",
        "99999999999999999999999999999999", "0.0000001", "0.0000000000000000001", "0.5", "-0", "0",
        "-1", "3037000500", "3037000499.97", "1000000000000", "123456789.123456789", "-0.0000001",
        // the largest figures whose fen still fit in 64 bits (a search stepping a fen from them
        // overflowed: recourse, found by hand)
        "92233720368547758", "92233720368547758.07", "-92233720368547758.07",
        "9223372036854775807.99", "0.30000000000000004",
    ]
    /// The figures at the edges of 64-bit arithmetic (−2⁶², 2⁶³ − 1, …).
    static let edges = ["-4611686018427387904", "9223372036854775807", "-9223372036854775808", "4611686018427387904",
                        "-9223372036854775807", "-4611686018427387903"]
    /// −2⁶² a third of the time: doubled it is Int64.min, whose negation traps (issue 8).
    static func hugeNumber(_ rng: inout FuzzRandom) -> String {
        switch rng.below(3) {
        case 0: return edges[0]
        case 1: return rng.pick(edges)
        default: return rng.pick(hugeNumbers)
        }
    }
    static let jsonNumbers = hugeNumbers + ["1e3", "1E-400", "1e400", "1.5e+2", "-0e0", "2E9", "1e-7", "0.1e1", "-1e308",
                                            "1e18", "1e19", "12e-1"]

    /// Valid GB 11643 ID numbers (correct check digit); no real person's.
    static let idNumbers = ["11010519491231002X", "440524188001010014", "110101199003074477", "320311197707060018",
                            "340302198001010010", "23010219991231999X", "630102200001010019"]
    static let phones = ["13800000000", "13912345678", "18655512345", "15000001111"]

    static let controls = ["\u{1B}[31m红\u{1B}[0m", "\u{1B}]0;title\u{07}", "\u{1B}[2J", "\r覆盖", "\u{08}\u{08}",
                           "\u{0}", "\u{7F}", "\u{9B}31m", "\u{202E}反向"]

    static let invalidUTF8: [[UInt8]] = [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF],
                                         [0xE6, 0x9A], [0x80], [0xFE, 0xFF]]
    /// GB18030 spellings of common cells: 蚌埠市, 张三, 是, 否, 大病.
    static let gb18030Words: [[UInt8]] = [[0xB0, 0xF6, 0xB2, 0xBA, 0xCA, 0xD0], [0xD5, 0xC5, 0xC8, 0xFD],
                                          [0xCA, 0xC7], [0xB7, 0xF1], [0xB4, 0xF3, 0xB2, 0xA1]]
    static let formulas = ["=HYPERLINK(\"http://x.invalid\",\"点此\")", "=1+2", "+cmd|' /C calc'!A0", "@SUM(1,2)",
                           "-2+3", "=cmd|' /C notepad'!'A1'"]

    /// Whether s is an 18-character ID number with a valid check digit.
    static func isIDNumber(_ s: Substring.UTF8View) -> Bool {
        let b = Array(s)
        guard b.count == 18 else { return false }
        let w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for i in 0..<17 {
            guard b[i] >= 0x30 && b[i] <= 0x39 else { return false }
            sum += Int(b[i] - 0x30) * w[i]
        }
        let check = Array("10X98765432".utf8)[sum % 11]
        return b[17] == check || (check == 0x58 && b[17] == 0x78)
    }

    /// The ID numbers (valid check digit, not inside a longer run of digits) and mobile
    /// numbers written in `bytes`: what no output may show in full.
    static func personalNumbers(in bytes: [UInt8]) -> Set<String> {
        var out: Set<String> = []
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        var i = 0
        while i < bytes.count {
            guard isDigit(bytes[i]), i == 0 || !isDigit(bytes[i - 1]) else { i += 1; continue }
            var j = i
            while j < bytes.count && isDigit(bytes[j]) { j += 1 }
            var end = j
            if j - i == 17 && j < bytes.count && (bytes[j] == 0x58 || bytes[j] == 0x78) { end = j + 1 }
            let run = bytes[i..<end]
            let s = String(decoding: run, as: UTF8.self)
            if run.count == 18 && isIDNumber(Substring(s).utf8) { out.insert(s) }
            if run.count == 11 && run.first == 0x31 && (0x33...0x39).contains(run[run.startIndex + 1]) { out.insert(s) }
            i = end
        }
        return out
    }
}
