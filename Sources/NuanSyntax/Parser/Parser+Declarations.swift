import NuanSupport
extension Parser {
    static let typeWords: [String: TypeSyntax.Base] = {
        var t: [String: TypeSyntax.Base] = [:]
        for b in TypeSyntax.Base.allCases { for w in b.words { t[w] = b } }
        return t
    }()

    mutating func parseField() throws -> FieldDecl {
        let (key, r) = try name(.fieldKey)
        if current.isKeyword(.defaultValue) { return try parseDefaultOnly(key, r) }
        var label: String?
        if case .string(let s) = current.kind { label = s; _ = advance() } else if case .identifier(let s) = current.kind { label = s; _ = advance() }
        _ = try expect(.colon)
        let typeStart = current.range.start
        guard case .identifier(let word) = current.kind, let base = Parser.typeWords[word] else {
            throw fail(.expectedType(found: current), code: "parse.type")
        }
        _ = advance()
        var options: [EnumOption] = []
        if base == .choice || base == .list {
            _ = try expect(.leftBrace)
            while !current.isSymbol(.rightBrace) {
                let (code, cr) = try name(.optionCode)
                let lab = optionalLabel()
                var aliases: [String] = []
                while accept(.pipe) != nil {
                    guard let alias = optionalLabel() else { throw fail(.expected(.optionAlias, found: current)) }
                    aliases.append(alias)
                }
                options.append(EnumOption(code: code, label: lab, aliases: aliases, range: range(from: cr.start)))
                if accept(.comma) == nil { break }
            }
            _ = try expect(.rightBrace)
        }
        var field = FieldDecl(key: key, label: label, nameRange: r,
                              type: TypeSyntax(base: base, options: options, range: range(from: typeStart)),
                              atLeast: nil, atMost: nil, defaultValue: nil, required: false, citation: nil)
        while true {
            if accept(.atLeast) != nil { field.atLeast = try parseExpression() }
            else if accept(.atMost) != nil { field.atMost = try parseExpression() }
            else if accept(.defaultValue) != nil { field.defaultValue = try parseExpression() }
            else if accept(.required) != nil { field.required = true }
            else if accept(.undeterminedIfMissing) != nil { field.undeterminedIfMissing = true }
            else if accept(.notProposable) != nil { field.notProposable = true }
            else if accept(.source) != nil { field.citation = try citation() }
            else { break }
        }
        return field
    }

    /// `覆盖 字段 本年度退档 默认 是`: a new default for a parent's field, nothing else.
    mutating func parseDefaultOnly(_ key: String, _ r: SourceRange) throws -> FieldDecl {
        _ = advance()
        var field = FieldDecl(key: key, label: nil, nameRange: r, type: TypeSyntax(base: .text, options: [], range: .synthetic),
                              atLeast: nil, atMost: nil, defaultValue: try parseExpression(), required: false, citation: nil)
        field.defaultOnly = true
        if accept(.source) != nil { field.citation = try citation() }
        return field
    }

    mutating func parseUnit() -> Unit? {
        if accept(Keyword.yuan) != nil {
            if current.isSymbol(.divide), case .keyword(let k) = peek().kind {
                let u: Unit? = k == .month ? .yuanPerMonth : k == .household ? .yuanPerHousehold : k == .person ? .yuanPerPerson : nil
                if let u { _ = advance(); _ = advance(); return u }
            }
            return .yuan
        }
        if accept(Keyword.times) != nil { return .times }
        if accept(Keyword.month) != nil { return .month }
        if accept(Keyword.person) != nil { return .person }
        if accept(Keyword.household) != nil { return .household }
        return nil
    }

