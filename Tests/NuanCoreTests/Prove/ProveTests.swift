import Foundation
import XCTest
@testable import NuanTools
@testable import NuanProgram
import NuanSupport

/// `nuan prove`: each property refuted on a file made to break it, with a counterexample that
/// `nuan test` accepts back, and every property proved on a file that keeps them.
final class ProveTests: XCTestCase {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    func path(_ name: String) -> String { Self.root + "/Tests/Fixtures/prove/" + name }

    func testEveryPropertyRefutedWithACounterexample() throws {
        let r = Prover.run(path: path("refuted.rules"))
        XCTAssertNotNil(r.program)
        XCTAssertNil(r.blowup)
        XCTAssertGreaterThan(r.cells, 10)
        let by = Dictionary(grouping: r.findings, by: \.property)
        XCTAssertEqual(by[.earmark]?.map(\.subject), ["未指定对象 / central_aid"])
        XCTAssertEqual(by[.uniqueClash]?.map(\.subject), ["唯一组"])
        XCTAssertEqual(by[.benefitReachable]?.map(\.subject), ["乙"])
        XCTAssertTrue(by[.benefitReachable]?.first?.detail.zh.contains("甲") == true)
        XCTAssertEqual(by[.categoryGap]?.first?.decision?.category, "none")
        XCTAssertEqual(by[.categoryGap]?.first?.otherDecision?.category, "deep")
        let income = try XCTUnwrap(by[.monotoneIncome]?.first { $0.decision!.totalAmount < $0.otherDecision!.totalAmount })
        XCTAssertEqual(income.otherDecision?.awards.map(\.benefit), ["收入越高越多"])
        // The gap is also an inversion of the category (none below 2×, relative from 2×).
        XCTAssertTrue(by[.monotoneIncome]!.contains { $0.decision!.category == "none" && $0.otherDecision!.category == "relative" })
        XCTAssertNil(by[.categoryReachable])
        XCTAssertNil(by[.monotoneCauses])
    }

    /// The counterexamples are ready-to-paste 例子: appended to the file, nuan test passes them.
    func testCounterexamplesRoundTripThroughNuanTest() throws {
        let r = Prover.run(path: path("refuted.rules"))
        let report = ProveReport.render(r, english: false)
        let examples = report.components(separatedBy: "\n").filter { !$0.isEmpty }
            .drop { !$0.hasPrefix("      例子") }
            .filter { $0.hasPrefix("      ") && !$0.hasPrefix("       ") || $0.hasPrefix("        ") }
            .filter { !$0.contains("反例：") && !$0.contains("对照：") }
            .map { String($0.dropFirst(6)) }
        XCTAssertGreaterThan(examples.filter { $0.hasPrefix("例子") }.count, 5)
        let text = try String(contentsOfFile: path("refuted.rules"), encoding: .utf8) + "\n" + examples.joined(separator: "\n") + "\n"
        let t = ExampleRunner.run(path: path("refuted.rules"), text: text)
        XCTAssertFalse(t.rulesError, "\(t.diagnostics)")
        XCTAssertEqual(t.examples.count, examples.filter { $0.hasPrefix("例子") }.count)
        for e in t.examples { XCTAssertTrue(e.passed, "\(e.title): \(e.errors) \(e.mismatches)") }
    }

    func testEveryPropertyProved() {
        let r = Prover.run(path: path("proved.rules"))
        XCTAssertTrue(r.findings.isEmpty, "\(r.findings.map { $0.detail.zh })")
        XCTAssertEqual(r.decided.count, ProveProperty.allCases.count - 1)
        XCTAssertFalse(r.refuted)
        let text = ProveReport.render(r, english: true)
        XCTAssertTrue(text.contains("✓ earmarking"), text)
        XCTAssertFalse(text.contains("✗"), text)
    }

    /// A limit too small to enumerate names the inputs that branch, instead of sampling.
    func testTooLargeSaysWhichInputs() {
        let (program, _) = Nuan.compile(path: path("refuted.rules"))
        let r = Prover.prove(program!, path: "refuted.rules", limit: 20)
        XCTAssertNotNil(r.blowup)
        XCTAssertTrue(r.refuted)
        XCTAssertTrue(ProveReport.render(r, english: false).contains("输入空间过大"))
    }

    /// The option classes: options every test treats alike are one value.
    func testOptionClasses() {
        let (program, _) = Nuan.compile(path: path("proved.rules"))
        let p = program!
        let v = PartitionValues(p)
        let causes = p.fieldIndex(named: "致困原因")!
        // 大病 and 残疾 appear only together (含任一 [大病, 残疾]): empty or one of them.
        XCTAssertEqual(v.lists[causes], [0, 1])
    }

    /// Boundary examples: at and one fen either side of a threshold, and nuan test keeps them.
    func testBoundaryExamplesPass() throws {
        let r = Prover.run(path: path("proved.rules"), boundaries: true)
        XCTAssertFalse(r.boundaryExamples.isEmpty)
        let all = r.boundaryExamples.joined(separator: "\n")
        XCTAssertTrue(all.contains("家庭月收入 = 1800.00 元"), all)
        XCTAssertTrue(all.contains("家庭月收入 = 1800.01 元"), all)
        XCTAssertTrue(all.contains("家庭月收入 = 1799.99 元"), all)
        XCTAssertTrue(all.contains("家庭月收入 = 1800.02 元"), all)
        let text = try String(contentsOfFile: path("proved.rules"), encoding: .utf8) + "\n" + all
        let t = ExampleRunner.run(path: path("proved.rules"), text: text)
        XCTAssertFalse(t.rulesError, "\(t.diagnostics)")
        for e in t.examples { XCTAssertTrue(e.passed, "\(e.title): \(e.errors) \(e.mismatches)") }
    }

    /// The boundary examples pin every input that decides, not only amounts: options, flags and
    /// list items too. Each small mutation of the proved file fails at least one of the examples
    /// emitted for the unmutated file (the mutation test of issue 14, in miniature). A fund
    /// swapped here is caught before: `nuan check` refuses it (专款专用).
    func testBoundaryExamplesCatchSmallMutations() throws {
        let r = Prover.run(path: path("proved.rules"), boundaries: true)
        let all = r.boundaryExamples.joined(separator: "\n")
        XCTAssertTrue(all.contains("例子 \"边界 ") && all.contains("：建档层级 = "), all)
        XCTAssertTrue(all.contains("：致困原因 = "), all)
        let original = try String(contentsOfFile: path("proved.rules"), encoding: .utf8)
        func failures(_ source: String) -> Int {
            let t = ExampleRunner.run(path: path("proved.rules"), text: source + "\n" + all)
            XCTAssertFalse(t.rulesError, "\(t.diagnostics)")
            return t.examples.filter { !$0.passed }.count
        }
        XCTAssertEqual(failures(original), 0)
        let mutations = [
            ("含任一 [大病, 残疾]", "含任一 [大病]"),                       // an option dropped
            ("人均月收入 ≤ 低保标准 × 3 倍", "人均月收入 < 低保标准 × 3 倍"),    // ≤ → <
            ("低保标准 × 2 倍", "低保标准 × 3 倍"),                         // a multiplier
            ("= 500 元/户", "= 501 元/户"),                               // an amount
            (" 且 致困原因 含任一 [大病, 残疾]", ""),                        // a condition dropped
        ]
        for (from, to) in mutations {
            XCTAssertTrue(original.contains(from), from)
            XCTAssertGreaterThan(failures(original.replacingOccurrences(of: from, with: to)), 0, "\(from) → \(to) not caught")
        }
    }
}
