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
    /// `formatted`'s 64-bit path writes what the 128-bit one does, wherever it answers: halves
    /// rounded away from zero, negative figures, leading zeros, every number of places.
    func testFormattedFastPathWritesWhatTheWidePathWrites() {
        var rng = SystemRandomNumberGenerator()
        var values: [Rational] = [.zero, .one, Rational(1, 3)!, Rational(-1, 3)!, Rational(1, 200)!, Rational(-1, 200)!,
                                  Rational(5, 1000)!, Rational(-5, 1000)!, Rational(-1, 1000)!, Rational(999, 1000)!, maxR, minR,
                                  Rational(Int64.max, Int64.max - 1)!, Rational(1, Int64.max)!, Rational(integer: 123_456_789)]
        for _ in 0..<3000 {
            let n = Int64.random(in: -2_000_000...2_000_000, using: &rng)
            let d = [1, 2, 3, 4, 7, 8, 100, 400, 1000, 3000, 65536][Int.random(in: 0..<11, using: &rng)]
            values.append(Rational(n, Int64(d))!)
            values.append(Rational(Int64.random(in: -Int64.max...Int64.max, using: &rng), Int64.random(in: 1...Int64.max, using: &rng))!)
        }
        var fast = 0
        for v in values {
            for places in [0, 1, 2, 3, 6, 18] {
                if let s = v.formattedSmall(places: places) {
                    fast += 1
                    XCTAssertEqual(s, v.formattedWide(places: places), "\(v) at \(places) places")
                }
                XCTAssertEqual(v.formatted(places: places), v.formattedWide(places: places))
            }
        }
        XCTAssertGreaterThan(fast, 15_000, "the fast path answers for most figures")
        XCTAssertEqual(Rational(-1, 1000)!.formatted(places: 2), "0.00")
        XCTAssertEqual(Rational(-5, 1000)!.formatted(places: 2), "-0.01")
        XCTAssertEqual(Rational(5, 100)!.formatted(places: 2), "0.05")
    }
}

