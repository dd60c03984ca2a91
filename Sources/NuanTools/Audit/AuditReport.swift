import NuanSupport

/// Findings as text (`file:line: [rule] message`, one a line, then the count) or JSON.
public enum AuditReport {
    public static func text(_ findings: [AuditFinding], lines: Int, language: Language) -> String {
        let en = language == .english
        var out = findings.map { f in "\(f.path):\(f.line): [\(f.rule.rawValue)] \(f.message.text(english: en))\n" }.joined()
        out += findings.isEmpty
            ? (en ? "\(lines) lines checked: no problems\n" : "已核对 \(lines) 行：未发现问题\n")
            : (en ? "\(lines) lines checked: \(findings.count) problem\(findings.count == 1 ? "" : "s")\n" : "已核对 \(lines) 行：发现 \(findings.count) 处问题\n")
        return SafeText.block(out)
    }

    public static func json(_ findings: [AuditFinding], lines: Int, language: Language) -> String {
        let en = language == .english
        let items = findings.map { f in
            "    {\"file\": \(JSONText.quote(f.path)), \"line\": \(f.line), \"rule\": \(JSONText.quote(f.rule.rawValue)), \"message\": \(JSONText.quote(f.message.text(english: en)))}"
        }
        return "{\n  \"lines\": \(lines),\n  \"findings\": [\n" + items.joined(separator: ",\n") + (items.isEmpty ? "" : "\n") + "  ]\n}\n"
    }
}
