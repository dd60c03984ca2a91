import NuanSupport
extension Parser {
    /// `例子 "标题" [依据 "…"] 输入 { 名称 = 值, … } 期望 { 状态 = eligible, 发放 [名 = 金额 资金 代码], … }`
    mutating func parseExample() throws -> ExampleDecl {
        let (title, tr) = try string(.exampleTitle)
        var ex = ExampleDecl(title: title, titleRange: tr, citation: nil, inputs: [], expectations: [])
        if accept(.source) != nil { ex.citation = try citation() }
        _ = try expect(.input)
        _ = try expect(.leftBrace)
        while !current.isSymbol(.rightBrace) && current.kind != .endOfFile {
            let (n, r) = try name(.fieldName)
            _ = try expect(.equal)
            let v = try parseExpression()
            ex.inputs.append(.init(name: n, value: v, range: r.join(v.range)))
            if accept(.comma) == nil { break }
        }
        _ = try expect(.rightBrace)
        if accept(.source) != nil { ex.citation = try citation() }
        _ = try expect(.expect)
        _ = try expect(.leftBrace)
        while !current.isSymbol(.rightBrace) && current.kind != .endOfFile {
            ex.expectations.append(try parseExpectation())
            if accept(.comma) == nil { break }
        }
        _ = try expect(.rightBrace)
        return ex
    }

    mutating func parseExpectation() throws -> ExampleDecl.Expectation {
        let key: String, kr: SourceRange
        // 类别 and score (评分) also spell keywords: read them as expectations here.
        if let t = accept(.category) { (key, kr) = ("类别", t.range) }
        else if case .keyword(.score) = current.kind { (key, kr) = ("优先分", advance().range) }
        else { (key, kr) = try name(.expectation) }
        switch key {
        case "状态", "status":
            _ = try expect(.equal)
            let (v, r) = try name(.status)
            return .status(v, r)
        case "类别", "category":
            _ = try expect(.equal)
            let (v, r) = try name(.exampleCategoryCode)
            return .category(v, r)
        case "合计", "total":
            _ = try expect(.equal)
            return .total(try parseExpression())
        case "优先分", "score":
            _ = try expect(.equal)
            if case .identifier(let w) = current.kind, w == "无" || w == "none" { return .score(nil, advance().range) }
            let e = try parseExpression()
            return .score(e, e.range)
        case "发放", "awards":
            let start = current.range.start
            _ = try expect(.leftBracket)
            var awards: [ExampleDecl.ExpectedAward] = []
            while !current.isSymbol(.rightBracket) && current.kind != .endOfFile {
                let (b, br) = try name(.benefitName)
                _ = try expect(.equal)
                var a = ExampleDecl.ExpectedAward(benefit: b, amount: nil, fund: nil, range: br)
                if accept(.unset) == nil { a.amount = try parseExpression() }
                if accept(.fund) != nil { a.fund = try name(.fundCode).0 }
                a.range = range(from: br.start)
                awards.append(a)
                if accept(.comma) == nil { break }
            }
            _ = try expect(.rightBracket)
            return .awards(awards, range(from: start))
        case "警告", "warnings":
            let start = current.range.start
            // `unconfirmed` (and 未确认) also spell a keyword: read it as the warning code.
            _ = try expect(.leftBracket)
            var codes: [(String, SourceRange)] = []
            while !current.isSymbol(.rightBracket) {
                if case .keyword(.unconfirmed) = current.kind { codes.append(("unconfirmed", advance().range)) }
                else { codes.append(try name(.warningCode)) }
                if accept(.comma) == nil { break }
            }
            _ = try expect(.rightBracket)
            return .warnings(codes, range(from: start))
        case "缺少", "missing":
            let start = current.range.start
            let names = try parseNameList(.fieldName)
            return .missing(names.map { ($0.name, $0.range) }, range(from: start))
        default:
            throw fail(.unknownExpectation(key), at: kr, code: "parse.expectation")
        }
    }
}
