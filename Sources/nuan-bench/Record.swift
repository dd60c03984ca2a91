/// The ways `--bad-rate` breaks a record on purpose, to exercise error handling in readers.
enum BadKind {
    /// The ID number's GB 11643 check digit is wrong.
    case checkDigit
    /// `household_monthly_income` is negative.
    case negativeIncome
    /// The row itself is malformed: a JSON line cut short, or a CSV row with a wrong column count.
    case brokenRow
}

/// One synthetic applicant record, held as small integers and table indices (no heap storage),
/// so that generating millions of them allocates nothing per record.
/// Encoders turn it into JSON Lines or CSV; see `Contract.swift` for the field names.
struct Record {
    /// 1-based serial number; `id` is `BB-2022-` followed by it, zero-padded to 7 digits.
    var serial = 0
    /// Index into `Names.surnames`.
    var surname = 0
    /// Indices into `Names.given`; `given2` is -1 for a one-character given name.
    var given1 = 0, given2 = -1
    /// ID number parts: county code, birth date as yyyymmdd, 3-digit sequence.
    var idArea = 0, idBirth = 0, idSeq = 0
    /// Index into `Region.all` and `Names.employerKinds` for `employer`.
    var employerRegion = 0, employerKind = 0
    /// The 10 digits after the leading `1` of the mobile number.
    var phoneTail = 0
    /// Index into `Region.all`; `regionAsCode` writes the 6-digit division code instead of the name.
    var region = 0
    var regionAsCode = false
    /// `application_date` as yyyymmdd.
    var applicationDate = 0
    var householdSize = 1
    /// Money in fen, with the number of decimals (0–2) it is written with.
    var incomeFen = 0, incomeDecimals = 0
    var rigidFen = 0, rigidDecimals = 0
    var receivesDibao = false
    /// Indices into `Vocabulary.causes`; only the first `causeCount` are used.
    var causes: (Int, Int, Int) = (0, 0, 0)
    var causeCount = 0
    /// Indices into `Vocabulary.archiveTypes` / `archiveLevels`.
    var archiveType = 0, archiveLevel = 0
    var exitedThisYear = false, inTransition = false
    /// Indices into `Vocabulary.groups`; only the first `groupCount` are used.
    var groups: (Int, Int) = (0, 0)
    var groupCount = 0
    /// A field left out of this record ("not given"), if any.
    var omitted: Field? = nil
    /// How this record is broken on purpose, if it is.
    var bad: BadKind? = nil

    /// The cause at position `i` (< `causeCount`).
    func cause(_ i: Int) -> Int { i == 0 ? causes.0 : i == 1 ? causes.1 : causes.2 }

    /// The group at position `i` (< `groupCount`).
    func group(_ i: Int) -> Int { i == 0 ? groups.0 : groups.1 }
}
