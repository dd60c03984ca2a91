import NuanSupport
import NuanSyntax
import NuanProgram
/// `nuan diff` of the assertions (`断言`), matched by name: added, removed, and a changed
/// condition, claim or citation. An assertion decides nothing, but weakening one is a change a
/// reviewer must see: it is what `nuan prove` and `nuan check` hold the file to.
extension ProgramDiff {
    mutating func assertions() {
        for a in old.assertions where !new.assertions.contains(where: { $0.name == a.name }) {
            let s = M.assertion(a.name)
            let shown = claimText(a, oldText)
            add("assertion.removed", s, M.removed(s, shown), old: shown)
        }
        for a in new.assertions {
            let s = M.assertion(a.name)
            let shown = claimText(a, newText)
            guard let o = old.assertions.first(where: { $0.name == a.name }) else {
                add("assertion.added", s, M.added(s, shown), new: shown)
                continue
            }
            condition("assertion.condition", s, o.condition, a.condition)
            compareText("assertion.claim", s, M.claim, ProgramDiff.claim(o.claim), ProgramDiff.claim(a.claim))
            citation(s, o.citation, a.citation)
        }
    }

    /// `当 … 则 合计 至多 2000 元`, as the file would say it.
    func claimText(_ a: CheckedProgram.Assertion, _ printer: NodePrinter) -> String {
        (a.condition.map { "当 \(printer.text($0)) " } ?? "") + "则 " + ProgramDiff.claim(a.claim)
    }

    /// The claim in the language's words (the same in both languages: it is data).
    static func claim(_ c: CheckedProgram.Assertion.Claim) -> String {
        switch c {
        case .totalAtMost(let r): return "合计 至多 \(r.formatted()) 元"
        case .noFund(let codes): return "不用资金 [\(codes.joined(separator: ", "))]"
        case .cited: return "有依据"
        case .categoryGapAllowed: return "允许类别空档"
        }
    }
}

extension Message.Diff {
    static func assertion(_ name: String) -> Message { Message(zh: "断言 \(name)", en: "assertion \(name)") }
    static let claim = Message(zh: "断言内容", en: "claim")
}
