import NuanSupport

/// What `Allocator.allocate` decided: every eligible household in priority order, and what
/// each budgeted fund paid.
public struct Allocation: Sendable {
    public enum Status: String, Sendable {
        /// Every award that could be allocated is paid.
        case funded
        /// Awaiting money: the funds that may pay it had too little left.
        case waitlisted
        /// No fund that may pay its awards has a budget.
        case unfunded
        /// Its every award is one the same ID number is already paid (`duplicate_id_number`).
        case duplicate
        /// Every award's amount is left to the paying office (待定).
        case unpriced
    }

    /// One award paid: from which fund, how much.
    public struct Payment: Sendable, Equatable {
        public var benefit: String
        public var amount: Rational
        public var fund: String
    }

    /// An award set aside, and why (a duplicate, no budgeted fund, an open amount).
    public struct SetAside: Sendable, Equatable {
        public var benefit: String
        public var amount: Rational?
        public var reason: Message
    }

    /// More money in one fund that would reach a waitlisted household (verified by re-running).
    public struct Extra: Sendable, Equatable {
        public var fund: String
        public var amount: Rational
    }

    public struct Entry: Sendable {
        /// 1-based place in the priority order.
        public var rank: Int
        public var household: AidHousehold
        public var status: Status
        /// Funded: the awards paid. Waitlisted: the awards it waits for, `fund` empty.
        public var payments: [Payment]
        public var setAside: [SetAside]
        /// Why it waits (which funds could pay it and what they had left).
        public var reason: Message?
        public var extras: [Extra]
    }

    public struct FundUse: Sendable, Equatable {
        public var fund: String
        public var budget: Rational
        public var spent: Rational
        public var left: Rational { budget.subtracting(spent) ?? .zero }
    }

    public var entries: [Entry]
    public var funds: [FundUse]
    /// Households the exact search gave up on (treated as waitlisted; 0 on every real archive).
    public var searchLimitHits: Int
    /// The rules that decided, for the roster and the audit (`name`, `version`, `sha256`).
    public var rules: RulesStamp?
}

/// Which rules decided: the stamp carried by allocations and rosters so an audit can refuse a
/// roster made under other rules.
public struct RulesStamp: Sendable, Equatable {
    public var name: String
    public var version: String?
    public var sha256: String

    public init(name: String, version: String?, sha256: String) {
        self.name = name
        self.version = version
        self.sha256 = sha256
    }
}
