/// Excel stores dates as a count of days (the serial) in a cell with a date format. Converted here
/// exactly, by integer arithmetic on the decimal digits, never through Double.
///
/// 1900 system (the default): serial 1 is 1900-01-01, and Excel counts a 1900-02-29 that never
/// existed as serial 60 (a Lotus 1-2-3 compatibility bug), so serials from 61 on are one day
/// ahead of the calendar. 1904 system (`<workbookPr date1904="1"/>`, old Mac workbooks): serial 0
/// is 1904-01-01.
enum ExcelDate {
    /// Largest serial Excel displays as a date: 9999-12-31.
    static let maxSerial = 2_958_465

    enum Problem: Error, Equatable {
        case negative, tooLarge, fictitiousLeapDay, zero
    }

    /// `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM:SS` when the time of day (rounded to the second) is not
    /// midnight, or `HH:MM:SS` for a pure time (serial below 1 in the 1900 system).
    /// `decimal` is plain decimal text as `DecimalText.normalize` gives it.
    static func text(serial decimal: String, date1904: Bool) throws(Problem) -> String {
        guard !decimal.hasPrefix("-") else { throw .negative }
        let parts = decimal.split(separator: ".", maxSplits: 1)
        guard let wholeText = parts.first, wholeText.count <= 8, var days = Int(wholeText) else { throw .tooLarge }
        var seconds = parts.count == 2 ? secondsOfDay(fraction: Array(parts[1].utf8)) : 0
        if seconds == 86_400 {
            days += 1
            seconds = 0
        }
        guard days <= maxSerial else { throw .tooLarge }
        let time = seconds == 0 ? "" : twoDigits(seconds / 3600) + ":" + twoDigits(seconds / 60 % 60) + ":" + twoDigits(seconds % 60)
        let epochDays: Int
        if date1904 {
            epochDays = daysFromCivil(1904, 1, 1) + days
        } else {
            switch days {
            case 0:
                guard !time.isEmpty else { throw .zero }
                return time
            case 60: throw .fictitiousLeapDay
            case 1..<60: epochDays = daysFromCivil(1899, 12, 31) + days
            default: epochDays = daysFromCivil(1899, 12, 30) + days
            }
        }
        let (y, m, d) = civilFromDays(epochDays)
        // The 1904 system reaches 9999-12-31 four years of serials earlier.
        guard y <= 9999 else { throw .tooLarge }
        let date = String(y) + "-" + twoDigits(m) + "-" + twoDigits(d)
        return time.isEmpty ? date : date + " " + time
    }

    /// round(0.fraction × 86400), half up, computed on the digits: multiply the fraction's digits
    /// by 86400 as a big integer, then the leading digits are whole seconds and the first digit of
    /// the remainder decides the rounding.
    static func secondsOfDay(fraction: [UInt8]) -> Int {
        var product = fraction.map { Int($0) - 48 }
        var carry = 0
        for k in product.indices.reversed() {
            let v = product[k] * 86_400 + carry
            product[k] = v % 10
            carry = v / 10
        }
        // `carry` holds the whole seconds (the product's digits above the fraction's length).
        let roundUp = (product.first ?? 0) >= 5
        return carry + (roundUp ? 1 : 0)
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil, proleptic Gregorian).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The inverse of `daysFromCivil`.
    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
