/// Relationship targets are URIs relative to the folder of the part that declares them
/// (`worksheets/sheet1.xml` from `xl/workbook.xml`), or absolute from the package root
/// (`/xl/worksheets/sheet1.xml`). Resolved here to a ZIP entry name.
enum PackagePath {
    static func resolve(_ target: String, from part: String) -> String {
        var components: [Substring]
        if target.hasPrefix("/") {
            components = []
        } else {
            components = part.split(separator: "/")
            _ = components.popLast()  // the part's own file name; nothing for the package root
        }
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = components.popLast() } else if piece != "." { components.append(piece) }
        }
        return components.joined(separator: "/")
    }

    /// `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func relationships(of part: String) -> String {
        var components = part.split(separator: "/").map(String.init)
        let name = components.popLast() ?? ""
        return (components + ["_rels", name + ".rels"]).joined(separator: "/")
    }
}
