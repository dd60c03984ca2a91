import NuanSupport
import NuanSyntax
extension Checker {
    /// Second pass: compiles every declaration's expressions in source order.
    mutating func compileAll(_ decls: [Declaration]) {
        for d in decls {
            switch d.kind {
            case .definition(let x): _ = compileDefinition(x.name, at: x.nameRange)
            case .group(let g): _ = compileGroup(g.name, at: g.nameRange)
            default: break
            }
        }
        for d in decls {
            if case .fund(let f) = d.kind {
                var mayPay: [Int]?
                if let list = f.mayPay {
                    mayPay = []
                    for (n, r) in list {
                        if let gi = compileGroup(n, at: r) { mayPay!.append(gi); used.insert(n) } else {
                            let hint = Suggest.closest(to: n, in: Array(groupDecls.keys))
                            error("check.unknown-group", .unknownFundGroup(f.code, n, suggestion: hint), r)
                        }
                    }
                }
                program.funds.append(.init(code: f.code, label: f.label, mayPay: mayPay, citation: f.citation?.text, range: f.nameRange))
            }
        }
        let date = referenceDate
        for d in decls {
            switch d.kind {
            case .category(let c):
                if let from = c.appliesFrom, date < from { continue }
                if let to = c.appliesTo, date > to { continue }
                if program.enums[program.categoryEnum].index(of: c.code) == nil || c.code == "none" {
                    error("check.category-code", .categoryCode(c.code), c.nameRange)
                }
                let root = condition(c.condition, .category(c.code))
                program.categories.append(.init(code: c.code, label: c.label, root: root, citation: c.citation?.text, range: c.nameRange))
            case .benefitGroup(let g):
                if g.benefits.count > 128 {
                    error("check.too-many-benefits", .tooManyBenefits(g.name, g.benefits.count), g.nameRange)
                }
                program.benefitGroups.append(.init(name: g.name, policy: g.policy, benefits: g.benefits.map { compileBenefit($0) }, implicit: g.implicit))
            case .score(let s):
                if program.score != nil { error("check.duplicate", .secondScore, s.nameRange) }
                program.score = .init(name: s.name, parts: s.parts.map { p in
                    .init(name: p.name,
                          weight: p.weight.map { compileNumber($0, .weight) },
                          expr: p.expr.map { compileNumber($0, .scorePart) },
                          condition: p.condition.map { condition($0, .scorePart(p.name)) })
                }, citation: s.citation?.text)
            default: break
            }
        }
        var seen: [String: SourceRange] = [:]
        for b in decls.flatMap({ d -> [BenefitDecl] in if case .benefitGroup(let g) = d.kind { return g.benefits } else { return [] } }) {
            if let prev = seen[b.name] {
                error("check.duplicate", .duplicateBenefit(b.name), b.nameRange, notes: [.init(.earlierDeclaration, range: prev)])
            }
            seen[b.name] = b.nameRange
        }
    }

    mutating func compileNumber(_ e: Expr, _ site: NumberSite) -> Int32 {
        let n = compile(e)
        if type(n) != .number && type(n) != .error {
            error("type.mismatch", .notANumber(site, e.range.quoted, type(n)), e.range)
        }
        return n
    }

    mutating func compileAmount(_ a: AmountSyntax, benefit: String) -> (CheckedProgram.Amount, Unit?) {
        switch a {
        case .unset: return (.unset, nil)
        case .withhold: return (.withhold, nil)
        case .fixed(let e):
            checkAmount(e, benefit: benefit)
            let n = compile(e)
            if type(n) != .money && type(n) != .error {
                error("type.amount-unit", .amountWithoutUnit(e.range.quoted), e.range)
            }
            if case .number(_, let u) = e.kind { return (.fixed(n), u) }
            return (.fixed(n), nil)
        }
    }

    mutating func compileBenefit(_ b: BenefitDecl) -> CheckedProgram.Benefit {
        let (amount, unit) = compileAmount(b.amount, benefit: b.name)
        var recipient: Int?
        if let (g, r) = b.recipient {
            if let gi = compileGroup(g, at: r) { recipient = gi; used.insert(g) } else {
                let hint = Suggest.closest(to: g, in: Array(groupDecls.keys))
                error("check.unknown-group", .unknownGroup(g, suggestion: hint), r)
            }
        }
        var funds: [Int] = []
        for (code, r) in b.funds {
            if let fi = program.funds.firstIndex(where: { $0.code == code || $0.label == code }) {
                funds.append(fi)
                used.insert(program.funds[fi].code)
                if let gi = recipient, let allowed = program.funds[fi].mayPay, !allowed.contains(gi) {
                    error("check.earmark", .earmark(code, program.groups[gi].name), r,
                          notes: [.init(.earmarkDeclared(code), range: program.funds[fi].range)])
                }
            } else {
                let hint = Suggest.closest(to: code, in: program.funds.map(\.code))
                error("check.unknown-fund", .unknownFund(code, suggestion: hint), r)
            }
        }
        let condition = b.condition.map { self.condition($0, .benefit(b.name)) }
        let exceptions = b.exceptions.map { ex -> CheckedProgram.Exception in
            let c = self.condition(ex.condition, .unless)
            return .init(condition: c, amount: compileAmount(ex.amount, benefit: b.name).0, citation: ex.citation?.text)
        }
        return .init(name: b.name, amount: amount, unit: unit, recipient: recipient, condition: condition, funds: funds,
                     citation: b.citation?.text, exceptions: exceptions, range: b.nameRange)
    }
}
