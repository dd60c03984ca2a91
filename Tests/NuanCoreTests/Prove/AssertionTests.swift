import Foundation
import XCTest
@testable import NuanTools
@testable import NuanProgram
import NuanSyntax
import NuanSupport

/// The file's own assertions (`断言`): parsed and printed back, decided by `nuan prove` over
/// every cell (a false one refuted with a counterexample `nuan test` accepts back), and
/// `有依据` decided by `nuan check`.
final class AssertionTests: XCTestCase {
    func path(_ name: String) -> String { ProveTests.root + "/Tests/Fixtures/prove/" + name }

    func testFalseAssertionsRefutedTrueOnesHold() throws {
        let r = Prover.run(path: path("assertions.rules"))
        XCTAssertNil(r.blowup)
        XCTAssertTrue(r.decided.contains(.assertion))
        let found = r.findings.filter { $0.property == .assertion }
        XCTAssertEqual(found.map(\.subject), ["每户至多1500元", "未建档不用省级资金"])
        let total = try XCTUnwrap(found.first)
        // The cap is broken across two benefit groups: 1000 (建档帮扶) + 800 (领导走访慰问).
        XCTAssertEqual(total.decision?.totalAmount, Rational(integer: 1800))
        XCTAssertEqual(total.decision?.awards.map(\.benefit), ["建档帮扶", "领导走访慰问"])
        let fund = try XCTUnwrap(found.last)
        XCTAssertEqual(fund.decision?.awards.map(\.fund), ["provincial_aid"])
        let program = try XCTUnwrap(r.program)
        let level = try XCTUnwrap(program.fieldIndex(named: "建档层级"))
        XCTAssertEqual(fund.record?.given[level], true)
        let text = ProveReport.render(r, english: false)
        XCTAssertTrue(text.contains("✗ 规则文件自己的断言（每户至多1500元、每户至多1800元、未建档不用省级资金、未建档不用中央资金、有依据）：不成立"), text)
        XCTAssertTrue(text.contains("合计 1800.00 元，超过断言的 1500.00 元"), text)
        XCTAssertTrue(ProveReport.render(r, english: true).contains("total 1800.00 元 exceeds the asserted 1500.00 元"))
    }

    /// The counterexamples are ready-to-paste 例子: appended to the file, nuan test passes them.
    func testCounterexamplesRoundTripThroughNuanTest() throws {
        let r = Prover.run(path: path("assertions.rules"))
        let report = ProveReport.render(r, english: false)
        let lines = report.components(separatedBy: "\n")
        var examples: [String] = []
        let refuted = ["每户至多1500元", "未建档不用省级资金"]
        for (i, l) in lines.enumerated() where l.hasPrefix("      例子 \"反例") && refuted.contains(where: l.contains) {
            examples += lines[i...(i + 3)].map { String($0.dropFirst(6)) }
        }
        XCTAssertEqual(examples.filter { $0.hasPrefix("例子") }.count, 2, report)
        let text = try String(contentsOfFile: path("assertions.rules"), encoding: .utf8) + "\n" + examples.joined(separator: "\n") + "\n"
        let t = ExampleRunner.run(path: path("assertions.rules"), text: text)
        XCTAssertFalse(t.rulesError, "\(t.diagnostics)")
        XCTAssertEqual(t.examples.count, 3)
        for e in t.examples { XCTAssertTrue(e.passed, "\(e.title): \(e.errors) \(e.mismatches)") }
    }

