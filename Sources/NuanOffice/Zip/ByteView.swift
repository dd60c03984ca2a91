/// Little-endian reads at explicit offsets that return nil instead of trapping when the
/// offset is out of range: every length and offset in a ZIP file comes from the file itself.
struct ByteView {
    let bytes: [UInt8]

    var count: Int { bytes.count }

    /// True when `offset..<offset+length` lies inside the bytes (no overflow possible).
    func contains(_ offset: Int, _ length: Int) -> Bool {
        offset >= 0 && length >= 0 && offset <= bytes.count && length <= bytes.count - offset
    }

    func u16(_ offset: Int) -> Int? {
        guard contains(offset, 2) else { return nil }
        return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
    }

    func u32(_ offset: Int) -> Int? {
        guard contains(offset, 4) else { return nil }
        return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
            | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
    }

    func slice(_ offset: Int, _ length: Int) -> ArraySlice<UInt8>? {
        guard contains(offset, length) else { return nil }
        return bytes[offset..<(offset + length)]
    }
}
