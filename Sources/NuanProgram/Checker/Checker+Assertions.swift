import NuanSupport
import NuanSyntax
/// The file's own assertions (`断言`): compiled for `nuan prove`, which checks them over every
/// cell of the input space; the claims that need no record (`有依据`) are decided here, so
/// `nuan check` refutes them with the benefit or exception that breaks them.
extension Checker {
    mutating func compileAssertions(_ decls: [Declaration]) {
        for d in decls {
            guard case .assertion(let a) = d.kind else { continue }
            var root: Int32?
            var fields: [Int] = []
            if let c = a.condition {
                let n = condition(c, .assertion(a.name))
                var seen = Set<Int>()
                collectFields(n, &seen, &fields)
                root = n
            }
            let claim: CheckedProgram.Assertion.Claim
            switch a.claim {
            case .totalAtMost(let x):
                guard let (r, unit) = literalNumber(x), unit == nil || unit!.isMoney else {
                    error("check.assertion-amount", .assertionAmount(a.name), x.range)
                    continue
                }
                claim = .totalAtMost(r)
            case .noFund(let list):
                var codes: [String] = []
                for (code, r) in list {
                    if let f = program.funds.first(where: { $0.code == code || $0.label == code }) {
                        codes.append(f.code)
                        used.insert(f.code)
                    } else {
                        let hint = Suggest.closest(to: code, in: program.funds.map(\.code))
                        error("check.unknown-fund", .unknownFund(code, suggestion: hint), r)
                    }
                }
                claim = .noFund(codes)
            case .categoryGapAllowed:
                claim = .categoryGapAllowed
            case .cited:
                claim = .cited
                if let c = a.condition {
                    error("check.assertion-static", .assertionStaticCondition(a.name), c.range)
                } else {
                    checkCited(a)
                }
            }
            program.assertions.append(.init(name: a.name, condition: root, fields: fields, claim: claim,
                                            citation: a.citation?.text, range: a.nameRange))
        }
    }

    /// `有依据`: every benefit, and every exception of one, cites the notice clause it comes from.
    mutating func checkCited(_ a: AssertionDecl) {
        let note = Diagnostic.Note(.assertionStated(a.name), range: a.nameRange)
        for g in program.benefitGroups {
            for b in g.benefits {
                if b.citation == nil {
                    error("check.assertion-uncited", .assertionUncited(a.name, b.name), b.range, notes: [note])
                }
                for (k, x) in b.exceptions.enumerated() where x.citation == nil {
                    error("check.assertion-uncited", .assertionUncitedException(a.name, b.name, k + 1), b.range, notes: [note])
                }
            }
        }
    }
}

extension Diagnostic.Message {
    static func assertionAmount(_ name: String) -> Self {
        Self(zh: "断言 \(name)：合计 至多 后须写一个金额常数（如 2000 元）",
             en: "assertion \(name): total at_most takes a constant amount (e.g. 2000 元)")
    }

    static func assertionStaticCondition(_ name: String) -> Self {
        Self(zh: "断言 \(name)：有依据 对整个规则文件成立，不能带 当 条件",
             en: "assertion \(name): cited holds of the whole rules file and takes no 当 (when) condition")
    }

    static func assertionUncited(_ name: String, _ benefit: String) -> Self {
        Self(zh: "断言 \(name) 不成立：福利 \(benefit) 没有写 依据",
             en: "assertion \(name) fails: benefit \(benefit) has no 依据 (source)")
    }

    static func assertionUncitedException(_ name: String, _ benefit: String, _ k: Int) -> Self {
        Self(zh: "断言 \(name) 不成立：福利 \(benefit) 的第 \(k) 个 除非 没有写 依据",
             en: "assertion \(name) fails: exception \(k) (除非) of benefit \(benefit) has no 依据 (source)")
    }

    static func assertionStated(_ name: String) -> Self {
        Self(zh: "断言 \(name) 在这里声明", en: "assertion \(name) is stated here")
    }
}
