import XCTest
@testable import NuanOffice

/// Damaged workbooks: thousands of deterministic byte mutations of real files must each either
/// read or fail with an `OfficeError`; a trap would end the test run.
final class MutationTests: XCTestCase {
    /// SplitMix64, so every run mutates the same bytes.
    private struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    private func mutate(_ original: [UInt8], rounds: Int, seed: UInt64) -> (read: Int, refused: Int) {
        var random = Random(state: seed)
        var read = 0, refused = 0
        for _ in 0..<rounds {
            var bytes = original
            for _ in 0...random.next(3) {
                let at = random.next(bytes.count)
                switch random.next(3) {
                case 0: bytes[at] ^= UInt8(1 << random.next(8))
                case 1: bytes[at] = UInt8(random.next(256))
                default: bytes[at] = [0x00, 0xFF, UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "9")][random.next(5)]
                }
            }
            do {
                let book = try Workbook(bytes: bytes)
                for name in book.sheetNames { _ = try? book.table(sheet: name) }
                read += 1
            } catch {
                refused += 1
            }
        }
        return (read, refused)
    }

    func testDeflatedWorkbookMutations() throws {
        let result = mutate(try Fixture.bytes("openpyxl-basic.xlsx"), rounds: 1500, seed: 1)
        XCTAssertGreaterThan(result.refused, 0)
    }

    func testStoredWorkbookMutations() throws {
        // Stored parts expose the XML itself to the mutations (the CRC check is what catches
        // most; the rest reach the XML and sheet readers).
        let bytes = try XLSXWriter.write(sheet: "S", header: ["a", "b"], rows: [[.text("x"), .money("1.50")], [.integer("2")]])
        let result = mutate(bytes, rounds: 1500, seed: 2)
        XCTAssertGreaterThan(result.refused, 0)
        XCTAssertGreaterThan(result.read, 0)
    }

    func testSheetXMLMutationsPastTheCRC() throws {
        // Mutate the sheet XML before zipping, so every case reaches the XML and sheet readers.
        let sheet = Array(#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45352.5</v></c></row><row r="3"><c t="inlineStr"><is><r><t>x&amp;y</t></r></is></c><c t="b"><v>1</v></c></row>"#.utf8)
        var random = Random(state: 3)
        let replacements = Array("<>/&\"'=0 9Arsvct".utf8)
        var readers = 0
        for _ in 0..<2000 {
            var xml = sheet
            let at = random.next(xml.count)
            xml[at] = replacements[random.next(replacements.count)]
            let bytes = try Fixture.workbook(sheetData: String(decoding: xml, as: UTF8.self), sharedStrings: ["s"])
            do {
                _ = try Workbook(bytes: bytes).table()
                readers += 1
            } catch {
                // Every failure names the part it is in.
                XCTAssertNotNil(error.entry, "\(error)")
            }
        }
        XCTAssertGreaterThan(readers, 0)
    }
}
