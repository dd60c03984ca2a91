import NuanSupport
import NuanSyntax
import NuanProgram
/// The properties read off the cells one at a time: 专款专用, 唯一 clashes, and which benefits
/// and categories some record reaches.
struct CellChecks {
    let program: CheckedProgram
    var findings: [String: ProveFinding] = [:]
    var order: [String] = []
    var granted: Set<Int> = []
    var held: Set<Int> = []
    var recipientHeld: Set<Int> = []
    /// Per benefit that applied but was never granted: benefits granted instead in those cells.
    var beaten: [Int: Set<Int>] = [:]
    var categories: Set<String> = []

    init(_ program: CheckedProgram) { self.program = program }

    mutating func add(_ f: ProveFinding, key: String) {
        if findings[key] != nil { findings[key]!.count += 1; return }
        findings[key] = f
        order.append(key)
    }

    /// Adds what `o` found on the cells after these (ranges of cells checked at once): the
    /// same findings, in the same order and with the same counts, as one pass over them all.
    mutating func merge(_ o: CellChecks) {
        for key in o.order {
            guard let f = o.findings[key] else { continue }
            if findings[key] != nil {
                findings[key]!.count += f.count
            } else {
                findings[key] = f
                order.append(key)
            }
        }
        granted.formUnion(o.granted)
        held.formUnion(o.held)
        recipientHeld.formUnion(o.recipientHeld)
        for (k, v) in o.beaten { beaten[k, default: []].formUnion(v) }
        categories.formUnion(o.categories)
    }

    mutating func visit(_ c: Partition.Cell) {
        let benefits = program.benefits
        categories.insert(c.decision.category)
        var grantedHere: Set<Int> = []
        for a in c.decision.awards where a.benefitIndex >= 0 { grantedHere.insert(a.benefitIndex) }
        granted.formUnion(grantedHere)
        for (k, t) in c.applies.enumerated() where k < benefits.count {
            if let r = benefits[k].recipient, c.groups[r] == .bool(true) { recipientHeld.insert(k) }
            if t == .yes {
                held.insert(k)
                if !grantedHere.contains(k) { beaten[k, default: []].formUnion(grantedHere) }
            }
        }
        // 专款专用: each allowed fund of each award may pay a group the recipient is in.
        for a in c.decision.awards where a.benefitIndex >= 0 {
            let b = benefits[a.benefitIndex]
            for f in b.funds {
                guard let pays = program.funds[f].mayPay else { continue }
                if pays.contains(where: { c.groups[$0] == .bool(true) }) { continue }
                let fund = program.funds[f].code
                let names = pays.map { program.groups[$0].name }.joined(separator: "、")
                add(ProveFinding(property: .earmark, subject: "\(b.name) / \(fund)",
                                 detail: ProveMessage.earmark(benefit: b.name, fund: fund, groups: names),
                                 record: c.facts, decision: c.decision), key: "earmark/\(a.benefitIndex)/\(f)")
            }
        }
        // 唯一: at most one benefit of the group applies.
        var start = 0
        for g in program.benefitGroups {
            defer { start += g.benefits.count }
            guard g.policy == .unique else { continue }
            let on = (start..<(start + g.benefits.count)).filter { c.applies[$0] == .yes }
            guard on.count > 1 else { continue }
            let names = on.map { benefits[$0].name }
            add(ProveFinding(property: .uniqueClash, subject: g.name, detail: ProveMessage.uniqueClash(group: g.name, names),
                             record: c.facts, decision: c.decision), key: "unique/\(g.name)/\(names.joined(separator: ","))")
        }
    }

    /// After every cell: benefits and categories no record reaches, with what kills them.
    mutating func finish() -> [ProveFinding] {
        let benefits = program.benefits
        var start = 0
        for g in program.benefitGroups {
            defer { start += g.benefits.count }
            for k in start..<(start + g.benefits.count) where !granted.contains(k) {
                let b = benefits[k]
                let why: Message
                if held.contains(k) {
                    // It applies, but the hit policy always gives the record another benefit.
                    let others = (beaten[k] ?? []).sorted().map { benefits[$0].name }
                    why = g.policy == .first ? ProveMessage.neverWinsFirst(group: g.name, before: others)
                        : ProveMessage.neverWins(group: g.name, policy: g.policy.chinese, others: others)
                } else if let r = b.recipient, !recipientHeld.contains(k) {
                    why = ProveMessage.recipientNever(program.groups[r].name)
                } else if b.recipient != nil {
                    why = ProveMessage.conditionWithRecipientNever(program.groups[b.recipient!].name)
                } else {
                    why = ProveMessage.conditionNever
                }
                add(ProveFinding(property: .benefitReachable, subject: b.name, detail: why.with(ProveMessage.at(b.range.position))),
                    key: "dead/\(k)")
            }
        }
        var seen: Set<String> = []
        for c in program.categories where seen.insert(c.code).inserted && !categories.contains(c.code) {
            add(ProveFinding(property: .categoryReachable, subject: c.code,
                             detail: ProveMessage.categoryNever(c.label ?? c.code).with(ProveMessage.at(c.range.position))),
                key: "category/\(c.code)")
        }
        return order.map { findings[$0]! }
    }
}
