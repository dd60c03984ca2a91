import XCTest
@testable import NuanOffice

/// Workbooks written by openpyxl 3.1.5 (make_fixtures.py): DEFLATE-compressed parts, inline
/// strings, rich text, booleans, errors, formulas without a cached value, date formats.
final class OpenpyxlWorkbookTests: XCTestCase {
    func testBasicWorkbook() throws {
        let book = try Workbook(bytes: try Fixture.bytes("openpyxl-basic.xlsx"))
        XCTAssertEqual(book.sheetNames, ["申请", "第二页"])
        XCTAssertFalse(book.date1904)
        let rows = try book.rows()
        XCTAssertEqual(rows.map(\.number), [1, 2, 3, 5, 6, 7])
        XCTAssertEqual(rows[0].texts, ["身份证号", "姓名", "月收入", "申请日期", "在职", "备注"])
        XCTAssertEqual(rows[1].cells, [.text("0012345678901234X"), .text("张三"), .number("1200.5"),
                                       .date("2024-03-01"), .bool(true), .text("首次")])
        XCTAssertEqual(rows[2].cells, [.text("110101199003071234"), .text("李四"), .number("0.3"),
                                       .date("2024-03-01 13:45:30"), .bool(false)])
        XCTAssertEqual(rows[3].cells, [.text("王五"), .empty, .empty, .date("1900-01-01"), .error("#N/A")])
        // Rich text runs joined; 1e-05 and 1.234567890123457e+19 as plain decimals; the formula
        // without a cached value is an empty (dropped trailing) cell.
        XCTAssertEqual(rows[4].cells, [.text("加粗普通"), .number("0.00001"), .number("12345678901234570000"), .date("1900-02-28")])
        XCTAssertEqual(rows[5].cells, [.number("42"), .number("3"), .date("2024-01-01 18:00:00"), .date("1900-03-01"), .date("12:00:00")])
    }

    func testTableFillsMissingRows() throws {
        let table = try Workbook(bytes: try Fixture.bytes("openpyxl-basic.xlsx")).table()
        XCTAssertEqual(table.count, 7)
        XCTAssertEqual(table[3], [])
        XCTAssertEqual(table[4], ["王五", "", "", "1900-01-01", "#N/A"])
        XCTAssertEqual(table[1][4], "TRUE")
    }

    func testSheetByName() throws {
        let book = try Workbook(bytes: try Fixture.bytes("openpyxl-basic.xlsx"))
        XCTAssertEqual(try book.table(sheet: "第二页"), [["x"], ["7"]])
        let other = try Workbook(bytes: try Fixture.bytes("openpyxl-1904.xlsx"))
        XCTAssertEqual(try other.rowReader(sheet: "sheet1").sheet, "Sheet1")
        let error = assertOfficeError(.noSuchSheet) { try book.rows(sheet: "Sheet9") }
        XCTAssertTrue(error?.message.contains("“申请”") ?? false, error?.message ?? "")
    }

    func testStreamingReader() throws {
        var reader = try Workbook(bytes: try Fixture.bytes("openpyxl-basic.xlsx")).rowReader(sheet: "申请")
        XCTAssertEqual(reader.sheet, "申请")
        XCTAssertEqual(try reader.next()?.number, 1)
        XCTAssertEqual(try reader.next()?.number, 2)
    }

    func test1904DateSystem() throws {
        let book = try Workbook(bytes: try Fixture.bytes("openpyxl-1904.xlsx"))
        XCTAssertTrue(book.date1904)
        XCTAssertEqual(try book.table(), [["日期"], ["2024-03-01"], ["1904-01-01"]])
    }
}
