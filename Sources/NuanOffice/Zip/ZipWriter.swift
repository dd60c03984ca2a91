/// Writes a ZIP archive of stored (uncompressed) entries. Stored keeps the writer tiny and the
/// output byte-for-byte reproducible; Excel and LibreOffice open stored packages. Timestamps are
/// fixed at 1980-01-01 00:00 so the same rows always give the same file.
struct ZipWriter {
    private var body: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    // Field values shared by both headers (APPNOTE 4.4).
    private static let version = 20        // 2.0: the oldest that every reader accepts
    private static let utf8Names = 0x0800  // flag bit 11: names are UTF-8
    private static let dosTime = 0         // 00:00:00
    private static let dosDate = 0x21      // 1980-01-01

    /// Adds `name` with `data`. Throws if the archive would need ZIP64 (over 4 GiB or 65535 entries).
    mutating func add(_ name: String, _ data: [UInt8]) throws(OfficeError) {
        let nameBytes = Array(name.utf8)
        let offset = body.count
        guard data.count < 0xFFFF_FFFF, offset < 0xFFFF_FFFF - data.count - 30 - nameBytes.count,
              count < 0xFFFF, nameBytes.count <= 0xFFFF else {
            throw OfficeError(.tooLarge, "工作簿过大，超出不用 ZIP64 所能写的范围", entry: name)
        }
        let crc = Int(CRC32.checksum(data))
        // Local file header (APPNOTE 4.3.7), then the data.
        Self.put(&body, 0x0403_4B50, bytes: 4)
        Self.put(&body, Self.version, Self.utf8Names, 0, Self.dosTime, Self.dosDate)  // method 0 = stored
        Self.put(&body, crc, data.count, data.count, bytes: 4)
        Self.put(&body, nameBytes.count, 0)                                          // no extra field
        body += nameBytes
        body += data
        // Central directory header (APPNOTE 4.3.12): the same facts plus where the entry starts.
        Self.put(&directory, 0x0201_4B50, bytes: 4)
        Self.put(&directory, Self.version, Self.version, Self.utf8Names, 0, Self.dosTime, Self.dosDate)
        Self.put(&directory, crc, data.count, data.count, bytes: 4)
        Self.put(&directory, nameBytes.count, 0, 0, 0, 0)  // name, extra, comment, disk, internal attributes
        Self.put(&directory, 0, offset, bytes: 4)           // external attributes, local header offset
        directory += nameBytes
        count += 1
    }

    /// The finished archive: entries, central directory, end record (APPNOTE 4.3.16).
    func finish() throws(OfficeError) -> [UInt8] {
        guard body.count + directory.count < 0xFFFF_FFFF else {
            throw OfficeError(.tooLarge, "工作簿过大，超出不用 ZIP64 所能写的范围")
        }
        var out = body + directory
        Self.put(&out, 0x0605_4B50, bytes: 4)
        Self.put(&out, 0, 0, count, count)  // this disk, directory disk, entries here, entries in all
        Self.put(&out, directory.count, body.count, bytes: 4)
        Self.put(&out, 0)                   // no comment
        return out
    }

    /// Appends each value little-endian in `bytes` bytes (2 unless told).
    private static func put(_ out: inout [UInt8], _ values: Int..., bytes: Int = 2) {
        for v in values {
            for k in 0..<bytes { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) }
        }
    }
}
