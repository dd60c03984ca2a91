import Foundation
import NuanSupport
extension Printer {
    /// Binding strength as the parser reads it: `若` 0, `或` 1, `且` 2, `非` 3, comparisons and
    /// list tests 4, `+ -` 5, `× ÷` 6, unary `-` 7, anything self-delimited 8.
    static func precedence(_ e: Expr) -> Int {
        switch e.kind {
        case .conditional: return 0
        case .binary(let op, _, _): return op.precedence
        case .not: return 3
        case .isEmpty: return 4
        case .negate: return 7
        default: return 8
        }
    }

    /// `e` printed so that it parses back where an operand of at least `minPrecedence` is read.
    static func expr(_ e: Expr, _ minPrecedence: Int = 0) -> String {
        let s = bare(e)
        return precedence(e) < minPrecedence ? "(" + s + ")" : s
    }

    static func bare(_ e: Expr) -> String {
        switch e.kind {
        case .number(let r, let unit):
            let text = e.range.text
            var digits = String(text.prefix { ($0 >= "0" && $0 <= "9") || $0 == "." })
            if digits.isEmpty || Rational.parse(digits) != r { digits = r.description }
            return digits + (unit.map { " " + $0.rawValue } ?? "")
        case .string(let s): return quote(s)
        case .date(let d): return date(d)
        case .bool(let b): return b ? "是" : "否"
        case .name(let n): return n
        case .list(let items): return "[" + items.map { expr($0) }.joined(separator: ", ") + "]"
        case .negate(let x): return "-" + expr(x, 7)
        case .not(let x): return "非 " + expr(x, 3)
        case .binary(let op, let l, let r):
            // Comparisons do not chain, so a comparison's left side must not be one either.
            let left = expr(l, op.precedence == 4 ? 5 : op.precedence)
            return left + " " + op.rawValue + " " + expr(r, op.precedence + 1)
        case .isEmpty(let x): return expr(x, 5) + " 为空"
        case .given(let n): return "已填(" + n + ")"
        case .call(let f, let args): return (functionNames[f] ?? f) + "(" + args.map { expr($0) }.joined(separator: ", ") + ")"
        case .conditional(let c, let a, let b):
            return "若 " + expr(c, 1) + " 则 " + expr(a, 1) + " 否则 " + expr(b)
        }
    }

    /// Lines wider than this (in terminal columns, CJK two) break an expression (`Printer+Layout`).
    static let maxWidth = 100

    static func width(_ s: String) -> Int { s.reduce(0) { $0 + DiagnosticRenderer.width($1) } }

    /// English function names and their Chinese spellings.
    static let functionNames = ["min": "最小", "max": "最大", "clamp": "限于", "known": "已知"]

    static func amount(_ a: AmountSyntax) -> String {
        switch a {
        case .fixed(let e): return expr(e)
        case .unset: return "待定"
        case .withhold: return "不发"
        }
    }
}
