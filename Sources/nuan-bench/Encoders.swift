/// Writes records as JSON Lines: one compact object a line, keys in contract order,
/// an omitted field's key left out entirely.
struct JSONLEncoder {
    /// Appends `r` and its newline.
    func encode(_ r: Record, to w: ByteWriter) {
        let start = w.count
        w.append(0x7B)                                     // {
        var first = true
        for field in Field.allCases where field != r.omitted {
            if !first { w.append(0x2C) }
            first = false
            w.append(0x22); w.append(field.key); w.append("\":")
            switch FieldText.shape(field) {
            case .string:
                w.append(0x22); FieldText.scalar(field, of: r, to: w); w.append(0x22)
            case .number:
                FieldText.scalar(field, of: r, to: w)
            case .boolean:
                if FieldText.boolean(field, of: r) { w.append("true") } else { w.append("false") }
            case .list:
                w.append(0x5B)
                var n = 0
                FieldText.forEachItem(field, of: r) { code in
                    if n > 0 { w.append(0x2C) }
                    w.append(0x22); w.append(code); w.append(0x22)
                    n += 1
                }
                w.append(0x5D)
            }
        }
        w.append(0x7D)                                     // }
        if r.bad == .brokenRow {
            // cut the line at the first comma past its middle: an unterminated object
            var cut = start + (w.count - start) / 2
            while cut < w.count - 1 && w.byte(at: cut) != 0x2C { cut += 1 }
            w.truncate(to: cut)
        }
        w.append(0x0A)
    }
}

/// Writes records as CSV (RFC 4180 without any quoting, which no generated value needs).
/// Header names are the English keys or the Chinese labels. With Chinese labels, lists are
/// joined with 、 and booleans are 是/否, as union-system exports write them; otherwise `;`
/// and true/false. An omitted field is an empty cell.
struct CSVEncoder {
    /// Use the Chinese labels (and Chinese list separator and booleans).
    let chinese: Bool

    /// Appends the header row.
    func header(to w: ByteWriter) {
        for field in Field.allCases {
            if field != .id { w.append(0x2C) }
            w.append(chinese ? field.label : field.key)
        }
        w.append(0x0A)
    }

    /// Appends `r` and its newline.
    func encode(_ r: Record, to w: ByteWriter) {
        for field in Field.allCases {
            if field != .id { w.append(0x2C) }
            if field == r.omitted { continue }
            switch FieldText.shape(field) {
            case .string, .number:
                FieldText.scalar(field, of: r, to: w)
            case .boolean:
                let b = FieldText.boolean(field, of: r)
                if chinese { w.append(b ? "是" : "否") } else { w.append(b ? "true" : "false") }
            case .list:
                var n = 0
                FieldText.forEachItem(field, of: r) { code in
                    if n > 0 { if chinese { w.append("、") } else { w.append(0x3B) } }
                    w.append(code)
                    n += 1
                }
            }
        }
        if r.bad == .brokenRow {
            if r.serial % 2 == 0 {
                w.append(",extra")                          // one column too many
            } else {
                var cut = w.count - 1                       // one column too few: drop the last
                while w.byte(at: cut) != 0x2C { cut -= 1 }
                w.truncate(to: cut)
            }
        }
        w.append(0x0A)
    }
}
