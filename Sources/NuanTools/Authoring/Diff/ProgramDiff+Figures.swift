import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// Parameters, definitions, recipient groups and funds.
extension ProgramDiff {
    static func figure(_ v: Rational?, _ unit: Unit?) -> String {
        guard let v else { return "待定" }
        return "\(v)" + (unit.map { " " + $0.rawValue } ?? "")
    }

    /// A table row's identity and name: its first key and its start date.
    static func rowKey(_ r: CheckedProgram.TableRow) -> Message {
        M.rowKey(r.keys.first ?? "", from: r.from.map(CivilDate.format))
    }

    mutating func parameters() {
        let refsOld = References(old), refsNew = References(new)
        for p in old.parameters where !new.parameters.contains(where: { $0.name == p.name }) {
            add("parameter.removed", M.parameter(p.name), M.removed(M.parameter(p.name)), usedBy: refsOld.users(of: .parameter(p.name)))
        }
        for p in new.parameters {
            let s = M.parameter(p.name)
            let users = refsNew.users(of: .parameter(p.name)), reached = refsNew.reached(from: .parameter(p.name))
            guard let o = old.parameters.first(where: { $0.name == p.name }) else {
                let value = p.keyField == nil ? ProgramDiff.figure(p.value, p.unit) : text(M.lookup(new.fields[p.keyField!].display, rows: p.rows.count))
                add("parameter.added", s, M.added(s, value: value), new: value, usedBy: users, affects: reached)
                continue
            }
            compareText("parameter.unit", s, M.unit, o.unit?.rawValue, p.unit?.rawValue)
            let keyOld = o.keyField.map { old.fields[$0].display }, keyNew = p.keyField.map { new.fields[$0].display }
            if keyOld != keyNew {
                add("parameter.table", s, M.lookupField(s, show(keyOld), show(keyNew)), old: keyOld, new: keyNew, usedBy: users, affects: reached)
                continue
            }
            if o.closed != p.closed {
                add("parameter.closed", s, M.closed(s, p.closed), usedBy: users, affects: reached)
            }
            if p.keyField == nil {
                if o.value != p.value {
                    let a = ProgramDiff.figure(o.value, o.unit), b = ProgramDiff.figure(p.value, p.unit)
                    add("parameter.value", s, M.value(s, a, b), old: a, new: b, usedBy: users, affects: reached)
                }
                if o.unconfirmed != p.unconfirmed { add("parameter.unconfirmed", s, M.unconfirmed(s, p.unconfirmed)) }
                citation(s, o.citation, p.citation)
                continue
            }
            var oldRows: [String: CheckedProgram.TableRow] = [:]
            for r in o.rows { oldRows[ProgramDiff.rowKey(r).zh] = r }
            var newKeys: Set<String> = []
            for r in p.rows {
                let k = ProgramDiff.rowKey(r)
                newKeys.insert(k.zh)
                let rs = M.row(s, k)
                guard let or = oldRows[k.zh] else {
                    let b = ProgramDiff.figure(r.value, p.unit)
                    add("parameter.row-added", rs, M.rowAdded(s, k, b), new: b, usedBy: users, affects: reached)
                    continue
                }
                if or.value != r.value {
                    let a = ProgramDiff.figure(or.value, o.unit), b = ProgramDiff.figure(r.value, p.unit)
                    add("parameter.value", rs, M.value(rs, a, b), old: a, new: b, usedBy: users, affects: reached)
                }
                if Set(or.keys) != Set(r.keys) {
                    compareText("parameter.row-keys", rs, M.rowKeys, or.keys.joined(separator: " | "), r.keys.joined(separator: " | "))
                }
                if or.unconfirmed != r.unconfirmed { add("parameter.unconfirmed", rs, M.unconfirmed(rs, r.unconfirmed)) }
                citation(rs, or.citation, r.citation)
            }
            for r in o.rows where !newKeys.contains(ProgramDiff.rowKey(r).zh) {
                let k = ProgramDiff.rowKey(r)
                add("parameter.row-removed", M.row(s, k), M.rowRemoved(s, k, ProgramDiff.figure(r.value, o.unit)),
                    old: ProgramDiff.figure(r.value, o.unit), usedBy: users, affects: reached)
            }
        }
    }

    mutating func definitions() {
        let refsOld = References(old), refsNew = References(new)
        for x in old.definitions where !new.definitions.contains(where: { $0.name == x.name }) {
            add("definition.removed", M.definition(x.name), M.removed(M.definition(x.name)), usedBy: refsOld.users(of: .definition(x.name)))
        }
        for x in new.definitions {
            let s = M.definition(x.name)
            guard let o = old.definitions.first(where: { $0.name == x.name }) else {
                add("definition.added", s, M.added(s, value: newText.text(x.root)), new: newText.text(x.root))
                continue
            }
            condition("definition.expr", s, o.root, x.root, users: refsNew.users(of: .definition(x.name)), affects: refsNew.reached(from: .definition(x.name)))
            citation(s, o.citation, x.citation)
        }
    }

    mutating func groups() {
        let refsOld = References(old), refsNew = References(new)
        for g in old.groups where !new.groups.contains(where: { $0.name == g.name }) {
            add("group.removed", M.group(g.name), M.removed(M.group(g.name)), usedBy: refsOld.users(of: .group(g.name)))
        }
        for g in new.groups {
            let s = M.group(g.name)
            guard let o = old.groups.first(where: { $0.name == g.name }) else {
                add("group.added", s, M.added(s, when: newText.text(g.root)), new: newText.text(g.root))
                continue
            }
            condition("group.condition", s, o.root, g.root, users: refsNew.users(of: .group(g.name)), affects: refsNew.reached(from: .group(g.name)))
            compareText("group.description", s, M.description, o.description, g.description)
            citation(s, o.citation, g.citation)
        }
    }

    mutating func funds() {
        for f in old.funds where !new.funds.contains(where: { $0.code == f.code }) {
            add("fund.removed", M.fund(f.code), M.removed(M.fund(f.code), f.label ?? f.code))
        }
        for f in new.funds {
            let s = M.fund(f.code)
            guard let o = old.funds.first(where: { $0.code == f.code }) else {
                add("fund.added", s, M.added(s, f.label ?? f.code))
                continue
            }
            compareText("fund.label", s, M.name, o.label, f.label)
            let a = o.mayPay.map { Set($0.map { old.groups[$0].name }) }, b = f.mayPay.map { Set($0.map { new.groups[$0].name }) }
            switch (a, b) {
            case (nil, nil): break
            case (nil, let b?):
                add("fund.earmark", s, M.earmarked(f.code, text(Message.list(b.sorted().map(Message.init(both:))))), new: b.sorted().joined(separator: "、"))
            case (let a?, nil):
                add("fund.earmark", s, M.notEarmarked(f.code), old: a.sorted().joined(separator: "、"))
            case (let a?, let b?):
                for g in b.subtracting(a).sorted() { add("fund.may-pay", s, M.mayPayGroup(f.code, g, true), new: g) }
                for g in a.subtracting(b).sorted() { add("fund.may-not-pay", s, M.mayPayGroup(f.code, g, false), old: g) }
            }
            citation(s, o.citation, f.citation)
        }
    }
}
