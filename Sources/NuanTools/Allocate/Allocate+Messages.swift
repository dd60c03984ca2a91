import NuanSupport

/// The texts of `nuan allocate`, Chinese beside English.
enum AllocateMessage {
    static let unpriced = Message("金额待定（由发放单位确定），不参与分配", "amount left to the paying office (待定); not allocated")

    static func duplicate(of first: String) -> Message {
        Message("同一身份证号已在 \(first) 中领取同一项目，不重复发放", "the same ID number already receives this benefit under \(first); not paid twice")
    }

    static func noBudget(_ allowed: [String]) -> Message {
        let list = allowed.isEmpty ? Message("（无）", "(none)") : Message(both: allowed.joined(separator: "、"))
        return Message("可支付的资金（", "no budget for any fund that may pay it (") + list + Message("）均未安排预算", ")")
    }

    /// Why a household waits: the funds that may pay it and what each had left at its turn.
    static func waitlisted(row: Plan.Row, room: [Int64], funds: [String], gaveUp: Bool) -> Message {
        let need = row.items.reduce(Int64(0)) { $0 + $1.amount }
        let left = row.fundsToAsk.map { Message(both: "\(funds[$0]) \(Fen.text(room[$0]))") }
        var m = Message("可支付的资金剩余：", "funds that may pay it had left: ") + Message.list(left)
            + Message("；即使把排在前面的户调整到其他可用资金，也不足以支付 \(Fen.text(need)) 元",
                      "; even moving households ahead of it to other allowed funds, not enough to pay \(Fen.text(need))")
        if gaveUp { m = m + Message("（精确搜索超出上限，按不足处理）", " (exact search hit its limit; treated as not enough)") }
        return m
    }

    static func extra(_ e: Allocation.Extra) -> Message {
        Message("再增加 \(e.fund) \(e.amount.formatted(places: 2)) 元可覆盖", "\(e.amount.formatted(places: 2)) more in \(e.fund) would cover it")
    }

    static func status(_ s: Allocation.Status) -> Message {
        switch s {
        case .funded: return Message("已安排", "funded")
        case .waitlisted: return Message("候补", "waitlisted")
        case .unfunded: return Message("无预算资金可支付", "no budgeted fund")
        case .duplicate: return Message("重复（同一身份证号）", "duplicate ID number")
        case .unpriced: return Message("金额待定", "amount not set")
        }
    }
}

extension AllocateMessage {
    static func cannotRead(_ path: String) -> Message { Message("无法读取 \(path)", "cannot read \(path)") }
    static func badWorkbook(_ path: String, _ why: String) -> Message { Message("\(path) 不是可读的 .xlsx 工作簿（\(why)）", "\(path) is not a readable .xlsx workbook (\(why))") }
}

extension AllocateMessage {
    static func searchLimit(_ n: Int) -> Message {
        Message("注意：\(n) 户的精确搜索超出上限，按候补处理", "note: the exact search hit its limit for \(n) households; they are waitlisted")
    }
}
