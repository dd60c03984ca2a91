import XCTest
@testable import NuanOffice

/// A workbook written byte by byte the way Excel writes one (shared strings with rich runs and
/// phonetic guides, `_xHHHH_` escapes, absolute relationship targets, prefixed elements), and
/// sheets with broken cells, which must fail with the sheet, row and column named.
final class HandBuiltWorkbookTests: XCTestCase {
    private let main = Fixture.main
    private let rels = Fixture.rels

    private func excelLike() throws -> [UInt8] {
        try Fixture.zip([
            ("[Content_Types].xml", #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
            ("_rels/.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                + #"<Relationship Id="rId1" Type="\#(rels)/officeDocument" Target="/xl/wb.xml"/></Relationships>"#),
            ("xl/wb.xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\r\n"
                + #"<x:workbook xmlns:x="\#(main)" xmlns:r="\#(rels)"><x:workbookPr date1904="false"/>"#
                + #"<x:sheets><x:sheet name="Chart" sheetId="3" r:id="rId9"/><x:sheet name="Data &amp; more" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>"#),
            ("xl/_rels/wb.xml.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                + #"<Relationship Id="rId1" Type="\#(rels)/worksheet" Target="sheets/../worksheets/s1.xml"/>"#
                + #"<Relationship Id="rId9" Type="\#(rels)/chartsheet" Target="chartsheets/c1.xml"/>"#
                + #"<Relationship Id="rId2" Type="\#(rels)/sharedStrings" Target="strings.xml"/>"#
                + #"<Relationship Id="rId3" Type="\#(rels)/styles" Target="/xl/styles.xml"/></Relationships>"#),
            ("xl/strings.xml", #"<sst xmlns="\#(main)" count="5" uniqueCount="5">"#
                + "<si><t>姓名</t></si>"
                + #"<si><r><rPr><b/></rPr><t>富</t></r><r><t xml:space="preserve"> 文本</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></si>"#
                + "<si><t>a&amp;b &#x4E2D;&#20013;</t></si>"
                + "<si><t>line_x000D__x000A_break</t></si>"
                + "<si><t><![CDATA[<raw>]]></t></si><si/></sst>"),
            ("xl/styles.xml", #"<styleSheet xmlns="\#(main)"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy/mm/dd"/>"#
                + #"<numFmt numFmtId="165" formatCode="0.00&quot;days&quot;"/></numFmts>"#
                + #"<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>"#
                + #"<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"><alignment horizontal="left"/></xf>"#
                + #"<xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="49"/></cellXfs>"#
                // A conditional format reusing id 165 with a date code must not make style 3 a date.
                + #"<dxfs count="1"><dxf><numFmt numFmtId="165" formatCode="yyyy"/></dxf></dxfs></styleSheet>"#),
            ("xl/worksheets/s1.xml", #"<worksheet xmlns="\#(main)"><sheetData>"#
                + #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>"#
                // No r on the row or the cells: the next row and the next columns.
                + #"<row><c t="s"><v>2</v></c><c t="s"><v>3</v></c><c t="s"><v>4</v></c><c t="s"><v>5</v></c></row>"#
                + #"<row r="5"><c r="B5" s="1"><v>45352</v></c><c s="2"><v>45292.5</v></c><c s="3"><v>2</v></c><c s="4"><v>7</v></c>"#
                + #"<c t="str"><f>A1</f><v>姓名</v></c><c t="d"><v>2024-03-01T00:00:00Z</v></c><c t="inlineStr"><is><t>inl_x0009_ine</t></is></c></row>"#
                + #"<row r="6"><c r="A6"><v>3.0000000000000004E-2</v></c><c r="B6" t="e"><v>#DIV/0!</v></c><c r="C6" s="4"/><c r="D6" t="b"><v>0</v></c><c r="E6" s="4"/></row>"#
                + "</sheetData></worksheet>"),
        ])
    }

    func testExcelLikeWorkbook() throws {
        let book = try Workbook(bytes: try excelLike())
        XCTAssertEqual(book.sheetNames, ["Chart", "Data & more"])
        assertOfficeError(.noSuchSheet) { try book.rows() }  // the first sheet is a chart sheet
        let rows = try book.rows(sheet: "Data & more")
        XCTAssertEqual(rows.map(\.number), [1, 2, 5, 6])
        XCTAssertEqual(rows[0].cells, [.text("姓名"), .empty, .text("富 文本")])
        XCTAssertEqual(rows[1].texts, ["a&b 中中", "line\r\nbreak", "<raw>", ""])
        XCTAssertEqual(rows[2].cells, [.empty, .date("2024-03-01"), .date("2024-01-01 12:00:00"), .number("2"), .number("7"),
                                       .text("姓名"), .date("2024-03-01"), .text("inl\tine")])
        XCTAssertEqual(rows[3].cells, [.number("0.030000000000000004"), .error("#DIV/0!"), .empty, .bool(false)])
    }

    // MARK: - Broken sheets

    private func rows(_ sheetData: String, sharedStrings: [String] = []) throws -> [SheetRow] {
        try Workbook(bytes: try Fixture.workbook(sheetData: sheetData, sharedStrings: sharedStrings)).rows()
    }

    func testBadCellRefs() {
        let huge = assertOfficeError(.badCellRef) { try self.rows(#"<row r="1"><c r="ZZZZZZ1"><v>1</v></c></row>"#) }
        XCTAssertEqual(huge?.sheet, "Sheet1")
        XCTAssertEqual(huge?.row, 1)
        assertOfficeError(.badCellRef) { try self.rows(#"<row r="1"><c r="A0"><v>1</v></c></row>"#) }
        assertOfficeError(.badCellRef) { try self.rows(#"<row r="0"><c><v>1</v></c></row>"#) }
        assertOfficeError(.badCellRef) { try self.rows(#"<row r="99999999999999999999"/>"#) }
        assertOfficeError(.badCellRef) { try self.rows(#"<row r="2"><c r="A3"><v>1</v></c></row>"#) }
        assertOfficeError(.cellOrder) { try self.rows(#"<row r="2"><c r="B2"/><c r="A2"/></row>"#) }
        assertOfficeError(.cellOrder) { try self.rows(#"<row r="2"/><row r="2"/>"#) }
        assertOfficeError(.badCellRef) { try self.rows(#"<row r="1"><c r="XFD1"/><c/></row>"#) }
    }

    func testSharedStringIndexOutOfRange() {
        let error = assertOfficeError(.sharedStringIndex) {
            try self.rows(#"<row r="11"/><row r="12"><c r="A12"><v>1</v></c><c r="C12" t="s"><v>3</v></c></row>"#, sharedStrings: ["a", "b", "c"])
        }
        XCTAssertEqual(error?.description, "工作表 Sheet1 第 12 行 C 列：共享字符串序号 “3” 超出范围（共 3 个） [xlsx.shared-string-index]")
        assertOfficeError(.sharedStringIndex) { try self.rows(#"<row><c t="s"><v>-1</v></c></row>"#, sharedStrings: ["a"]) }
        assertOfficeError(.sharedStringIndex) { try self.rows(#"<row><c t="s"><v>x</v></c></row>"#, sharedStrings: ["a"]) }
    }

    func testBadValues() {
        assertOfficeError(.badNumber) { try self.rows(#"<row><c><v>12abc</v></c></row>"#) }
        assertOfficeError(.badNumber) { try self.rows(#"<row><c t="zz"><v>1</v></c></row>"#) }
        assertOfficeError(.badBool) { try self.rows(#"<row><c t="b"><v>2</v></c></row>"#) }
        assertOfficeError(.styleIndex) { try self.rows(#"<row><c s="7"><v>1</v></c></row>"#) }
        assertOfficeError(.styleIndex) { try self.rows(#"<row><c s="-1"><v>1</v></c></row>"#) }
        let leap = assertOfficeError(.badDate) { try self.rows(#"<row r="3"><c r="B3" s="1"><v>60</v></c></row>"#) }
        XCTAssertEqual(leap?.column, "B")
        assertOfficeError(.badDate) { try self.rows(#"<row><c s="1"><v>-5</v></c></row>"#) }
        assertOfficeError(.badDate) { try self.rows(#"<row><c s="1"><v>1E+300</v></c></row>"#) }
    }

    func testDeepSheetXML() {
        let deep = String(repeating: "<x>", count: 5000) + String(repeating: "</x>", count: 5000)
        assertOfficeError(.xmlTooDeep) { try self.rows("<row>\(deep)</row>") }
    }

    func testMissingParts() throws {
        assertOfficeError(.missingEntry) { try Workbook(bytes: try Fixture.zip([("a.txt", "x")])) }
        let noSheets = try Fixture.zip([("xl/workbook.xml", #"<workbook xmlns="\#(main)"><sheets/></workbook>"#)])
        assertOfficeError(.noSheets) { try Workbook(bytes: noSheets) }
    }
}
