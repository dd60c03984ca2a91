import XCTest
@testable import NuanSupport

/// An ID number packed into one number: equal exactly when the numbers are (x and X alike).
final class IDNumberCodeTests: XCTestCase {
    func testCodesAreExactAndCaseBlindOnTheCheckCharacter() {
        let a = IDNumberCode.pack("11010519491231002X"), b = IDNumberCode.pack("11010519491231002x")
        XCTAssertNotNil(a)
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(IDNumberCode.pack("110105194912310021"), a)           // another check character
        XCTAssertNotEqual(IDNumberCode.pack("110105194912310030"), IDNumberCode.pack("110105194912310021"))
        XCTAssertEqual(IDNumberCode.pack("999999999999999999"), 99_999_999_999_999_999 * 11 + 9 + 1)  // the largest fits
        XCTAssertNotEqual(IDNumberCode.pack("000000000000000000"), 0)             // 0 means "none"
        for bad in ["", "1101051949123100", "11010519491231002Y", "1101051949123100２X", "110105194912310021 "] {
            XCTAssertNil(IDNumberCode.pack(bad), bad)
        }
    }
}
