import XCTest
@testable import NuanOffice

/// Cell references, exact number text, date formats and date serials.
final class ValueTests: XCTestCase {
    func testCellRefs() {
        XCTAssertEqual(CellRef("A1"), CellRef(column: 1, row: 1))
        XCTAssertEqual(CellRef("XFD1048576"), CellRef(column: 16_384, row: 1_048_576))
        XCTAssertEqual(CellRef("AA10")?.column, 27)
        for bad in ["ZZZZZZ1", "A0", "XFE1", "A1048577", "1A", "A", "a1", "A01", "", "A-1", "A1 ", "AB12345678"] {
            XCTAssertNil(CellRef(bad), bad)
        }
        XCTAssertEqual(CellRef.letters(1), "A")
        XCTAssertEqual(CellRef.letters(26), "Z")
        XCTAssertEqual(CellRef.letters(27), "AA")
        XCTAssertEqual(CellRef.letters(16_384), "XFD")
    }

    func testDecimalText() {
        let cases: [(String, String?)] = [
            ("1200.5", "1200.5"), ("42", "42"), ("-0", "0"), ("0.30000000000000004", "0.30000000000000004"),
            ("3.0000000000000004E-2", "0.030000000000000004"), ("1e-05", "0.00001"), ("1.5E3", "1500"),
            ("1.234567890123457e+19", "12345678901234570000"), ("-2.5E+0", "-2.5"), ("007.50", "7.5"),
            (".5", "0.5"), ("5.", "5"), ("+3", "3"),
            ("", nil), ("-", nil), ("1e", nil), ("1e1000", nil), ("abc", nil), ("1.2.3", nil), ("0x10", nil),
            ("1 000", nil), ("NaN", nil), ("Infinity", nil),
        ]
        for (input, expected) in cases { XCTAssertEqual(DecimalText.normalize(input), expected, input) }
    }

    func testDateFormats() {
        for id in [14, 15, 22, 27, 36, 45, 47, 50, 58] { XCTAssertTrue(DateFormats.isDate(builtin: id), "\(id)") }
        for id in [0, 1, 2, 13, 23, 26, 37, 44, 48, 49, 59] { XCTAssertFalse(DateFormats.isDate(builtin: id), "\(id)") }
        for code in ["yyyy-mm-dd", "d/m/yy", "h:mm:ss", "yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy-mm-dd", "mm:ss.0", "[Red]yyyy", "[h]:mm"] {
            XCTAssertTrue(DateFormats.isDate(code: code), code)
        }
        for code in ["General", "0.00", "#,##0.00\"days\"", "[h]", "0.00_);[Red](0.00)", "\\d0", "@", "0.00E+00", "*y0"] {
            XCTAssertFalse(DateFormats.isDate(code: code), code)
        }
    }

    func testDateSerials1900() throws {
        let cases: [(String, String)] = [
            ("1", "1900-01-01"), ("59", "1900-02-28"), ("61", "1900-03-01"), ("45292", "2024-01-01"),
            ("45352", "2024-03-01"), ("2958465", "9999-12-31"), ("45292.5", "2024-01-01 12:00:00"),
            ("45352.57326388889", "2024-03-01 13:45:30"), ("0.75", "18:00:00"),
            // 23:59:59.6 rounds up into the next day.
            ("45292.99999537037", "2024-01-02"), ("45292.000005", "2024-01-01"), ("45292.0000058", "2024-01-01 00:00:01"),
        ]
        for (serial, expected) in cases { XCTAssertEqual(try ExcelDate.text(serial: serial, date1904: false), expected, serial) }
        XCTAssertThrowsError(try ExcelDate.text(serial: "60", date1904: false)) { XCTAssertEqual($0 as? ExcelDate.Problem, .fictitiousLeapDay) }
        XCTAssertThrowsError(try ExcelDate.text(serial: "0", date1904: false)) { XCTAssertEqual($0 as? ExcelDate.Problem, .zero) }
        XCTAssertThrowsError(try ExcelDate.text(serial: "-1", date1904: false)) { XCTAssertEqual($0 as? ExcelDate.Problem, .negative) }
        XCTAssertThrowsError(try ExcelDate.text(serial: "2958466", date1904: false)) { XCTAssertEqual($0 as? ExcelDate.Problem, .tooLarge) }
        XCTAssertThrowsError(try ExcelDate.text(serial: "123456789012345678901234567890", date1904: false))
    }

    func testDateSerials1904() throws {
        XCTAssertEqual(try ExcelDate.text(serial: "0", date1904: true), "1904-01-01")
        XCTAssertEqual(try ExcelDate.text(serial: "43890", date1904: true), "2024-03-01")
        XCTAssertEqual(try ExcelDate.text(serial: "1.25", date1904: true), "1904-01-02 06:00:00")
        XCTAssertEqual(try ExcelDate.text(serial: "2957003", date1904: true), "9999-12-31")
        XCTAssertThrowsError(try ExcelDate.text(serial: "2957004", date1904: true)) { XCTAssertEqual($0 as? ExcelDate.Problem, .tooLarge) }
    }

    func testEveryDayAgainstTheCalendar() {
        // Walk serial by serial and check each date is the day after the previous one.
        var previous = ExcelDate.daysFromCivil(1900, 3, 1)
        for serial in 62...80_000 {
            guard let text = try? ExcelDate.text(serial: String(serial), date1904: false) else { return XCTFail("\(serial)") }
            let parts = text.split(separator: "-").compactMap { Int($0) }
            let days = ExcelDate.daysFromCivil(parts[0], parts[1], parts[2])
            XCTAssertEqual(days, previous + 1, text)
            previous = days
        }
    }
}
