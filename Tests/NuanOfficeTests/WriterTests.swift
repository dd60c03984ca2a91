import Foundation
import XCTest
@testable import NuanOffice

/// The writer: what it writes reads back exactly, the parts Excel needs are there, bad input
/// is refused with a typed error, and LibreOffice (when installed) converts the file to CSV.
final class WriterTests: XCTestCase {
    private let header = ["身份证号", "姓名", "金额", "人数", "备注"]
    private let rows: [[OutputCell]] = [
        [.text("001234567890123456"), .text("张三"), .money("1200.50"), .integer("3"), .text(" 前后空格 ")],
        [.text("11010119900307123X"), .text("<&>\"'"), .money("-0.05"), .integer("0"), .empty, .text("多出一列")],
        [.text("0"), .empty, .number("123456789012345", format: .general), .integer("+7"), .text("ctl\u{1}_x0041_\r\n")],
    ]

    func testRoundTrip() throws {
        let bytes = try XLSXWriter.write(sheet: "决定", header: header, rows: rows)
        let book = try Workbook(bytes: bytes)
        XCTAssertEqual(book.sheetNames, ["决定"])
        let back = try book.rows()
        XCTAssertEqual(back.map(\.number), [1, 2, 3, 4])
        XCTAssertEqual(back[0].texts, header)
        XCTAssertEqual(back[1].cells, [.text("001234567890123456"), .text("张三"), .number("1200.5"), .number("3"), .text(" 前后空格 ")])
        XCTAssertEqual(back[2].cells, [.text("11010119900307123X"), .text("<&>\"'"), .number("-0.05"), .number("0"), .empty, .text("多出一列")])
        XCTAssertEqual(back[3].cells, [.text("0"), .empty, .number("123456789012345"), .number("7"), .text("ctl\u{1}_x0041_\r\n")])
    }

