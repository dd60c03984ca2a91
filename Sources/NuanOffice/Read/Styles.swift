/// From `xl/styles.xml`, the one fact the reader needs: which cell style indexes (`s="…"` on a
/// cell, an index into `<cellXfs>`) carry a date format, built-in or custom (`<numFmts>`).
struct Styles {
    /// `isDate[s]` for each `<xf>` of `<cellXfs>`, in order.
    private(set) var isDate: [Bool] = []

    static let none = Styles()

    static func parse(_ bytes: [UInt8], part: String) throws(OfficeError) -> Styles {
        var reader = try XMLReader(bytes, part: part)
        var customIsDate: [Int: Bool] = [:]
        var formatIds: [Int] = []
        // Only <numFmts> defines formats; a <numFmt> inside <dxfs> (conditional formatting)
        // may reuse an id and must not change what the id means for cells.
        var inNumFmts = false
        var inCellXfs = false
        var depthInCellXfs = 0
        while let event = try reader.next() {
            switch event {
            case .start(let e):
                if inCellXfs { depthInCellXfs += 1 }
                if e.name == "numFmts" {
                    inNumFmts = true
                } else if inNumFmts, e.name == "numFmt", let id = e["numFmtId"].flatMap({ Int($0) }) {
                    customIsDate[id] = DateFormats.isDate(code: e["formatCode"] ?? "")
                } else if e.name == "cellXfs" {
                    inCellXfs = true
                    depthInCellXfs = 0
                } else if inCellXfs && depthInCellXfs == 1 && e.name == "xf" {
                    // A missing numFmtId means 0 (General).
                    formatIds.append(e["numFmtId"].flatMap { Int($0) } ?? 0)
                }
            case .end(let name):
                if name == "numFmts" { inNumFmts = false }
                if inCellXfs {
                    if depthInCellXfs == 0 && name == "cellXfs" { inCellXfs = false } else { depthInCellXfs -= 1 }
                }
            case .text: break
            }
        }
        var styles = Styles()
        // A custom format may reuse a built-in id; the custom code then wins.
        styles.isDate = formatIds.map { customIsDate[$0] ?? DateFormats.isDate(builtin: $0) }
        return styles
    }
}
