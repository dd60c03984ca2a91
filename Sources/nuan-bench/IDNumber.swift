/// Resident ID numbers (公民身份号码) per GB 11643-1999: 6-digit division code, 8-digit birth
/// date, 3-digit sequence, and a check digit over the first 17 digits.
enum IDNumber {
    /// Weights of the first 17 digits.
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// Check character for (weighted sum mod 11).
    static let checkChars: [UInt8] = Array("10X98765432".utf8)

    /// The check character for the 17 leading digits `area`(6) `birth`(8) `seq`(3).
    static func checkChar(area: Int, birth: Int, seq: Int) -> UInt8 {
        // the 17 digits as one integer (< 10^17, fits in Int), consumed from the right
        var v = (area * 100_000_000 + birth) * 1000 + seq
        var sum = 0
        var pos = 16
        while pos >= 0 {
            sum += (v % 10) * weights[pos]
            v /= 10
            pos -= 1
        }
        return checkChars[sum % 11]
    }

    /// Appends the 18-character number; `corrupt` writes a wrong (but well-formed) check character.
    static func write(area: Int, birth: Int, seq: Int, corrupt: Bool, to w: ByteWriter) {
        w.appendPadded(area, width: 6)
        w.appendPadded(birth, width: 8)
        w.appendPadded(seq, width: 3)
        var c = checkChar(area: area, birth: birth, seq: seq)
        if corrupt {
            // the next character in the check table is always a different one
            let i = checkChars.firstIndex(of: c)!
            c = checkChars[(i + 1) % checkChars.count]
        }
        w.append(c)
    }

    /// Days in `month` of `year` (Gregorian).
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
