import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain

/// Column names as offices write them (`HeaderAliases`) and the header check before anything is
/// decided (`HeaderCheck`): aliases map to their field, a near miss gets a did-you-mean, a
/// missing required column is named, and nothing else is guessed.
final class HeaderCheckTests: XCTestCase {
    static let bengbu = CellValuesTests.bengbu
    let codec = RecordCodec(program: HeaderCheckTests.bengbu)

    func key(_ column: RecordCodec.CSVColumn) -> String? { column.slot.map { Self.bengbu.fields[$0].key } }

    func testAliasesAndSpellingsMapToTheirField() {
        let cases: [(String, String)] = [
            ("身份证号码", "id_number"), ("证件号码", "id_number"), ("公民身份号码", "id_number"), ("ID_NUMBER", "id_number"),
            ("id number", "id_number"), ("Id-Number", "id_number"), ("身份证号", "id_number"), ("id_number", "id_number"),
            ("手机号码", "phone"), ("联系方式", "phone"), ("联系电话", "phone"), ("Phone", "phone"),
            ("*姓名", "name"), ("姓名＊", "name"), ("职工姓名", "name"), ("NAME", "name"),
            ("家庭人口数", "household_size"), ("HOUSEHOLD_SIZE", "household_size"), ("Household Size", "household_size"),
            ("家庭月总收入", "household_monthly_income"), ("工作单位", "employer"), ("单位名称", "employer"),
            ("申请时间", "application_date"), ("困难原因", "hardship_causes"), ("是否享受低保", "receives_dibao"),
        ]
        let cols = codec.columns(header: cases.map(\.0))
        for (c, (name, expected)) in zip(cols, cases) { XCTAssertEqual(key(c), expected, name) }
        XCTAssertEqual(HeaderCheck.problems(header: ["申请编号"] + cases.map(\.0), program: Self.bengbu), [])
    }

    func testNamesThatMeanSomethingElseAreNotAliases() {
        for name in ["家庭人数", "家庭收入", "家庭月人均收入", "序号", "备注", "身份证号码2", "id_numbers", "出生日期", "困难类别"] {
            XCTAssertNil(codec.columns(header: [name])[0].slot, name)
        }
    }

    func testTheIDColumnIsFoundInAnySpelling() {
        for name in ["id", "ID", "申请编号", "*申请编号"] { XCTAssertTrue(codec.columns(header: [name])[0].isID, name) }
        XCTAssertFalse(codec.columns(header: ["序号"])[0].isID)
    }

    func testANearMissGetsADidYouMean() {
        let header = ["申请编号", "姓名", "家庭人数", "家庭收入", "备注", "houshold_size", "序号", ""]
        let problems = HeaderCheck.problems(header: header, program: Self.bengbu)
        XCTAssertEqual(problems.map(\.kind), [
            .nearMiss(column: 3, header: "家庭人数", suggestion: "家庭人口", key: "household_size"),
            .nearMiss(column: 4, header: "家庭收入", suggestion: "家庭月收入", key: "household_monthly_income"),
            .nearMiss(column: 6, header: "houshold_size", suggestion: "household_size", key: "household_size"),
        ])
        XCTAssertTrue(problems.allSatisfy { $0.code == "header.did-you-mean" && $0.isUnknownColumn })
        XCTAssertEqual(problems[0].message.zh, "表头第 3 列 “家庭人数” 是不是 “家庭人口”（household_size）？它不是已知的列名")
        XCTAssertEqual(problems[0].message.en, "header column 3 “家庭人数”: did you mean “家庭人口” (household_size)? It is not a known column name")
        // an English near miss is named with the field's label
        let alone = HeaderCheck.problems(header: ["id", "name", "houshold_size"], program: Self.bengbu)
        XCTAssertEqual(alone.map(\.kind), [.nearMiss(column: 3, header: "houshold_size", suggestion: "household_size", key: "household_size")])
        XCTAssertEqual(alone[0].message.zh, "表头第 3 列 “houshold_size” 是不是 “household_size”（家庭人口）？它不是已知的列名")
    }

