/// The applicant-record contract (shared/spec/applicant-record.md) as the generator sees it:
/// the field names in contract order, their Chinese labels, and the closed vocabularies.
///
/// Field order matters: JSON objects and CSV columns are written in exactly this order,
/// which is also the order the reference programs (floor.swift, limit.swift) expect.
enum Field: Int, CaseIterable {
    case id, name, idNumber, employer, phone, region, applicationDate
    case householdSize, householdMonthlyIncome, rigidMonthlyExpenses, receivesDibao
    case hardshipCauses, archiveType, archiveLevel, archiveExitedThisYear, inTransitionPeriod
    case groups

    /// The English key, as in JSON and English CSV headers.
    var key: StaticString {
        switch self {
        case .id: return "id"
        case .name: return "name"
        case .idNumber: return "id_number"
        case .employer: return "employer"
        case .phone: return "phone"
        case .region: return "region"
        case .applicationDate: return "application_date"
        case .householdSize: return "household_size"
        case .householdMonthlyIncome: return "household_monthly_income"
        case .rigidMonthlyExpenses: return "rigid_monthly_expenses"
        case .receivesDibao: return "receives_dibao"
        case .hardshipCauses: return "hardship_causes"
        case .archiveType: return "archive_type"
        case .archiveLevel: return "archive_level"
        case .archiveExitedThisYear: return "archive_exited_this_year"
        case .inTransitionPeriod: return "in_transition_period"
        case .groups: return "groups"
        }
    }

    /// The Chinese label, as in CSV exports from union systems.
    var label: StaticString {
        switch self {
        case .id: return "申请编号"
        case .name: return "姓名"
        case .idNumber: return "身份证号"
        case .employer: return "工作单位"
        case .phone: return "联系电话"
        case .region: return "所属地区"
        case .applicationDate: return "申请日期"
        case .householdSize: return "家庭人口"
        case .householdMonthlyIncome: return "家庭月收入"
        case .rigidMonthlyExpenses: return "家庭月刚性支出"
        case .receivesDibao: return "享受低保"
        case .hardshipCauses: return "致困原因"
        case .archiveType: return "建档类型"
        case .archiveLevel: return "建档层级"
        case .archiveExitedThisYear: return "本年度退档"
        case .inTransitionPeriod: return "脱困渐退期"
        case .groups: return "人员类别"
        }
    }

    /// Fields a record may leave out ("not given"); `id` and `name` are always present.
    static let omittable: [Field] = Field.allCases.filter { $0 != .id && $0 != .name }
}

/// Closed vocabularies of the contract, as UTF-8 bytes ready to copy.
enum Vocabulary {
    /// `hardship_causes` codes.
    static let causes: [[UInt8]] = [
        "serious_illness", "disability", "education_burden", "unemployment", "zero_employment",
        "disaster", "accident", "work_injury", "died_on_duty", "wage_cut", "pandemic",
    ].map { Array($0.utf8) }

    /// Relative frequency of each cause (same order as `causes`).
    static let causeWeights = [22, 14, 16, 12, 4, 4, 8, 6, 1, 6, 7]

    /// `groups` codes; index 0 is `model_worker`.
    static let groups: [[UInt8]] = [
        "model_worker", "craftsman", "advanced_individual", "discipline_leader", "seconded_cadre",
        "extreme_conditions", "public_service", "holiday_frontline", "migrant_worker",
        "gig_worker", "epidemic_frontline", "major_project_contributor",
    ].map { Array($0.utf8) }

    /// Relative frequency of each group (same order as `groups`).
    static let groupWeights = [8, 5, 5, 2, 2, 8, 12, 12, 20, 14, 8, 4]

    /// `archive_type` codes: none, deep, relative, accidental.
    static let archiveTypes: [[UInt8]] = ["none", "deep", "relative", "accidental"].map { Array($0.utf8) }

    /// `archive_level` codes: none, national, city, industry.
    static let archiveLevels: [[UInt8]] = ["none", "national", "city", "industry"].map { Array($0.utf8) }
}

/// One city the generator places applicants in.
struct Region {
    /// City name as written in `region` (e.g. 蚌埠市).
    let name: [UInt8]
    /// 6-digit division code of the city (e.g. 340300), the alternative spelling of `region`.
    let code: Int
    /// Short name used to build employer names (e.g. 蚌埠).
    let short: [UInt8]
    /// County-level division codes used as the first 6 digits of ID numbers.
    let districts: [Int]
    /// Relative frequency (parts per thousand).
    let weight: Int

    /// The five cities of the benchmark policy; 蚌埠 dominates as in a real 蚌埠 roster.
    static let all: [Region] = [
        Region(name: Array("蚌埠市".utf8), code: 340300, short: Array("蚌埠".utf8),
               districts: [340302, 340303, 340304, 340311, 340321, 340322, 340323], weight: 850),
        Region(name: Array("哈尔滨市".utf8), code: 230100, short: Array("哈尔滨".utf8),
               districts: [230102, 230103, 230104, 230108, 230109], weight: 40),
        Region(name: Array("西宁市".utf8), code: 630100, short: Array("西宁".utf8),
               districts: [630102, 630103, 630104, 630105], weight: 40),
        Region(name: Array("梧州市".utf8), code: 450400, short: Array("梧州".utf8),
               districts: [450403, 450405, 450406], weight: 35),
        Region(name: Array("乐山市".utf8), code: 511100, short: Array("乐山".utf8),
               districts: [511102, 511111, 511112, 511113], weight: 35),
    ]
    static let weights = all.map(\.weight)
}
