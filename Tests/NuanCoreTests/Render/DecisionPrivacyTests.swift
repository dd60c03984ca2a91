import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// No full ID or phone number in a decision's text or JSON unless asked for (`unmask`), and no
/// control character from a record or a rules file reaches a terminal raw.
final class DecisionPrivacyTests: XCTestCase {
    static let body = """
    字段 name 姓名 : 文本
    字段 phone 联系电话 : 电话
    福利 核对 = 10 元 当 身份证号 = "11010519491231002X" 且 享受低保 资金 [central_aid] 依据 "测试通知（联系人 13812345678）"

    """
    let program = TestRules.compile(DecisionPrivacyTests.body)
    let fullID = "11010519491231002X"

    func text(_ d: Decision, unmask: Bool = false) -> String { DecisionText(program: program, unmask: unmask).render(d) }
    func json(_ d: Decision, unmask: Bool = false) -> String { DecisionJSON(program: program, unmask: unmask).render(d) }

    func testValueInTheWrongColumnIsMaskedInEveryOutput() {
        // The issue's example: an ID number typed into 家庭人口.
        let d = TestRules.decide(program, #"{"id":"A-1","household_size":"11010519491231002X"}"#)
        XCTAssertEqual(d.status, .invalid)
        XCTAssertEqual(d.errors.first?.message, "家庭人口（household_size）：应为整数（值：110105********002X）")
        XCTAssertFalse(text(d).contains(fullID))
        XCTAssertFalse(json(d).contains(fullID))
        XCTAssertTrue(text(d).contains("110105********002X"), text(d))
    }

    func testAMalformedPersonalValueIsMaskedWholeAndUnmaskShowsIt() {
        let pairs: [(String, RawValue)] = [("id", .string("A-2")), ("id_number", .string("1101051949123"))]
        let masked = Nuan.screen(program, pairs: pairs)
        XCTAssertEqual(masked.errors.first?.value, "110******9123")
        let full = Nuan.screen(program, pairs: pairs, unmask: true)
        XCTAssertEqual(full.errors.first?.value, "1101051949123")
        XCTAssertTrue(text(full, unmask: true).contains("1101051949123"))
    }

    func testAnIDNumberWrittenInTheRulesIsMaskedInExplanations() {
        let d = TestRules.decide(program, #"{"id":"A-3","name":"张三","id_number":"11010519491231002X","receives_dibao":true}"#)
        XCTAssertEqual(d.status, .eligible)
        // The explanation as built quotes the rules text; every rendering masks it.
        for out in [text(d), json(d)] {
            XCTAssertFalse(out.contains(fullID), out)
            XCTAssertFalse(out.contains("13812345678"), out)
            XCTAssertTrue(out.contains("身份证号 110105********002X = "), out)
            XCTAssertTrue(out.contains("联系人 138****5678"), out)
        }
        XCTAssertTrue(text(d, unmask: true).contains("= \"11010519491231002X\""))
        XCTAssertTrue(json(d, unmask: true).contains("联系人 13812345678"))
        XCTAssertTrue(text(d, unmask: true).contains("身份证号 11010519491231002X = "))
    }

    func testAPhoneOfNoKnownShapeIsMaskedInTheExplanationEvenWithUnmask() {
        let p = TestRules.compile(DecisionPrivacyTests.body + "福利 电 = 1 元 当 联系电话 = \"x\" 资金 [central_aid] 依据 \"t\"\n")
        guard !p.fields.isEmpty else { return }
        for phone in ["0551-62345678", "138 1234 5678", "13812345678"] {
            let d = TestRules.decide(p, #"{"id":"A-5","phone":"\#(phone)"}"#)
            let masked = DecisionText(program: p).render(d), full = DecisionText(program: p, unmask: true).render(d)
            XCTAssertFalse(masked.contains(phone), masked)
            XCTAssertTrue(masked.contains("联系电话 " + Privacy.mask(phone)), masked)
            // only a value the renderer recognises can be shown again
            XCTAssertEqual(full.contains("联系电话 " + phone), phone == "13812345678", full)
        }
    }

    func testTextDecisionStartsWithNameAndApplicationNumber() {
        let d = TestRules.decide(program, #"{"id":"BB-2022-0001","name":"张三","receives_dibao":false}"#)
        let lines = text(d).split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(lines.prefix(3)), ["姓名：张三", "申请编号：BB-2022-0001", "结论：不符合条件（ineligible）"])
        let en = DecisionText(program: program, english: true).render(d).split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(en.prefix(2)), ["Name: 张三", "Application: BB-2022-0001"])
        // Without a name (or a record that never parsed) the line is still there.
        XCTAssertTrue(text(.invalid(id: nil, errors: [])).hasPrefix("姓名：—\n申请编号：—\n"))
        // An application number that is an ID number is masked like one.
        let byID = TestRules.decide(program, #"{"id":"11010519491231002X","name":"张三"}"#)
        XCTAssertTrue(text(byID).contains("申请编号：110105********002X\n"), text(byID))
        XCTAssertTrue(json(byID).contains("\"id\":\"110105********002X\""))
        XCTAssertTrue(text(byID, unmask: true).contains("申请编号：11010519491231002X\n"))
    }

    func testControlCharactersFromTheRecordAreEscapedInText() {
        let d = TestRules.decide(program, #"{"id":"A-\u001b[2J","name":"张三\n结论：符合条件\u001b[31m","region":"\u009b31m蚌埠市","receives_dibao":false}"#)
        let out = text(d)
        XCTAssertFalse(out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B }, out)
        XCTAssertTrue(out.hasPrefix("姓名：张三\\u{A}结论：符合条件\\u{1B}[31m\n申请编号：A-\\u{1B}[2J\n"), out)
        // the forged line is not a line of its own
        XCTAssertFalse(out.split(separator: "\n").contains { $0.hasPrefix("结论：符合条件") })
        XCTAssertEqual(out.split(separator: "\n").filter { $0.hasPrefix("结论：") }.count, 1)
        // JSON keeps the value, escaped
        XCTAssertTrue(json(d).contains("\"id\":\"A-\\u001b[2J\""), json(d))
    }

    func testControlCharactersFromTheRulesAreEscapedInText() {
        // A rule's name cannot hold one (the lexer refuses it); a quoted citation can.
        let p = TestRules.compile("福利 甲 = 1 元 当 享受低保 资金 [central_aid] 依据 \"通知\u{1B}[31m\u{07}\"\n")
        guard !p.fields.isEmpty else { return }
        let d = TestRules.decide(p, #"{"id":"A-4","receives_dibao":true}"#)
        let out = DecisionText(program: p).render(d)
        XCTAssertFalse(out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, out)
        XCTAssertTrue(out.contains("依据 通知\\u{1B}[31m\\u{7}"), out)
    }

    func testAnOverrideIsMaskedInTheRulesBlockAndFooter() throws {
        let (p, diags) = Nuan.compile(path: "test.rules", text: TestRules.prelude + DecisionPrivacyTests.body, overrides: [("低保标准", "110105194912310021")])
        let program = try XCTUnwrap(p, DiagnosticRenderer.render(diags))
        let d = TestRules.decide(program, #"{"id":"A-6"}"#)
        let json = DecisionJSON(program: program).render(d), text = DecisionText(program: program).render(d)
        XCTAssertTrue(json.contains("\"overrides\":[\"低保标准=110105********0021\"]"), json)
        XCTAssertTrue(text.contains("临时设定 低保标准=110105********0021"), text)
        XCTAssertFalse(json.contains("110105194912310021") || text.contains("110105194912310021"))
    }
}
