import XCTest
@testable import NuanOffice

/// The ZIP container: well-formed archives open; hostile ones give a typed error, never a trap.
final class ZipArchiveTests: XCTestCase {
    private func sample() throws -> [UInt8] {
        try Fixture.zip([("a.txt", "hello"), ("dir/b.xml", "<x/>")])
    }

    func testReadsStoredEntries() throws {
        let zip = try ZipArchive(bytes: try sample())
        XCTAssertEqual(zip.names, ["a.txt", "dir/b.xml"])
        XCTAssertEqual(try zip.read("a.txt"), Array("hello".utf8))
        assertOfficeError(.missingEntry) { try zip.read("nope") }
    }

    func testReadsDeflatedEntriesFromPython() throws {
        let zip = try ZipArchive(bytes: try Fixture.bytes("openpyxl-basic.xlsx"))
        XCTAssertTrue(zip.names.contains("xl/workbook.xml"))
        for name in zip.names { XCTAssertNoThrow(try zip.read(name), name) }
    }

    func testArchiveComment() throws {
        // A comment after the end record, itself containing the end-record signature.
        var bytes = try sample()
        let comment: [UInt8] = Array("note PK\u{05}\u{06} inside".utf8)
        bytes[bytes.count - 2] = UInt8(comment.count)
        bytes += comment
        XCTAssertEqual(try ZipArchive(bytes: bytes).names.count, 2)
    }

    func testNotAZip() {
        assertOfficeError(.notZip) { try ZipArchive(bytes: []) }
        assertOfficeError(.notZip) { try ZipArchive(bytes: Array("name,amount\n张三,1200\n".utf8)) }
        assertOfficeError(.notZip) { try ZipArchive(bytes: [UInt8](repeating: 0, count: 100)) }
    }

    func testTruncatedAtEveryLength() throws {
        let bytes = try Fixture.bytes("openpyxl-basic.xlsx")
        for cut in stride(from: 0, to: bytes.count, by: 97) {
            XCTAssertThrowsError(try Workbook(bytes: Array(bytes[..<cut])), "cut at \(cut)") {
                XCTAssertNotNil($0 as? OfficeError)
            }
        }
    }

    func testBadCRC() throws {
        var bytes = try sample()
        let at = bytes.firstIndex(of: UInt8(ascii: "h"))!  // the stored "hello"
        bytes[at] = UInt8(ascii: "j")
        let zip = try ZipArchive(bytes: bytes)
        let error = assertOfficeError(.badCRC) { try zip.read("a.txt") }
        XCTAssertEqual(error?.entry, "a.txt")
    }

    func testZipBombRefusedByRatio() throws {
        let error = assertOfficeError(.ratioTooHigh) { try ZipArchive(bytes: try Fixture.bytes("bomb-ratio.zip")) }
        XCTAssertEqual(error?.entry, "xl/worksheets/sheet1.xml")
    }

    func testZipBombWithLyingSizeStopsAtDeclaredSize() throws {
        let zip = try ZipArchive(bytes: try Fixture.bytes("bomb-lying.zip"))
        assertOfficeError(.sizeMismatch) { try zip.read("xl/worksheets/sheet1.xml") }
    }

    func testHugeDeclaredSizes() throws {
        var bytes = try sample()
        let central = try centralHeader(bytes)
        patch32(&bytes, central + 24, 0xFFFF_FFF0)
        assertOfficeError(.entryTooLarge) { try ZipArchive(bytes: bytes) }
        patch32(&bytes, central + 24, 0xFFFF_FFFF)
        assertOfficeError(.zip64) { try ZipArchive(bytes: bytes) }
        var limits = ZipLimits()
        limits.maxTotalSize = 6
        assertOfficeError(.archiveTooLarge) { try ZipArchive(bytes: try self.sample(), limits: limits) }
    }

    func testEntryCountLimitAndZip64Marker() throws {
        var limits = ZipLimits()
        limits.maxEntries = 1
        assertOfficeError(.tooManyEntries) { try ZipArchive(bytes: try self.sample(), limits: limits) }
        var bytes = try sample()
        let end = bytes.count - 22
        bytes[end + 10] = 0xFF; bytes[end + 11] = 0xFF; bytes[end + 8] = 0xFF; bytes[end + 9] = 0xFF
        assertOfficeError(.zip64) { try ZipArchive(bytes: bytes) }
    }

    func testDirectoryOutOfRange() throws {
        var bytes = try sample()
        patch32(&bytes, bytes.count - 22 + 16, 0x7FFF_0000)
        assertOfficeError(.truncated) { try ZipArchive(bytes: bytes) }
        var local = try sample()
        patch32(&local, try centralHeader(local) + 42, 3)  // local header offset into nowhere
        let zip = try ZipArchive(bytes: local)
        assertOfficeError(.badHeader) { try zip.read("a.txt") }
    }

    func testBadPathsAndDuplicates() throws {
        assertOfficeError(.badPath) { try ZipArchive(bytes: try Fixture.zip([("../evil", "x")])) }
        assertOfficeError(.badPath) { try ZipArchive(bytes: try Fixture.zip([("/abs", "x")])) }
        assertOfficeError(.badPath) { try ZipArchive(bytes: try Fixture.zip([("a\\b", "x")])) }
        assertOfficeError(.duplicateEntry) { try ZipArchive(bytes: try Fixture.zip([("a", "x"), ("a", "y")])) }
    }

    func testEncryptedAndUnknownMethod() throws {
        var bytes = try sample()
        let central = try centralHeader(bytes)
        bytes[central + 8] |= 1
        assertOfficeError(.encrypted) { try ZipArchive(bytes: bytes) }
        bytes[central + 8] &= ~1
        bytes[central + 10] = 12  // bzip2
        assertOfficeError(.unsupportedMethod) { try ZipArchive(bytes: bytes) }
    }

    func testWriterSetsSizesAndCRC() throws {
        let data = Array("héllo, 世界".utf8)
        let bytes = try Fixture.zip([("x", String(decoding: data, as: UTF8.self))])
        let central = try centralHeader(bytes)
        XCTAssertEqual(read32(bytes, central + 16), Int(CRC32.checksum(data)))
        XCTAssertEqual(read32(bytes, central + 20), data.count)
        XCTAssertEqual(read32(bytes, central + 24), data.count)
        XCTAssertEqual(read32(bytes, 14), Int(CRC32.checksum(data)))  // local header
    }

    // MARK: - Byte surgery

    private func centralHeader(_ bytes: [UInt8]) throws -> Int {
        try XCTUnwrap(read32(bytes, bytes.count - 22 + 16))
    }

    private func read32(_ b: [UInt8], _ at: Int) -> Int {
        Int(b[at]) | Int(b[at + 1]) << 8 | Int(b[at + 2]) << 16 | Int(b[at + 3]) << 24
    }

    private func patch32(_ b: inout [UInt8], _ at: Int, _ v: Int) {
        for k in 0..<4 { b[at + k] = UInt8(truncatingIfNeeded: v >> (8 * k)) }
    }
}
