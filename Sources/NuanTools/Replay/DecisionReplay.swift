import Foundation
import NuanSupport
import NuanProgram
import NuanExplain

/// `nuan replay`: decides a record again under the rules a decision names and confirms the
/// decision bit for bit — or says which fields differ, or refuses when the rules text is not
/// the one that decided (its SHA-256 differs).
public enum DecisionReplay {
    public enum Outcome: Equatable {
        /// The same bytes, in the form (explanation level, layout, masking) the decision was written in.
        case confirmed(form: String)
        /// Re-deciding gives another decision: the top-level fields that differ.
        case differs(fields: [String])
        /// The rules text is not the one that decided.
        case otherRules(recorded: String, current: String, files: [String])
    }

    public struct Failure: Error, Equatable {
        public var message: Message
    }

    /// What a decision names: the rules file (its first `files` path), the digest, the overrides.
    public struct Named: Equatable {
        public var rulesPath: String?
        public var sha256: String
        public var overrides: [(name: String, value: String)]
        public var files: [(path: String, sha256: String)]

        public static func == (a: Named, b: Named) -> Bool {
            a.rulesPath == b.rulesPath && a.sha256 == b.sha256 && a.overrides.map { "\($0.name)=\($0.value)" } == b.overrides.map { "\($0.name)=\($0.value)" }
        }
    }

    public static func named(in decision: [UInt8]) -> Result<Named, Failure> {
        guard let o = (try? JSONSerialization.jsonObject(with: Data(decision))) as? [String: Any],
              let r = o["rules"] as? [String: Any], let sha = r["sha256"] as? String else {
            return .failure(Failure(message: ReplayMessage.notADecision))
        }
        let files = (r["files"] as? [[String: Any]] ?? []).compactMap { f -> (path: String, sha256: String)? in
            guard let p = f["path"] as? String, let s = f["sha256"] as? String else { return nil }
            return (p, s)
        }
        let overrides = (r["overrides"] as? [String] ?? []).compactMap { s -> (name: String, value: String)? in
            guard let eq = s.firstIndex(of: "=") else { return nil }
            return (String(s[..<eq]), String(s[s.index(after: eq)...]))
        }
        return .success(Named(rulesPath: files.first?.path, sha256: sha, overrides: overrides, files: files))
    }

    /// Decides `record` under `program` and compares with `decision` (the text as written).
    public static func replay(decision: [UInt8], named: Named, record: [UInt8], program: CheckedProgram) -> Outcome {
        if program.chainSHA256 != named.sha256 {
            let now = Dictionary(program.sources.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
            let changed = named.files.filter { now[$0.path] != $0.sha256 }.map(\.path)
            return .otherRules(recorded: named.sha256, current: program.chainSHA256, files: changed)
        }
        let original = String(decoding: decision, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        var first: String?
        for level in [ExplainLevel.full, .brief, .none] {
            let d = Nuan.screen(program, json: record, explain: level)
            for compact in [false, true] {
                for unmask in [false, true] {
                    for pretty in [true, false] {
                        let text = DecisionJSON(program: program, compact: compact, unmask: unmask).render(d, pretty: pretty)
                        if first == nil { first = text }
                        if text == original {
                            return .confirmed(form: "explain \(level.rawValue)\(compact ? ", compact" : "")\(pretty ? ", pretty" : "")\(unmask ? ", unmasked" : "")")
                        }
                    }
                }
            }
        }
        return .differs(fields: differingFields(original, first ?? ""))
    }

    /// The top-level keys whose values differ (the explanation only when nothing else does).
    static func differingFields(_ a: String, _ b: String) -> [String] {
        let x = (try? JSONSerialization.jsonObject(with: Data(a.utf8))) as? [String: Any] ?? [:]
        let y = (try? JSONSerialization.jsonObject(with: Data(b.utf8))) as? [String: Any] ?? [:]
        let keys = Array(Set(x.keys).union(y.keys)).sorted()
        let differ = keys.filter { k in
            switch (x[k], y[k]) {
            case (nil, nil): return false
            case let (u?, v?): return !NSDictionary(dictionary: ["v": u]).isEqual(to: ["v": v])
            default: return true
            }
        }
        let beyond = differ.filter { $0 != "explanation" }
        return beyond.isEmpty ? differ : beyond
    }
}

enum ReplayMessage {
    static let notADecision = Message("不是一个判定（JSON 中没有 rules.sha256）", "not a decision (no rules.sha256 in the JSON)")
}