    /// `有依据` is decided by the checker: an uncited benefit or exception is an error, pointing
    /// at the benefit, with a note at the assertion.
    func testCitedDecidedByCheck() {
        let src = """
        规则 "断言"
        字段 level 建档层级 : 选项 { none 未建档, national 全国 }
        福利 甲 = 1000 元/户
          当 建档层级 = 全国
        福利 乙 = 500 元/户
          依据 "测试"
        断言 每项发放有依据
          则 有依据
        """
        let (_, diags) = Nuan.compile(path: "a.rules", text: src)
        let uncited = diags.filter { $0.code == "check.assertion-uncited" }
        XCTAssertEqual(uncited.count, 1)
        XCTAssertEqual(uncited.first?.range.position, "a.rules:3:4")
        XCTAssertEqual(uncited.first?.notes.count, 1)
        let cited = src.replacingOccurrences(of: "  当 建档层级 = 全国\n", with: "  当 建档层级 = 全国\n  依据 \"测试\"\n")
        XCTAssertFalse(Nuan.compile(path: "a.rules", text: cited).1.hasErrors)
    }

    /// Chinese and English spellings parse to the same assertion and print back canonical.
    func testEnglishAliasesFormatToChinese() throws {
        let src = """
        rules "a"
        field level : enum { none, national }
        fund central_aid
        assert cap
          then total at_most 2000 yuan
        assert not_central when level = none then no_fund [central_aid] source "x"
        assert all_cited then cited

        """
        let out = try XCTUnwrap(RulesFormatter.format(path: "a.rules", text: src).text)
        XCTAssertTrue(out.contains("断言 cap\n  则 合计 至多 2000 元\n"), out)
        XCTAssertTrue(out.contains("断言 not_central\n  当 level = none\n  则 不用资金 [central_aid]\n  依据 \"x\"\n"), out)
        XCTAssertTrue(out.contains("断言 all_cited\n  则 有依据\n"), out)
        XCTAssertEqual(RulesFormatter.format(path: "a.rules", text: out).text, out)
    }

    /// The shipped Bengbu file states its assertions and they hold.
    func testBengbuAssertionsHold() throws {
        let (program, diags) = Nuan.compile(path: ProveTests.root + "/Rules/bengbu-2022.rules")
        XCTAssertFalse(diags.hasErrors)
        let p = try XCTUnwrap(program)
        XCTAssertEqual(p.assertions.map(\.name), ["每项发放有依据", "每户至多2000元", "退档户不用中央资金"])
    }

    /// A file may say that its categories leave a gap on purpose (`则 允许类别空档`): prove then
    /// reports no gap where the allowance's condition holds, and still reports one elsewhere.
    func testCategoryGapAllowedWhereTheFileSaysSo() throws {
        let base = try String(contentsOfFile: ProveTests.root + "/Tests/Fixtures/prove/refuted.rules", encoding: .utf8)
        let dir = NSTemporaryDirectory() + "nuan-gap-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func gaps(_ extra: String) throws -> [ProveFinding] {
            let file = dir + "/gap.rules"
            try (base + "\n" + extra).write(toFile: file, atomically: true, encoding: .utf8)
            let r = Prover.run(path: file)
            XCTAssertNotNil(r.program, "\(r.diagnostics)")
            return r.findings.filter { $0.property == .categoryGap }
        }
        XCTAssertEqual(try gaps("").count, 1)
        // Allowed exactly where the gap is (between 1× and 2× the line).
        XCTAssertEqual(try gaps("断言 两线之间不建档\n  当 人均月收入 ≥ 低保标准 且 人均月收入 < 低保标准 × 2 倍\n  则 允许类别空档\n  依据 \"测试\"\n").count, 0)
        // Allowed elsewhere only: the gap is still reported.
        XCTAssertEqual(try gaps("断言 高收入不建档\n  当 人均月收入 ≥ 低保标准 × 3 倍\n  则 允许类别空档\n").count, 1)
        // The English alias, and the formatter prints it back in Chinese.
        XCTAssertEqual(try gaps("assert anywhere then category_gap_allowed\n").count, 0)
        let out = try XCTUnwrap(RulesFormatter.format(path: "a.rules", text: "rules \"a\"\nassert anywhere then category_gap_allowed\n").text)
        XCTAssertTrue(out.contains("断言 anywhere\n  则 允许类别空档\n"), out)
    }
}
