/// Which number formats make a cell a date. Excel keeps dates as plain numbers and only the
/// cell's format says "this is a date", so the reader has to decide from the format.
enum DateFormats {
    /// Built-in format ids that are dates or times (ECMA-376 Part 1 §18.8.30, plus the East Asian
    /// ids 27–36 and 50–58 that Chinese Excel uses for 年月日 formats).
    static func isDate(builtin id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    /// A custom format is a date if a date/time letter (y m d h s) appears outside quoted text,
    /// `[...]` sections (colours, conditions, locales, elapsed `[h]`), and escaped or
    /// padding characters (`\x`, `_x`, `*x`). An elapsed time such as `[h]:mm` counts (its `mm` is
    /// outside the brackets), as in Excel and openpyxl; a value below 1 then reads as `HH:MM:SS`.
    static func isDate(code: String) -> Bool {
        var inQuote = false, inBracket = false, skipNext = false
        for ch in code.lowercased() {
            if skipNext { skipNext = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket { if ch == "]" { inBracket = false }; continue }
            switch ch {
            case "\"": inQuote = true
            case "[": inBracket = true
            case "\\", "_", "*": skipNext = true
            case "y", "m", "d", "h", "s": return true
            default: break
            }
        }
        return false
    }
}
