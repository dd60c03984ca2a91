/// The package plumbing around the sheets: content types, relationships, the workbook part and
/// minimal document properties. Fixed text apart from the sheet list, and no timestamps, so
/// the same input always gives the same bytes.
enum PackageParts {
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRels = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func contentTypes(sheetCount: Int) -> String {
        var xml = header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        for n in 1...max(sheetCount, 1) {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(n).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        xml += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        xml += #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        xml += #"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
        return xml + "</Types>"
    }

    static let rootRelationships = header + #"<Relationships xmlns="\#(packageRels)">"#
        + #"<Relationship Id="rId1" Type="\#(officeRels)/officeDocument" Target="xl/workbook.xml"/>"#
        + #"<Relationship Id="rId2" Type="\#(packageRels)/metadata/core-properties" Target="docProps/core.xml"/>"#
        + #"<Relationship Id="rId3" Type="\#(officeRels)/extended-properties" Target="docProps/app.xml"/>"#
        + "</Relationships>"

    static let core = header
        + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
        + #"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#
        + #"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Nuan</dc:creator></cp:coreProperties>"#

    static let app = header
        + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#
        + "<Application>Nuan</Application></Properties>"

    /// Sheet `n` (1-based) is `rId<n>`; styles come after the sheets.
    static func workbookRelationships(sheetCount: Int) -> String {
        var xml = header + #"<Relationships xmlns="\#(packageRels)">"#
        for n in 1...sheetCount {
            xml += #"<Relationship Id="rId\#(n)" Type="\#(officeRels)/worksheet" Target="worksheets/sheet\#(n).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(officeRels)/styles" Target="styles.xml"/>"#
        return xml + "</Relationships>"
    }

    static func workbook(sheetNames: [String]) -> String {
        var xml = header + #"<workbook xmlns="\#(main)" xmlns:r="\#(officeRels)">"#
        xml += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (i, name) in sheetNames.enumerated() {
            xml += #"<sheet name="\#(XMLText.escape(name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }
        return xml + "</sheets></workbook>"
    }
}
