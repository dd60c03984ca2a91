import Foundation
import XCTest
@testable import NuanCLI
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// Runs `nuan screen --interactive` in-process with a caseworker who answers every question
/// from one record: the record's value, or an empty line where the record has none.
struct InterviewDriver {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        var code: ExitCode
        var json: String
        var transcript: String
        /// Field slots in the order they were asked; parameters are not fields.
        var asked: [Int]
        /// Which of them were answered with an empty line.
        var answeredEmpty: Set<Int>
        var decision: [String: Any]
    }

    let program: CheckedProgram
    let rulesPath: String

    /// The answer a caseworker types for a record value (options by code, lists joined by 、).
    static func typed(_ v: RawValue) -> String {
        switch v {
        case .null: return ""
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "是" : "否"
        case .array(let xs): return xs.isEmpty ? "无" : xs.map(typed).joined(separator: "、")
        case .object(let o): return o
        }
    }

    func interview(_ record: [(String, RawValue)], extraArgs: [String] = []) -> Run {
        var err = "", out = "", lastPrompt = ""
        var asked: [Int] = []
        var empty = Set<Int>()
        let value: (Int) -> RawValue? = { slot in
            let f = program.fields[slot]
            return record.first { $0.0 == f.key || $0.0 == f.label }?.1
        }
        let io = IO(out: { out += $0 }, err: { err += $0; lastPrompt = $0 },
                    readLine: {
                        guard let open = lastPrompt.firstIndex(of: "（"), lastPrompt.hasSuffix("：") else { return nil }
                        if lastPrompt.hasPrefix("请输入 ") { return "" }  // a 待定 parameter: the record has none
                        let label = String(lastPrompt[..<open])
                        guard let slot = program.fields.firstIndex(where: { $0.display == label }) else { return nil }
                        asked.append(slot)
                        let answer = value(slot).map(InterviewDriver.typed) ?? ""
                        if answer.isEmpty { empty.insert(slot) }
                        return answer
                    },
                    readAll: { [] }, stdoutIsTerminal: false, stderrIsTerminal: false)
        let code = CLI.main(["screen", "--rules", rulesPath, "--interactive", "--format", "json", "--explain", "none"] + extraArgs, io: io)
        let obj = (try? JSONSerialization.jsonObject(with: Data(out.utf8))) as? [String: Any] ?? [:]
        return Run(code: code, json: out, transcript: err, asked: asked, answeredEmpty: empty, decision: obj)
    }

    /// The decision's outcome fields as comparable text: status, category, awards (benefit,
    /// amount, fund), total.
    static func outcome(_ obj: [String: Any]) -> String {
        let awards = (obj["awards"] as? [[String: Any]] ?? []).map {
            "\($0["benefit"] ?? "")=\($0["amount"] ?? "null")@\($0["fund"] ?? "null")"
        }
        return "\(obj["status"] ?? "") \(obj["category"] ?? "") [\(awards.joined(separator: ", "))] \(obj["total_amount"] ?? "")"
    }

    /// The whole record's decision as `nuan screen --format json` writes it, without compiling
    /// the rules again.
    static func screenJSON(_ program: CheckedProgram, _ record: [(String, RawValue)]) -> [String: Any] {
        let d = Nuan.screen(program, pairs: record, explain: .none)
        let json = DecisionJSON(program: program).render(d, pretty: true)
        return (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
    }

    static func screenJSON(_ rulesPath: String, _ record: [(String, RawValue)]) -> [String: Any] {
        let json = "{" + record.map { JSONText.quote($0.0) + ":" + $0.1.json }.joined(separator: ",") + "}"
        let (io, out, _) = IO.capture(input: json)
        _ = CLI.main(["screen", "--rules", rulesPath, "--format", "json", "--explain", "none", "-"], io: io)
        return (try? JSONSerialization.jsonObject(with: Data(out().utf8))) as? [String: Any] ?? [:]
    }
}

/// Every example record of the shipped rules: the 例子 of each file, and Rules/examples/*.json
/// under the file whose name starts like theirs.
enum ShippedRecords {
    struct Case {
        var rules: String
        var title: String
        var record: [(String, RawValue)]
    }

    static func all() throws -> [Case] {
        let rulesDir = InterviewDriver.root.appendingPathComponent("Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: rulesDir.path).filter { $0.hasSuffix(".rules") }.sorted()
        var cases: [Case] = []
        for file in files {
            let path = rulesDir.appendingPathComponent(file).path
            let (program, _) = Nuan.compile(path: path)
            guard let program else { continue }
            for ex in program.examples {
                let (pairs, errors) = ExampleRunner.rawPairs(ex, program: program)
                if errors.isEmpty { cases.append(Case(rules: path, title: ex.title, record: pairs)) }
            }
        }
        let examples = rulesDir.appendingPathComponent("examples")
        for json in try FileManager.default.contentsOfDirectory(atPath: examples.path).filter({ $0.hasSuffix(".json") }).sorted() {
            let prefix = String(json.prefix { $0 != "-" })
            guard let rules = files.first(where: { $0.hasPrefix(prefix + "-") }) else { continue }
            let bytes = try [UInt8](Data(contentsOf: examples.appendingPathComponent(json)))
            if case .success(let pairs) = JSONRecordReader.parseObject(bytes) {
                cases.append(Case(rules: rulesDir.appendingPathComponent(rules).path, title: "examples/" + json, record: pairs))
            }
        }
        return cases
    }
}
