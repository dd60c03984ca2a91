import Foundation
import NuanSupport
import NuanProgram
import NuanExplain

/// Reads the households to allocate: an archive (`.csv`, `.xlsx`, `.jsonl` records), decided
/// here under the rules — the only input that carries the 姓名, 身份证号 and 工作单位 a roster
/// prints and the duplicate check needs — or a decisions file (`nuan batch` / `nuan screen`
/// JSON Lines), which carries none of them.
public enum HouseholdSource {
    public struct Failure: Error, Equatable {
        public var message: Message
    }

    public static func read(path: String, program: CheckedProgram) -> Result<[AidHousehold], Failure> {
        readAll(path: path, program: program).map(withoutRepeatedIDs)
    }

    /// A 申请编号 seen earlier makes the later household `invalid`, as in `nuan batch`: it is
    /// never allocated, and a roster or an audit finds the first one by its 申请编号.
    static func withoutRepeatedIDs(_ households: [AidHousehold]) -> [AidHousehold] {
        var seen: Set<String> = []
        return households.map { h in
            var h = h
            if !seen.insert(h.id).inserted { h.status = .invalid; h.awards = [] }
            return h
        }
    }

    static func readAll(path: String, program: CheckedProgram) -> Result<[AidHousehold], Failure> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Failure(message: AllocateMessage.cannotRead(path)))
        }
        var bytes = [UInt8](data)
        let lower = path.lowercased()
        if lower.hasSuffix(".xlsx") {
            switch WorkbookArchive.csv(from: bytes, sheet: nil) {
            case .success(let c): return fromCSV(c.csv, program: program, firstLine: c.headerRow)
            case .failure(let e): return .failure(Failure(message: AllocateMessage.badWorkbook(path, "\(e)")))
            }
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".json") || bytes.first == UInt8(ascii: "{") {
            return .success(fromJSONLines(bytes, program: program))
        }
        return fromCSV(utf8(bytes), program: program, firstLine: 1)
    }

    /// CSV as Excel on a Chinese Windows saves it (GB18030) turned into UTF-8, as `nuan batch`
    /// reads it; UTF-8 stays as it is.
    static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        let encoding = bytes.withUnsafeBufferPointer { BatchEncoding.detect($0) }
        guard encoding == .gb18030, let decoder = GB18030Decoder() else { return bytes }
        var out = ByteBuffer(capacity: bytes.count * 2 + 16)
        defer { out.free() }
        bytes.withUnsafeBufferPointer { decoder.convert($0.baseAddress!, $0.count, into: &out) }
        return Array(UnsafeBufferPointer(start: out.base, count: out.count))
    }

    /// CSV with a header row, checked as `nuan batch` checks it (a misspelt column or a missing
    /// required one stops the run with a did-you-mean); each row decided under `program`.
    static func fromCSV(_ bytes: [UInt8], program: CheckedProgram, firstLine: Int) -> Result<[AidHousehold], Failure> {
        let rows = DecisionWorkbook.parse(bytes)
        guard let header = rows.first else { return .success([]) }
        let problems = HeaderCheck.problems(header: header, program: program)
        if !problems.isEmpty {
            return .failure(Failure(message: Message(zh: problems.map(\.message.zh).joined(separator: "\n"), en: problems.map(\.message.en).joined(separator: "\n"))))
        }
        let decoder = RecordDecoder(program: program)
        let columns = RecordCodec(program: program).columns(header: header)
        var evaluator = Evaluator(program: program)
        var out: [AidHousehold] = []
        for (k, cells) in rows.dropFirst().enumerated() where cells.contains(where: { !$0.isEmpty }) {
            var facts = Facts(program: program)
            var errors: [RecordError] = []
            var personal: [String: String] = [:]
            // Two columns may name one field (申请编号 and id): as in batch, the later cell that
            // is not empty wins — an empty one says "not given", never "erase" (found by nuan-fuzz).
            for (ci, col) in columns.enumerated() where ci < cells.count {
                if col.isID && !cells[ci].isEmpty { facts.id = cells[ci] }
                guard let slot = col.slot else { continue }
                if !cells[ci].isEmpty { personal[program.fields[slot].key] = cells[ci] }
                if let e = decoder.assign(slot, .string(cells[ci]), into: &facts, cell: true) { errors.append(e) }
            }
            errors += decoder.finish(&facts)
            let decision = errors.isEmpty ? evaluator.decide(facts, explain: .none) : Decision.invalid(id: facts.id, errors: errors)
            out.append(household(decision, position: out.count + 1, line: firstLine + 1 + k, personal: personal))
        }
        return .success(out)
    }

    /// JSON Lines: records (decided here) or decisions (taken as they are).
    static func fromJSONLines(_ bytes: [UInt8], program: CheckedProgram) -> [AidHousehold] {
        var out: [AidHousehold] = []
        for line in bytes.split(separator: 0x0A) where line.contains(where: { $0 > 0x20 }) {
            let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] ?? [:]
            if object["status"] != nil && object["awards"] != nil {
                var h = fromDecision(object, position: out.count + 1)
                h.score = scoreText(in: Array(line)).flatMap(Rational.parse)
                out.append(h)
                continue
            }
            let decision = Nuan.screen(program, json: Array(line), explain: .none)
            var personal: [String: String] = [:]
            for (key, value) in object {
                let k = program.fieldIndex(named: key).map { program.fields[$0].key } ?? key
                if let s = value as? String { personal[k] = s } else if let a = value as? [String] { personal[k] = a.joined(separator: "、") }
            }
            out.append(household(decision, position: out.count + 1, line: out.count + 1, personal: personal))
        }
        return out
    }

    static func household(_ d: Decision, position: Int, line: Int, personal: [String: String]) -> AidHousehold {
        func list(_ key: String) -> [String] {
            (personal[key] ?? "").split(whereSeparator: { ";；、,，".contains($0) }).map { String($0).trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && $0 != "无" }
        }
        func text(_ key: String) -> String? { personal[key].flatMap { $0.isEmpty ? nil : $0 } }
        return AidHousehold(id: d.id ?? "#\(line)", position: position, status: d.status, category: d.category, score: d.score,
                            awards: d.awards.map { .init(benefit: $0.benefit, amount: $0.amount, fund: $0.fund, allowedFunds: $0.allowedFunds) },
                            name: text("name") ?? d.name, idNumber: text("id_number"), employer: text("employer"), phone: text("phone"),
                            groups: list("groups"), causes: list("hardship_causes"))
    }

    /// The `score` of a decision line as written (an exact decimal), not as the JSON parser's
    /// binary floating point: the first top-level `"score":` (it precedes `explanation`).
    static func scoreText(in line: [UInt8]) -> String? {
        let key = Array("\"score\":".utf8)
        guard line.count > key.count, let at = (0...(line.count - key.count)).first(where: { Array(line[$0..<($0 + key.count)]) == key }) else { return nil }
        var k = at + key.count
        while k < line.count && line[k] == 0x20 { k += 1 }
        var end = k
        while end < line.count && line[end] != UInt8(ascii: ",") && line[end] != UInt8(ascii: "}") { end += 1 }
        let text = String(decoding: line[k..<end], as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: " \""))
        return text == "null" ? nil : text
    }

    /// One decision of the output contract (`shared/spec/decision.md`).
    static func fromDecision(_ o: [String: Any], position: Int) -> AidHousehold {
        func rational(_ v: Any?) -> Rational? {
            if let s = v as? String { return Rational.parse(s) }
            if let n = v as? NSNumber { return Rational.parse(n.stringValue) }
            return nil
        }
        let awards = (o["awards"] as? [[String: Any]] ?? []).map { a in
            AidHousehold.Award(benefit: a["benefit"] as? String ?? "", amount: rational(a["amount"]), fund: a["fund"] as? String,
                               allowedFunds: a["allowed_funds"] as? [String] ?? [])
        }
        return AidHousehold(id: o["id"] as? String ?? "#\(position)", position: position,
                            status: Decision.Status(rawValue: o["status"] as? String ?? "") ?? .invalid,
                            category: o["category"] as? String ?? "undetermined", score: rational(o["score"]), awards: awards)
    }

    /// The rules stamp of a decisions file's first decision, if it has one.
    public static func rulesDigest(ofDecisions path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        for line in [UInt8](data).split(separator: 0x0A) {
            if let o = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any],
               let r = o["rules"] as? [String: Any], let sha = r["sha256"] as? String { return sha }
        }
        return nil
    }
}

extension RulesStamp {
    /// The stamp of a compiled program.
    public init(_ program: CheckedProgram) {
        self.init(name: program.title, version: program.version, sha256: program.chainSHA256)
    }
}
