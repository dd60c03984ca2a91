import XCTest
@testable import NuanOffice

/// A workbook LibreOffice 7 wrote from a CSV (make_fixtures.py): shared strings with
/// `xml:space`, its own ZIP layout, a custom `yyyy\-mm\-dd` date format, text-formatted IDs.
final class LibreOfficeWorkbookTests: XCTestCase {
    func testConvertedFromCSV() throws {
        let book = try Workbook(bytes: try Fixture.bytes("libreoffice-from-csv.xlsx"))
        XCTAssertEqual(book.sheetNames, ["libreoffice-from-csv"])
        let rows = try book.rows()
        XCTAssertEqual(rows.map(\.number), [1, 2, 3, 5])
        XCTAssertEqual(rows[0].texts, ["身份证号", "姓名", "月收入", "申请日期", "备注"])
        XCTAssertEqual(rows[1].cells, [.text("0012345678901234X"), .text("张三"), .number("1200.5"), .date("2024-03-01"), .text("首次")])
        XCTAssertEqual(rows[2].cells, [.text("001234"), .text("李四"), .number("0.3"), .date("1999-12-31"), .text("含,逗号")])
        XCTAssertEqual(rows[3].cells, [.text("110101199003071234"), .text("王五"), .number("-7"), .date("2024-02-29"), .text("最后")])
    }
}
