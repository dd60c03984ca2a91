import NuanSupport

/// The eligible households in priority order, each award either an item to allocate (its
/// amount in fen and the budgeted funds that may pay it, the rules' own pick first) or set
/// aside with the reason: an amount left to the office, no budgeted fund, or a benefit the
/// same ID number already has from a household ahead of it (one ID number is never paid the
/// same benefit twice; the first in priority order keeps it).
struct Plan {
    struct Row {
        var household: AidHousehold
        var items: [FundingSolver.Item]
        /// The benefit of each item.
        var benefits: [String]
        var setAside: [Allocation.SetAside]
        /// The status when nothing is left to allocate; nil otherwise.
        var statusIfNothing: Allocation.Status?
        /// Every budgeted fund any of its items may use.
        var fundsToAsk: [Int] { Array(Set(items.flatMap(\.allowed))).sorted() }
    }

    var rows: [Row] = []

    init(_ households: [AidHousehold], funds: [String]) {
        let index = Dictionary(funds.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let eligible = households.filter { $0.status == .eligible && !$0.awards.isEmpty }.sorted(by: AidHousehold.precedes)
        var paidTo: [String: String] = [:]  // "id number|benefit" → 申请编号 of the first holder
        for h in eligible {
            var row = Row(household: h, items: [], benefits: [], setAside: [], statusIfNothing: nil)
            var kinds: Set<Allocation.Status> = []
            for a in h.awards {
                guard let amount = a.amount, let fen = Fen.of(amount) else {
                    row.setAside.append(.init(benefit: a.benefit, amount: nil, reason: AllocateMessage.unpriced))
                    kinds.insert(.unpriced)
                    continue
                }
                if let number = h.idNumber, !number.isEmpty {
                    let key = number.uppercased() + "|" + a.benefit
                    if let first = paidTo[key] {
                        row.setAside.append(.init(benefit: a.benefit, amount: amount, reason: AllocateMessage.duplicate(of: first)))
                        kinds.insert(.duplicate)
                        continue
                    }
                    paidTo[key] = h.id
                }
                let preferred = (a.fund.map { [$0] } ?? []) + a.allowedFunds
                var allowed: [Int] = []
                for code in preferred { if let j = index[code], !allowed.contains(j) { allowed.append(j) } }
                if allowed.isEmpty {
                    row.setAside.append(.init(benefit: a.benefit, amount: amount, reason: AllocateMessage.noBudget(a.allowedFunds)))
                    kinds.insert(.unfunded)
                    continue
                }
                row.items.append(FundingSolver.Item(amount: fen, allowed: allowed))
                row.benefits.append(a.benefit)
            }
            if row.items.isEmpty {
                row.statusIfNothing = kinds.contains(.unfunded) ? .unfunded : kinds.contains(.duplicate) ? .duplicate : .unpriced
            }
            rows.append(row)
        }
    }
}
