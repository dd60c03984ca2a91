import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanProgram
@testable import NuanTools

/// `CompiledEvaluator.outline` (what `nuan prove`'s sweeps compare of a decision, without
/// building it) against the decision itself, made by the interpreter: the same status
/// (invalid or not), category and money per benefit group, on generated records under every
/// shipped file, with figures overridden to the extremes, and under prove's fixtures (one has
/// a 唯一 group whose clash makes a record invalid).
final class DecisionOutlineTests: XCTestCase {
    /// The outline read off a decision.
    static func outline(_ d: Decision, _ p: CheckedProgram, group: Int?) -> DecisionOutline {
        let invalid = d.status == .invalid
        let codes = p.enums[p.categoryEnum].codes
        let category = d.category == "undetermined" ? nil : codes.firstIndex(of: d.category).map { Int32($0) }
        var amount = Rational.zero
        var pending = false
        if let g = group {
            let start = p.benefitGroups[..<g].reduce(0) { $0 + $1.benefits.count }
            let range = start..<(start + p.benefitGroups[g].benefits.count)
            if !invalid { amount = Rational.sum(d.awards.filter { range.contains($0.benefitIndex) }.compactMap(\.amount)) ?? .zero }
            let names = Set(p.benefitGroups[g].benefits.map(\.name))
            pending = d.pending.contains { names.contains($0) }
        }
        return DecisionOutline(invalid: invalid, category: category, groupAmount: amount, groupPending: pending)
    }

    /// Compares every group's outline of each record; returns (outlined, invalid among them).
    func compare(_ p: CheckedProgram, _ name: String, records: Int, seed: UInt64) -> (Int, Int) {
        var ev = Evaluator(program: p), ref = Evaluator(program: p)
        var c = CompiledEvaluator(ev)
        var gen = CompiledEvaluatorTests.Records(seed: seed)
        var outlined = 0, invalid = 0
        for k in 0..<records {
            let line = gen.record(k)
            let (facts, reading) = RecordCodec(program: p).decode(json: Array(line.utf8))
            guard case .valid = reading else { continue }
            let d = ref.decide(facts, language: .chinese)
            for g in [nil] + p.benefitGroups.indices.map(Optional.some) {
                guard let o = c.outline(facts, using: &ev, group: g) else { continue }
                XCTAssertEqual(o, Self.outline(d, p, group: g), "\(name) group \(String(describing: g)): \(line)")
                outlined += 1
                if o.invalid { invalid += 1 }
            }
        }
        return (outlined, invalid)
    }

    func testTheOutlineIsTheDecisions() throws {
        var outlined = 0, invalid = 0
        for (f, p) in try CompiledEvaluatorTests.programs() {
            let (n, i) = compare(p, f, records: 1500, seed: UInt64(f.utf8.count) &* 31 &+ 7)
            outlined += n
            invalid += i
        }
        let fixtures = CompiledEvaluatorTests.root.appendingPathComponent("Tests/Fixtures/prove")
        for f in ["refuted.rules", "refuted-more.rules", "assertions.rules", "proved.rules"] {
            let (prog, _) = Nuan.compile(path: fixtures.appendingPathComponent(f).path)
            let p = try XCTUnwrap(prog, f)
            let (n, i) = compare(p, f, records: 1500, seed: 5)
            outlined += n
            invalid += i
        }
        XCTAssertGreaterThan(outlined, 20_000)
        XCTAssertGreaterThan(invalid, 100, "no invalid record was outlined")
    }

    func testOverriddenFiguresOutlineAlike() throws {
        let dir = CompiledEvaluatorTests.root.appendingPathComponent("Rules")
        var outlined = 0
        for value in ["4611686018427387904", "0", "0.01", "333.33"] {
            for f in ["bengbu-2022.rules", "heilongjiang-2021.rules", "qinghai-2020.rules"] {
                let (prog, _) = Nuan.compile(path: dir.appendingPathComponent(f).path, overrides: [("低保标准", value)])
                guard let p = prog else { continue }
                outlined += compare(p, "\(f) 低保标准=\(value)", records: 300, seed: 99).0
            }
        }
        XCTAssertGreaterThan(outlined, 3000)
    }
}
