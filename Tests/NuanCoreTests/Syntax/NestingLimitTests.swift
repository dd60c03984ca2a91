import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// Rules nested or chained thousands deep give a clean diagnostic, never a stack overflow;
/// just under the limits every stage (checker, evaluator with a full explanation, formatter,
/// diff, example runner) still works — in a debug build, on the test thread's stack.
final class NestingLimitTests: XCTestCase {
    static let header = """
    规则 "深"
      生效 2022-01-01 至 2022-12-31
    字段 id 申请编号 : 文本
    字段 household_size 家庭人口 : 整数 至少 1
    字段 household_monthly_income 家庭月收入 : 金额 至少 0

    """

    /// One expression `n` levels deep, in each way an expression can nest.
    static func shapes(_ n: Int) -> [(String, String)] {
        [("parentheses", "定义 x = " + String(repeating: "(", count: n) + "家庭人口 > 1" + String(repeating: ")", count: n)),
         ("且 chain", "定义 x = 家庭人口 > 1" + String(repeating: " 且 家庭人口 > 1", count: n)),
         ("或 chain", "定义 x = 家庭人口 > 1" + String(repeating: " 或 家庭人口 > 1", count: n)),
         ("+ chain", "定义 x = 家庭人口" + String(repeating: " + 1", count: n)),
         ("非", "定义 x = " + String(repeating: "非 ", count: n) + "是"),
         ("unary minus", "定义 x = " + String(repeating: "- ", count: n) + "1"),
         ("若 chain", "定义 x = " + String(repeating: "若 是 则 1 否则 ", count: n) + "2"),
         ("lists", "定义 x = " + String(repeating: "[", count: n) + "1" + String(repeating: "]", count: n)),
         ("calls", "定义 x = " + String(repeating: "最小(", count: n) + "1" + String(repeating: ")", count: n)),
         ("benefit condition", "福利 f = 100 元/户 当 " + String(repeating: "(", count: n) + "家庭人口 > 1" + String(repeating: ")", count: n) + " 依据 \"x\"")]
    }

    static func definitionChain(_ n: Int, reversed: Bool = false, cycle: Bool = false) -> String {
        var lines = (1..<n).map { "定义 d\($0) = d\($0 - 1) 且 家庭人口 > 1" }
        lines.append(cycle ? "定义 d0 = d\(n - 1) 且 家庭人口 > 1" : "定义 d0 = 家庭人口 > 1")
        if reversed { lines.reverse() }
        return lines.joined(separator: "\n")
    }

    func codes(_ text: String) -> [String] {
        Nuan.compile(path: "deep.rules", text: Self.header + text + "\n").1.filter { $0.severity == .error }.map(\.code)
    }

    func testTenThousandLevelsAreAParseError() {
        for (name, text) in Self.shapes(10_000) {
            XCTAssertEqual(codes(text), ["parse.too-deep"], name)
            let (formatted, diags) = RulesFormatter.format(path: "deep.rules", text: Self.header + text)
            XCTAssertNil(formatted, name)
            XCTAssertEqual(diags.filter { $0.severity == .error }.map(\.code), ["parse.too-deep"], name)
        }
    }

    func testLongDefinitionChainsAndCyclesAreACheckError() {
        XCTAssertEqual(codes(Self.definitionChain(10_000)), ["check.too-deep"])
        XCTAssertEqual(codes(Self.definitionChain(10_000, reversed: true)), ["check.too-deep"])
        XCTAssertEqual(codes(Self.definitionChain(10_000, cycle: true)), ["check.too-deep"])
        XCTAssertEqual(codes(Self.definitionChain(5, cycle: true)).first, "check.cycle")
    }

    func testTheLimitIsExact() {
        let limit = NestingLimits.expression
        // `(x > 1)` is two levels (the comparison and its operand); parentheses add none to the
        // tree but count as nesting.
        XCTAssertEqual(codes("定义 x = " + String(repeating: "(", count: limit - 1) + "1" + String(repeating: ")", count: limit - 1)), [])
        XCTAssertEqual(codes("定义 x = " + String(repeating: "(", count: limit) + "1" + String(repeating: ")", count: limit)), ["parse.too-deep"])
        XCTAssertEqual(codes("定义 x = 1" + String(repeating: " + 1", count: limit - 1)), [])
        XCTAssertEqual(codes("定义 x = 1" + String(repeating: " + 1", count: limit)), ["parse.too-deep"])
    }

    /// Just under both limits: a deep expression and a definition chain that expands to just
    /// under `NestingLimits.expanded`, evaluated with a full explanation, formatted, diffed and
    /// run as an example.
    func testJustUnderTheLimitsEveryStageWorks() throws {
        let deep = NestingLimits.expression - 2
        let chain = (NestingLimits.expanded - 12) / 2
        let rules = Self.header + """
        定义 x = \(String(repeating: "(", count: deep))家庭人口 > 1\(String(repeating: ")", count: deep)) 依据 "x"
        定义 y = 家庭人口 > 1\(String(repeating: " 且 家庭人口 > 1", count: deep - 2)) 依据 "x"
        \(Self.definitionChain(chain))
        福利 f = 100 元/户 当 x 且 y 且 d\(chain - 1) 依据 "x"
        例子 "三口之家" 输入 { 家庭人口 = 3, 家庭月收入 = 900 元 } 期望 { 状态 = eligible, 合计 = 100 元 }

        """
        let (program, diags) = Nuan.compile(path: "near.rules", text: rules)
        XCTAssertEqual(diags.filter { $0.severity == .error }.map(\.code), [])
        let p = try XCTUnwrap(program)
        let d = Nuan.screen(p, json: Array(#"{"id":"A","household_size":3,"household_monthly_income":900}"#.utf8), explain: .full)
        XCTAssertEqual(d.status, .eligible)
        XCTAssertEqual(d.totalAmount, Rational(integer: 100))
        let (formatted, fdiags) = RulesFormatter.format(path: "near.rules", text: rules)
        XCTAssertEqual(fdiags.filter { $0.severity == .error }.count, 0)
        let again = try XCTUnwrap(Nuan.compile(path: "near.rules", text: try XCTUnwrap(formatted)).0)
        XCTAssertTrue(RulesDiff.compare(p, again).isEmpty)
        XCTAssertFalse(RulesDiff.compare(p, try XCTUnwrap(Nuan.compile(path: "other.rules", text: Self.header).0)).isEmpty)
        let result = ExampleRunner.run(path: "near.rules", text: rules)
        XCTAssertEqual(result.examples.map(\.passed), [true])
    }

    func testExtendsChainIsBounded() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-extends-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for i in 0..<100 {
            let parent = i < 99 ? "继承 \"e\(i + 1).rules\"\n" : ""
            try "规则 \"e\(i)\"\n\(parent)".write(to: dir.appendingPathComponent("e\(i).rules"), atomically: true, encoding: .utf8)
        }
        let diags = Nuan.compile(path: dir.appendingPathComponent("e0.rules").path).1
        XCTAssertEqual(diags.map(\.code), ["load.too-deep"])
        XCTAssertTrue(diags[0].message.contains("继承链超过 \(NestingLimits.extendsChain) 层"), diags[0].message)
        XCTAssertEqual(Nuan.compile(path: dir.appendingPathComponent("e\(100 - NestingLimits.extendsChain).rules").path).1.map(\.code), [])
    }
}
