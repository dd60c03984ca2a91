import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// No operation on `Rational` traps: whatever does not fit is `nil`, and what fits is exact.
final class RationalOverflowTests: XCTestCase {
    let maxR = Rational(integer: Int64.max)
    var minR: Rational { maxR.negated }

    func testInt64MinIsNeverANumerator() {
        XCTAssertNil(Rational(Int64.min, 1))
        XCTAssertNil(Rational(exactly: Int64.min))
        XCTAssertNil(Rational.parse("-9223372036854775808"))
        XCTAssertEqual(Rational.parse("-9223372036854775807"), minR)
        XCTAssertNil(Rational.parse("9223372036854775808"))
        XCTAssertNil(minR.subtracting(.one))
        XCTAssertNil(minR.adding(Rational(integer: -1)))
        XCTAssertNil(Rational(integer: 1 << 62).multiplied(by: Rational(integer: -2)))
        XCTAssertNil(Rational(integer: -(1 << 62)).adding(Rational(integer: -(1 << 62))))
        XCTAssertEqual(Rational(integer: Int64.min).numerator, -Int64.max)
    }

    func testNegationAndMagnitudeNeverTrap() {
        XCTAssertEqual(minR.negated, maxR)
        XCTAssertEqual(minR.magnitude, maxR)
        XCTAssertEqual(maxR.subtracting(maxR), .zero)
        XCTAssertEqual(Rational(integer: 0).subtracting(minR), maxR)
        XCTAssertEqual(minR.divided(by: Rational(integer: -1)), maxR)
        XCTAssertNil(maxR.multiplied(by: maxR))
        XCTAssertNil(maxR.divided(by: Rational(1, Int64.max)!))
        XCTAssertNil(Rational(1, Int64.max)!.adding(Rational(1, Int64.max - 1)!))
    }

    func testComparisonAndFormattingAtTheExtremes() {
        XCTAssertTrue(minR < maxR)
        XCTAssertTrue(Rational(Int64.max, Int64.max - 1)! > .one)
        XCTAssertEqual(maxR.formatted(places: 2), "9223372036854775807.00")
        XCTAssertEqual(minR.formatted(places: 0), "-9223372036854775807")
        XCTAssertEqual(Rational(-1, 3)!.formatted(places: 40).count, 21)   // clamped to 18 places
        XCTAssertEqual(Rational(5, 2)!.formatted(places: -3), "3")
        XCTAssertEqual(Rational(1, Int64.max)!.description, "0.00")
        XCTAssertEqual(minR.description, "-9223372036854775807")
    }

    func testSumNeverDropsAPart() {
        XCTAssertEqual(Rational.sum([Rational(integer: 1), Rational(1, 2)!]), Rational(3, 2))
        XCTAssertNil(Rational.sum([maxR, .one, Rational(integer: -5)]))
        XCTAssertEqual(Rational.sum([Rational]()), .zero)
    }

    /// Every operation over values near the edges either returns nil or the exact result
    /// (checked in 128 bits, with denominators small enough for the check itself to fit).
    func testOperationsAreExactOrNil() {
        let nums: [Int64] = [0, 1, -1, 2, -2, 3, 7, 1 << 31, -(1 << 31), 1 << 62, -(1 << 62), Int64.max, -Int64.max, Int64.max - 1, 4_611_686_018_427_387_904]
        let dens: [Int64] = [1, 2, 3, 7, 100, 1 << 20]
        var values: [Rational] = []
        for n in nums { for d in dens { if let r = Rational(n, d) { values.append(r) } } }
        // r == n/d, compared in 128 bits; a check too large for 128 bits is skipped.
        func exact(_ r: Rational, equals n: Int128, over d: Int128) -> Bool {
            let (x, o1) = Int128(r.numerator).multipliedReportingOverflow(by: d)
            let (y, o2) = n.multipliedReportingOverflow(by: Int128(r.denominator))
            return o1 || o2 || x == y
        }
        for a in values {
            for b in values {
                let (an, ad, bn, bd) = (Int128(a.numerator), Int128(a.denominator), Int128(b.numerator), Int128(b.denominator))
                if let s = a.adding(b) { XCTAssertTrue(exact(s, equals: an * bd + bn * ad, over: ad * bd)) }
                if let s = a.subtracting(b) { XCTAssertTrue(exact(s, equals: an * bd - bn * ad, over: ad * bd)) }
                if let p = a.multiplied(by: b) { XCTAssertTrue(exact(p, equals: an * bn, over: ad * bd)) }
                if let q = a.divided(by: b) { XCTAssertTrue(exact(q, equals: an * bd, over: ad * bn)) }
                XCTAssertEqual(a < b, an * bd < bn * ad)
                for r in [a.adding(b), a.subtracting(b), a.multiplied(by: b), a.divided(by: b)].compactMap({ $0 }) {
                    XCTAssertNotEqual(r.numerator, Int64.min)
                    XCTAssertGreaterThan(r.denominator, 0)
                }
            }
        }
    }
}
