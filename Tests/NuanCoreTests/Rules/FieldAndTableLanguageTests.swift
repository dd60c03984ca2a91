import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// Issue 16, "what the language could not say": field policies for a missing value (`默认` /
/// `必填` / `缺失则待定`), closed tables (`封闭`), overriding a default alone, and a child's
/// category order (`优先`) and dated versions under `覆盖`.
final class FieldAndTableLanguageTests: XCTestCase {
    // MARK: field policies

    func testMissingPolicies() {
        let p = TestRules.compile("""
        字段 rigid_monthly_expenses 家庭月刚性支出 : 金额 至少 0 缺失则待定
        字段 removed_this_year 本年度退档 : 是否 默认 否
        字段 name 姓名 : 文本 必填
        福利 补助 = 100 元/户 当 家庭月收入 - 家庭月刚性支出 < 1000 元 且 非 本年度退档 资金 [central_aid] 依据 "测试"
        """)
        let undetermined = TestRules.decide(p, #"{"id":"A","name":"甲","household_monthly_income":800}"#)
        XCTAssertEqual(undetermined.status, .undetermined)
        XCTAssertEqual(undetermined.missing, ["rigid_monthly_expenses"], "缺失则待定 lists the field; 默认 否 fills 本年度退档")
        let paid = TestRules.decide(p, #"{"id":"A","name":"甲","household_monthly_income":800,"rigid_monthly_expenses":0}"#)
        XCTAssertEqual(paid.status, .eligible)
        let invalid = TestRules.decide(p, #"{"id":"A","household_monthly_income":800,"rigid_monthly_expenses":0}"#)
        XCTAssertEqual(invalid.status, .invalid)
        XCTAssertEqual(invalid.errors.map(\.message), ["姓名（name）：必填，但记录中没有"])
    }

    func testOnePolicyPerField() {
        let codes = TestRules.diagnostics("字段 name 姓名 : 文本 必填 缺失则待定\n字段 phone 电话 : 电话 默认 \"无\" 缺失则待定\n").map(\.code)
        XCTAssertEqual(codes.filter { $0 == "check.field-policy" }.count, 2)
    }

    // MARK: closed tables

    static let closed = """
    参数 地区补贴 : 元/户 按 所属地区 封闭 {
      蚌埠市 | 340300 = 500 元/户 依据 "测试"
      西宁市 = 待定
    }
    福利 地区补助 = 地区补贴 资金 [central_aid] 依据 "测试"
    """

    func testAClosedTableRejectsAKeyWithNoRow() throws {
        let p = TestRules.compile(Self.closed)
        let d = TestRules.decide(p, #"{"id":"A","region":"合肥市"}"#)
        XCTAssertEqual(d.status, .invalid)
        XCTAssertEqual(d.errors.map(\.message), ["所属地区（region）：不在封闭的表 地区补贴 中（表中有：蚌埠市 | 340300、西宁市）（值：合肥市）"])
        let masked = TestRules.decide(p, #"{"id":"A","region":"110105194912310029"}"#)
        XCTAssertEqual(masked.errors.first?.value, "110105********0029", "an ID number typed as a region is masked")
    }

    func testAClosedRegionTableAcceptsEveryFormThatReachesARow() {
        let p = TestRules.compile(Self.closed)
        for region in ["蚌埠市", "蚌埠", "340300", "340302", "怀远县", "蚌埠市龙子湖区", "西宁市"] {
            let d = TestRules.decide(p, #"{"id":"A","region":"\#(region)"}"#)
            XCTAssertNotEqual(d.status, .invalid, region)
        }
        XCTAssertEqual(TestRules.decide(p, #"{"id":"A"}"#).status, .undetermined, "an unknown key is unknown, not invalid")
        XCTAssertEqual(TestRules.decide(p, #"{"id":"A","region":"蚌埠"}"#).totalAmount, Rational(integer: 500))
    }

    func testDiffSaysATableWasClosed() {
        let open = TestRules.compile(Self.closed.replacingOccurrences(of: " 封闭", with: ""))
        let closed = TestRules.compile(Self.closed)
        let change = RulesDiff.compare(open, closed)
        XCTAssertEqual(change.map(\.code), ["parameter.closed"])
        XCTAssertEqual(change.first?.summary, "参数 地区补贴 改为封闭表：键不在表中的记录无效")
    }

    func testAnOpenTableLeavesAMissingRowUndetermined() {
        let p = TestRules.compile(Self.closed.replacingOccurrences(of: " 封闭", with: ""))
        XCTAssertEqual(TestRules.decide(p, #"{"id":"A","region":"合肥市"}"#).status, .undetermined)
    }

    /// The batch's fast readers decline a record that misses a closed table, so it gets the
    /// same `invalid` decision as `screen` gives it.
    func testBatchAgreesOnClosedTables() throws {
        let p = TestRules.compile(Self.closed)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-closed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let records = ["合肥市", "蚌埠", "340302", "西宁市"].enumerated().map { #"{"id":"R\#($0.offset)","region":"\#($0.element)"}"# }
        for (ext, text, format) in [("jsonl", records.joined(separator: "\n") + "\n", BatchOptions.InputFormat.jsonl),
                                    ("csv", "id,region\nR0,合肥市\nR1,蚌埠\nR2,340302\nR3,西宁市\n", .csv)] {
            let input = dir.appendingPathComponent("in." + ext).path, output = dir.appendingPathComponent("out-\(ext).jsonl").path
            try text.write(toFile: input, atomically: true, encoding: .utf8)
            _ = Batch.run(program: p, against: nil, options: BatchOptions(input: input, output: output, inputFormat: format, outputFormat: .jsonl, jobs: 1))
            let out = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
            XCTAssertEqual(out.count, 4, ext)
            XCTAssertEqual(out.map { $0.contains(#""status":"invalid""#) }, [true, false, false, false], ext)
            XCTAssertTrue(out[0].contains("不在封闭的表 地区补贴 中"), String(out[0]))
        }
    }

    // MARK: a child file

    func compileChild(_ child: String, year: Int = 2022) throws -> (CheckedProgram?, [Diagnostic]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let parent = URL(fileURLWithPath: Golden.fixtures).appendingPathComponent("check/chain/schemes.rules")
        try FileManager.default.copyItem(at: parent, to: dir.appendingPathComponent("schemes.rules"))
        let path = dir.appendingPathComponent("child.rules").path
        try ("规则 \"下级\"\n  生效 \(year)-01-01 至 \(year)-12-31\n  继承 \"schemes.rules\"\n" + child).write(toFile: path, atomically: true, encoding: .utf8)
        return Nuan.compile(path: path)
    }

    let poor = #"{"id":"A","region":"蚌埠市","household_size":1,"household_monthly_income":500}"#

    func testOverridingADefaultAloneKeepsTheField() throws {
        let (p, diags) = try compileChild("覆盖 字段 本年度退档 默认 是 依据 \"本地\"\n")
        let program = try XCTUnwrap(p, DiagnosticRenderer.render(diags))
        let f = try XCTUnwrap(program.fields.first { $0.key == "removed_this_year" })
        XCTAssertEqual(f.label, "本年度退档")
        XCTAssertEqual(f.type, .bool)
        XCTAssertEqual(f.defaultValue, .bool(true))
        XCTAssertEqual(Nuan.screen(program, json: Array(poor.utf8)).category, "none", "the new default: removed this year")
        let given = #"{"id":"A","region":"蚌埠市","household_size":1,"household_monthly_income":500,"removed_this_year":false}"#
        XCTAssertEqual(Nuan.screen(program, json: Array(given.utf8)).category, "deep")
    }

    func testADefaultAloneNeedsAParentField() throws {
        XCTAssertEqual(try compileChild("覆盖 字段 本年度脱困 默认 是\n").1.map(\.code), ["check.override-missing"])
        XCTAssertEqual(try compileChild("字段 本年度退档 默认 是\n").1.map(\.code), ["check.default-only"])
        XCTAssertEqual(try compileChild("覆盖 字段 本年度退档 默认 3 元\n").1.map(\.code), ["check.default"])
    }

    func testADatedOverrideKeepsTheOtherVersion() throws {
        let child = "覆盖 类别 deep 深度困难\n  适用 自 2019-01-01\n  当 人均月收入 < 低保标准 × 2 倍\n  依据 \"本地\"\n"
        let (p, diags) = try compileChild(child)
        XCTAssertEqual(diags.filter { $0.severity == .warning }.map(\.code), [])
        let rich = #"{"id":"A","region":"蚌埠市","household_size":1,"household_monthly_income":1000}"#
        XCTAssertEqual(Nuan.screen(try XCTUnwrap(p), json: Array(rich.utf8)).category, "deep", "the override (2× line) decides in 2022")
        let (old, _) = try compileChild(child, year: 2018)
        XCTAssertEqual(Nuan.screen(try XCTUnwrap(old), json: Array(rich.utf8)).category, "none", "the pre-2019 version is kept")
    }

    func testAnUndatedOverrideSaysWhatItDrops() throws {
        let (_, diags) = try compileChild("覆盖 类别 deep 深度困难\n  当 人均月收入 < 低保标准\n  依据 \"本地\"\n")
        let w = try XCTUnwrap(diags.first { $0.code == "check.override-drops-versions" })
        XCTAssertEqual(w.severity, .warning)
        XCTAssertEqual(w.notes.count, 2, "a note at each dropped version")
    }

    func testAChildCategoryCanComeFirst() throws {
        let cat = "类别 accidental 意外致困\n  当 家庭月收入 < 600 元\n  依据 \"本地\"\n"
        let (later, _) = try compileChild(cat)
        XCTAssertEqual(Nuan.screen(try XCTUnwrap(later), json: Array(poor.utf8)).category, "deep", "parents first")
        let (first, diags) = try compileChild(cat.replacingOccurrences(of: "  依据", with: "  优先\n  依据"))
        XCTAssertEqual(Nuan.screen(try XCTUnwrap(first, DiagnosticRenderer.render(diags)), json: Array(poor.utf8)).category, "accidental")
    }
}
