import NuanSupport

extension Roster {
    /// The roster as a table: the lines, a 小计 row per fund, the 合计 row and the 规则 row
    /// (digest, name, version) that `nuan audit` checks. ID and phone numbers masked unless
    /// `unmask`.
    package func table(unmask: Bool) -> TableFile {
        var rows: [[TableFile.Cell]] = lines.map { l in
            [.integer(l.serial), .text(Privacy.shown(l.id, unmask: unmask)), .text(Privacy.shown(l.name, unmask: unmask)),
             .text(Privacy.shown(l.employer, unmask: unmask)), .text(Privacy.shown(l.situation, unmask: unmask)),
             .text(PaperMask.phone(l.phone, unmask: unmask)), .text(PaperMask.idNumber(l.idNumber, unmask: unmask)),
             .money(l.amount), .text(Self.fundText(l.fund, l.fundLabel)), .text(l.benefit), .empty]
        }
        let pad = { (n: Int) in [TableFile.Cell](repeating: .empty, count: n) }
        for t in fundTotals {
            rows.append([.text(RosterMessage.subtotal)] + pad(6) + [.money(t.amount), .text(Self.fundText(t.fund, t.label)), .text("\(t.count) 笔"), .empty])
        }
        rows.append([.text(RosterMessage.total)] + pad(6) + [.money(total), .empty, .text("\(lines.count) 笔"), .empty])
        if let r = rules {
            rows.append([.text(RosterMessage.rulesRow), .text(r.sha256), .text(r.name + (r.version.map { " \($0)" } ?? ""))] + pad(8))
        }
        return TableFile([.init(name: "名册", header: RosterMessage.header, rows: rows)])
    }

    /// The 公示 list for posting: name partly masked, category, amount, fund; no ID, phone or
    /// employer.
    package var publicTable: TableFile {
        var rows: [[TableFile.Cell]] = lines.map { l in
            [.integer(l.serial), .text(PaperMask.publicName(Privacy.redact(l.name))), .text(l.category), .money(l.amount), .text(l.fundLabel ?? l.fund)]
        }
        rows.append([.text(RosterMessage.total), .empty, .text("\(lines.count) 笔"), .money(total), .empty])
        return TableFile([.init(name: "公示", header: RosterMessage.publicHeader, rows: rows)])
    }
}
