import NuanSupport
import NuanProgram
/// A record's value in a form that hashes fast (memo keys of the partition and the sweeps).
struct ValueKey: Hashable {
    var tag: UInt8
    var number: Rational = .zero
    var bits: UInt64 = 0
    var text: String = ""

    init(_ v: Value, given: Bool) {
        tag = given ? 16 : 0
        switch v {
        case .unknown(let m): tag += 1; bits = m.low; number = Rational(integer: Int64(bitPattern: m.high))
        case .bool(let b): tag += 2; bits = b ? 1 : 0
        case .number(let r): tag += 3; number = r
        case .text(let t): tag += 4; text = t
        case .date(let d): tag += 5; bits = UInt64(UInt32(bitPattern: d))
        case .choice(let c): tag += 6; bits = UInt64(UInt32(bitPattern: c))
        case .set(let m): tag += 7; bits = m
        case .failure(let t): tag += 8; text = t
        }
    }

    /// Stands for an input still open.
    static let open = ValueKey(tag: 255)

    private init(tag: UInt8) { self.tag = tag }
}
