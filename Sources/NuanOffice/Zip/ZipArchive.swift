/// A read-only view of a ZIP archive held in memory (APPNOTE 6.3: the subset a workbook uses).
/// Opening reads and checks the central directory; entries are inflated and CRC-checked only
/// when asked for. ZIP64, encryption, multi-disk and methods other than stored/DEFLATE are
/// refused with a typed error.
struct ZipArchive {
    private let view: ByteView
    private let limits: ZipLimits
    /// Entries in central-directory order, and by name.
    private(set) var entries: [ZipEntry] = []
    private var byName: [String: Int] = [:]

    init(bytes: [UInt8], limits: ZipLimits = .standard) throws(OfficeError) {
        view = ByteView(bytes: bytes)
        self.limits = limits
        let end = try Self.findEndRecord(view)
        try readCentralDirectory(end)
    }

    var names: [String] { entries.map(\.name) }

    func contains(_ name: String) -> Bool { byName[name] != nil }

    /// The uncompressed bytes of `name`, with actual size and CRC-32 checked against the directory.
    func read(_ name: String) throws(OfficeError) -> [UInt8] {
        guard let index = byName[name] else {
            throw OfficeError(.missingEntry, "压缩包中没有这个条目", entry: name)
        }
        let e = entries[index]
        let start = try dataStart(e)
        guard let raw = view.slice(start, e.compressedSize) else {
            throw OfficeError(.truncated, "条目数据超出文件末尾", entry: name)
        }
        let out: [UInt8]
        if e.method == 0 {
            out = Array(raw)
        } else {
            do {
                // One byte over the declared size is enough to prove the header lied.
                out = try Inflate.inflate(raw, limit: min(e.uncompressedSize, limits.maxEntrySize - 1) + 1)
            } catch {
                throw OfficeError(error == .outputTooLarge ? .sizeMismatch : .badDeflate, error.message, entry: name)
            }
        }
        guard out.count == e.uncompressedSize else {
            throw OfficeError(.sizeMismatch, "解压后 \(out.count) 字节，目录声明 \(e.uncompressedSize) 字节", entry: name)
        }
        guard CRC32.checksum(out) == e.crc else {
            throw OfficeError(.badCRC, "CRC-32 校验失败，文件已损坏", entry: name)
        }
        return out
    }

    // MARK: - Structure

    private struct EndRecord {
        let entryCount: Int
        let directorySize: Int
        let directoryOffset: Int
    }

    /// The end-of-central-directory record is the last 22 bytes plus a comment of up to 64 KiB,
    /// so it is searched for backwards; a candidate counts only if its comment length reaches
    /// exactly the end of the file (a signature inside the comment does not).
    private static func findEndRecord(_ v: ByteView) throws(OfficeError) -> EndRecord {
        guard v.count >= 22 else { throw OfficeError(.notZip, "文件太短，不是 ZIP/xlsx 文件") }
        let lowest = max(0, v.count - 22 - 0xFFFF)
        var at = v.count - 22
        var found: Int?
        while at >= lowest {
            if v.u32(at) == 0x0605_4B50, let commentLength = v.u16(at + 20), at + 22 + commentLength == v.count {
                found = at
                break
            }
            at -= 1
        }
        guard let at = found, let disk = v.u16(at + 4), let dirDisk = v.u16(at + 6),
              let diskEntries = v.u16(at + 8), let total = v.u16(at + 10),
              let size = v.u32(at + 12), let offset = v.u32(at + 16) else {
            throw OfficeError(.notZip, "找不到 ZIP 目录结尾记录，不是 xlsx 文件或文件被截断")
        }
        if at >= 20, v.u32(at - 20) == 0x0706_4B50 || total == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            throw OfficeError(.zip64, "ZIP64 格式（超过 4 GB 或 65535 个条目）不受支持")
        }
        guard disk == 0, dirDisk == 0, diskEntries == total else {
            throw OfficeError(.multiDisk, "分卷压缩包不受支持")
        }
        guard v.contains(offset, size), offset + size <= at else {
            throw OfficeError(.truncated, "ZIP 中央目录超出文件范围，文件可能被截断")
        }
        return EndRecord(entryCount: total, directorySize: size, directoryOffset: offset)
    }

    private mutating func readCentralDirectory(_ end: EndRecord) throws(OfficeError) {
        guard end.entryCount <= limits.maxEntries else {
            throw OfficeError(.tooManyEntries, "条目过多（\(end.entryCount) 个，上限 \(limits.maxEntries)）")
        }
        var at = end.directoryOffset
        let stop = end.directoryOffset + end.directorySize
        var total = 0
        for _ in 0..<end.entryCount {
            guard at + 46 <= stop, view.u32(at) == 0x0201_4B50,
                  let flags = view.u16(at + 8), let method = view.u16(at + 10),
                  let crc = view.u32(at + 16), let csize = view.u32(at + 20), let usize = view.u32(at + 24),
                  let nameLength = view.u16(at + 28), let extraLength = view.u16(at + 30),
                  let commentLength = view.u16(at + 32), let local = view.u32(at + 42) else {
                throw OfficeError(.badHeader, "ZIP 中央目录记录损坏")
            }
            let next = at + 46 + nameLength + extraLength + commentLength
            guard next <= stop, let rawName = view.slice(at + 46, nameLength) else {
                throw OfficeError(.badHeader, "ZIP 中央目录记录超出目录范围")
            }
            let name = try ZipPath.validate(rawName, limit: limits.maxNameLength)
            if csize == 0xFFFF_FFFF || usize == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                throw OfficeError(.zip64, "ZIP64 条目不受支持", entry: name)
            }
            if flags & 0x41 != 0 { throw OfficeError(.encrypted, "条目已加密", entry: name) }
            guard method == 0 || method == 8 else {
                throw OfficeError(.unsupportedMethod, "压缩方式 \(method) 不受支持（只支持不压缩和 DEFLATE）", entry: name)
            }
            guard usize <= limits.maxEntrySize else {
                throw OfficeError(.entryTooLarge, "解压后 \(usize) 字节，超过上限 \(limits.maxEntrySize)", entry: name)
            }
            if method == 0 && csize != usize {
                throw OfficeError(.sizeMismatch, "未压缩条目的两个大小不一致", entry: name)
            }
            total += usize
            guard total <= limits.maxTotalSize else {
                throw OfficeError(.archiveTooLarge, "解压后总大小超过上限 \(limits.maxTotalSize) 字节", entry: name)
            }
            if usize > limits.ratioFloor && usize / max(csize, 1) > limits.maxRatio {
                throw OfficeError(.ratioTooHigh, "压缩比 \(usize / max(csize, 1)):1 异常（疑似压缩炸弹）", entry: name)
            }
            guard byName[name] == nil else { throw OfficeError(.duplicateEntry, "条目名称重复", entry: name) }
            byName[name] = entries.count
            entries.append(ZipEntry(name: name, method: method, crc: UInt32(crc), compressedSize: csize,
                                    uncompressedSize: usize, localHeaderOffset: local))
            at = next
        }
    }

    /// Where an entry's data begins: after its local header, whose name and extra lengths may
    /// differ from the central directory's.
    private func dataStart(_ e: ZipEntry) throws(OfficeError) -> Int {
        let at = e.localHeaderOffset
        guard view.u32(at) == 0x0403_4B50, let nameLength = view.u16(at + 26), let extraLength = view.u16(at + 28),
              view.contains(at, 30 + nameLength + extraLength) else {
            throw OfficeError(.badHeader, "本地文件头损坏或超出文件范围", entry: e.name)
        }
        return at + 30 + nameLength + extraLength
    }
}
