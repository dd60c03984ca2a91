import Foundation
import XCTest
@testable import NuanOffice

/// Paths and builders shared by the NuanOffice tests.
enum Fixture {
    /// `Tests/Fixtures/xlsx`, found from this file so tests run from any working directory.
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        url.deleteLastPathComponent()
        return url.appendingPathComponent("Fixtures/xlsx").path
    }()

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
    }

    /// A stored ZIP of `parts`, in order, made with the writer's own ZIP code.
    static func zip(_ parts: [(String, String)]) throws -> [UInt8] {
        var z = ZipWriter()
        for (name, text) in parts { try z.add(name, Array(text.utf8)) }
        return try z.finish()
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// The smallest workbook our reader accepts around one sheet's `<sheetData>` content, with
    /// optional shared strings and a styles part whose style 1 is a date (`yyyy-mm-dd`).
    static func workbook(sheetData: String, sharedStrings: [String] = []) throws -> [UInt8] {
        var parts = [
            ("xl/workbook.xml", #"<workbook xmlns="\#(main)" xmlns:r="\#(rels)"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                + #"<Relationship Id="rId1" Type="\#(rels)/worksheet" Target="worksheets/sheet1.xml"/>"#
                + #"<Relationship Id="rId2" Type="\#(rels)/sharedStrings" Target="sharedStrings.xml"/>"#
                + #"<Relationship Id="rId3" Type="\#(rels)/styles" Target="styles.xml"/></Relationships>"#),
            ("xl/styles.xml", #"<styleSheet xmlns="\#(main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>"#
                + #"<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>"#),
            ("xl/worksheets/sheet1.xml", #"<worksheet xmlns="\#(main)"><sheetData>\#(sheetData)</sheetData></worksheet>"#),
        ]
        let items = sharedStrings.map { "<si><t>\($0)</t></si>" }.joined()
        parts.append(("xl/sharedStrings.xml", #"<sst xmlns="\#(main)" count="\#(sharedStrings.count)">\#(items)</sst>"#))
        return try zip(parts)
    }
}

/// Asserts that `body` throws an `OfficeError` with `code`, and returns it for more checks.
@discardableResult
func assertOfficeError<T>(_ code: OfficeError.Code, file: StaticString = #filePath, line: UInt = #line,
                          _ body: () throws -> T) -> OfficeError? {
    do {
        _ = try body()
        XCTFail("expected \(code.rawValue), got no error", file: file, line: line)
    } catch let error as OfficeError {
        XCTAssertEqual(error.code, code, "\(error)", file: file, line: line)
        return error
    } catch {
        XCTFail("expected OfficeError \(code.rawValue), got \(error)", file: file, line: line)
    }
    return nil
}
