/// One file in a ZIP archive as its central directory describes it.
struct ZipEntry {
    let name: String
    let method: Int
    let crc: UInt32
    let compressedSize: Int
    let uncompressedSize: Int
    let localHeaderOffset: Int
}

/// Entry names are paths inside the package; anything that could escape a folder or confuse a
/// lookup is refused rather than cleaned, because a clean workbook never has one.
enum ZipPath {
    static func validate(_ raw: ArraySlice<UInt8>, limit: Int) throws(OfficeError) -> String {
        guard !raw.isEmpty, raw.count <= limit else {
            throw OfficeError(.badPath, "条目名称为空或过长（\(raw.count) 字节）")
        }
        guard let name = String(validating: raw, as: UTF8.self) else {
            throw OfficeError(.badPath, "条目名称不是有效的 UTF-8")
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\\" }) {
            throw OfficeError(.badPath, "条目名称含控制字符或反斜杠", entry: name)
        }
        if name.hasPrefix("/") || name.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
            throw OfficeError(.badPath, "条目名称是绝对路径或含 ..", entry: name)
        }
        return name
    }
}
