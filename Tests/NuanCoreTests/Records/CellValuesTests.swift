import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain

/// Values as Excel writes them in a CSV cell (spec "Encodings"): each accepted form reads as
/// the plain value, each near-miss stays an error naming field and value, JSON strings keep
/// the JSON encodings, and the byte-level fast path declines every Excel form (the general
/// decoder decides it).
final class CellValuesTests: XCTestCase {
    static let bengbu: CheckedProgram = {
        let (p, d) = Nuan.compile(path: Golden.rootURL.appendingPathComponent("Rules/bengbu-2022.rules").path)
        precondition(p != nil, DiagnosticRenderer.render(d))
        return p!
    }()
    let codec = RecordCodec(program: CellValuesTests.bengbu)

    func slot(_ key: String) -> Int { Self.bengbu.fields.firstIndex { $0.key == key }! }

    /// The value a cell (or, `cell: false`, a JSON string) gives the field, or its error.
    func read(_ key: String, _ text: String, cell: Bool = true) -> (value: Value?, error: RecordError?) {
        var facts = Facts(program: Self.bengbu)
        let s = slot(key)
        if let e = codec.layout.decoder.assign(s, .string(text), into: &facts, cell: cell) { return (nil, e) }
        return (facts.given[s] ? facts.values[s] : nil, nil)
    }

    /// What the byte-level fast path makes of `text`: nil when it declines (it must decline
    /// every Excel form), else the value it read.
    func fast(_ key: String, _ text: String) -> Value?? {
        var facts = Facts(program: Self.bengbu)
        let bytes = Array(text.utf8)
        let s = slot(key)
        let took = bytes.withUnsafeBufferPointer { codec.layout.assignString(codec.layout.fields[s], $0.baseAddress!, $0.count, into: &facts) }
        return took ? .some(facts.given[s] ? facts.values[s] : nil) : nil
    }

    func fastTakes(_ key: String, _ text: String) -> Bool { fast(key, text) != nil }

    func number(_ s: String) -> Value { .number(Rational.parse(s)!) }

    func mask(_ key: String, _ codes: [String]) -> Value {
        guard case .list(let en) = Self.bengbu.fields[slot(key)].type else { fatalError() }
        return .set(codes.reduce(0) { $0 | 1 << UInt64(Self.bengbu.enums[en].index(of: $1)!) })
    }

    func assertReads(_ key: String, _ text: String, _ expected: Value, file: StaticString = #filePath, line: UInt = #line) {
        let (v, e) = read(key, text)
        XCTAssertNil(e, "\(key) = \(text): \(e.map { $0.reason } ?? "")", file: file, line: line)
        XCTAssertEqual(v, expected, "\(key) = \(text)", file: file, line: line)
        if let taken = fast(key, text) { XCTAssertEqual(taken, expected, "fast path on \(text)", file: file, line: line) }
    }

    /// Invalid, naming the field (by label) and echoing the value.
    /// `echo`: what the error must show of the value (the value, or the list item at fault).
    func assertRefuses(_ key: String, _ text: String, cell: Bool = true, reason: String? = nil, echo: String? = nil,
                       file: StaticString = #filePath, line: UInt = #line) {
        let (v, e) = read(key, text, cell: cell)
        guard let e else { return XCTFail("\(key) = \(text) read as \(String(describing: v))", file: file, line: line) }
        XCTAssertTrue(e.field.contains(Self.bengbu.fields[slot(key)].label!), e.field, file: file, line: line)
        XCTAssertTrue(e.value?.contains(echo ?? text.trimmingSpaces) ?? false, "\(e.value ?? "nil") for \(text)", file: file, line: line)
        if let reason { XCTAssertTrue(e.reason.contains(reason), e.reason, file: file, line: line) }
        XCTAssertFalse(fastTakes(key, text), "fast path took \(text)", file: file, line: line)
    }

    // MARK: dates

    func testExcelDatesReadAsTheDate() {
        let d = Value.date(Int32(CivilDate.days(year: 2022, month: 1, day: 5)))
        for t in ["2022-01-05", "2022/1/5", "2022/01/05", "2022/1/05", "2022-1-5", "2022年1月5日", "2022年01月05日", " 2022/1/5 ", "2022/1/5\u{3000}"] {
            assertReads("application_date", t, d)
        }
        assertReads("application_date", "2024/2/29", .date(Int32(CivilDate.days(year: 2024, month: 2, day: 29))))
        assertReads("application_date", "2022年12月31日", .date(Int32(CivilDate.days(year: 2022, month: 12, day: 31))))
        for t in ["2022/1/5", "2022-1-5", "2022年1月5日"] { XCTAssertFalse(fastTakes("application_date", t), t) }
    }

    func testDateNearMissesStayInvalid() {
        for t in ["2022/2/30", "2023/2/29", "2022/13/1", "2022/0/5", "2022/1/0", "22/1/5", "2022/1/5/", "2022/1-5", "2022-1/5",
                  "2022年1月5", "2022年1-5日", "2022.1.5", "1/5/2022", "5/1/2022", "2022/001/5", "2022/1/5 0:00", "２０２２/1/5",
                  "2022/1/", "2022年", "二〇二二年一月五日"] {
            assertRefuses("application_date", t, reason: "YYYY年M月D日")
        }
    }

