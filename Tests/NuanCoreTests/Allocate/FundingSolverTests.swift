import XCTest
@testable import NuanTools

/// The exact feasibility check where the divisible bound (Hall's condition) is not enough:
/// whole awards that fit in total but not in any packing.
final class FundingSolverTests: XCTestCase {
    typealias Item = FundingSolver.Item

    func testHallHoldsButNoPackingExists() {
        let items = Array(repeating: Item(amount: 600, allowed: [0, 1]), count: 3)
        XCTAssertTrue(FundingSolver.hall(items, [1000, 1000]))
        XCTAssertEqual(FundingSolver.solve(items, capacity: [1000, 1000]), .infeasible)
    }

    func testPackingFoundAcrossClasses() {
        let items = [Item(amount: 500, allowed: [0, 1]), Item(amount: 1000, allowed: [0, 1]), Item(amount: 500, allowed: [0, 1]),
                     Item(amount: 300, allowed: [1])]
        guard case .feasible(let a) = FundingSolver.solve(items, capacity: [1000, 1300]) else { return XCTFail("feasible") }
        var used = [0, 0]
        for (i, f) in a.enumerated() {
            XCTAssertTrue(items[i].allowed.contains(f))
            used[f] += Int(items[i].amount)
        }
        XCTAssertLessThanOrEqual(used[0], 1000)
        XCTAssertLessThanOrEqual(used[1], 1300)
    }

    func testAnItemNoFundMayPayIsInfeasible() {
        XCTAssertEqual(FundingSolver.solve([Item(amount: 1, allowed: [])], capacity: [10]), .infeasible)
    }

    func testSearchLimitIsReportedNotHidden() {
        let items = (0..<6).map { Item(amount: Int64(300 + 100 * $0), allowed: [0, 1, 2]) }
        XCTAssertEqual(FundingSolver.solve(items, capacity: [1100, 1100, 1100], nodeLimit: 1), .gaveUp)
        guard case .feasible = FundingSolver.solve(items, capacity: [1100, 1100, 1100]) else { return XCTFail("300+800, 400+700, 500+600") }
    }
}
