import XCTest
@testable import NuanOffice

/// Our inflater against raw DEFLATE streams python's zlib produced (make_fixtures.py), and
/// against broken streams, which must fail with a typed error.
final class InflateTests: XCTestCase {
    func testZlibVectors() throws {
        for name in ["empty", "hello", "fixed", "stored", "random", "text", "runs", "xml"] {
            let expected = try Fixture.bytes("deflate/\(name).bin")
            let compressed = try Fixture.bytes("deflate/\(name).deflate")
            let out = try Inflate.inflate(compressed[...], limit: expected.count)
            XCTAssertEqual(out.count, expected.count, name)
            XCTAssertTrue(out == expected, "\(name): inflated bytes differ")
        }
    }

    func testBlockTypesCoveredByVectors() throws {
        // The second and third bits of the first byte are the first block's type.
        XCTAssertEqual((try Fixture.bytes("deflate/stored.deflate")[0] >> 1) & 3, 0)
        XCTAssertEqual((try Fixture.bytes("deflate/fixed.deflate")[0] >> 1) & 3, 1)
        XCTAssertEqual((try Fixture.bytes("deflate/text.deflate")[0] >> 1) & 3, 2)
    }

    func testOutputLimitStopsABomb() throws {
        let compressed = try Fixture.bytes("deflate/runs.deflate")
        XCTAssertThrowsError(try Inflate.inflate(compressed[...], limit: 1000)) {
            XCTAssertEqual($0 as? InflateError, .outputTooLarge)
        }
    }

    func testTruncatedStreamsFailTyped() throws {
        let compressed = try Fixture.bytes("deflate/text.deflate")
        for cut in [0, 1, 2, 10, 100, compressed.count / 2, compressed.count - 1] {
            XCTAssertThrowsError(try Inflate.inflate(compressed[..<cut], limit: 1 << 20), "cut at \(cut)") {
                XCTAssertNotNil($0 as? InflateError)
            }
        }
    }

    func testBrokenStreams() {
        // BFINAL=1, BTYPE=3 (reserved).
        XCTAssertThrowsError(try Inflate.inflate([0x07][...], limit: 10)) { XCTAssertEqual($0 as? InflateError, .badBlockType) }
        // A stored block whose NLEN is not the complement of LEN.
        XCTAssertThrowsError(try Inflate.inflate([0x01, 0x05, 0x00, 0x00, 0x00][...], limit: 10)) {
            XCTAssertEqual($0 as? InflateError, .storedLengthMismatch)
        }
        // Fixed block: length symbol 257 (7 bits 0000001) then distance code 0 = 1 with nothing yet written.
        // Bits LSB first: BFINAL=1, BTYPE=01, then the codes.
        XCTAssertThrowsError(try Inflate.inflate([0x03, 0x02, 0x00][...], limit: 10)) {
            XCTAssertEqual($0 as? InflateError, .badDistance)
        }
    }

    func testEveryByteFlipFailsTypedOrDecodes() throws {
        // Flipping bits anywhere must never trap: either an error or some output within the limit.
        let compressed = try Fixture.bytes("deflate/hello.deflate")
        for i in compressed.indices {
            for bit in 0..<8 {
                var broken = compressed
                broken[i] ^= UInt8(1 << bit)
                if let out = try? Inflate.inflate(broken[...], limit: 100) { XCTAssertLessThanOrEqual(out.count, 100) }
            }
        }
    }

    func testCRC32CheckValue() {
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(CRC32.checksum([UInt8]()), 0)
    }
}