    // MARK: numbers

    func testThousandsSeparatorsAndFullWidthDigitsReadExactly() {
        assertReads("household_monthly_income", "1,200.00", number("1200"))
        assertReads("household_monthly_income", "1,800", number("1800"))
        assertReads("household_monthly_income", "12,345,678.9", number("12345678.9"))
        assertReads("household_monthly_income", "３０００", number("3000"))
        assertReads("household_monthly_income", "１，２００．５０", number("1200.5"))
        assertReads("household_monthly_income", "１,２００.05", number("1200.05"))
        assertReads("household_monthly_income", " 1,200.00 ", number("1200"))
        assertReads("household_size", "３", number("3"))
        assertReads("household_size", "1,000", number("1000"))
        // exact: no binary floating point on the way
        assertReads("household_monthly_income", "9,007,199,254,740,993", number("9007199254740993"))
        // a full-width minus is read as a minus: the bound then refuses it, not the form
        assertRefuses("household_monthly_income", "－１２", reason: "不能小于 0")
        assertRefuses("household_monthly_income", "-1,200", reason: "不能小于 0")
        for t in ["1,200.00", "３０００", "１，２００．５０"] { XCTAssertFalse(fastTakes("household_monthly_income", t), t) }
    }

    func testNumberNearMissesStayInvalid() {
        for t in ["1,20.0", "1,2345", ",100", "1,200.", "1,,200", "1.200,00", "1 200", "12,00", "1,200,", "1234,567", "1e3",
                  "三千", "￥1,200", "1,200元", "1，20", "١٢٣", "--5", "1,200.5.0"] {
            assertRefuses("household_monthly_income", t)
        }
        assertRefuses("household_monthly_income", "1,200.001", reason: "两位小数")
        assertRefuses("household_size", "1,500.5", reason: "整数")
        assertRefuses("household_size", "２．５", reason: "整数")
    }

    // MARK: lists

    func testListSeparatorsAndNone() {
        let both = mask("hardship_causes", ["serious_illness", "disability"])
        for t in ["大病;残疾", "大病；残疾", "大病、残疾", "大病,残疾", "大病，残疾", " 大病 ， 残疾 ", "serious_illness,disability", "大病;残疾,"] {
            assertReads("hardship_causes", t, both)
        }
        // 无: given, and empty — not the same as an empty cell (not given)
        assertReads("hardship_causes", "无", .set(0))
        assertReads("groups", " 无 ", .set(0))
        XCTAssertNil(read("hardship_causes", "").value)
        XCTAssertNil(read("hardship_causes", "").error)
        XCTAssertFalse(fastTakes("hardship_causes", "无"))
        XCTAssertFalse(fastTakes("hardship_causes", "大病,残疾"))
    }

    func testListNearMissesStayInvalid() {
        for (t, item) in [("无;大病", "无"), ("大病、无", "无"), ("没有", "没有"), ("无。", "无。"), ("大病/残疾", "大病/残疾"), ("大病 残疾", "大病 残疾")] {
            assertRefuses("hardship_causes", t, reason: "不是可选值", echo: item)
        }
    }

    // MARK: JSON strings keep the JSON encodings

    func testJSONStringsDoNotTakeExcelForms() {
        assertRefuses("application_date", "2022/1/5", cell: false, reason: "YYYY-MM-DD")
        assertRefuses("household_monthly_income", "1,200.00", cell: false)
        assertRefuses("household_monthly_income", "３０００", cell: false)
        assertRefuses("hardship_causes", "无", cell: false)
        assertRefuses("hardship_causes", "大病,残疾", cell: false)
        // what they always took still reads
        XCTAssertNil(read("hardship_causes", "大病；残疾", cell: false).error)
        XCTAssertNil(read("household_monthly_income", "1200.00", cell: false).error)
        // and a JSON record with Excel forms is invalid, on the fast and the general path alike
        let d = Nuan.screen(Self.bengbu, json: Array(#"{"id":"J","name":"甲","application_date":"2022/1/5"}"#.utf8), explain: .none)
        XCTAssertEqual(d.status, .invalid)
    }

    // MARK: the pure pieces

    func testPlainNumberAndDateDirectly() {
        XCTAssertEqual(CellValues.plainNumber("1,234,567.89"), "1234567.89")
        XCTAssertEqual(CellValues.plainNumber("+1,000"), "+1000")
        XCTAssertEqual(CellValues.plainNumber("１２３"), "123")
        XCTAssertEqual(CellValues.plainNumber("1800"), "1800")
        XCTAssertNil(CellValues.plainNumber("1,20.0"))
        XCTAssertNil(CellValues.plainNumber("1,000,00"))
        XCTAssertNil(CellValues.plainNumber("千"))
        XCTAssertEqual(CellValues.date("2022年1月5日"), CivilDate.parse("2022-01-05"))
        XCTAssertNil(CellValues.date("2022年1月5日 "))   // the decoder trims; the form itself is exact
    }
}