    mutating func parseParameter() throws -> ParameterDecl {
        let (pname, r) = try name(.parameterName)
        var decl = ParameterDecl(name: pname, nameRange: r, unit: nil, value: nil, keyField: nil, keyFieldRange: nil,
                                 rows: [], unconfirmed: false, citation: nil)
        if accept(.colon) != nil {
            decl.unit = parseUnit()
            if decl.unit == nil { throw fail(.expectedUnit, code: "parse.unit") }
            _ = try expect(.by, .tableKey)
            let (kf, kr) = try name(.tableKeyField)
            decl.keyField = kf
            decl.keyFieldRange = kr
            if accept(.closed) != nil { decl.closed = true }
            _ = try expect(.leftBrace)
            while !current.isSymbol(.rightBrace) && current.kind != .endOfFile {
                decl.rows.append(try parseParameterRow())
            }
            _ = try expect(.rightBrace)
        } else {
            _ = try expect(.equal)
            if accept(.unset) != nil {
                decl.unit = parseUnit()
            } else {
                let e = try parseExpression()
                decl.value = e
                if case .number(_, let u) = e.kind { decl.unit = u }
            }
        }
        while true {
            if accept(.source) != nil { decl.citation = try citation() }
            else if accept(.unconfirmed) != nil { decl.unconfirmed = true }
            else { break }
        }
        return decl
    }

    mutating func parseParameterRow() throws -> ParameterRow {
        let start = current.range.start
        var keys: [String] = []
        repeat {
            switch current.kind {
            case .identifier(let s), .string(let s): keys.append(s); _ = advance()
            case .number(let s): keys.append(s); _ = advance()
            default: throw fail(.expectedTableKey(found: current))
            }
        } while accept(.pipe) != nil
        _ = try expect(.equal)
        var row = ParameterRow(keys: keys, value: nil, from: nil, unconfirmed: false, citation: nil, range: .synthetic)
        if accept(.unset) == nil { row.value = try parseExpression() }
        while true {
            if accept(.from) != nil { row.from = try date(.rowFrom) }
            else if accept(.source) != nil { row.citation = try citation() }
            else if accept(.unconfirmed) != nil { row.unconfirmed = true }
            else { break }
        }
        row.range = range(from: start)
        return row
    }

    mutating func parseDefinition() throws -> DefinitionDecl {
        let (n, r) = try name(.definitionName)
        _ = try expect(.equal)
        let e = try parseExpression()
        var c: Citation?
        if accept(.source) != nil { c = try citation() }
        return DefinitionDecl(name: n, nameRange: r, expr: e, citation: c)
    }

    mutating func parseNameList(_ what: Expected) throws -> [(name: String, range: SourceRange)] {
        _ = try expect(.leftBracket)
        var out: [(name: String, range: SourceRange)] = []
        while !current.isSymbol(.rightBracket) {
            let (n, r) = try name(what)
            out.append((n, r))
            if accept(.comma) == nil { break }
        }
        _ = try expect(.rightBracket)
        return out
    }

    mutating func parseFund() throws -> FundDecl {
        let (code, r) = try name(.fundCode)
        var d = FundDecl(code: code, label: optionalLabel(), nameRange: r, mayPay: nil, citation: nil)
        while true {
            if accept(.mayPay) != nil { d.mayPay = try parseNameList(.groupName) }
            else if accept(.source) != nil { d.citation = try citation() }
            else { break }
        }
        return d
    }

    mutating func parseGroup() throws -> GroupDecl {
        let (n, r) = try name(.groupName)
        var desc: String?
        if case .string(let s) = current.kind { desc = s; _ = advance() }
        _ = try expect(.when, .groupCondition)
        let cond = try parseExpression()
        var c: Citation?
        if accept(.source) != nil { c = try citation() }
        return GroupDecl(name: n, description: desc, nameRange: r, condition: cond, citation: c)
    }

