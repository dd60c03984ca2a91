import NuanSupport
/// Tokens → syntax tree (+ diagnostics). Recursive descent with recovery: after an error the
/// parser skips to the next declaration keyword, so one file yields all its syntax errors.
public struct Parser {
    var tokens: [Token]
    var p = 0
    var diagnostics: [Diagnostic] = []
    let file: SourceFile
    /// Node ids continue across the files of one program so they stay unique.
    var nextID: Int
    /// How many expressions, `非` and unary minus the parser is inside (see `nest()`).
    var nesting = 0

    public static func parse(_ file: SourceFile, firstNodeID: Int = 0) -> (RulesFile, [Diagnostic], nextNodeID: Int) {
        let lexed = Lexer.tokenize(file)
        // Whatever does not start with `规则` is not a rules file (a binary, `/proc/self/environ`):
        // one error, quoting nothing of it, instead of a syntax error per line.
        guard lexed.tokens.first?.isKeyword(.rules) == true else {
            let blank = SourceRange(file: SourceFile(path: file.path, text: ""), start: 0, end: 0)
            let tree = RulesFile(file: file, header: Header(), declarations: [], comments: [], isRulesFile: false)
            return (tree, [.error("parse.not-rules", .notARulesFile, at: blank)], firstNodeID)
        }
        var parser = Parser(tokens: lexed.tokens, file: file, nextID: firstNodeID)
        parser.diagnostics = lexed.diagnostics
        let tree = parser.parseFile(comments: lexed.comments)
        var sorted = parser.diagnostics.enumerated().sorted { ($0.element.range.start, $0.offset) < ($1.element.range.start, $1.offset) }.map(\.element)
        if sorted.count > Parser.diagnosticsShown {
            // Past this many, the file is mostly not rules: list the first ones, count the rest.
            let rest = sorted.count - Parser.diagnosticsShown
            sorted.removeLast(rest)
            let blank = SourceRange(file: SourceFile(path: file.path, text: ""), start: 0, end: 0)
            sorted.append(.error("parse.too-many", .moreSyntaxErrors(rest), at: blank))
        }
        return (tree, sorted, parser.nextID)
    }

    /// Syntax errors listed per file; the rest are counted.
    static let diagnosticsShown = 30

    init(tokens: [Token], file: SourceFile, nextID: Int) {
        self.tokens = tokens
        self.file = file
        self.nextID = nextID
    }

    struct Failure: Error {}

    // MARK: token helpers

    var current: Token { tokens[p] }
    var previousEnd: Int { p > 0 ? tokens[p - 1].range.end : 0 }

    func peek(_ k: Int = 1) -> Token { tokens[min(p + k, tokens.count - 1)] }

    mutating func advance() -> Token {
        let t = tokens[p]
        if p < tokens.count - 1 { p += 1 }
        return t
    }

    mutating func accept(_ k: Keyword) -> Token? {
        if current.isKeyword(k) { return advance() }
        return nil
    }

    mutating func accept(_ s: Token.Symbol) -> Token? {
        if current.isSymbol(s) { return advance() }
        return nil
    }

    mutating func expect(_ k: Keyword, _ what: Expected? = nil) throws -> Token {
        if let t = accept(k) { return t }
        throw fail(.expectedKeyword(k, what, found: current))
    }

    mutating func expect(_ s: Token.Symbol) throws -> Token {
        if let t = accept(s) { return t }
        throw fail(.expectedSymbol(s, found: current))
    }

    mutating func fail(_ message: Diagnostic.Message, at range: SourceRange? = nil, code: String = "parse.expected") -> Failure {
        var message = message
        if p > 0, case .identifier(let prev) = tokens[p - 1].kind, let split = Keyword.splitHint(prev) {
            message = message + .missingSpaces(prev, split)
        }
        diagnostics.append(.error(code, message, at: range ?? current.range))
        return Failure()
    }

    /// A name: an identifier, or (for labels) a quoted string.
    mutating func name(_ what: Expected) throws -> (String, SourceRange) {
        let t = current
        if case .identifier(let s) = t.kind { _ = advance(); return (s, t.range) }
        if case .keyword(let k) = t.kind {
            throw fail(.reservedWord(k, as: what))
        }
        throw fail(.expected(what, found: t))
    }

    mutating func optionalLabel() -> String? {
        switch current.kind {
        case .identifier(let s): _ = advance(); return s
        case .string(let s): _ = advance(); return s
        default: return nil
        }
    }

    mutating func string(_ what: Expected) throws -> (String, SourceRange) {
        if case .string(let s) = current.kind { let t = advance(); return (s, t.range) }
        throw fail(.expectedString(what, found: current))
    }

    mutating func date(_ what: Expected) throws -> Int32 {
        if case .date(let d) = current.kind { _ = advance(); return d }
        throw fail(.expectedDate(what, found: current))
    }

    mutating func citation() throws -> Citation {
        let (text, range) = try string(.citation)
        return Citation(text: text, range: range)
    }

    func range(from start: Int) -> SourceRange { SourceRange(file: file, start: start, end: max(start, previousEnd)) }

    mutating func newID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    var atDeclarationStart: Bool {
        if case .keyword(let k) = current.kind { return k.startsDeclaration }
        return current.kind == .endOfFile
    }

    /// Whether the current token is the first on its line (declarations start lines; the same
    /// words inside a declaration, like 资金 in a benefit, are clauses).
    var atLineStart: Bool {
        guard p > 0 else { return true }
        let between = file.bytes[tokens[p - 1].range.end..<current.range.start]
        return between.contains(UInt8(ascii: "\n"))
    }

    /// Skips to the next declaration keyword that starts a line, after an error.
    mutating func recover() {
        if !(atLineStart && resumable) { _ = advance() }
        var depth = 0
        while current.kind != .endOfFile {
            if current.isSymbol(.leftBrace) { depth += 1 }
            if current.isSymbol(.rightBrace) { depth = max(0, depth - 1) }
            if depth == 0, atLineStart, resumable { return }
            _ = advance()
        }
    }

    /// A declaration keyword, but not the clause `资金 [ … ]` of a benefit written on its own line.
    var resumable: Bool {
        guard case .keyword(let k) = current.kind, k.startsDeclaration else { return false }
        return !(k == .fund && peek().isSymbol(.leftBracket))
    }
}
