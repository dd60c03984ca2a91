import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// The summary of a batch run: counts, money by fund, the figures of the 送温暖统计表, the
/// income distribution against the 低保 line, and — with `--against` — the impact of a rules
/// change. A plain value: no locks, no I/O.
///
/// How the batch engine uses it:
///
///     var report = BatchReport(program: new, against: old)        // once, before the run
///     // per worker block, in a fresh BatchReport(program:against:) value:
///     block.add(decision, groups: heldPerProgramGroup,             // [] when not computed
///               migrantWorker: 人员类别含农民工, modelWorker: 人员类别含劳动模范,
///               perCapitaIncome: 人均月收入, dibaoLine: 低保标准)     // nil when unknown
///     block.addComparison(old: oldDecision, new: decision)         // only with --against
///     report.merge(block)                                          // blocks merged in input order
///     report.json()   // --summary FILE;   report.text() // printed at the end;
///     HTMLReport.render(report)                                    // --report FILE
///
/// `add` is called exactly once per input record (invalid ones included) with the decision
/// under `--rules`; `addComparison` once per record with both decisions when `--against` is
/// given. Merging blocks in input order gives exactly the report of one sequential pass
/// (example id lists keep the first `exampleLimit` ids in input order).
///
/// What the 送温暖统计表 rows count is documented on `StatTableRow` and in `statisticsTable`.
public struct BatchReport: Sendable, Equatable {
    /// Which rules file decided (as in every decision's `rules` block).
    public struct RulesInfo: Sendable, Equatable {
        public var name: String
        public var version: String?
        public var sha256: String
        public init(name: String, version: String?, sha256: String) {
            self.name = name
            self.version = version
            self.sha256 = sha256
        }
    }

    /// Counts and money of one fund code (or of one benefit).
    public struct MoneyTally: Sendable, Equatable {
        /// Awards paid from it (fixed or 待定).
        public var awards = 0
        /// Awards whose amount is 待定 (left to the paying office): not in `total`.
        public var pendingAwards = 0
        /// Sum of the fixed award amounts, yuan.
        public var total = Rational.zero
        public init() {}
    }

    /// Income buckets: per-capita monthly income as a multiple of the 低保 line.
    public enum IncomeBucket: Int, Sendable, CaseIterable {
        case below1, from1to1_5, from1_5to2, from2to3, atLeast3, unknown
        public var code: String {
            switch self {
            case .below1: return "<1"
            case .from1to1_5: return "1-1.5"
            case .from1_5to2: return "1.5-2"
            case .from2to3: return "2-3"
            case .atLeast3: return ">=3"
            case .unknown: return "unknown"
            }
        }
        /// The bucket's name in Chinese (as the JSON summary gives it).
        public var label: String { label(english: false) }
        public func label(english: Bool) -> String { Message.Report.incomeBucket(self).text(english: english) }
    }

    /// The statuses, in the order reports show them.
    public static let statuses: [Decision.Status] = [.eligible, .ineligible, .undetermined, .invalid]
    /// The categories every report lists (others found in decisions follow, sorted).
    public static let knownCategories = ["deep", "relative", "accidental", "none", "undetermined"]
    /// Categories whose eligible households are 困难家庭 for row 2C of the 统计表 (reading).
    public static let hardshipCategories: Set<String> = ["deep", "relative", "accidental"]

    public var rules: RulesInfo
    /// The `--against` rules, when comparing.
    public var against: RulesInfo?
    /// Recipient group (对象) names of the program, in its order; `groups:` flags follow it.
    public var groupNames: [String]
    /// Fund codes and labels, program order (the `--rules` program, then new codes of `--against`).
    public var fundCodes: [String]
    public var fundLabels: [String: String]
    /// Benefit names of the program, in its order (benefits seen but not listed follow, sorted).
    public var benefitOrder: [String]
    /// How many example record ids each impact list keeps.
    public var exampleLimit: Int

