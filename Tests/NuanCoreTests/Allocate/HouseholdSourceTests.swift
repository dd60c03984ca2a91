import XCTest
@testable import NuanSupport
@testable import NuanProgram
@testable import NuanTools

/// Reading an archive for allocate and roster the way batch reads it.
final class HouseholdSourceTests: XCTestCase {
    /// Two columns naming one field (an export with both English keys and Chinese labels): the
    /// later empty cell is "not given", it does not erase the name and 申请编号 the first one
    /// gave — roster and allocate see the household batch decides (found by nuan-fuzz, seed 8).
    func testAnEmptyDuplicateColumnDoesNotEraseTheFirst() throws {
        let csv = "id,name,region,household_size,household_monthly_income,hardship_causes,archive_type,archive_level,申请编号,姓名\n"
            + "BB-1,李秀英,蚌埠市,1,1000,serious_illness,none,none,,\n"
        let read = HouseholdSource.fromCSV(Array(csv.utf8), program: BatchTests.bengbu, firstLine: 1)
        guard case .success(let households) = read else { return XCTFail("\(read)") }
        XCTAssertEqual(households.count, 1)
        XCTAssertEqual(households.first?.id, "BB-1")
        XCTAssertEqual(households.first?.name, "李秀英")
        XCTAssertEqual(households.first?.status, .eligible)
    }
}
