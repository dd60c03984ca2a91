import Foundation
import NuanSupport
import NuanProgram

extension Roster {
    public struct Failure: Error, Equatable {
        public var message: Message
    }

    /// The roster of an allocation (`nuan allocate --out X.json`): its funded payments in rank
    /// order, with the personal fields of the same households from the archive. Refuses an
    /// allocation made under other rules, and a funded household the archive does not have.
    public static func build(allocationJSON: [UInt8], households: [AidHousehold], program: CheckedProgram) -> Result<Roster, Failure> {
        guard let o = (try? JSONSerialization.jsonObject(with: Data(allocationJSON))) as? [String: Any],
              let list = o["households"] as? [[String: Any]] else {
            return .failure(Failure(message: RosterMessage.notAnAllocation))
        }
        let stamp = RulesStamp(program)
        if let r = o["rules"] as? [String: Any], let sha = r["sha256"] as? String, sha != stamp.sha256 {
            return .failure(Failure(message: RosterMessage.otherRules(sha, stamp.sha256)))
        }
        var byID: [String: AidHousehold] = [:]
        for h in households where byID[h.id] == nil { byID[h.id] = h }
        // The allocation writes a 申请编号 that looks like an ID number masked (as every output
        // does); such a household is found by the masked form when only one has it.
        var byMasked: [String: [AidHousehold]] = [:]
        for h in households where Privacy.redact(h.id) != h.id { byMasked[Privacy.redact(h.id), default: []].append(h) }
        let fundLabels = Dictionary(program.funds.map { ($0.code, $0.label) }, uniquingKeysWith: { a, _ in a })
        let categoryLabels = Dictionary(program.categories.map { ($0.code, $0.label ?? $0.code) }, uniquingKeysWith: { a, _ in a })
        var lines: [Line] = []
        for e in list where e["status"] as? String == "funded" {
            let id = e["id"] as? String ?? ""
            let masked = byMasked[id] ?? []
            if byID[id] == nil && masked.count > 1 { return .failure(Failure(message: RosterMessage.ambiguousMaskedID(id, masked.count))) }
            guard let h = byID[id] ?? masked.first else { return .failure(Failure(message: RosterMessage.notInArchive(id))) }
            guard h.name != nil || h.idNumber != nil else { return .failure(Failure(message: RosterMessage.noPersonalFields)) }
            let situation = ([categoryLabels[h.category] ?? h.category] + h.causes + h.groups).filter { !$0.isEmpty && $0 != "none" }
            for p in e["payments"] as? [[String: Any]] ?? [] {
                guard let fund = p["fund"] as? String, let amount = (p["amount"] as? String).flatMap(Rational.parse) else { continue }
                lines.append(Line(serial: lines.count + 1, id: h.id, name: h.name ?? "", employer: h.employer ?? "",
                                  situation: situation.joined(separator: "；"), category: categoryLabels[h.category] ?? h.category,
                                  phone: h.phone ?? "", idNumber: h.idNumber ?? "", amount: amount, fund: fund,
                                  fundLabel: fundLabels[fund] ?? nil, benefit: p["benefit"] as? String ?? ""))
            }
        }
        let title = RosterMessage.title(program.title)
        return .success(Roster(title: title, lines: lines, rules: stamp))
    }
}
