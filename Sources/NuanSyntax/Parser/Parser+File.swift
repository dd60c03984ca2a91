import NuanSupport
extension Parser {
    mutating func parseFile(comments: [Comment]) -> RulesFile {
        var header = Header()
        var decls: [Declaration] = []
        // `Parser.parse` has checked that the file starts with `规则`.
        let t = advance()
        if case .string(let s) = current.kind {
            header.title = s
            header.titleRange = advance().range.join(t.range)
        } else {
            diagnostics.append(.error("parse.expected", .expectedTitle, at: current.range))
        }
        while current.kind != .endOfFile {
            do {
                if try parseHeaderClause(&header) { continue }
                if let d = try parseDeclaration() { decls.append(d) }
            } catch {
                recover()
            }
        }
        return RulesFile(file: file, header: header, declarations: decls, comments: comments)
    }

    /// Header clauses may appear anywhere but conventionally come first.
    mutating func parseHeaderClause(_ h: inout Header) throws -> Bool {
        if accept(.version) != nil { h.version = try string(.version).0; return true }
        if accept(.jurisdiction) != nil {
            h.jurisdiction = try string(.jurisdiction).0
            if accept(.regions) != nil { h.regions = try parseRegionList() }
            return true
        }
        if accept(.statTable) != nil { h.statTable = try string(.statTable).0; return true }
        if accept(.notice) != nil { h.notice = try string(.noticeName).0; return true }
        if accept(.year) != nil {
            // A four-digit year: the year picks dated rules through day arithmetic in 32 bits.
            guard case .number(let n) = current.kind, let y = Int(n), (1000...9999).contains(y) else { throw fail(.expectedYear) }
            _ = advance()
            h.year = y
            return true
        }
        if accept(.inForce) != nil {
            h.inForceFrom = try date(.inForceFrom)
            _ = try expect(.to)
            h.inForceTo = try date(.inForceTo)
            return true
        }
        if accept(.extends) != nil {
            let (path, r) = try string(.parentPath)
            h.extends.append((path, r))
            return true
        }
        return false
    }

    mutating func parseDeclaration() throws -> Declaration? {
        let start = current.range.start
        let isOverride = accept(.override) != nil
        let t = current
        guard case .keyword(let k) = t.kind else {
            throw fail(.expectedDeclaration(found: t), code: "parse.declaration")
        }
        _ = advance()
        let kind: Declaration.Kind
        switch k {
        case .field: kind = .field(try parseField())
        case .parameter: kind = .parameter(try parseParameter())
        case .define: kind = .definition(try parseDefinition())
        case .fund: kind = .fund(try parseFund())
        case .group: kind = .group(try parseGroup())
        case .category: kind = .category(try parseCategory())
        case .benefitGroup: kind = .benefitGroup(try parseBenefitGroup())
        case .benefit:
            let b = try parseBenefit(start: start)
            kind = .benefitGroup(BenefitGroupDecl(name: b.name, nameRange: b.nameRange, policy: .all, benefits: [b], implicit: true))
        case .score: kind = .score(try parseScore())
        case .example: kind = .example(try parseExample())
        case .validity: kind = .validity(try parseValidity())
        case .assertion: kind = .assertion(try parseAssertion())
        default:
            throw fail(.cannotStartDeclaration(k), at: t.range, code: "parse.declaration")
        }
        return Declaration(kind: kind, isOverride: isOverride, range: range(from: start))
    }
}

extension Parser {
    /// `[蚌埠市, 340300]`: division names, or six-digit codes (which lex as numbers).
    mutating func parseRegionList() throws -> [(name: String, range: SourceRange)] {
        _ = try expect(.leftBracket)
        var out: [(name: String, range: SourceRange)] = []
        while !current.isSymbol(.rightBracket) {
            switch current.kind {
            case .identifier(let s), .string(let s), .number(let s): out.append((s, advance().range))
            default: throw fail(.expected(.regionName, found: current))
            }
            if accept(.comma) == nil { break }
        }
        _ = try expect(.rightBracket)
        return out
    }

    mutating func parseValidity() throws -> ValidityDecl {
        let (n, r) = try name(.validityName)
        _ = try expect(.when, .validityCondition)
        let cond = try parseExpression()
        _ = try expect(.message, .validityMessage)
        let (msg, _) = try string(.validityMessage)
        var c: Citation?
        if accept(.source) != nil { c = try citation() }
        return ValidityDecl(name: n, nameRange: r, condition: cond, message: msg, citation: c)
    }

    /// `断言 NAME [当 条件] 则 合计 至多 金额 | 不用资金 [..] | 有依据 | 允许类别空档 [依据 "…"]`.
    mutating func parseAssertion() throws -> AssertionDecl {
        let (n, r) = try name(.assertionName)
        var cond: Expr?
        if accept(.when) != nil { cond = try parseExpression() }
        _ = try expect(.then, .assertionClaim)
        let t = current
        guard case .identifier(let word) = t.kind else { throw fail(.expected(.assertionClaim, found: t)) }
        let claim: AssertionDecl.Claim
        if AssertionDecl.totalWords.contains(word) {
            _ = advance()
            _ = try expect(.atMost, .assertionClaim)
            claim = .totalAtMost(try parseExpression())
        } else if AssertionDecl.noFundWords.contains(word) {
            _ = advance()
            claim = .noFund(try parseNameList(.fundCode).map { (code: $0.name, range: $0.range) })
        } else if AssertionDecl.citedWords.contains(word) {
            _ = advance()
            claim = .cited
        } else if AssertionDecl.gapAllowedWords.contains(word) {
            _ = advance()
            claim = .categoryGapAllowed
        } else {
            throw fail(.expected(.assertionClaim, found: t))
        }
        let claimRange = range(from: t.range.start)
        var c: Citation?
        if accept(.source) != nil { c = try citation() }
        return AssertionDecl(name: n, nameRange: r, condition: cond, claim: claim, claimRange: claimRange, citation: c)
    }
}
