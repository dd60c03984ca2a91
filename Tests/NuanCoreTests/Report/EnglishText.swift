import XCTest

/// Checks that English output holds no Chinese of its own: every run of CJK characters
/// (U+4E00–U+9FFF) in it must come from the data (names in a rules file, values in records).
enum EnglishText {
    /// The maximal runs of CJK unified ideographs in `s`.
    static func cjkRuns(_ s: String) -> [String] {
        var runs: [String] = [], current = ""
        for u in s.unicodeScalars {
            if (0x4E00...0x9FFF).contains(u.value) { current.unicodeScalars.append(u) } else if !current.isEmpty {
                runs.append(current); current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// Fails when `english` has a CJK run that is not one of the data's runs (`data` is the text
    /// the output may quote: rules sources, record values), or that is in `forbidden`
    /// (words of the Chinese sentences that the data happens to contain too).
    static func assertOnlyData(_ english: String, data: [String], forbidden: Set<String> = [],
                               file: StaticString = #filePath, line: UInt = #line) {
        let allowed = Set(data.flatMap(cjkRuns))
        let foreign = cjkRuns(english).filter { !allowed.contains($0) || forbidden.contains($0) }
        XCTAssertEqual(foreign, [], "Chinese text in English output:\n\(english)", file: file, line: line)
    }
}

final class EnglishTextTests: XCTestCase {
    func testFindsCJKRuns() {
        XCTAssertEqual(EnglishText.cjkRuns("benefit 低收入补贴: 1000 元 → 1200"), ["低收入补贴", "元"])
        XCTAssertEqual(EnglishText.cjkRuns("all English, “quoted”（）"), [])
    }
}
