import NuanSupport
import NuanSyntax
import NuanProgram
/// `nuan prove`'s text report: per file the cells and the time, each property proved or
/// refuted, and each refutation with its counterexample as a ready-to-paste `例子`.
public enum ProveReport {
    public static func render(_ r: ProveResult, english: Bool) -> String {
        let lang: Language = english ? .english : .chinese
        var out = r.path + ": "
        guard let program = r.program else {
            out += (english ? "the rules could not be compiled" : "规则文件有错误，无法编译") + "\n"
            for d in r.diagnostics { out += "  \(d.range.position): " + d.text(english: english) + " [\(d.code)]\n" }
            return out
        }
        out += ProveMessage.cells(r.cells, evaluations: r.evaluations, seconds: r.seconds).text(lang) + "\n"
        if !r.tooLarge.isEmpty { out += "  ! " + ProveMessage.listTooLarge(r.tooLarge.joined(separator: "、")).text(lang) + "\n" }
        if let b = r.blowup {
            let list = b.map { "\($0.field)（\($0.values)）" }.joined(separator: "、")
            out += "  ✗ " + ProveMessage.tooLarge(list, limit: r.limit).text(lang) + "\n"
            return out
        }
        var n = 0
        for p in r.decided {
            let fs = r.findings.filter { $0.property == p }
            let mark = fs.isEmpty ? "✓" : "✗"
            let names = p == .assertion ? ProveMessage.assertionsHeld(program.assertions.map(\.name)).text(lang) : ""
            out += "  \(mark) \(ProveMessage.title(p).text(lang))\(names)：\((fs.isEmpty ? ProveMessage.proved : ProveMessage.refuted).text(lang))\n"
                .replacingOccurrences(of: "：", with: english ? ": " : "：")
            for f in fs {
                n += 1
                out += "    - \(f.subject): \(f.detail.text(lang))"
                if f.count > 1 { out += ProveMessage.sameFailures(f.count).text(lang) }
                out += "\n"
                if let facts = f.record, let d = f.decision {
                    out += "      " + ProveMessage.counterexample.text(lang) + "\n"
                    let title = "\(ProveMessage.counterTitle.text(lang)) \(n)\(english ? ": " : "：")\(f.subject)"
                    out += indent(ExampleText.render(title: title, citation: "nuan prove", facts: facts, decision: d, program: program))
                }
                if let facts = f.other, let d = f.otherDecision {
                    out += "      " + ProveMessage.compareWith.text(lang) + "\n"
                    let title = "\(ProveMessage.counterTitle.text(lang)) \(n)′\(english ? ": " : "：")\(f.subject)"
                    out += indent(ExampleText.render(title: title, citation: "nuan prove", facts: facts, decision: d, program: program))
                }
            }
        }
        return out
    }

    public static func summary(files: Int, refuted: Int, english: Bool) -> String {
        ProveMessage.summary(files: files, refuted: refuted).text(english ? .english : .chinese)
    }

    static func indent(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "      " + $0 }.joined(separator: "\n")
    }

    /// A file that `继承`s the proved file and holds its boundary examples.
    public static func boundaryFile(_ r: ProveResult, extends name: String) -> String {
        var s = "# 由 nuan prove --emit-examples 生成：每个阈值处、及其上下各一分的例子。\n"
        let title = name.split(separator: "/").last.map(String.init) ?? name
        s += "规则 \"\(ExampleText.escape(title)) 边界例子\"\n  继承 \"\(ExampleText.escape(name))\"\n\n"
        s += r.boundaryExamples.joined(separator: "\n")
        return s
    }
}
