#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
/// Calendar dates as days since 1970-01-01 (proleptic Gregorian), so dates compare as integers.
public enum CivilDate {
    /// Days since the epoch for a valid `YYYY-MM-DD`, else nil.
    public static func parse(_ text: String) -> Int32? { parse(utf8: Array(text.utf8)) }

    /// Bytes straight from a record reader. Not generic on purpose: a generic function called
    /// from another module runs unspecialised, element by element through witness tables (and
    /// allocates for each access) — this overload is specialised here, in its own module.
    public static func parse(utf8 b: UnsafeBufferPointer<UInt8>) -> Int32? { parse(collection: b) }

    public static func parse<C: Collection>(utf8 b: C) -> Int32? where C.Element == UInt8, C.Index == Int { parse(collection: b) }

    static func parse<C: Collection>(collection b: C) -> Int32? where C.Element == UInt8, C.Index == Int {
        guard b.count == 10 else { return nil }
        let s = b.startIndex
        func num(_ from: Int, _ n: Int) -> Int? {
            var v = 0
            for k in 0..<n {
                let c = b[s + from + k]
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard b[s + 4] == UInt8(ascii: "-"), b[s + 7] == UInt8(ascii: "-"),
              let y = num(0, 4), let m = num(5, 2), let d = num(8, 2) else { return nil }
        guard m >= 1 && m <= 12 && d >= 1 && d <= daysIn(month: m, year: y) else { return nil }
        return Int32(days(year: y, month: m, day: d))
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    package static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days_from_civil.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public static func format(_ days: Int32) -> String {
        let z = Int(days) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))"
    }

    /// Today in UTC, as days since the epoch.
    public static func today() -> Int32 {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Int32(t.tv_sec / 86400)
    }
}
