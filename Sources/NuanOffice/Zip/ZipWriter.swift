/// Writes a ZIP archive of stored (uncompressed) entries. Stored keeps the writer tiny and the
/// output byte-for-byte reproducible; Excel and LibreOffice open stored packages. Timestamps are
/// fixed at 1980-01-01 00:00 so the same rows always give the same file.
struct ZipWriter {
    private var body: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    /// Adds `name` with `data`. Throws if the archive would need ZIP64 (over 4 GiB or 65535 entries).
    mutating func add(_ name: String, _ data: [UInt8]) throws(OfficeError) {
        let nameBytes = Array(name.utf8)
        let offset = body.count
        guard data.count < 0xFFFF_FFFF, offset < 0xFFFF_FFFF - data.count - 30 - nameBytes.count,
              count < 0xFFFF, nameBytes.count <= 0xFFFF else {
            throw OfficeError(.tooLarge, "工作簿过大，超出不用 ZIP64 所能写的范围", entry: name)
        }
        let crc = CRC32.checksum(data)
        // Local file header (APPNOTE 4.3.7); flag bit 11 = names are UTF-8.
        put32(&body, 0x0403_4B50)
        put16(&body, 20); put16(&body, 0x0800); put16(&body, 0)   // version needed, flags, method stored
        put16(&body, 0); put16(&body, 0x21)                       // time 00:00, date 1980-01-01
        put32(&body, Int(crc)); put32(&body, data.count); put32(&body, data.count)
        put16(&body, nameBytes.count); put16(&body, 0)
        body += nameBytes
        body += data
        // Central directory header (APPNOTE 4.3.12).
        put32(&directory, 0x0201_4B50)
        put16(&directory, 20); put16(&directory, 20); put16(&directory, 0x0800); put16(&directory, 0)
        put16(&directory, 0); put16(&directory, 0x21)
        put32(&directory, Int(crc)); put32(&directory, data.count); put32(&directory, data.count)
        put16(&directory, nameBytes.count); put16(&directory, 0); put16(&directory, 0)
        put16(&directory, 0); put16(&directory, 0); put32(&directory, 0)  // disk, internal, external attrs
        put32(&directory, offset)
        directory += nameBytes
        count += 1
    }

    /// The finished archive: entries, central directory, end record.
    func finish() throws(OfficeError) -> [UInt8] {
        guard body.count + directory.count < 0xFFFF_FFFF else {
            throw OfficeError(.tooLarge, "工作簿过大，超出不用 ZIP64 所能写的范围")
        }
        var out = body + directory
        put32(&out, 0x0605_4B50)
        put16(&out, 0); put16(&out, 0); put16(&out, count); put16(&out, count)
        put32(&out, directory.count); put32(&out, body.count); put16(&out, 0)
        return out
    }

    private func put16(_ out: inout [UInt8], _ v: Int) {
        out.append(UInt8(truncatingIfNeeded: v)); out.append(UInt8(truncatingIfNeeded: v >> 8))
    }

    private func put32(_ out: inout [UInt8], _ v: Int) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: v >> shift)) }
    }
}