    /// The exact bytes of a small workbook, checked by hand in LibreOffice 7.4 (headless CSV
    /// conversion) and openpyxl 3.1.5 (frozen pane, bold header, formats). Any change to the
    /// writer's output shows here; re-record on purpose with NUAN_RECORD=1 and check it again.
    func testGoldenWorkbook() throws {
        let bytes = try XLSXWriter.write(sheet: "决定", header: ["身份证号", "姓名", "金额", "人数"], rows: [
            [.text("001234567890123456"), .text("张三"), .money("1200.50"), .integer("3")],
            [.text("11010119900307123X"), .text("李四"), .money("-0.05"), .integer("0")],
        ])
        let path = Fixture.folder + "/writer-golden.xlsx"
        if ProcessInfo.processInfo.environment["NUAN_RECORD"] == "1" {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        XCTAssertEqual(bytes, try Fixture.bytes("writer-golden.xlsx"))
    }

    func testPartsAndStyles() throws {
        let zip = try ZipArchive(bytes: try XLSXWriter.write(sheet: "S", header: ["a"], rows: [[.money("1.5")]]))
        XCTAssertEqual(zip.names, ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
                                   "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"])
        let sheet = String(decoding: try zip.read("xl/worksheets/sheet1.xml"), as: UTF8.self)
        XCTAssertTrue(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        XCTAssertTrue(sheet.contains(#"<c r="A1" s="1" t="inlineStr">"#))  // bold header
        XCTAssertTrue(sheet.contains(#"<c r="A2" s="4"><v>1.5</v></c>"#))   // money 0.00
        let styles = String(decoding: try zip.read("xl/styles.xml"), as: UTF8.self)
        XCTAssertTrue(styles.contains(#"<xf numFmtId="49" fontId="1""#))
        XCTAssertTrue(styles.contains(#"<xf numFmtId="2" "#))
        // Every part is well-formed XML.
        for name in zip.names {
            var reader = try XMLReader(try zip.read(name), part: name)
            while try reader.next() != nil {}
        }
    }

    func testDeterministicAndMultiSheet() throws {
        let sheets = [OutputSheet(name: "决定", header: header, rows: rows), OutputSheet(name: "错误", header: ["行", "原因"], rows: [])]
        let a = try XLSXWriter.write(sheets)
        XCTAssertEqual(a, try XLSXWriter.write(sheets))
        let book = try Workbook(bytes: a)
        XCTAssertEqual(book.sheetNames, ["决定", "错误"])
        XCTAssertEqual(try book.table(sheet: "错误"), [["行", "原因"]])
    }

    func testRefusals() {
        assertOfficeError(.badSheetName) { try XLSXWriter.write([]) }
        for name in ["", "a/b", "[x]", "'q", String(repeating: "长", count: 32), "History"] {
            assertOfficeError(.badSheetName) { try XLSXWriter.write(sheet: name, header: [], rows: []) }
        }
        assertOfficeError(.badSheetName) {
            try XLSXWriter.write([OutputSheet(name: "A", header: [], rows: []), OutputSheet(name: "a", header: [], rows: [])])
        }
        let long = assertOfficeError(.numberNotRepresentable) {
            try XLSXWriter.write(sheet: "S", header: ["id"], rows: [[.empty, .integer("1234567890123456")]])
        }
        XCTAssertEqual(long?.row, 2)
        XCTAssertEqual(long?.column, "B")
        for bad in ["1,000", "1e5", ".5", "5.", "", "-", "NaN", "１２"] {
            assertOfficeError(.numberNotRepresentable) { try XLSXWriter.write(sheet: "S", header: [], rows: [[.money(bad)]]) }
        }
        assertOfficeError(.textTooLong) {
            try XLSXWriter.write(sheet: "S", header: [], rows: [[.text(String(repeating: "x", count: 32_768))]])
        }
        // 16,384 emoji are 32,768 UTF-16 units, which is what Excel counts.
        let header = assertOfficeError(.textTooLong) {
            try XLSXWriter.write(sheet: "S", header: ["a", String(repeating: "😀", count: 16_384)], rows: [])
        }
        XCTAssertEqual(header?.column, "B")
        XCTAssertNoThrow(try XLSXWriter.write(sheet: "S", header: [String(repeating: "😀", count: 16_383)], rows: []))
    }

    /// LibreOffice must open the file without complaint and see the same values. Skipped when
    /// `soffice` is not installed (it is not on CI).
    func testLibreOfficeConvertsToCSV() throws {
        let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice",
                       "/opt/libreoffice/program/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let soffice else { throw XCTSkip("LibreOffice (soffice) is not installed") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-office-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("out.xlsx")
        try Data(try XLSXWriter.write(sheet: "决定", header: header, rows: Array(rows.prefix(2)))).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["--headless", "-env:UserInstallation=file://\(dir.path)/profile",
                             "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir.path, input.path]
        try process.run()
        process.waitUntilExit()
        let csv = try String(contentsOf: dir.appendingPathComponent("out.csv"), encoding: .utf8)
        // Six columns: the second data row is one cell longer than the header. Money shows as 0.00.
        XCTAssertEqual(csv.split(whereSeparator: \.isNewline), [
            "身份证号,姓名,金额,人数,备注,",
            "001234567890123456,张三,1200.50,3, 前后空格 ,",
            #"11010119900307123X,"<&>""'",-0.05,0,,多出一列"#,
        ])
        // And what LibreOffice saves from our file, our reader reads back the same.
        let again = Process()
        again.executableURL = URL(fileURLWithPath: soffice)
        again.arguments = ["--headless", "-env:UserInstallation=file://\(dir.path)/profile",
                           "--convert-to", "xlsx", "--outdir", dir.appendingPathComponent("lo").path, input.path]
        try again.run()
        again.waitUntilExit()
        let saved = try Data(contentsOf: dir.appendingPathComponent("lo/out.xlsx"))
        let rows = try Workbook(data: saved).rows()
        XCTAssertEqual(rows.map(\.texts), [header, ["001234567890123456", "张三", "1200.5", "3", " 前后空格 "],
                                            ["11010119900307123X", "<&>\"'", "-0.05", "0", "", "多出一列"]])
    }
}
