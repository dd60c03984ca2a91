import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

final class RationalTests: XCTestCase {
    func testTwoThousandThirdsIsNotSixSixSixPointSixSeven() {
        let third = Rational(2000, 3)!
        let approx = Rational.parse("666.67")!
        XCTAssertTrue(third < approx)
        XCTAssertNotEqual(third, approx)
        XCTAssertEqual(third.formatted(places: 2), "666.67")
        XCTAssertEqual(third.multiplied(by: Rational(integer: 3)), Rational(integer: 2000))
    }

    func testParseAndFormat() {
        XCTAssertEqual(Rational.parse("1980.00"), Rational(integer: 1980))
        XCTAssertEqual(Rational.parse("0.1")!.adding(Rational.parse("0.2")!), Rational.parse("0.3"))
        XCTAssertEqual(Rational.parse("-12.5")!.formatted(places: 2), "-12.50")
        XCTAssertNil(Rational.parse("1e5"))
        XCTAssertNil(Rational.parse("12.3.4"))
        XCTAssertNil(Rational.parse(""))
        XCTAssertEqual(Rational(1, 8)!.description, "0.125")
        XCTAssertEqual(Rational(5, 2)!.formatted(places: 0), "3")
        XCTAssertEqual(Rational(-5, 2)!.formatted(places: 0), "-3")
    }

    /// Trailing zeros after the point change nothing: any figure that fits reads back as it is
    /// written with two places (`nuan prove --emit-examples` writes 4611686018427387904.00 元).
    func testTrailingZerosDoNotOverflow() {
        let big = Rational(integer: 4_611_686_018_427_387_904)
        XCTAssertEqual(Rational.parse(big.formatted(places: 2)), big)
        XCTAssertEqual(Rational.parse("9223372036854775807.000"), Rational(integer: Int64.max))
        XCTAssertNil(Rational.parse("9223372036854775808.00"))
        XCTAssertEqual(Rational.parse("0.050"), Rational(1, 20))
        XCTAssertEqual(Rational.parse("-7.10"), Rational(-71, 10))
        XCTAssertEqual(Rational.parse("3.00"), Rational(integer: 3))
        XCTAssertEqual(Rational.parse("0.0"), .zero)
        XCTAssertEqual(Rational.parse("10.000001"), Rational(10_000_001, 1_000_000))
        XCTAssertNil(Rational.parse("1.0000000000000000000001"))
    }

    func testThreeTimesDibaoBoundaryIsExact() {
        // 蚌埠: 人均 ≤ 3 × 660 = 1980.00; 5940 / 3 is exactly 1980.
        let perCapita = Rational.parse("5940")!.divided(by: Rational(integer: 3))!
        XCTAssertTrue(perCapita <= Rational(integer: 660).multiplied(by: Rational(integer: 3))!)
        let justOver = Rational.parse("5940.01")!.divided(by: Rational(integer: 3))!
        XCTAssertFalse(justOver <= Rational(integer: 1980))
    }

    func testDivisionByZeroAndOverflowAreNil() {
        XCTAssertNil(Rational.one.divided(by: .zero))
        XCTAssertNil(Rational(1, 0))
        let big = Rational(integer: Int64.max)
        XCTAssertNil(big.multiplied(by: Rational(integer: 2)))
    }

    func testSHA256() {
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // FIPS 180-4 vectors: two blocks of padding (56 bytes), whole blocks and a tail, many blocks
        XCTAssertEqual(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(Array("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu".utf8)),
                       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        XCTAssertEqual(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        XCTAssertEqual(SHA256.hex([UInt8](repeating: 0x61, count: 64)),
                       "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    func testCivilDate() {
        XCTAssertEqual(CivilDate.parse("1970-01-01"), 0)
        XCTAssertEqual(CivilDate.format(CivilDate.parse("2022-01-31")!), "2022-01-31")
        XCTAssertNil(CivilDate.parse("2021-02-29"))
        XCTAssertNotNil(CivilDate.parse("2020-02-29"))
    }

    func testIDNumberCheckDigit() {
        XCTAssertNil(IDNumber.problem("11010519491231002X"))
        XCTAssertEqual(IDNumber.problem("110105194912310021"), "身份证号校验位错误（按 GB 11643 应为 X）")
        XCTAssertNotNil(IDNumber.problem("110105491231002"))
        XCTAssertNotNil(IDNumber.problem("1101051949123"))
    }

    /// `exactDecimal` reads back to the same value, however many places it takes.
    func testExactDecimalReadsBackToTheSameValue() throws {
        for text in ["0.30000000000000004", "380", "0.3", "-12.000000000000000001", "1234567.891234567"] {
            guard let r = Rational.parse(text) else { continue }
            XCTAssertEqual(Rational.parse(r.exactDecimal), r, text)
        }
        XCTAssertEqual(try XCTUnwrap(Rational.parse("0.30000000000000004")).exactDecimal, "0.30000000000000004")
        XCTAssertEqual(try XCTUnwrap(Rational.parse("2.50")).exactDecimal, "2.5")
    }
}
