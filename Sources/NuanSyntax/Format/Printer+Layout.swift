import Foundation
import NuanSupport
/// Breaking long expressions across lines, at most `maxWidth` columns (CJK two).
///
/// An expression that fits stays on one line unless the author broke it: a `且`/`或` chain or a
/// `若 … 则 … 否则` chain written over several lines stays broken, with the author's grouping
/// of operands where each line fits. Otherwise, and whenever a line would be too wide: a
/// `且`/`或` chain one operand per line (led by its operator), a `若` chain one branch per line
/// (`若 c` / `则 a` / `否则 若 c2` / `则 b` / `否则 d`), at any depth; a list wraps between items;
/// a comparison or arithmetic breaks inside its sides. What cannot break (a long name) stays whole.
extension Printer {
    /// One output line of a laid-out expression: `depth` levels below the line it starts on
    /// (the first piece continues that line), and the source offset it begins with.
    struct Piece {
        var depth: Int
        var text: String
        var anchor: Int
    }

    static func fits(_ s: String, at column: Int) -> Bool { column + width(s) <= maxWidth }

    /// Whether the author wrote a breakable expression over several lines.
    func brokenInSource(_ e: Expr) -> Bool {
        guard e.range.file != nil, e.range.end > e.range.start else { return false }
        switch e.kind {
        case .conditional: break
        case .binary(let op, _, _) where op == .and || op == .or: break
        default: return false
        }
        return srcLine(e.range.start) != srcLine(e.range.end - 1)
    }

    /// `e` laid out with its first line starting at `column` and a line `depth` levels down at
    /// `base + 2 × depth`.
    func layout(_ e: Expr, _ minPrecedence: Int = 0, column: Int, base: Int) -> [Piece] {
        let flat = Printer.expr(e, minPrecedence)
        if Printer.fits(flat, at: column) && !brokenInSource(e) { return [Piece(depth: 0, text: flat, anchor: -1)] }
        guard Printer.precedence(e) < minPrecedence else { return layoutBare(e, column: column, base: base) }
        var inner = layoutBare(e, column: column + 1, base: base)
        inner[0].text = "(" + inner[0].text
        inner[inner.count - 1].text += ")"
        return inner
    }

    /// `sub` continuing a line `depth` levels down, after `prefix`.
    static func led(_ prefix: String, _ sub: [Piece], depth: Int, anchor: Int) -> [Piece] {
        var out = sub
        out[0].text = prefix + out[0].text
        out[0].anchor = anchor
        for k in out.indices { out[k].depth += depth }
        return out
    }

    func layoutBare(_ e: Expr, column: Int, base: Int) -> [Piece] {
        switch e.kind {
        case .conditional:
            return layoutConditional(e, column: column, base: base)
        case .binary(let op, _, _) where op == .and || op == .or:
            return layoutChain(e, op, column: column, base: base)
        case .binary(let op, let l, let r):
            let left = layout(l, op.precedence == 4 ? 5 : op.precedence, column: column, base: base)
            let last = left[left.count - 1]
            let joint = " " + op.rawValue + " "
            let at = (left.count == 1 ? column : base + 2 * last.depth) + Printer.width(last.text + joint)
            let right = layout(r, op.precedence + 1, column: at, base: base + 2 * last.depth)
            var out = left
            out[out.count - 1].text += joint + right[0].text
            out += right.dropFirst().map { Piece(depth: $0.depth + last.depth, text: $0.text, anchor: $0.anchor) }
            return out
        case .not(let x):
            return Printer.led("非 ", layout(x, 3, column: column + 3, base: base), depth: 0, anchor: -1)
        case .list(let items) where !items.isEmpty:
            return layoutList(items, column: column, base: base)
        default:
            return [Piece(depth: 0, text: Printer.bare(e), anchor: -1)]
        }
    }

