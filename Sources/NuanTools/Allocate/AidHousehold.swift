import NuanSupport
import NuanProgram

/// One household as allocation, the roster and the audit see it: its decision's awards and
/// score, and the personal fields a roster prints (read from the archive; `nil` when the input
/// was a decisions file, which carries none).
public struct AidHousehold: Sendable, Equatable {
    public struct Award: Sendable, Equatable {
        public var benefit: String
        /// nil: the notice leaves the amount to the paying office (待定); never allocated.
        public var amount: Rational?
        /// The fund the rules pick first; `allowedFunds` lists every fund that may pay it.
        public var fund: String?
        public var allowedFunds: [String]

        public init(benefit: String, amount: Rational?, fund: String?, allowedFunds: [String]) {
            self.benefit = benefit
            self.amount = amount
            self.fund = fund
            self.allowedFunds = allowedFunds
        }
    }

    /// 申请编号.
    public var id: String
    /// 1-based position in the input (the tie-breaker of last resort).
    public var position: Int
    public var status: Decision.Status
    public var category: String
    public var score: Rational?
    public var awards: [Award]
    public var name: String?
    public var idNumber: String?
    public var employer: String?
    public var phone: String?
    public var groups: [String]
    public var causes: [String]

    public init(id: String, position: Int, status: Decision.Status, category: String, score: Rational?, awards: [Award],
                name: String? = nil, idNumber: String? = nil, employer: String? = nil, phone: String? = nil,
                groups: [String] = [], causes: [String] = []) {
        self.id = id
        self.position = position
        self.status = status
        self.category = category
        self.score = score
        self.awards = awards
        self.name = name
        self.idNumber = idNumber
        self.employer = employer
        self.phone = phone
        self.groups = groups
        self.causes = causes
    }

    /// The priority order: higher score first (a household without a score last), then 申请编号
    /// ascending (by Unicode scalars, so the same in every locale), then input position. The
    /// key is total, so the order — and with it every allocation — is the same on every run.
    public static func precedes(_ a: AidHousehold, _ b: AidHousehold) -> Bool {
        switch (a.score, b.score) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        let (ia, ib) = (Array(a.id.unicodeScalars.map(\.value)), Array(b.id.unicodeScalars.map(\.value)))
        if ia != ib { return ia.lexicographicallyPrecedes(ib) }
        return a.position < b.position
    }
}

/// Whole fen for exact money: every amount and budget has at most two decimal places.
enum Fen {
    static func of(_ r: Rational) -> Int64? {
        guard let x = r.multiplied(by: Rational(integer: 100)), x.isInteger, !x.isNegative else { return nil }
        return x.numerator
    }

    static func rational(_ fen: Int64) -> Rational { Rational(fen, 100) ?? .zero }

    static func text(_ fen: Int64) -> String { rational(fen).formatted(places: 2) }
}
