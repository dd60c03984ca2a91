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

    /// A table row's identity: its first key and its start date.
    static func rowKey(_ r: CheckedProgram.TableRow) -> String {
        (r.keys.first ?? "") + (r.from.map { "，自 " + CivilDate.format($0) } ?? "")
    }

    mutating func parameters() {
        let refsOld = References(old), refsNew = References(new)
        for p in old.parameters where !new.parameters.contains(where: { $0.name == p.name }) {
            add("parameter.removed", "参数 \(p.name)", "删除了参数 \(p.name)", usedBy: refsOld.users(of: "参数 " + p.name))
        }
        for p in new.parameters {
            let s = "参数 \(p.name)"
            let users = refsNew.users(of: "参数 " + p.name), reached = refsNew.reached(from: "参数 " + p.name)
            guard let o = old.parameters.first(where: { $0.name == p.name }) else {
                let value = p.keyField == nil ? ProgramDiff.figure(p.value, p.unit) : "按 \(new.fields[p.keyField!].display) 查表（\(p.rows.count) 行）"
                add("parameter.added", s, "新增参数 \(p.name) = \(value)", new: value, usedBy: users, affects: reached)
                continue
            }
            compareText("parameter.unit", s, "单位", o.unit?.rawValue, p.unit?.rawValue)
            let keyOld = o.keyField.map { old.fields[$0].display }, keyNew = p.keyField.map { new.fields[$0].display }
            if keyOld != keyNew {
                add("parameter.table", s, "\(s) 的查表字段：\(ProgramDiff.show(keyOld)) → \(ProgramDiff.show(keyNew))", old: keyOld, new: keyNew, usedBy: users, affects: reached)
                continue
            }
            if o.closed != p.closed {
                add("parameter.closed", s, p.closed ? "\(s) 改为封闭表：键不在表中的记录无效" : "\(s) 不再封闭：键不在表中的记录待定",
                    usedBy: users, affects: reached)
            }
            if p.keyField == nil {
                if o.value != p.value {
                    let a = ProgramDiff.figure(o.value, o.unit), b = ProgramDiff.figure(p.value, p.unit)
                    add("parameter.value", s, "\(s)：\(a) → \(b)", old: a, new: b, usedBy: users, affects: reached)
                }
                if o.unconfirmed != p.unconfirmed { add("parameter.unconfirmed", s, p.unconfirmed ? "\(s) 改为 未确认" : "\(s) 已确认（去掉了 未确认）") }
                citation(s, o.citation, p.citation)
                continue
            }
            var oldRows: [String: CheckedProgram.TableRow] = [:]
            for r in o.rows { oldRows[ProgramDiff.rowKey(r)] = r }
            var newKeys: Set<String> = []
            for r in p.rows {
                let k = ProgramDiff.rowKey(r)
                newKeys.insert(k)
                let rs = "\(s)［\(k)］"
                guard let or = oldRows[k] else {
                    let b = ProgramDiff.figure(r.value, p.unit)
                    add("parameter.row-added", rs, "\(s) 新增一行：\(k) = \(b)", new: b, usedBy: users, affects: reached)
                    continue
                }
                if or.value != r.value {
                    let a = ProgramDiff.figure(or.value, o.unit), b = ProgramDiff.figure(r.value, p.unit)
                    add("parameter.value", rs, "\(rs)：\(a) → \(b)", old: a, new: b, usedBy: users, affects: reached)
                }
                if Set(or.keys) != Set(r.keys) {
                    compareText("parameter.row-keys", rs, "地区名称与代码", or.keys.joined(separator: " | "), r.keys.joined(separator: " | "))
                }
                if or.unconfirmed != r.unconfirmed { add("parameter.unconfirmed", rs, r.unconfirmed ? "\(rs) 改为 未确认" : "\(rs) 已确认（去掉了 未确认）") }
                citation(rs, or.citation, r.citation)
            }
            for r in o.rows where !newKeys.contains(ProgramDiff.rowKey(r)) {
                let k = ProgramDiff.rowKey(r)
                add("parameter.row-removed", "\(s)［\(k)］", "\(s) 删除了一行：\(k) = \(ProgramDiff.figure(r.value, o.unit))",
                    old: ProgramDiff.figure(r.value, o.unit), usedBy: users, affects: reached)
            }
        }
    }

    mutating func definitions() {
        let refsOld = References(old), refsNew = References(new)
        for x in old.definitions where !new.definitions.contains(where: { $0.name == x.name }) {
            add("definition.removed", "定义 \(x.name)", "删除了定义 \(x.name)", usedBy: refsOld.users(of: "定义 " + x.name))
        }
        for x in new.definitions {
            let s = "定义 \(x.name)"
            guard let o = old.definitions.first(where: { $0.name == x.name }) else {
                add("definition.added", s, "新增定义 \(x.name) = \(newText.text(x.root))", new: newText.text(x.root))
                continue
            }
            condition("definition.expr", s, o.root, x.root, users: refsNew.users(of: "定义 " + x.name), affects: refsNew.reached(from: "定义 " + x.name))
            citation(s, o.citation, x.citation)
        }
    }

    mutating func groups() {
        let refsOld = References(old), refsNew = References(new)
        for g in old.groups where !new.groups.contains(where: { $0.name == g.name }) {
            add("group.removed", "对象 \(g.name)", "删除了对象 \(g.name)", usedBy: refsOld.users(of: "对象 " + g.name))
        }
        for g in new.groups {
            let s = "对象 \(g.name)"
            guard let o = old.groups.first(where: { $0.name == g.name }) else {
                add("group.added", s, "新增对象 \(g.name)：当 \(newText.text(g.root))", new: newText.text(g.root))
                continue
            }
            condition("group.condition", s, o.root, g.root, users: refsNew.users(of: "对象 " + g.name), affects: refsNew.reached(from: "对象 " + g.name))
            compareText("group.description", s, "说明", o.description, g.description)
            citation(s, o.citation, g.citation)
        }
    }

    mutating func funds() {
        for f in old.funds where !new.funds.contains(where: { $0.code == f.code }) {
            add("fund.removed", "资金 \(f.code)", "删除了资金 \(f.code)（\(f.label ?? f.code)）")
        }
        for f in new.funds {
            let s = "资金 \(f.code)"
            guard let o = old.funds.first(where: { $0.code == f.code }) else {
                add("fund.added", s, "新增资金 \(f.code)（\(f.label ?? f.code)）")
                continue
            }
            compareText("fund.label", s, "名称", o.label, f.label)
            let a = o.mayPay.map { Set($0.map { old.groups[$0].name }) }, b = f.mayPay.map { Set($0.map { new.groups[$0].name }) }
            switch (a, b) {
            case (nil, nil): break
            case (nil, let b?):
                add("fund.earmark", s, "资金 \(f.code) 改为专款专用，只能支付：\(b.sorted().joined(separator: "、"))", new: b.sorted().joined(separator: "、"))
            case (let a?, nil):
                add("fund.earmark", s, "资金 \(f.code) 不再专款专用（可支付任何对象）", old: a.sorted().joined(separator: "、"))
            case (let a?, let b?):
                for g in b.subtracting(a).sorted() { add("fund.may-pay", s, "资金 \(f.code) 现在可以支付对象 \(g)", new: g) }
                for g in a.subtracting(b).sorted() { add("fund.may-not-pay", s, "资金 \(f.code) 不再可以支付对象 \(g)", old: g) }
            }
            citation(s, o.citation, f.citation)
        }
    }
}
