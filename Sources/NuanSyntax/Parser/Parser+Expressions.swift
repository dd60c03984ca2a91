import NuanSupport
extension Parser {
    /// A node; an error when it would nest deeper than `NestingLimits.expression` (a long
    /// `且` chain builds a deep tree as surely as parentheses do).
    mutating func make(_ k: Expr.Kind, from start: Int) throws -> Expr {
        let e = Expr(k, range(from: start), id: newID())
        if e.depth > NestingLimits.expression { throw tooDeep(at: e.range) }
        return e
    }

    /// Guards the parser's own recursion (parentheses, lists, calls, `若`, `非`, unary minus),
    /// before any node is built.
    mutating func nest() throws {
        if nesting >= NestingLimits.expression { throw tooDeep(at: current.range) }
        nesting += 1
    }

    mutating func tooDeep(at range: SourceRange) -> Failure {
        fail(.expressionTooDeep(NestingLimits.expression), at: range, code: "parse.too-deep")
    }

    /// expression := `若` c `则` a `否则` b | or
    mutating func parseExpression() throws -> Expr {
        try nest()
        defer { nesting -= 1 }
        let start = current.range.start
        if accept(.if) != nil {
            let c = try parseExpression()
            _ = try expect(.then)
            let a = try parseExpression()
            _ = try expect(.else)
            let b = try parseExpression()
            return try make(.conditional(c, a, b), from: start)
        }
        return try parseBinary(minPrecedence: 1)
    }

    func binaryOperator() -> BinaryOperator? {
        switch current.kind {
        case .keyword(.and): return .and
        case .keyword(.or): return .or
        case .keyword(.in): return .in
        case .keyword(.notIn): return .notIn
        case .keyword(.contains): return .contains
        case .keyword(.containsAny): return .containsAny
        case .keyword(.containsAll): return .containsAll
        case .symbol(.plus): return .add
        case .symbol(.minus): return .subtract
        case .symbol(.times): return .multiply
        case .symbol(.divide): return .divide
        case .symbol(.less): return .less
        case .symbol(.lessEqual): return .lessEqual
        case .symbol(.greater): return .greater
        case .symbol(.greaterEqual): return .greaterEqual
        case .symbol(.equal): return .equal
        case .symbol(.notEqual): return .notEqual
        default: return nil
        }
    }

    mutating func parseBinary(minPrecedence: Int) throws -> Expr {
        let start = current.range.start
        var lhs = try parseUnary(minPrecedence: minPrecedence)
        while true {
            if current.isKeyword(.isEmpty) && minPrecedence <= 4 {
                _ = advance()
                lhs = try make(.isEmpty(lhs), from: start)
                continue
            }
            guard let op = binaryOperator(), op.precedence >= minPrecedence else { break }
            let opToken = advance()
            // Comparisons do not chain: `a < b < c` is an error rather than a surprise.
            let rhs = try parseBinary(minPrecedence: op.precedence + 1)
            // The link of a chain that makes it too deep is the place to split it.
            if 1 + max(lhs.depth, rhs.depth) > NestingLimits.expression { throw tooDeep(at: opToken.range) }
            lhs = try make(.binary(op, lhs, rhs), from: start)
            if op.precedence == 4, let next = binaryOperator(), next.precedence == 4 {
                throw fail(.chainedComparison, code: "parse.chained-comparison")
            }
        }
        return lhs
    }

    mutating func parseUnary(minPrecedence: Int) throws -> Expr {
        let start = current.range.start
        if accept(.not) != nil {
            try nest()
            defer { nesting -= 1 }
            let e = try parseBinary(minPrecedence: 3)
            return try make(.not(e), from: start)
        }
        if accept(.minus) != nil {
            try nest()
            defer { nesting -= 1 }
            let e = try parseUnary(minPrecedence: 7)
            return try make(.negate(e), from: start)
        }
        return try parsePrimary()
    }

    mutating func parsePrimary() throws -> Expr {
        let t = current
        let start = t.range.start
        switch t.kind {
        case .number(let text):
            _ = advance()
            guard let v = Rational.parse(text) else { throw fail(.numberOutOfRange(text), at: t.range, code: "parse.number") }
            let unit = parseUnit()
            return try make(.number(v, unit), from: start)
        case .string(let s):
            _ = advance()
            return try make(.string(s), from: start)
        case .date(let d):
            _ = advance()
            return try make(.date(d), from: start)
        case .keyword(.yes):
            _ = advance()
            return try make(.bool(true), from: start)
        case .keyword(.no):
            _ = advance()
            return try make(.bool(false), from: start)
        case .keyword(.given):
            _ = advance()
            _ = try expect(.leftParen)
            let (n, _) = try name(.fieldName)
            _ = try expect(.rightParen)
            return try make(.given(n), from: start)
        case .identifier(let n):
            _ = advance()
            if current.isSymbol(.leftParen) && current.range.start == t.range.end {
                _ = advance()
                var args: [Expr] = []
                while !current.isSymbol(.rightParen) {
                    args.append(try parseExpression())
                    if accept(.comma) == nil { break }
                }
                _ = try expect(.rightParen)
                return try make(.call(n, args), from: start)
            }
            return try make(.name(n), from: start)
        case .symbol(.leftParen):
            _ = advance()
            var e = try parseExpression()
            _ = try expect(.rightParen)
            e.range = range(from: start)
            return e
        case .symbol(.leftBracket):
            _ = advance()
            var items: [Expr] = []
            while !current.isSymbol(.rightBracket) {
                items.append(try parseExpression())
                if accept(.comma) == nil { break }
            }
            _ = try expect(.rightBracket)
            return try make(.list(items), from: start)
        case .keyword(let k):
            throw fail(.reservedWordInExpression(k), code: "parse.expression")
        case .endOfFile:
            throw fail(.endInExpression, code: "parse.expression")
        default:
            throw fail(.expectedValue(found: t), code: "parse.expression")
        }
    }
}