    public internal(set) var records = 0
    /// Indexed like `statuses`.
    public internal(set) var statusCounts = [0, 0, 0, 0]
    public internal(set) var categories = CategoryCounts()
    /// Records by category code (categories never seen are absent).
    public var categoryCounts: [String: Int] { categories.dictionary }
    /// Per `groupNames`: records whose group condition held, and those of them eligible.
    public internal(set) var groupRecords: [Int]
    public internal(set) var groupEligible: [Int]
    /// By fund code; "" = awards the rules left without a fund.
    public internal(set) var funds = Tallies()
    public internal(set) var benefits = Tallies()
    /// 统计表 2C–2F: eligible 困难家庭 households, split 职工 / 农民工 / 劳模 (see `statisticsTable`).
    public internal(set) var hardshipHouseholds = 0
    public internal(set) var hardshipWorkerHouseholds = 0
    public internal(set) var hardshipMigrantHouseholds = 0
    public internal(set) var hardshipModelHouseholds = 0
    /// Eligible households neither archived nor in a hardship category (visits, one-offs to
    /// unarchived households): not in 2C.
    public internal(set) var otherEligibleHouseholds = 0
    /// Indexed by `IncomeBucket.rawValue`: all records, and the eligible ones.
    public internal(set) var incomeRecords = [Int](repeating: 0, count: 6)
    public internal(set) var incomeEligible = [Int](repeating: 0, count: 6)
    /// Set when a money sum left 64-bit rational range: the totals are then incomplete.
    public internal(set) var overflow = false
    /// Decisions carrying each warning code (`period`, `unconfirmed` …).
    public internal(set) var warningCounts: [String: Int] = [:]
    /// `--near-miss AMOUNT` (yuan): the margin of the near-miss list, nil when not asked for.
    public var nearMissMargin: Rational?
    /// How many households the near-miss list holds, and the nearest of them (kept sorted at
    /// merges; `nearMissList`).
    public internal(set) var nearMissCount = 0
    var nearMisses: [NearMiss] = []
    /// The 统计表 the rules' notice asks for (`统计表` in the header), nil when none names one.
    public var statTableTitle: String?
    /// The impact of a rules change; nil unless `addComparison` was called (or `against` set).
    public var impact: Impact? { comparing ? impactCounts : nil }
    var comparing = false
    /// Stored outside an optional so that each record mutates it in place (no copy).
    var impactCounts = Impact()

    /// The `--against` part.
    public struct Impact: Sendable, Equatable {
        public var compared = 0
        public internal(set) var transitionCounts = TransitionCounts()
        /// old category → new category → records.
        public var transitions: [String: [String: Int]] { transitionCounts.dictionary }
        public var newlyEligible = 0
        public var noLongerEligible = 0
        /// Eligible under both, total amount differs.
        public var amountChanged = 0
        public var newlyEligibleIDs: [String] = []
        public var noLongerEligibleIDs: [String] = []
        public var amountChangedIDs: [String] = []
        /// Per fund code: fixed award money under the old and the new rules.
        public var oldFunds = Tallies()
        public var newFunds = Tallies()
        public init() {}

        mutating func merge(_ o: Impact, _ overflow: inout Bool, limit: Int) {
            compared += o.compared
            transitionCounts.merge(o.transitionCounts)
            newlyEligible += o.newlyEligible
            noLongerEligible += o.noLongerEligible
            amountChanged += o.amountChanged
            newlyEligibleIDs += o.newlyEligibleIDs.prefix(max(0, limit - newlyEligibleIDs.count))
            noLongerEligibleIDs += o.noLongerEligibleIDs.prefix(max(0, limit - noLongerEligibleIDs.count))
            amountChangedIDs += o.amountChangedIDs.prefix(max(0, limit - amountChangedIDs.count))
            oldFunds.merge(o.oldFunds, &overflow)
            newFunds.merge(o.newFunds, &overflow)
        }
    }

    public init(rules: RulesInfo, against: RulesInfo? = nil, groupNames: [String] = [], funds: [(code: String, label: String?)] = [],
                benefits: [String] = [], exampleLimit: Int = 1000) {
        self.rules = rules
        self.against = against
        self.groupNames = groupNames
        self.fundCodes = funds.map(\.code)
        var labels: [String: String] = [:]
        for f in funds { if let l = f.label { labels[f.code] = l } }
        self.fundLabels = labels
        self.benefitOrder = benefits
        self.exampleLimit = exampleLimit
        self.groupRecords = Array(repeating: 0, count: groupNames.count)
        self.groupEligible = Array(repeating: 0, count: groupNames.count)
        self.comparing = against != nil
    }

