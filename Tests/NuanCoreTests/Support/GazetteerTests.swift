import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

final class GazetteerTests: XCTestCase {
    func testNamesShortFormsAndCodesNameTheSameDivision() {
        XCTAssertEqual(Gazetteer.code(of: "蚌埠市"), "340300")
        XCTAssertEqual(Gazetteer.code(of: "蚌埠"), "340300")
        XCTAssertEqual(Gazetteer.code(of: " 340302 "), "340302")
        XCTAssertEqual(Gazetteer.code(of: "蚌埠市龙子湖区"), "340302")
        XCTAssertEqual(Gazetteer.code(of: "怀远县"), "340321")
        XCTAssertEqual(Gazetteer.code(of: "黑龙江"), "230000")
        // A bare district name repeats across cities: not guessed.
        XCTAssertNil(Gazetteer.code(of: "城中区"))
        XCTAssertNil(Gazetteer.code(of: "龙子湖区"))
        XCTAssertNil(Gazetteer.code(of: "蚌埠市X"))
    }

    func testContainment() {
        XCTAssertTrue(Gazetteer.contains("340300", "340302"))
        XCTAssertTrue(Gazetteer.contains("230000", "230100"))
        XCTAssertTrue(Gazetteer.contains("230000", "231200"))
        XCTAssertFalse(Gazetteer.contains("340300", "340100"))
        XCTAssertFalse(Gazetteer.contains("340300", "230100"))
        XCTAssertEqual(Gazetteer.cityCode(of: "340302"), "340300")
        XCTAssertEqual(Gazetteer.cityCode(of: "340300"), "340300")
        XCTAssertEqual(Gazetteer.provinceCode(of: "340302"), "340000")
    }

    func testAWidenedTableKeepsARowOfADistrictsOwn() {
        // Row 0: the city; row 1: one county with a line of its own.
        let w = Gazetteer.widenRegionIndex(["蚌埠市": [0], "340300": [0], "怀远县": [1]])
        XCTAssertEqual(w["蚌埠"], [0])
        XCTAssertEqual(w["340302"], [0])
        XCTAssertEqual(w["蚌埠市龙子湖区"], [0])
        XCTAssertEqual(w["340321"], [1])
        XCTAssertEqual(w["蚌埠市怀远县"], [1])
        XCTAssertNil(w["合肥市"])
        XCTAssertEqual(Gazetteer.fallbackKeys("340399"), ["340300", "340000"])
    }

    func testShortFormsAndDistrictCodesReachTheCitysLowIncomeLine() throws {
        let (p, d) = Nuan.compile(path: Golden.rootURL.appendingPathComponent("Rules/bengbu-2022.rules").path)
        let program = try XCTUnwrap(p, DiagnosticRenderer.render(d))
        func decide(_ region: String) -> Decision {
            Nuan.screen(program, json: Array(#"{"id":"X","name":"甲","region":"\#(region)","household_size":2,"household_monthly_income":3960,"hardship_causes":["serious_illness"],"archive_type":"none","archive_level":"none"}"#.utf8))
        }
        for region in ["蚌埠市", "蚌埠", "340300", "340302", "蚌埠市龙子湖区", "怀远县", "340399"] {
            let decision = decide(region)
            XCTAssertEqual(decision.status, .eligible, region)
            XCTAssertEqual(decision.totalAmount.formatted(), "1000.00", region)
        }
        XCTAssertEqual(decide("龙子湖区").missing, ["低保标准"])
    }

    func testHarbinCountiesDoNotTakeTheDistrictsLine() throws {
        // DOMAIN: 哈尔滨's figures are those of its 9 districts; a county's line is the office's to set.
        let (p, d) = Nuan.compile(path: Golden.rootURL.appendingPathComponent("Rules/heilongjiang-2021.rules").path)
        let program = try XCTUnwrap(p, DiagnosticRenderer.render(d))
        func decide(_ region: String) -> Decision {
            Nuan.screen(program, json: Array(#"{"id":"X","name":"甲","region":"\#(region)","application_date":"2021-01-10","household_size":2,"household_monthly_income":2000,"hardship_causes":[],"archive_type":"none","archive_level":"none"}"#.utf8))
        }
        XCTAssertEqual(decide("230103").category, "relative")      // 南岗区: 1000 < 2 × 732
        XCTAssertEqual(decide("宾县").missing, ["低保标准"])
        XCTAssertEqual(decide("230125").missing, ["低保标准"])
    }
}
