/// Writes a workbook Excel and LibreOffice open without a repair prompt: one worksheet per
/// `OutputSheet`, each with a bold frozen header row; text cells formatted as text (`@`) so ID
/// numbers keep all digits and leading zeros; numbers as exact decimals with `0` or `0.00`.
/// The ZIP is stored (uncompressed) and deterministic.
///
///     let bytes = try XLSXWriter.write([OutputSheet(name: "决定", header: ["身份证号", "金额"],
///                                                   rows: [[.text("0012…"), .money("1200.50")]])])
public enum XLSXWriter {
    public static func write(_ sheets: [OutputSheet]) throws(OfficeError) -> [UInt8] {
        guard !sheets.isEmpty else { throw OfficeError(.badSheetName, "至少要有一个工作表") }
        var seen: Set<String> = []
        for sheet in sheets {
            try validate(sheetName: sheet.name)
            guard seen.insert(sheet.name.lowercased()).inserted else {
                throw OfficeError(.badSheetName, "工作表名称重复（不分大小写）", sheet: sheet.name)
            }
        }
        var zip = ZipWriter()
        // [Content_Types].xml first, as Office itself writes it; some readers sniff for it there.
        try zip.add("[Content_Types].xml", bytes(PackageParts.contentTypes(sheetCount: sheets.count)))
        try zip.add("_rels/.rels", bytes(PackageParts.rootRelationships))
        try zip.add("docProps/core.xml", bytes(PackageParts.core))
        try zip.add("docProps/app.xml", bytes(PackageParts.app))
        try zip.add("xl/workbook.xml", bytes(PackageParts.workbook(sheetNames: sheets.map(\.name))))
        try zip.add("xl/_rels/workbook.xml.rels", bytes(PackageParts.workbookRelationships(sheetCount: sheets.count)))
        try zip.add("xl/styles.xml", bytes(StylesPart.xml))
        for (i, sheet) in sheets.enumerated() {
            try zip.add("xl/worksheets/sheet\(i + 1).xml", bytes(try SheetPart.xml(sheet)))
        }
        return try zip.finish()
    }

    /// One sheet: the common case for `nuan batch --out decisions.xlsx`.
    public static func write(sheet name: String, header: [String], rows: [[OutputCell]]) throws(OfficeError) -> [UInt8] {
        try write([OutputSheet(name: name, header: header, rows: rows)])
    }

    /// Excel's rules for sheet names: 1–31 characters, none of `: \ / ? * [ ]`, no leading or
    /// trailing apostrophe, and not the reserved `History`.
    static func validate(sheetName name: String) throws(OfficeError) {
        let forbidden: Set<Character> = [":", "\\", "/", "?", "*", "[", "]"]
        guard !name.isEmpty, name.utf16.count <= 31, !name.contains(where: { forbidden.contains($0) }),
              !name.hasPrefix("'"), !name.hasSuffix("'"), name.lowercased() != "history",
              !name.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw OfficeError(.badSheetName, "工作表名称须为 1–31 个字符，不含 : \\ / ? * [ ] 和控制字符，不以 ' 开头或结尾",
                              sheet: name)
        }
    }

    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}