    /// Everything taken from the checked programs: rules identity, group names, funds, benefits.
    /// Their texts are masked here (`Privacy.redact`): a number written in a rules file is not
    /// shown in full in any report.
    public init(program: CheckedProgram, against old: CheckedProgram? = nil, exampleLimit: Int = 1000) {
        let m = Privacy.redact
        func info(_ p: CheckedProgram) -> RulesInfo {
            RulesInfo(name: m(p.title), version: p.version.map(m), sha256: p.chainSHA256)
        }
        var funds = program.funds.map { (code: $0.code, label: $0.label.map(m)) }
        if let old {
            for f in old.funds where !funds.contains(where: { $0.code == f.code }) { funds.append((f.code, f.label.map(m))) }
        }
        self.init(rules: info(program), against: old.map(info), groupNames: program.groups.map { m($0.name) }, funds: funds,
                  benefits: program.benefits.map { m($0.name) }, exampleLimit: exampleLimit)
        statTableTitle = program.statTable.map(m)
    }

    /// The 统计表's title: the one the header names, else a note that none was named.
    public var statTableName: String { statTableName(english: false) }

    public func statTableName(english: Bool) -> String {
        statTableTitle ?? Message.Report.defaultStatTable.text(english: english)
    }

    /// One more decision carrying `code` (a warning added after the record was summarised:
    /// a repeated ID number found at the block's turn).
    mutating func countWarning(_ code: String) { warningCounts[code, default: 0] += 1 }

    /// Warning codes in a stable order: the engine's own first, then any other by name.
    public var warningCodes: [String] {
        let known = ["period", "unconfirmed", "no_table_row", "duplicate_id_number"]
        return known.filter { warningCounts[$0] != nil } + warningCounts.keys.filter { !known.contains($0) }.sorted()
    }

    // MARK: - Accumulating

    /// Records one decision under `--rules`. Call exactly once per input record.
    /// - groups: per `groupNames` (the program's 对象), whether the record's group condition
    ///   held; `[]` when not computed (then the group counts stay as they are).
    /// - archived: the record's 建档类型 is not 未建档 (on the archive, or removed from it or
    ///   in the 渐退期 this year) — a paid archived household is a 困难家庭 of the 统计表.
    /// - migrantWorker / modelWorker: the record's 人员类别 contains `migrant_worker` /
    ///   `model_worker` (for the 统计表 split).
    /// - perCapitaIncome, dibaoLine: yuan per person per month; nil when not known.
    public mutating func add(_ d: Decision, groups: [Bool] = [], archived: Bool = false, migrantWorker: Bool = false, modelWorker: Bool = false,
                             perCapitaIncome: Rational? = nil, dibaoLine: Rational? = nil) {
        count(d.status, category: d.category, warnings: d.warnings, groups: groups, archived: archived, migrantWorker: migrantWorker,
              modelWorker: modelWorker, perCapitaIncome: perCapitaIncome, dibaoLine: dibaoLine)
        for a in d.awards {
            funds.add(a.fund ?? "", a.amount, &overflow)
            // keyed as `benefitOrder` is: the name masked
            benefits.add(Privacy.redact(a.benefit), a.amount, &overflow)
        }
    }

    /// One award of a decision counted by `count` (`add` without a `Decision`): `fund` as
    /// `Award.fund ?? ""`, `benefit` the benefit's name masked (`Privacy.redact`).
    /// `slots`: where the two keys are in this report's tallies, -1 when not known yet (then
    /// found, or added, and kept there for the next award of the same benefit).
    mutating func addAward(fund: String, benefit: String, _ amount: Rational?, slots: inout (fund: Int, benefit: Int)) {
        if slots.fund < 0 { slots.fund = funds.slot(fund) }
        funds.add(at: slots.fund, amount, &overflow)
        if slots.benefit < 0 { slots.benefit = benefits.slot(benefit) }
        benefits.add(at: slots.benefit, amount, &overflow)
    }

