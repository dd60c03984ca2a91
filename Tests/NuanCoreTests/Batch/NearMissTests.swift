import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// `nuan batch --near-miss AMOUNT`: refused households one money change within AMOUNT would make
/// eligible, nearest first, the same in any block layout, and the decisions themselves unchanged.
final class NearMissTests: XCTestCase {
    var dir: URL!

    override func setUp() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-nearmiss-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    /// Unarchived one-person households with a cause: 1980.00 a month is the 3× line (蚌埠 660).
    func archive() -> String {
        let incomes = ["2100", "1980", "2000.50", "5000", "1990", "2180", "1500", "2179.99"]
        var lines: [String] = []
        for (k, inc) in incomes.enumerated() {
            lines.append(#"{"id":"N-\#(k)","name":"甲","region":"蚌埠市","household_size":1,"household_monthly_income":\#(inc),"hardship_causes":["serious_illness"],"archive_type":"none","archive_level":"none"}"#)
        }
        let p = dir.appendingPathComponent("a.jsonl").path
        FileManager.default.createFile(atPath: p, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
        return p
    }

    func run(nearMiss: Rational?, block: Int? = nil, jobs: Int = 2) throws -> BatchResult {
        var o = BatchOptions(input: archive(), output: dir.appendingPathComponent("o-\(block ?? 0)-\(nearMiss != nil).jsonl").path,
                             inputFormat: .jsonl, outputFormat: .jsonl, jobs: jobs)
        o.explain = .none
        o.blockSize = block
        o.nearMiss = nearMiss
        return Batch.run(program: BatchTests.bengbu, options: o)
    }

    func testTheNearestRefusalsWithinTheMarginNearestFirst() throws {
        let res = try run(nearMiss: Rational(integer: 200))
        XCTAssertNil(res.failure)
        let list = res.report.nearMissList
        // 1990 (10.00), 2000.50 (20.50), 2100 (120.00), 2179.99 (199.99), 2180 (200.00); not 5000.
        XCTAssertEqual(list.map(\.id), ["N-4", "N-2", "N-0", "N-7", "N-5"])
        XCTAssertEqual(list.map { $0.gap.formatted(places: 2) }, ["10.00", "20.50", "120.00", "199.99", "200.00"])
        XCTAssertTrue(list.allSatisfy { $0.to == Rational(integer: 1980) && $0.key == "household_monthly_income" })
        XCTAssertEqual(res.report.nearMissCount, 5)
        XCTAssertTrue(res.report.text().contains("边缘户（差 200.00 元以内即可符合）：5 户；最近：N-4 家庭月收入 1990.00 → 1980.00 元（差 10.00 元）"),
                      res.report.text())
        XCTAssertTrue(res.report.json().contains(#""near_miss": {"margin":"200.00","households":5,"nearest":[{"id":"N-4","field":"household_monthly_income","from":"1990.00","to":"1980.00","gap":"10.00","total_amount":"1000.00"}"#),
                      res.report.json())
        XCTAssertTrue(HTMLReport.render(res.report).contains("边缘户"))
    }

    func testTheListDoesNotDependOnBlocksAndTheDecisionsDoNotChange() throws {
        let whole = try run(nearMiss: Rational(integer: 200), block: nil, jobs: 1)
        let small = try run(nearMiss: Rational(integer: 200), block: 200, jobs: 2)
        XCTAssertEqual(whole.report.nearMissList, small.report.nearMissList)
        let plain = try run(nearMiss: nil)
        let a = try String(contentsOfFile: dir.appendingPathComponent("o-0-true.jsonl").path, encoding: .utf8)
        let b = try String(contentsOfFile: dir.appendingPathComponent("o-0-false.jsonl").path, encoding: .utf8)
        XCTAssertEqual(a, b, "the list is searched for the summary; without --recourse no decision carries it")
        XCTAssertEqual(plain.report.nearMissCount, 0)
        XCTAssertTrue(plain.report.json().contains(#""near_miss": null"#))
    }
}
