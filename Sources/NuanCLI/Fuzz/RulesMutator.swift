import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools

/// Mutates a rules file: byte flips, splices of keywords and operators at word boundaries,
/// deleted and duplicated lines, huge figures, deep nesting and long chains, ID numbers and
/// control characters in strings. Each mutation names its class (see `FuzzClass`).
struct RulesMutator {
    static let keywords: [String] = Keyword.allCases.flatMap(\.spellings)
    static let operators = ["<", "≤", "<=", ">", "≥", ">=", "=", "≠", "!=", "+", "-", "×", "*", "÷", "/", "(", ")", "[", "]",
                            "{", "}", ",", ":", "|", "【", "】", "，", "：", "\"", "#", "元/月", "元/户", "倍", "限于(", "最大(", "最小(",
                            "2022-13-45", "9999-12-31", "0000-00-00"]

    var rng: FuzzRandom
    let enabled: (FuzzClass) -> Bool
    var applied: [FuzzClass] = []

    mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var t = input
        // a third of the cases keep the file parseable, so fmt, diff and the evaluator see it too
        let gentle = rng.oneIn(3)
        let rounds = gentle ? 1 : rng.between(1, 4)
        for _ in 0..<rounds {
            let menu: [FuzzClass] = gentle ? [.hugeNumber, .nesting, .deepNesting, .idInRules]
                : [.bytes, .tokens, .tokens, .tokens, .lines, .lines, .hugeNumber, .nesting, .deepNesting, .idInRules, .control, .paths]
            let open = menu.filter(enabled)
            guard !open.isEmpty else { break }
            let c = rng.pick(open)
            applied.append(c)
            switch c {
            case .bytes: t = flipBytes(t)
            case .tokens: t = splice(t)
            case .lines: t = lines(t)
            case .hugeNumber: t = hugeNumber(t)
            case .nesting: t = nest(t, depth: rng.between(2, 120))
            case .deepNesting: t = nest(t, depth: rng.pick([3000, 6000, 20000, 60000]))
            case .idInRules: t = intoString(t, rng.pick(FuzzValues.idNumbers + FuzzValues.phones))
            case .control: t = intoString(t, rng.pick(FuzzValues.controls))
            case .paths: t = extendsPath(t)
            default: break
            }
        }
        return t
    }

    // MARK: the mutations

    mutating func flipBytes(_ t: [UInt8]) -> [UInt8] {
        var t = t
        guard !t.isEmpty else { return t }
        for _ in 0..<rng.between(1, 8) {
            let i = rng.below(t.count)
            switch rng.below(4) {
            case 0: t[i] ^= UInt8(1 << rng.below(8))
            case 1: t.insert(contentsOf: rng.pick(FuzzValues.invalidUTF8), at: i)
            case 2: t.remove(at: i)
            default: t[i] = rng.pick([0x00, 0x22, 0x23, 0x0A, 0x0D, 0x09, 0x5C, 0x28, 0x7B, 0x5B])
            }
        }
        return t
    }

    /// Offsets just after a space or newline: where a word may start.
    func boundaries(_ t: [UInt8]) -> [Int] {
        var out = [0]
        for (i, c) in t.enumerated() where c == 0x20 || c == 0x0A { out.append(i + 1) }
        return out
    }

    mutating func splice(_ t: [UInt8]) -> [UInt8] {
        var t = t
        let b = boundaries(t)
        let at = rng.pick(b)
        switch rng.below(5) {
        case 0, 1:
            t.insert(contentsOf: Array((rng.pick(Self.keywords) + " ").utf8), at: at)
        case 2:
            t.insert(contentsOf: Array((rng.pick(Self.operators) + " ").utf8), at: at)
        case 3:
            // delete one word
            var e = at
            while e < t.count && t[e] != 0x20 && t[e] != 0x0A { e += 1 }
            t.removeSubrange(at..<e)
        default:
            // copy a word from elsewhere
            let from = rng.pick(b)
            var e = from
            while e < t.count && t[e] != 0x20 && t[e] != 0x0A { e += 1 }
            t.insert(contentsOf: Array(t[from..<e]) + [0x20], at: at)
        }
        return t
    }

    mutating func lines(_ t: [UInt8]) -> [UInt8] {
        var ls = t.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        guard !ls.isEmpty else { return t }
        let i = rng.below(ls.count)
        switch rng.below(5) {
        case 0: ls.remove(at: i)
        case 1: ls.insert(ls[i], at: i)
        case 2: let j = rng.below(ls.count); ls.swapAt(i, j)
        case 3:
            // duplicate a whole block of lines (a declaration twice)
            let n = min(ls.count - i, rng.between(1, 12))
            ls.insert(contentsOf: ls[i..<(i + n)], at: min(ls.count, i + n))
        default:
            // many copies of one line (a long file)
            ls.insert(contentsOf: Array(repeating: ls[i], count: rng.between(10, 400)), at: i)
        }
        return Array(ls.joined(separator: [0x0A]))
    }

    mutating func hugeNumber(_ t: [UInt8]) -> [UInt8] {
        // spans of digits (with . and a leading -)
        var spans: [Range<Int>] = []
        var i = 0
        while i < t.count {
            if t[i] >= 0x30 && t[i] <= 0x39 {
                var j = i
                while j < t.count && ((t[j] >= 0x30 && t[j] <= 0x39) || t[j] == 0x2E) { j += 1 }
                spans.append(i..<j)
                i = j
            } else { i += 1 }
        }
        var t = t
        let value = Array(FuzzValues.hugeNumber(&rng).utf8)
        if spans.isEmpty || rng.oneIn(5) {
            let figure = "\n参数 巨大数 = \(String(decoding: value, as: UTF8.self)) 元/月 依据 \"fuzz\"\n定义 巨大积 = 巨大数 × 巨大数 + 巨大数\n"
            t += Array(figure.utf8)
        } else {
            // figures of parameters and table rows (元/月 lines) first: those reach the explanation
            let lineStarts = t.indices.filter { $0 == 0 || t[$0 - 1] == 0x0A }
            let figures = spans.filter { s in
                let start = lineStarts.last { $0 <= s.lowerBound } ?? 0
                let line = String(decoding: t[start..<s.lowerBound], as: UTF8.self)
                return line.contains("参数") || line.contains("=") || line.contains("元/月")
            }
            for _ in 0..<rng.between(1, 3) {
                let s = rng.pick(figures.isEmpty || rng.oneIn(3) ? spans : figures)
                guard s.upperBound <= t.count else { continue }
                t.replaceSubrange(s, with: value)
                break
            }
        }
        return t
    }

    /// Deep parentheses, long 且 / 或 / + chains, 非 非 …, 若 chains, chained 定义: appended as a
    /// definition, or wrapped around an existing 当 condition (so the evaluator and the
    /// explanation meet it too).
    mutating func nest(_ t: [UInt8], depth: Int) -> [UInt8] {
        let name = "嵌套\(rng.below(1000))"
        let expr: String
        switch rng.below(7) {
        case 0: expr = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        case 1: expr = Array(repeating: "是", count: depth).joined(separator: " 且 ")
        case 2: expr = Array(repeating: "否", count: depth).joined(separator: " 或 ")
        case 3: expr = String(repeating: "非 ", count: depth) + "是"
        case 4: expr = Array(repeating: "1", count: depth).joined(separator: " + ")
        case 5: expr = String(repeating: "若 是 则 1 否则 ", count: depth) + "0"
        default:
            var s = "0\n"
            for k in 1...depth { s += "定义 \(name)_\(k) = \(name)_\(k - 1) + 1\n" }
            s = s.replacingOccurrences(of: "\(name)_0", with: name)
            let text = "\n定义 \(name) = " + s
            return t + Array(text.utf8)
        }
        // wrap a 当 condition, when there is one, half the time
        let s = String(decoding: t, as: UTF8.self)
        if rng.oneIn(2), let r = s.range(of: "当 ") {
            let wrapped: String
            if expr.hasPrefix("(") { wrapped = String(repeating: "(", count: depth) }
            else if expr.hasPrefix("是") { wrapped = Array(repeating: "是", count: depth).joined(separator: " 且 ") + " 且 " }
            else if expr.hasPrefix("非") { wrapped = String(repeating: "非 非 ", count: depth / 2 + 1) }
            else { wrapped = Array(repeating: "否", count: depth).joined(separator: " 或 ") + " 或 " }
            var out = s
            out.insert(contentsOf: wrapped, at: r.upperBound)
            if expr.hasPrefix("(") {
                // close after the condition's line
                if let nl = out[r.upperBound...].firstIndex(of: "\n") {
                    out.insert(contentsOf: String(repeating: ")", count: depth), at: nl)
                } else { out += String(repeating: ")", count: depth) }
            }
            return Array(out.utf8)
        }
        return t + Array("\n定义 \(name) = \(expr)\n".utf8)
    }

    /// Puts `value` into a string literal (a 依据, a name, a label) or a comment.
    mutating func intoString(_ t: [UInt8], _ value: String) -> [UInt8] {
        var quotes: [Int] = []
        for (i, c) in t.enumerated() where c == 0x22 { quotes.append(i) }
        var t = t
        if quotes.isEmpty || rng.oneIn(4) {
            t += Array("\n# \(value)\n".utf8)
        } else {
            t.insert(contentsOf: Array(value.utf8), at: rng.pick(quotes) + 1)
        }
        return t
    }

    /// A `继承` to a one-character name, an empty path, a folder, itself, or a missing file.
    mutating func extendsPath(_ t: [UInt8]) -> [UInt8] {
        let target = rng.pick(["x", "", ".", "..", "/", "r.rules", "no-such.rules", "a/../x", "-", "//", "x.rules/"])
        var s = String(decoding: t, as: UTF8.self)
        if let r = s.range(of: "继承 \"") , let end = s[r.upperBound...].firstIndex(of: "\"") {
            s.replaceSubrange(r.upperBound..<end, with: target)
        } else if let nl = s.firstIndex(of: "\n") {
            s.insert(contentsOf: "\n继承 \"\(target)\"", at: nl)
        }
        return Array(s.utf8)
    }
}