    /// `add` but for the awards (`addAward`, each in turn).
    mutating func count(_ status: Decision.Status, category: String, warnings: [DecisionWarning], groups: [Bool], archived: Bool,
                        migrantWorker: Bool, modelWorker: Bool, perCapitaIncome: Rational?, dibaoLine: Rational?) {
        records += 1
        let eligible = status == .eligible
        switch status {
        case .eligible: statusCounts[0] += 1
        case .ineligible: statusCounts[1] += 1
        case .undetermined: statusCounts[2] += 1
        case .invalid: statusCounts[3] += 1
        }
        let slot = categories.add(category)
        // No allocation when there is nothing to count (the common case).
        for w in warnings { warningCounts[w.code, default: 0] += 1 }
        if !groups.isEmpty {
            if groupRecords.count < groups.count {
                groupRecords += Array(repeating: 0, count: groups.count - groupRecords.count)
                groupEligible += Array(repeating: 0, count: groups.count - groupEligible.count)
            }
            for (i, held) in groups.enumerated() where held {
                groupRecords[i] += 1
                if eligible { groupEligible[i] += 1 }
            }
        }
        if eligible {
            // deep, relative, accidental (`hardshipCategories`), or paid as an archived household
            if archived || (slot.map { $0 <= 2 } ?? false) {
                hardshipHouseholds += 1
                if modelWorker { hardshipModelHouseholds += 1 }
                else if migrantWorker { hardshipMigrantHouseholds += 1 }
                else { hardshipWorkerHouseholds += 1 }
            } else {
                otherEligibleHouseholds += 1
            }
        }
        let b = Self.bucket(perCapitaIncome: perCapitaIncome, dibaoLine: dibaoLine).rawValue
        incomeRecords[b] += 1
        if eligible { incomeEligible[b] += 1 }
    }

    /// Records one record decided under both rules (`--against`): `old` under the old rules,
    /// `new` under `--rules` (the decision also passed to `add`).
    public mutating func addComparison(old: Decision, new: Decision) {
        comparing = true
        impactCounts.compared += 1
        impactCounts.transitionCounts.add(old.category, new.category)
        let wasEligible = old.status == .eligible, isEligible = new.status == .eligible
        let id = new.id ?? old.id ?? ""
        if isEligible && !wasEligible {
            impactCounts.newlyEligible += 1
            if impactCounts.newlyEligibleIDs.count < exampleLimit { impactCounts.newlyEligibleIDs.append(id) }
        } else if wasEligible && !isEligible {
            impactCounts.noLongerEligible += 1
            if impactCounts.noLongerEligibleIDs.count < exampleLimit { impactCounts.noLongerEligibleIDs.append(id) }
        } else if wasEligible && isEligible && old.totalAmount != new.totalAmount {
            impactCounts.amountChanged += 1
            if impactCounts.amountChangedIDs.count < exampleLimit { impactCounts.amountChangedIDs.append(id) }
        }
        for a in old.awards { impactCounts.oldFunds.add(a.fund ?? "", a.amount, &overflow) }
        for a in new.awards { impactCounts.newFunds.add(a.fund ?? "", a.amount, &overflow) }
    }

    /// Adds `other` (the records that come after this report's records) into this one.
    public mutating func merge(_ other: BatchReport) {
        mergeNearMisses(other, base: records)
        records += other.records
        for i in 0..<4 { statusCounts[i] += other.statusCounts[i] }
        categories.merge(other.categories)
        if groupRecords.count < other.groupRecords.count {
            groupRecords += Array(repeating: 0, count: other.groupRecords.count - groupRecords.count)
            groupEligible += Array(repeating: 0, count: other.groupEligible.count - groupEligible.count)
        }
        for i in other.groupRecords.indices {
            groupRecords[i] += other.groupRecords[i]
            groupEligible[i] += other.groupEligible[i]
        }
        funds.merge(other.funds, &overflow)
        benefits.merge(other.benefits, &overflow)
        hardshipHouseholds += other.hardshipHouseholds
        hardshipWorkerHouseholds += other.hardshipWorkerHouseholds
        hardshipMigrantHouseholds += other.hardshipMigrantHouseholds
        hardshipModelHouseholds += other.hardshipModelHouseholds
        otherEligibleHouseholds += other.otherEligibleHouseholds
        for i in 0..<6 {
            incomeRecords[i] += other.incomeRecords[i]
            incomeEligible[i] += other.incomeEligible[i]
        }
        overflow = overflow || other.overflow
        for (code, n) in other.warningCounts { warningCounts[code, default: 0] += n }
        if statTableTitle == nil { statTableTitle = other.statTableTitle }
        if let o = other.impact {
            comparing = true
            impactCounts.merge(o, &overflow, limit: exampleLimit)
        }
    }
}