    func testANearMissOfAFieldThatHasItsColumnIsAnExtraColumn() {
        XCTAssertEqual(HeaderCheck.problems(header: ["申请编号", "姓名", "联系电话", "联系电话2", "家庭人口", "家庭人数"], program: Self.bengbu), [])
        let p = HeaderCheck.problems(header: ["申请编号", "姓名", "联系电话2"], program: Self.bengbu)
        XCTAssertEqual(p.map(\.kind), [.nearMiss(column: 3, header: "联系电话2", suggestion: "联系电话", key: "phone")])
    }

    func testShortNamesAreNeverGuessed() {
        // two characters: 姓氏 is one edit from 姓名, but too short to call a misspelling
        XCTAssertEqual(HeaderCheck.problems(header: ["申请编号", "姓名", "姓氏", "地址", "电邮", "ids"], program: Self.bengbu), [])
    }

    func testAMissingRequiredColumnIsNamedAtOnce() {
        let p = HeaderCheck.problems(header: ["申请编号", "家庭人口", "家庭月收入"], program: Self.bengbu)
        XCTAssertEqual(p.map(\.kind), [.requiredMissing(key: "name")])
        XCTAssertEqual(p[0].code, "header.required-missing")
        XCTAssertFalse(p[0].isUnknownColumn)
        XCTAssertEqual(p[0].message.zh, "表头中没有必填的列 “姓名”（可写作：姓名、name、职工姓名、申请人姓名）")
        XCTAssertEqual(p[0].message.en, "the header has no column for the required field “name” (written as: 姓名, name, 职工姓名, 申请人姓名)")
        XCTAssertEqual(HeaderCheck.problems(header: ["家庭人口"], program: Self.bengbu).map(\.kind),
                       [.requiredMissing(key: "id"), .requiredMissing(key: "name")])
    }

    func testEditDistance() {
        func d(_ a: String, _ b: String) -> Int { HeaderCheck.editDistance(Array(a), Array(b), limit: 5) }
        XCTAssertEqual(d("家庭人数", "家庭人口"), 1)
        XCTAssertEqual(d("家庭收入", "家庭月收入"), 1)
        XCTAssertEqual(d("人口家庭", "家庭人口"), 4)
        XCTAssertEqual(d("ab", "ba"), 1)
        XCTAssertEqual(d("", "abc"), 3)
        XCTAssertEqual(HeaderCheck.editDistance(Array("abcdefgh"), Array("zzzzzzzz"), limit: 2), 3)
    }

    /// JSON keys take the aliases too, on the fast path and the general one alike.
    func testJSONKeysTakeAliasesOnBothPaths() {
        let bad = #"{"id":"A","name":"甲","身份证号码":"110105194912310021"}"#
        let (_, reading) = codec.decode(json: Array(bad.utf8))
        guard case .invalid(_, let errors) = reading else { return XCTFail("the ID check was skipped") }
        XCTAssertTrue(errors.contains { $0.field.contains("身份证号") && $0.reason.contains("校验位") }, "\(errors)")
        // a good number under an alias: read fast, same facts as the general decoder's
        let good = #"{"id":"A","name":"甲","ID_NUMBER":"11010519491231002X","手机号码":"13800000000"}"#
        let (facts, r2) = codec.decode(json: Array(good.utf8))
        guard case .valid = r2 else { return XCTFail("\(r2)") }
        let pairs = try! JSONRecordReader.parseObject(Array(good.utf8)).get()
        let general = codec.decode(pairs: pairs)
        XCTAssertTrue(general.errors.isEmpty)
        XCTAssertTrue(general.extra.isEmpty)
        let idSlot = Self.bengbu.fields.firstIndex { $0.key == "id_number" }!
        XCTAssertEqual(facts.values[idSlot], .text("11010519491231002X"))
        XCTAssertEqual(general.facts.values[idSlot], .text("11010519491231002X"))
        XCTAssertEqual(facts.id, "A")
    }
}
