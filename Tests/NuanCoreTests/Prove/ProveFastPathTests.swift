import Foundation
import XCTest
@testable import NuanTools
@testable import NuanProgram
import NuanSupport

/// The fast path of `nuan prove` (compiled evaluator, sweeps kept as what they compare, the
/// parts and the sweeps spread over the cores) against the first implementation, kept as the
/// reference (`Prover.prove(reference: true)`): the same cells, decisions counted, findings —
/// each with its records, decisions, wording and count — and report, on fixtures that refute
/// every property (专款专用, 唯一 clash, dead benefit and category, gap, monotonicity in income,
/// members and causes, assertion caps and funds) and on one that proves them all.
final class ProveFastPathTests: XCTestCase {
    func path(_ name: String) -> String { ProveTests.root + "/Tests/Fixtures/prove/" + name }

    override func tearDown() { unsetenv("NUAN_PROVE_JOBS") }

    /// Everything a finding says, as text (records and decisions in full).
    func describe(_ f: ProveFinding) -> String {
        [f.property.rawValue, f.subject, f.detail.zh, f.detail.en, "\(f.count)",
         String(describing: f.record), String(describing: f.decision),
         String(describing: f.other), String(describing: f.otherDecision)].joined(separator: "\n")
    }

    /// The report without its first line's time.
    func report(_ r: ProveResult, english: Bool) -> String {
        ProveReport.render(r, english: english).replacingOccurrences(of: #"[0-9]+ (毫秒|ms)"#, with: "", options: .regularExpression)
    }

    func assertSame(_ name: String, at full: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
        let reference = Prover.run(path: full ?? path(name), reference: true)
        let fast = Prover.run(path: full ?? path(name))
        XCTAssertNotNil(fast.program, "\(fast.diagnostics)", file: file, line: line)
        XCTAssertNil(fast.blowup, file: file, line: line)
        XCTAssertEqual(fast.cells, reference.cells, name, file: file, line: line)
        XCTAssertEqual(fast.evaluations, reference.evaluations, name, file: file, line: line)
        XCTAssertEqual(fast.decided, reference.decided, name, file: file, line: line)
        XCTAssertEqual(fast.findings.map(describe), reference.findings.map(describe), name, file: file, line: line)
        XCTAssertEqual(report(fast, english: false), report(reference, english: false), file: file, line: line)
        XCTAssertEqual(report(fast, english: true), report(reference, english: true), file: file, line: line)
    }

    func testEveryPropertyRefutedAlike() {
        for jobs in ["1", "2", "3"] {
            setenv("NUAN_PROVE_JOBS", jobs, 1)
            assertSame("refuted.rules")
            assertSame("refuted-more.rules")
            assertSame("assertions.rules")
            assertSame("proved.rules")
        }
    }

    /// A part's walk split over the cores (`Partition.exploreSplit`) meets the cells in the order
    /// one walk meets them: the boundary examples, which follow that order, are the same.
    func testSplitWalkKeepsTheOrder() throws {
        for name in ["refuted.rules", "refuted-more.rules", "assertions.rules", "proved.rules"] {
            let (program, _) = Nuan.compile(path: path(name))
            let p = try XCTUnwrap(program)
            setenv("NUAN_PROVE_JOBS", "1", 1)
            let serial = Prover.prove(p, path: "x.rules", boundaries: true)
            setenv("NUAN_PROVE_JOBS", "2", 1)
            let split = Prover.prove(p, path: "x.rules", boundaries: true)
            XCTAssertFalse(serial.boundaryExamples.isEmpty, name)
            XCTAssertEqual(split.cells, serial.cells, name)
            XCTAssertEqual(split.evaluations, serial.evaluations, name)
            XCTAssertEqual(String(describing: split.boundaryExamples), String(describing: serial.boundaryExamples), name)
        }
    }

    /// A part's open decisions decide only what the part follows (`Partition.openScopes`): the
    /// walk meets the same cells, with the same records and decisions, as with everything decided
    /// (and the priority score). Not where arithmetic can fail.
    func testOpenDecisionsOfOnePartSplitAlike() throws {
        setenv("NUAN_PROVE_JOBS", "1", 1)
        let failing = try XCTUnwrap(Nuan.compile(path: path("arithmetic-failure.rules")).0)
        XCTAssertTrue(Partition(program: failing).openScopes.isEmpty)
        let files = ["refuted.rules", "refuted-more.rules", "assertions.rules", "proved.rules", "first-lists.rules", "first-pending.rules"]
            .map(path) + [ProveTests.root + "/Rules/qinghai-2020.rules"]
        for file in files {
            let p = try XCTUnwrap(Nuan.compile(path: file).0)
            var scoped = Partition(program: p)
            var whole = Partition(program: p)
            XCTAssertFalse(scoped.openScopes.isEmpty)
            whole.openScopes = [:]
            try scoped.run()
            try whole.run()
            XCTAssertGreaterThan(scoped.cells.count, 10, file)
            XCTAssertEqual(scoped.cells.count, whole.cells.count, file)
            XCTAssertEqual(scoped.evaluations, whole.evaluations, file)
            for (a, b) in zip(scoped.cells, whole.cells) {
                XCTAssertEqual(a.part, b.part, file)
                XCTAssertEqual(String(describing: a.path), String(describing: b.path), file)
                XCTAssertEqual(String(describing: a.decision), String(describing: b.decision), file)
            }
        }
    }

    /// The sweeps start where the first cell of each record (the swept input left out) is met,
    /// found by the cells' paths (`SweepPlan`): the same cells as comparing whole records.
    func testSweepsStartAtTheFirstCellOfEachRecord() throws {
        let files = ["refuted.rules", "refuted-more.rules", "proved.rules", "first-lists.rules"].map(path)
            + [ProveTests.root + "/Rules/qinghai-2020.rules"]
        for jobs in ["1", "2"] {
            setenv("NUAN_PROVE_JOBS", jobs, 1)
            for file in files {
                let p = try XCTUnwrap(Nuan.compile(path: file).0)
                var partition = Partition(program: p)
                try partition.run()
                let income = p.fieldIndex(named: "household_monthly_income"), size = p.fieldIndex(named: "household_size")
                let plan = SweepPlan.plan(partition.cells, income: income, size: size)
                var seen: Set<String> = []
                var expected: [UInt8] = []
                for c in partition.cells {
                    var bits: UInt8 = 0
                    let sweeps = c.part != .validity && c.decision.status != .invalid && { if case .assertion = c.part { return false } else { return true } }()
                    for (bit, slot) in [(UInt8(1), income), (UInt8(2), size)] {
                        guard sweeps, let slot, case .number = c.facts.values[slot], c.facts.given[slot] else { continue }
                        let record = c.facts.values.indices.filter { $0 != slot }.map { "\(c.facts.values[$0])|\(c.facts.given[$0])" }
                        if seen.insert("\(c.part)/\(slot)/\(record)").inserted { bits |= bit }
                    }
                    expected.append(bits)
                }
                XCTAssertGreaterThan(expected.filter { $0 != 0 }.count, 5, file)
                XCTAssertLessThan(expected.filter { $0 != 0 }.count, partition.cells.count, file)
                XCTAssertEqual(plan, expected, "\(file) jobs \(jobs)")
                // Paths compared as the records are (not only as their hashes are).
                guard let slot = income else { continue }
                func record(_ c: Partition.Cell) -> String {
                    "\(c.part)/" + c.facts.values.indices.filter { $0 != slot }.map { "\(c.facts.values[$0])|\(c.facts.given[$0])" }.joined()
                }
                let cells = partition.cells
                var first: [String: Int] = [:]
                var alike = 0
                for i in cells.indices where alike < 300 {
                    let r = record(cells[i])
                    if let k = first[r] {
                        alike += 1
                        XCTAssertTrue(SweepPlan.same(cells[k], cells[i], without: slot), "\(file) \(k) \(i)")
                    } else {
                        first[r] = i
                    }
                    if i > 0, record(cells[i - 1]) != r { XCTAssertFalse(SweepPlan.same(cells[i - 1], cells[i], without: slot), "\(file) \(i)") }
                }
                if file.hasSuffix("qinghai-2020.rules") { XCTAssertGreaterThan(alike, 0) }
            }
        }
    }

    /// A gap the file allows (`允许类别空档`): where it is allowed nothing is reported, alike.
    func testAllowedGapAlike() throws {
        let base = try String(contentsOfFile: path("refuted-more.rules"), encoding: .utf8)
        let file = NSTemporaryDirectory() + "nuan-fast-gap-\(getpid()).rules"
        defer { try? FileManager.default.removeItem(atPath: file) }
        for (upper, expected) in [("1.5", 0), ("1.2", 1)] {
            let allowance = "\n断言 略高于低保不建档\n  当 人均月收入 ≥ 低保标准 且 人均月收入 < 低保标准 × \(upper) 倍\n  则 允许类别空档\n"
            try (base + allowance).write(toFile: file, atomically: true, encoding: .utf8)
            XCTAssertEqual(Prover.run(path: file).findings.filter { $0.property == .categoryGap }.count, expected, upper)
            for jobs in ["1", "2"] {
                setenv("NUAN_PROVE_JOBS", jobs, 1)
                assertSame("gap allowed below \(upper)", at: file)
            }
        }
    }

    /// The fixtures do refute what this test says they refute (so the comparison is not empty).
    func testFixturesRefuteEveryProperty() {
        var refuted: Set<ProveProperty> = []
        for name in ["refuted.rules", "refuted-more.rules", "assertions.rules"] {
            refuted.formUnion(Prover.run(path: path(name)).findings.map(\.property))
        }
        XCTAssertEqual(refuted, Set(ProveProperty.allCases))
        let more = Prover.run(path: path("refuted-more.rules"))
        let by = Dictionary(grouping: more.findings, by: \.property)
        XCTAssertEqual(by[.categoryReachable]?.map(\.subject), ["accidental"])
        XCTAssertEqual(by[.monotoneCauses]?.first?.otherDecision?.awards.map(\.benefit).contains("单纯大病"), true)
        XCTAssertTrue(by[.monotoneMembers]?.contains { $0.otherDecision?.awards.map(\.benefit).contains("小家庭补助") == true } == true)
    }

    /// A space too large stops where a run of the parts in order stops, with the same figures.
    func testTooLargeAlike() throws {
        // Over the limit in the category, a benefit group, or (walked together) an assertion.
        for (name, limit) in [("refuted-more.rules", 20), ("refuted-more.rules", 80), ("refuted-more.rules", 170),
                              ("assertions.rules", 110), ("assertions.rules", 200), ("assertions.rules", 280)] {
            let (program, _) = Nuan.compile(path: path(name))
            let p = try XCTUnwrap(program)
            setenv("NUAN_PROVE_JOBS", "2", 1)
            let fast = Prover.prove(p, path: "x.rules", limit: limit)
            let reference = Prover.prove(p, path: "x.rules", limit: limit, reference: true)
            XCTAssertNotNil(reference.blowup, "\(name) \(limit)")
            XCTAssertNotNil(fast.blowup)
            XCTAssertEqual(fast.evaluations, reference.evaluations, "\(name) limit \(limit)")
            // Fields with equal counts may come in either order (as in the reference itself).
            XCTAssertEqual(fast.blowup?.map(\.values), reference.blowup?.map(\.values), "\(name) limit \(limit)")
            // Parts stopped early by the shared budget (small batches): the same again.
            SharedBudget.batch = 8
            defer { SharedBudget.batch = 4096 }
            let stopped = Prover.prove(p, path: "x.rules", limit: limit)
            XCTAssertEqual(stopped.evaluations, reference.evaluations, "\(name) limit \(limit), small batches")
            XCTAssertEqual(stopped.blowup?.map(\.values), reference.blowup?.map(\.values), "\(name) limit \(limit), small batches")
        }
    }
}
