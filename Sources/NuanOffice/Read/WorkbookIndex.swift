/// Where things are in a workbook package: `_rels/.rels` names the workbook part, the workbook's
/// own relationships name its sheets, shared strings and styles, and `workbook.xml` lists the
/// sheets in tab order with their names and says which date system is used.
struct WorkbookIndex {
    struct SheetInfo {
        let name: String
        /// The ZIP entry of the sheet's XML, or nil when it is not a worksheet (e.g. a chart sheet).
        let part: String?
    }

    var workbookPart = "xl/workbook.xml"
    var sheets: [SheetInfo] = []
    var sharedStringsPart: String?
    var stylesPart: String?
    var date1904 = false

    init(_ zip: ZipArchive) throws(OfficeError) {
        if zip.contains("_rels/.rels") {
            let rels = try Self.relationships(zip, "_rels/.rels", from: "")
            if let target = rels.first(where: { $0.type.hasSuffix("/officeDocument") })?.target { workbookPart = target }
        }
        guard zip.contains(workbookPart) else {
            throw OfficeError(.missingEntry, "找不到工作簿部件，不是 Excel 工作簿（xlsx）", entry: workbookPart)
        }
        let relsPart = PackagePath.relationships(of: workbookPart)
        let rels = zip.contains(relsPart) ? try Self.relationships(zip, relsPart, from: workbookPart) : []
        var targets: [String: Relationship] = [:]
        for r in rels { targets[r.id] = r }
        sharedStringsPart = rels.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target
        stylesPart = rels.first(where: { $0.type.hasSuffix("/styles") })?.target

        var reader = try XMLReader(try zip.read(workbookPart), part: workbookPart)
        while let event = try reader.next() {
            guard case .start(let e) = event else { continue }
            if e.name == "workbookPr" {
                let flag = e["date1904"] ?? "0"
                date1904 = flag == "1" || flag == "true"
            } else if e.name == "sheet" {
                guard let name = e["name"] else {
                    throw OfficeError(.xmlMalformed, "<sheet> 缺少 name 属性", entry: workbookPart)
                }
                let rel = e["id"].flatMap { targets[$0] }
                let isWorksheet = rel?.type.hasSuffix("/worksheet") ?? false
                sheets.append(SheetInfo(name: name, part: isWorksheet ? rel?.target : nil))
            }
        }
        guard !sheets.isEmpty else { throw OfficeError(.noSheets, "工作簿中没有工作表", entry: workbookPart) }
    }

    private struct Relationship {
        let id: String
        let type: String
        /// Resolved to a ZIP entry name.
        let target: String
    }

    private static func relationships(_ zip: ZipArchive, _ part: String, from source: String) throws(OfficeError) -> [Relationship] {
        var reader = try XMLReader(try zip.read(part), part: part)
        var out: [Relationship] = []
        while let event = try reader.next() {
            guard case .start(let e) = event, e.name == "Relationship",
                  let id = e["Id"], let type = e["Type"], let target = e["Target"],
                  e["TargetMode"] != "External" else { continue }
            out.append(Relationship(id: id, type: type, target: PackagePath.resolve(target, from: source)))
        }
        return out
    }
}
