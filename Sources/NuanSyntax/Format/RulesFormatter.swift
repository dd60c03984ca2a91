import Foundation
import NuanSupport
/// `nuan fmt`: prints a rules file in one canonical layout, keeping every comment.
///
/// The layout: the header clauses one per line, two spaces under `规则`; one blank line between
/// declarations; each clause of a declaration (`当`, `资金`, `依据`, `除非`…) on its own line
/// two spaces in; enum options, table rows and score parts one per line; expressions with
/// single spaces around operators and only the parentheses precedence needs, broken at 100
/// columns or where their author broke them (`Printer+Layout`); Chinese keyword spellings and
/// half-width punctuation everywhere outside strings.
///
/// It prints from the syntax tree, so the text it produces parses to the same tree. Comments
/// are put back by position: every printed line remembers the source offset of the code that
/// begins it (its anchor); a comment that followed code on its line stays at the end of the
/// line that printed that code, and a comment on a line of its own goes on its own line(s)
/// just before the line printing the code that followed it.
public enum RulesFormatter {
    /// The formatted text, or nil (with the errors) when the file does not parse.
    public static func format(path: String, text: String) -> (text: String?, diagnostics: [Diagnostic]) {
        let file = SourceFile(path: path, text: text)
        let (tree, diags, _) = Parser.parse(file)
        if diags.hasErrors { return (nil, diags) }
        var p = Printer(tree: tree, tokens: Lexer.tokenize(file).tokens)
        p.printFile()
        return (p.finish(), diags)
    }

    /// True when formatting `text` leaves it unchanged (nil when it does not parse).
    public static func isFormatted(path: String, text: String) -> Bool? {
        format(path: path, text: text).text.map { $0 == text }
    }
}

struct Printer {
    struct Line {
        var indent: Int
        var text: String
        /// Source offset of the code this line begins with; -1 for none.
        var anchor: Int
        var blankBefore: Bool
        var leading: [Comment] = []
        var trailing: [Comment] = []
    }

    let tree: RulesFile
    let file: SourceFile
    let tokens: [Token]
    var lines: [Line] = []
    var endComments: [Comment] = []

    init(tree: RulesFile, tokens: [Token]) {
        self.tree = tree
        self.file = tree.file
        self.tokens = tokens
    }

    // MARK: output

    mutating func line(_ indent: Int, _ text: String, anchor: Int, blank: Bool = false) {
        lines.append(Line(indent: indent, text: text, anchor: anchor, blankBefore: blank))
    }

    func srcLine(_ offset: Int) -> Int { file.location(of: offset).line }

    mutating func attachComments() {
        let anchored = lines.indices.filter { lines[$0].anchor >= 0 }.sorted { lines[$0].anchor < lines[$1].anchor }
        for c in tree.comments {
            if c.trailing, let i = anchored.last(where: { lines[$0].anchor <= c.range.start }) {
                lines[i].trailing.append(c)
            } else if let i = anchored.first(where: { lines[$0].anchor >= c.range.end }) {
                lines[i].leading.append(c)
            } else {
                endComments.append(c)
            }
        }
    }

    static func commentText(_ c: Comment) -> String {
        var t = c.text
        while let last = t.last, last == " " || last == "\t" { t.removeLast() }
        return "#" + t
    }

    mutating func finish() -> String {
        attachComments()
        var out = ""
        var first = true
        func emitComments(_ cs: [Comment], pad: String, before nextLine: Int?) {
            for (k, c) in cs.enumerated() {
                out += pad + Printer.commentText(c) + "\n"
                let next = k + 1 < cs.count ? srcLine(cs[k + 1].range.start) : nextLine
                if let next, next - srcLine(c.range.start) > 1 { out += "\n" }
            }
        }
        for l in lines {
            if l.blankBefore && !first { out += "\n" }
            first = false
            let pad = String(repeating: "  ", count: l.indent)
            if !l.leading.isEmpty { emitComments(l.leading, pad: pad, before: srcLine(l.anchor)) }
            var text = pad + l.text
            if !l.trailing.isEmpty {
                text += "  " + l.trailing.map { Printer.commentText($0) }.joined(separator: " ")
            }
            out += text + "\n"
        }
        if !endComments.isEmpty {
            if !out.isEmpty { out += "\n" }
            emitComments(endComments, pad: "", before: nil)
        }
        return out
    }

    // MARK: tokens (positions the syntax tree does not keep)

    /// Offsets of keyword `k` inside `range`.
    func keywordStarts(_ k: Keyword, in range: SourceRange) -> [Int] {
        tokens.filter { $0.isKeyword(k) && $0.range.start >= range.start && $0.range.start < range.end }.map(\.range.start)
    }

    /// The token just before the one starting at `offset` (a clause's keyword before its value).
    func tokenBefore(_ offset: Int) -> Int {
        guard let i = tokens.firstIndex(where: { $0.range.start >= offset }), i > 0 else { return offset }
        return tokens[i - 1].range.start
    }

    func closingBrace(after offset: Int) -> Int {
        tokens.first { $0.isSymbol(.rightBrace) && $0.range.start >= offset }?.range.start ?? -1
    }

    // MARK: words

    static func quote(_ s: String) -> String {
        if s.contains("\"") && !s.contains("”") { return "“" + s + "”" }
        return "\"" + s + "\""
    }

    /// A label or key: bare when it reads back as the same single word, else quoted.
    static func word(_ s: String, allowNumber: Bool = false) -> String {
        let out = Lexer.tokenize(SourceFile(path: "", text: s))
        if out.diagnostics.isEmpty && out.comments.isEmpty && out.tokens.count == 2 {
            if out.tokens[0].kind == .identifier(s) { return s }
            if allowNumber, out.tokens[0].kind == .number(s) { return s }
        }
        return quote(s)
    }

    static func typeWord(_ b: TypeSyntax.Base) -> String { b.words[0] }

    static func date(_ d: Int32) -> String { CivilDate.format(d) }

    func citation(_ c: Citation) -> String { "依据 " + Printer.quote(c.text) }

    /// `依据 "…"` on its own line, anchored at its keyword.
    mutating func citationLine(_ c: Citation?, indent: Int, extra: String = "") {
        guard let c else {
            if !extra.isEmpty { line(indent, extra, anchor: -1) }
            return
        }
        line(indent, citation(c) + (extra.isEmpty ? "" : " " + extra), anchor: tokenBefore(c.range.start))
    }
}
