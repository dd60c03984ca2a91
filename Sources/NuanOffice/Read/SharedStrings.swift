/// `xl/sharedStrings.xml`: the table that `t="s"` cells index into. A string item `<si>` is
/// either one `<t>` or rich-text runs `<r><rPr>…</rPr><t>…</t></r>` whose texts are joined;
/// phonetic guides `<rPh><t>…</t></rPh>` (furigana) are not part of the value and are skipped.
enum SharedStrings {
    static func parse(_ bytes: [UInt8], part: String) throws(OfficeError) -> [String] {
        var reader = try XMLReader(bytes, part: part)
        var strings: [String] = []
        var current: String?
        var inText = false
        var phoneticDepth = 0
        while let event = try reader.next() {
            switch event {
            case .start(let e):
                switch e.name {
                case "si": current = ""
                case "rPh": phoneticDepth += 1
                case "t": inText = phoneticDepth == 0 && current != nil
                default: break
                }
            case .end(let name):
                switch name {
                case "si":
                    strings.append(current ?? "")
                    current = nil
                case "rPh": phoneticDepth -= 1
                case "t": inText = false
                default: break
                }
            case .text(let text):
                if inText { current? += XStringEscape.decode(text) }
            }
        }
        return strings
    }
}