    mutating func parseCategory() throws -> CategoryDecl {
        let (code, r) = try name(.categoryCode)
        var d = CategoryDecl(code: code, label: optionalLabel(), nameRange: r, appliesFrom: nil, appliesTo: nil,
                             condition: Expr(.bool(false), .synthetic, id: -1), citation: nil)
        var sawCondition = false
        while true {
            if accept(.applies) != nil {
                if accept(.from) != nil { d.appliesFrom = try date(.appliesFrom) }
                else if accept(.to) != nil { d.appliesTo = try date(.appliesTo) }
                else { throw fail(.expectedAppliesDate) }
            } else if accept(.when) != nil {
                d.condition = try parseExpression()
                sawCondition = true
            } else if accept(.source) != nil {
                d.citation = try citation()
            } else if accept(.beforeParents) != nil {
                d.beforeParents = true
            } else { break }
        }
        if !sawCondition { throw fail(.categoryWithoutCondition(code), at: r, code: "parse.missing-condition") }
        return d
    }

    mutating func parseAmount() throws -> AmountSyntax {
        if let t = accept(.unset) { return .unset(t.range) }
        if let t = accept(.withhold) { return .withhold(t.range) }
        return .fixed(try parseExpression())
    }

    mutating func parseBenefit(start: Int) throws -> BenefitDecl {
        let (n, r) = try name(.benefitName)
        _ = try expect(.equal)
        var b = BenefitDecl(name: n, nameRange: r, amount: try parseAmount(), recipient: nil, condition: nil, funds: [],
                            citation: nil, exceptions: [], range: .synthetic)
        while true {
            if accept(.group) != nil {
                let (g, gr) = try name(.groupName)
                b.recipient = (g, gr)
            } else if accept(.when) != nil {
                b.condition = try parseExpression()
            } else if accept(.fund) != nil {
                b.funds = try parseNameList(.fundCode).map { (code: $0.name, range: $0.range) }
            } else if accept(.source) != nil {
                b.citation = try citation()
            } else if let u = accept(.unless) {
                let cond = try parseExpression()
                _ = try expect(.then)
                var ex = ExceptionClause(condition: cond, amount: try parseAmount(), citation: nil, range: .synthetic)
                if accept(.source) != nil { ex.citation = try citation() }
                ex.range = range(from: u.range.start)
                b.exceptions.append(ex)
            } else { break }
        }
        b.range = range(from: start)
        return b
    }

    mutating func parseBenefitGroup() throws -> BenefitGroupDecl {
        let (n, r) = try name(.benefitGroupName)
        _ = try expect(.hit, .hitPolicy)
        let policy: HitPolicy
        if accept(.all) != nil { policy = .all }
        else if accept(.first) != nil { policy = .first }
        else if accept(.highest) != nil { policy = .highest }
        else if accept(.unique) != nil { policy = .unique }
        else { throw fail(.expectedHitPolicy(found: current), code: "parse.hit-policy") }
        _ = try expect(.leftBrace)
        var benefits: [BenefitDecl] = []
        while !current.isSymbol(.rightBrace) && current.kind != .endOfFile {
            let s = current.range.start
            _ = try expect(.benefit, .benefitInGroup)
            benefits.append(try parseBenefit(start: s))
        }
        _ = try expect(.rightBrace)
        return BenefitGroupDecl(name: n, nameRange: r, policy: policy, benefits: benefits, implicit: false)
    }

    mutating func parseScore() throws -> ScoreDecl {
        let (n, r) = try name(.scoreName)
        var d = ScoreDecl(name: n, nameRange: r, parts: [], citation: nil)
        if accept(.source) != nil { d.citation = try citation() }
        _ = try expect(.leftBrace)
        while !current.isSymbol(.rightBrace) && current.kind != .endOfFile {
            let (pn, pr) = try name(.scorePartName)
            var part = ScorePart(name: pn, weight: nil, expr: nil, condition: nil, range: .synthetic)
            if accept(.weight) != nil { part.weight = try parseBinary(minPrecedence: 5) }
            if accept(.equal) != nil { part.expr = try parseExpression() }
            if accept(.when) != nil { part.condition = try parseExpression() }
            if part.weight == nil && part.expr == nil { throw fail(.scorePartWithoutValue(pn), at: pr) }
            part.range = range(from: pr.start)
            d.parts.append(part)
        }
        _ = try expect(.rightBrace)
        if accept(.source) != nil { d.citation = try citation() }
        return d
    }
}
