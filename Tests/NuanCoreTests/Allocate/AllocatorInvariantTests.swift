import XCTest
@testable import NuanSupport
@testable import NuanProgram
@testable import NuanTools

/// Archive-sized random allocations (too large for brute force): never overspent, never from
/// a fund outside `allowed_funds`, one ID number never paid one benefit twice, every amount
/// paid whole, and no waitlisted household that would fit in the money left.
final class AllocatorInvariantTests: XCTestCase {
    func testInvariantsOnLargerRandomArchives() {
        var rng = AllocatorPropertyTests.RNG(state: 424_242)
        let codes = ["central_aid", "provincial_finance_aid", "local_finance", "union_own", "social_donation"]
        for trial in 0..<4 {
            let funds = Array(codes.prefix(2 + rng.int(4)))
            let budgets = funds.map { Allocator.Budget(fund: $0, amount: Rational(Int64(100_000 * (1 + rng.int(40)) + rng.int(100)), 100)!) }
            // as a rules file has them: a few benefits, each with its funds and one or two amounts
            let benefits = (0..<4).map { _ -> [String] in
                let allowed = codes.filter { _ in rng.int(2) == 0 }
                return allowed.isEmpty ? [codes[rng.int(codes.count)]] : allowed
            }
            let households = (0..<(100 + rng.int(200))).map { i -> AidHousehold in
                let awards = (0..<(1 + rng.int(2))).map { k -> AidHousehold.Award in
                    let b = rng.int(benefits.count)
                    let amount: Rational? = rng.int(20) == 0 ? nil : Rational(integer: Int64([1000, 2000][(b + rng.int(4)) % 4 == 0 ? 1 : 0]))
                    return .init(benefit: "B\(b)", amount: amount, fund: benefits[b][0], allowedFunds: benefits[b])
                }
                return AidHousehold(id: "H\(i)", position: i + 1, status: rng.int(10) == 0 ? .ineligible : .eligible, category: "deep",
                                    score: Rational(integer: Int64(rng.int(50))), awards: awards, idNumber: "ID\(rng.int(250))")
            }
            let r = Allocator.allocate(households, budgets: budgets, extrasLimit: 20)
            XCTAssertEqual(r.searchLimitHits, 0)
            var left: [String: Rational] = [:]
            for u in r.funds {
                XCTAssertFalse(u.left.isNegative, "trial \(trial): \(u.fund)")
                XCTAssertEqual(Rational.sum(r.entries.flatMap(\.payments).filter { $0.fund == u.fund }.map(\.amount)), u.spent)
                left[u.fund] = u.left
            }
            var paid: Set<String> = []
            for e in r.entries where e.status == .funded {
                for p in e.payments {
                    let award = e.household.awards.first { $0.benefit == p.benefit && $0.amount == p.amount }
                    XCTAssertNotNil(award, "trial \(trial): \(p.benefit) \(p.amount) was not awarded")
                    XCTAssertTrue(award?.allowedFunds.contains(p.fund) ?? false, "trial \(trial)")
                    XCTAssertTrue(paid.insert(e.household.idNumber! + "|" + p.benefit).inserted, "trial \(trial): paid twice")
                }
            }
            // the ranks follow the priority order
            XCTAssertEqual(r.entries.map(\.household.id), households.filter { $0.status == .eligible }.sorted(by: AidHousehold.precedes).map(\.id))
            // (two awards of one benefit in one household: the second is a duplicate of the first)
            // a waitlisted household with one award cannot fit in any allowed fund's money left
            for e in r.entries where e.status == .waitlisted && e.payments.count == 1 {
                let p = e.payments[0]
                let award = e.household.awards.first { $0.benefit == p.benefit && $0.amount == p.amount }!
                for f in award.allowedFunds {
                    if let l = left[f] { XCTAssertLessThan(l, p.amount, "trial \(trial): \(e.household.id) fits in \(f)") }
                }
            }
        }
    }
}
