/// Draws realistic synthetic applicant records from a seeded `SplitMix64`.
///
/// The spread follows a 蚌埠 roster: ~85 % 蚌埠市, per-capita income around the 蚌埠 低保 line
/// (660 元 a person a month; most households between 0.3× and 5×), ~10 % on 低保, about half
/// archived (建档), a few exited or in the 渐退期, ~4 % of records missing one optional field.
/// Every draw is integer arithmetic; money is in fen.
/// The sequence of draws does not depend on the output format, so a JSONL file and a CSV file
/// generated with the same seed hold the same records.
struct Synthesizer {
    /// 蚌埠 低保 line in fen per person per month.
    static let dibaoLineFen = 66_000

    private var rng: SplitMix64
    private let badPPM: Int
    private let regionCodePPM: Int

    /// - Parameters:
    ///   - seed: the PRNG seed.
    ///   - badPPM: malformed records per million.
    ///   - regionCodePPM: records per million whose `region` is a 6-digit division code.
    init(seed: UInt64, badPPM: Int, regionCodePPM: Int) {
        rng = SplitMix64(seed: seed)
        self.badPPM = badPPM
        self.regionCodePPM = regionCodePPM
    }

    /// Draws the record with the given 1-based serial number.
    mutating func next(serial: Int) -> Record {
        var r = Record()
        r.serial = serial
        r.surname = rng.below(Names.surnames.count)
        r.given1 = rng.below(Names.given.count)
        r.given2 = rng.chance(ppm: 700_000) ? rng.below(Names.given.count) : -1

        r.region = rng.weighted(Region.weights)
        r.regionAsCode = regionCodePPM > 0 && rng.chance(ppm: regionCodePPM)
        let region = Region.all[r.region]
        r.idArea = region.districts[rng.below(region.districts.count)]
        let year = rng.between(1962, 2003), month = rng.between(1, 12)
        let day = rng.between(1, IDNumber.daysIn(month: month, year: year))
        r.idBirth = year * 10_000 + month * 100 + day
        r.idSeq = rng.below(1000)
        r.employerRegion = rng.chance(ppm: 950_000) ? r.region : rng.below(Region.all.count)
        r.employerKind = rng.below(Names.employerKinds.count)
        let second = W.phoneSecond[rng.below(W.phoneSecond.count)]
        r.phoneTail = second * 1_000_000_000 + rng.below(1_000_000_000)

        // application window: 2021-12-01 … 2022-01-31
        let d = rng.below(62)
        r.applicationDate = d < 31 ? 20211201 + d : 20220101 + (d - 31)

        drawEconomics(&r)
        drawCauses(&r)
        drawArchive(&r)
        drawGroups(&r)

        if rng.chance(ppm: 40_000) {
            r.omitted = Field.omittable[rng.below(Field.omittable.count)]
        }
        // always draw, so good records are the same whatever the bad rate
        let isBad = rng.chance(ppm: badPPM)
        let kind = rng.below(3)
        if isBad {
            switch kind {
            case 0:
                r.bad = .checkDigit
                if r.omitted == .idNumber { r.omitted = nil }
            case 1:
                r.bad = .negativeIncome
                if r.omitted == .householdMonthlyIncome { r.omitted = nil }
                r.incomeFen = -(r.incomeFen + 10_000)
            default:
                r.bad = .brokenRow
            }
        }
        return r
    }

    /// Household size, income, rigid expenses and 低保.
    private mutating func drawEconomics(_ r: inout Record) {
        r.householdSize = 1 + rng.weighted(W.size)
        // per-capita income as per-mille of the 低保 line
        let band = rng.weighted(W.incomeBand)
        let perMille: Int
        switch band {
        case 0: perMille = 0                          // no income at all (~4 %)
        case 1: perMille = rng.between(300, 1500)
        case 2: perMille = rng.between(1500, 3000)
        case 3: perMille = rng.between(3000, 5000)
        case 4: perMille = rng.between(50, 300)
        default: perMille = rng.between(5000, 10_000)
        }
        let perCapitaFen = Synthesizer.dibaoLineFen * perMille / 1000 + rng.below(100)
        r.incomeDecimals = money(decimals: &r.incomeFen, from: perCapitaFen * r.householdSize)

        switch rng.weighted(W.rigidBand) {
        case 0: r.rigidFen = 0; r.rigidDecimals = 0
        case 1: r.rigidDecimals = money(decimals: &r.rigidFen, from: rng.between(10_000, 80_000))
        default: r.rigidDecimals = money(decimals: &r.rigidFen, from: rng.between(80_000, 300_000))
        }

        // 低保 is far more likely below the line; ~10 % overall
        r.receivesDibao = rng.chance(ppm: perMille < 1000 ? 250_000 : 20_000)
    }

    /// Rounds `fen` to 0, 1 or 2 decimals of yuan (chosen at random) and returns the decimals.
    private mutating func money(decimals out: inout Int, from fen: Int) -> Int {
        switch rng.weighted(W.decimals) {
        case 0: out = fen / 100 * 100; return 0
        case 1: out = fen / 10 * 10; return 1
        default: out = fen; return 2
        }
    }

    /// 0–3 distinct hardship causes.
    private mutating func drawCauses(_ r: inout Record) {
        r.causeCount = rng.weighted(W.causeCount)
        var p0 = -1, p1 = -1, p2 = -1
        var n = 0
        while n < r.causeCount {
            let c = rng.weighted(Vocabulary.causeWeights)
            if c == p0 || c == p1 { continue }
            if n == 0 { p0 = c } else if n == 1 { p1 = c } else { p2 = c }
            n += 1
        }
        r.causes = (max(p0, 0), max(p1, 0), max(p2, 0))
    }

    /// Archive type and level (level `none` exactly when type is `none`), exit and 渐退期 flags.
    private mutating func drawArchive(_ r: inout Record) {
        r.archiveType = rng.weighted(W.archiveType)
        r.archiveLevel = r.archiveType == 0 ? 0 : 1 + rng.weighted(W.archiveLevel)
        r.exitedThisYear = rng.chance(ppm: 30_000)
        if r.exitedThisYear && r.archiveType == 0 {
            // only an archived worker can leave the archive
            r.archiveType = 2
            r.archiveLevel = 1 + rng.weighted(W.archiveLevel)
        }
        r.inTransition = rng.chance(ppm: 30_000)
    }

    /// 0–2 distinct recipient groups.
    private mutating func drawGroups(_ r: inout Record) {
        r.groupCount = rng.weighted(W.groupCount)
        let a = rng.weighted(Vocabulary.groupWeights)
        var b = rng.weighted(Vocabulary.groupWeights)
        if b == a { b = (a + 1) % Vocabulary.groups.count }
        r.groups = (a, b)
    }
}

/// Integer weight tables for `SplitMix64.weighted`, built once.
private enum W {
    static let size = [10, 22, 33, 20, 10, 5]          // household of 1…6
    static let incomeBand = [4, 44, 30, 13, 5, 4]      // see drawEconomics
    static let rigidBand = [60, 30, 10]                // none, a few hundred, more
    static let decimals = [50, 15, 35]                 // money written with 0, 1, 2 decimals
    static let causeCount = [30, 35, 25, 10]           // 0…3 causes
    static let archiveType = [50, 15, 25, 10]          // none, deep, relative, accidental
    static let archiveLevel = [50, 35, 15]             // national, city, industry
    static let groupCount = [60, 30, 10]               // 0…2 groups
    static let phoneSecond = [3, 5, 7, 8, 9]           // 13x, 15x, 17x, 18x, 19x
}
