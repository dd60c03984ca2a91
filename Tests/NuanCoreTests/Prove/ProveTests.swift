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

    /// A required input the rules read is never left "not given": such a record is invalid
    /// before any rule runs. Every cell's record gives it, and every boundary example passes
    /// `nuan test` (nuan-fuzz seed 10, case 26).
    func testRequiredInputsAreAlwaysGiven() throws {
        let original = try String(contentsOfFile: path("proved.rules"), encoding: .utf8)
        let from = "字段 household_size 家庭人口 : 整数 至少 1"
        XCTAssertTrue(original.contains(from))
        let text = original.replacingOccurrences(of: from, with: from + " 必填")
        let dir = NSTemporaryDirectory() + "nuan-required-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/required.rules"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let (program, _) = Nuan.compile(path: file)
        let p = try XCTUnwrap(program)
        XCTAssertTrue(p.fields[try XCTUnwrap(p.fieldIndex(named: "household_size"))].required)
        let r = Prover.run(path: file, boundaries: true)
        XCTAssertFalse(r.boundaryExamples.isEmpty)
        let all = r.boundaryExamples.joined(separator: "\n")
        XCTAssertFalse(all.contains("家庭人口 = （未填）"), all)
        let t = ExampleRunner.run(path: file, text: text + "\n" + all)
        XCTAssertFalse(t.rulesError, "\(t.diagnostics)")
        for e in t.examples { XCTAssertTrue(e.passed, "\(e.title): \(e.errors) \(e.mismatches)") }
    }

    /// A `首个` group whose first benefit is still open (causes not given) below an income line
    /// and whose second pays above it: no inversion — money not settled is not 0 (a group
    /// with a benefit open is not compared). The first benefit is settled first: fewer cells
    /// than the order that assigns every choice before any amount, and the same properties.
    func testFirstBenefitSettledFirstAndOpenMoneyNotCompared() throws {
        let (program, _) = Nuan.compile(path: path("first-pending.rules"))
        let p = try XCTUnwrap(program)
        let r = Prover.prove(p, path: "first-pending.rules")
        XCTAssertTrue(r.findings.isEmpty, "\(r.findings.map { $0.detail.zh })")
        // Below the line, no causes given: undetermined; above it: the model worker's 2000.
        var ev = Evaluator(program: p)
        func decide(_ income: String) -> Decision {
            let pairs: [(String, RawValue)] = [("id", .string("T-1")), ("name", .string("测")), ("household_size", .number("1")),
                                               ("household_monthly_income", .number(income)), ("groups", .array([.string("model_worker")]))]
            let (facts, errors, _) = RecordCodec(program: p).decode(pairs: pairs)
            XCTAssertTrue(errors.isEmpty, "\(errors)")
            return ev.decide(facts)
        }
        XCTAssertEqual(decide("1800").status, .undetermined)
        XCTAssertEqual(decide("1800.01").totalAmount, Rational(integer: 2000))
        setenv("NUAN_PROVE_FIRST_ORDER", "1", 1)
        defer { unsetenv("NUAN_PROVE_FIRST_ORDER") }
        let old = Prover.prove(p, path: "first-pending.rules")
        XCTAssertTrue(old.findings.isEmpty)
        XCTAssertLessThan(r.cells, old.cells)
        // Every fixture: the same properties refuted, by the same subjects, in either order.
        for name in ["refuted.rules", "refuted-more.rules", "assertions.rules", "proved.rules"] {
            let (q, _) = Nuan.compile(path: path(name))
            unsetenv("NUAN_PROVE_FIRST_ORDER")
            let new = Prover.prove(try XCTUnwrap(q), path: name).findings.map { "\($0.property) \($0.subject)" }
            setenv("NUAN_PROVE_FIRST_ORDER", "1", 1)
            let before = Prover.prove(q!, path: name).findings.map { "\($0.property) \($0.subject)" }
            XCTAssertEqual(Set(new), Set(before), name)
        }
    }

    /// A `首个` group's option sets merged where the group surely pays the same benefit from funds
    /// that surely may (or may not) pay it (`FirstGroupMerge`): fewer cells, and the same
    /// findings — by property, subject and wording — as with every set walked, among them a
    /// fund that may not pay a set seen only after one it would merge with but for its fund.
    func testFirstGroupSetsMergedFindSame() throws {
        let (program, _) = Nuan.compile(path: path("first-lists.rules"))
        let p = try XCTUnwrap(program)
        let merged = Prover.prove(p, path: "first-lists.rules")
        let all = Prover.prove(p, path: "first-lists.rules", allSets: true)
        // (In any order: the sets kept are met in another order than every set.)
        func said(_ r: ProveResult) -> [String] { r.findings.map { "\($0.property) \($0.subject) \($0.detail.zh)" }.sorted() }
        XCTAssertEqual(said(merged), said(all))
        XCTAssertLessThan(merged.cells, all.cells)
        XCTAssertEqual(Set(merged.findings.map(\.property)), [.earmark, .monotoneIncome, .monotoneMembers])
        XCTAssertEqual(merged.findings.first { $0.property == .earmark }?.subject, "派驻慰问 / posted_fund")
        // Each counterexample is a record that gets the decision shown.
        var ev = Evaluator(program: p)
        for f in merged.findings {
            let d = ev.decide(try XCTUnwrap(f.record))
            XCTAssertEqual(d.awards.map(\.benefit), f.decision?.awards.map(\.benefit), f.subject)
        }
        // Shipped files whose groups merge sets: the same report (leshan, qinghai, wuzhou).
        for name in ["leshan-2012", "qinghai-2020", "wuzhou-2018"] {
            let file = ProveTests.root + "/Rules/\(name).rules"
            let (merged, all) = (Prover.run(path: file), Prover.run(path: file, allSets: true))
            XCTAssertNil(merged.blowup, name)
            XCTAssertEqual(said(merged), said(all), name)
            XCTAssertLessThan(merged.cells, all.cells, name)
        }
    }

    /// The set kept of each merged kind is the one the most benefits apply to, so the boundary
    /// examples name records two benefits both pay: swapping two benefits of the group fails
    /// one of them (with the smallest set kept, none fails).
    func testMergedSetsKeepTheGroupsOrderInTheExamples() throws {
        let r = Prover.run(path: path("first-lists.rules"), boundaries: true)
        XCTAssertFalse(r.boundaryExamples.isEmpty)
        let original = try String(contentsOfFile: path("first-lists.rules"), encoding: .utf8)
        let model = "  福利 劳模慰问 = 2000 元/户\n    当 人员类别 含 劳动模范\n    资金 [union_own]\n    依据 \"测试\"\n\n"
        let posted = "  福利 派驻慰问 = 1000 元/户\n    当 人员类别 含 派驻挂职干部\n    资金 [posted_fund]\n    依据 \"测试\"\n\n"
        XCTAssertTrue(original.contains(model + posted))
        let swapped = original.replacingOccurrences(of: model + posted, with: posted + model)
        let dir = NSTemporaryDirectory() + "nuan-order-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/swapped.rules"
        let examples = r.boundaryExamples.joined(separator: "\n")
        let kept = ExampleRunner.run(path: file, text: original + "\n" + examples)
        XCTAssertTrue(kept.examples.allSatisfy(\.passed))
        let t = ExampleRunner.run(path: file, text: swapped + "\n" + examples)
        XCTAssertFalse(t.rulesError, "\(t.diagnostics)")
        XCTAssertTrue(t.examples.contains { !$0.passed })
    }

    /// A benefit that never wins in a group whose sets merge: what the report says of it (it
    /// applies, 劳模慰问 wins first) is read off every set — the file is proved again unmerged.
    func testNeverWinningBenefitProvedWithEverySet() throws {
        let (program, _) = Nuan.compile(path: path("first-lists-dead.rules"))
        let p = try XCTUnwrap(program)
        let merged = Prover.prove(p, path: "first-lists-dead.rules")
        let all = Prover.prove(p, path: "first-lists-dead.rules", allSets: true)
        XCTAssertEqual(merged.cells, all.cells)
        XCTAssertEqual(merged.findings.map { "\($0.property) \($0.subject) \($0.detail.zh) \($0.count)" },
                       all.findings.map { "\($0.property) \($0.subject) \($0.detail.zh) \($0.count)" })
        let dead = try XCTUnwrap(merged.findings.first { $0.property == .benefitReachable })
        XCTAssertEqual(dead.subject, "劳模一线慰问")
        XCTAssertTrue(dead.detail.zh.contains("劳模慰问"), dead.detail.zh)
    }

    /// Representative values are values a record can hold: a household size is whole even where
    /// a figure the rules hold (1.5 倍) lies between two sizes.
    func testRepresentativeSizesAreWhole() throws {
        for name in ["first-pending.rules", "proved.rules", "refuted-more.rules"] {
            let (program, _) = Nuan.compile(path: path(name))
            let p = try XCTUnwrap(program)
            let slot = try XCTUnwrap(p.fieldIndex(named: "household_size"))
            let r = Prover.prove(p, path: name)
            XCTAssertGreaterThan(r.cells, 0)
            var partition = Partition(program: p)
            try partition.run()
            var sizes = 0
            for c in partition.cells {
                guard case .number(let n) = c.facts.values[slot], c.facts.given[slot] else { continue }
                XCTAssertTrue(n.isInteger, "\(name): 家庭人口 \(n)")
                sizes += 1
            }
            XCTAssertGreaterThan(sizes, 0, name)
            // The sweeps' values of the size too.
            var values = PartitionValues(p)
            var relevance = Relevance(program: p)
            for c in partition.cells.prefix(200) {
                for case .number(let n)? in values.values(slot, facts: c.facts, open: InputSet(), relevance: &relevance) {
                    XCTAssertTrue(n.isInteger, "\(name): swept 家庭人口 \(n)")
                }
            }
        }
    }
}