    /// `若 c1` then, one level down, `则 a1`, `否则 若 c2`, `则 a2`, …, `否则 d`.
    func layoutConditional(_ e: Expr, column: Int, base: Int) -> [Piece] {
        var arms: [(Expr, Expr)] = []
        var rest = e
        while case .conditional(let c, let a, let b) = rest.kind {
            arms.append((c, a))
            rest = b
        }
        let down = base + 2
        var out: [Piece] = []
        for (k, (c, a)) in arms.enumerated() {
            let lead = k == 0 ? "若 " : "否则 若 "
            let at = k == 0 ? column : down
            let cond = layout(c, 1, column: at + Printer.width(lead), base: k == 0 ? base + 2 : down)
            out += Printer.led(lead, cond, depth: k == 0 ? 0 : 1, anchor: k == 0 ? -1 : tokenBefore(tokenBefore(c.range.start)))
            if k == 0 { for j in out.indices.dropFirst() { out[j].depth += 1 } }
            out += Printer.led("则 ", layout(a, 1, column: down + 3, base: down), depth: 1, anchor: tokenBefore(a.range.start))
        }
        out += Printer.led("否则 ", layout(rest, 0, column: down + 5, base: down), depth: 1, anchor: tokenBefore(rest.range.start))
        return out
    }

    /// One operand per line, led by the operator; operands the author wrote on one line stay
    /// together when the line fits.
    func layoutChain(_ e: Expr, _ op: BinaryOperator, column: Int, base: Int) -> [Piece] {
        var operands: [Expr] = []
        var cur = e
        while case .binary(let o, let l, let r) = cur.kind, o == op {
            operands.insert(r, at: 0)
            cur = l
        }
        operands.insert(cur, at: 0)
        let keepGroups = brokenInSource(e)
        let down = base + 2
        var first = layout(operands[0], op.precedence, column: column, base: down)
        for j in first.indices.dropFirst() { first[j].depth += 1 }
        var out = first
        var previousWhole = first.count == 1  // the previous operand took one line
        for (k, x) in operands.enumerated().dropFirst() {
            let flat = op.rawValue + " " + Printer.expr(x, op.precedence + 1)
            let sameLine = keepGroups && srcLine(x.range.start) == srcLine(operands[k - 1].range.end - 1) && !brokenInSource(x)
            let last = out.count - 1
            let lineColumn = last == 0 ? column : base + 2 * out[last].depth
            if sameLine && previousWhole && Printer.fits(out[last].text + " " + flat, at: lineColumn) {
                out[last].text += " " + flat
                continue
            }
            let sub = layout(x, op.precedence + 1, column: down + Printer.width(op.rawValue) + 1, base: down)
            out += Printer.led(op.rawValue + " ", sub, depth: 1, anchor: x.range.start)
            previousWhole = sub.count == 1
        }
        return out
    }

    /// `[a, b, …]` wrapped between items, continuation lines one level down.
    func layoutList(_ items: [Expr], column: Int, base: Int) -> [Piece] {
        var out = [Piece(depth: 0, text: "[", anchor: -1)]
        var at = column + 1
        for (k, x) in items.enumerated() {
            let text = Printer.expr(x) + (k + 1 < items.count ? "," : "]")
            let last = out[out.count - 1].text
            let sep = last == "[" ? "" : " "
            if last == "[" || Printer.fits(sep + text, at: at) {
                out[out.count - 1].text += sep + text
                at += Printer.width(sep + text)
            } else {
                out.append(Piece(depth: 1, text: text, anchor: x.range.start))
                at = base + 2 + Printer.width(text)
            }
        }
        return out
    }

    /// Prints `lead` + `e` at `indent`, continuation lines further in.
    mutating func printExpr(_ lead: String, _ e: Expr, indent: Int, anchor: Int, tail: String = "", blank: Bool = false) {
        var pieces = layout(e, column: 2 * indent + Printer.width(lead), base: 2 * indent)
        pieces[pieces.count - 1].text += tail
        for (k, p) in pieces.enumerated() {
            line(indent + p.depth, (k == 0 ? lead : "") + p.text, anchor: k == 0 ? anchor : p.anchor, blank: k == 0 && blank)
        }
    }
}
