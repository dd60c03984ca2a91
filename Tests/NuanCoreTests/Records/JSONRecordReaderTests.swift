import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// The one-record JSON reader never traps on a string escape.
final class JSONRecordReaderTests: XCTestCase {
    func string(_ json: String) -> String? {
        guard case .success(let pairs) = JSONRecordReader.parseObject(Array(json.utf8)), case .string(let s)? = pairs.first?.1 else { return nil }
        return s
    }

    func testLoneSurrogatesBecomeReplacementCharacters() {
        XCTAssertEqual(string(#"{"a":"\ud800\u0041"}"#), "\u{FFFD}A")
        XCTAssertEqual(string(#"{"a":"\ud800"}"#), "\u{FFFD}")
        XCTAssertEqual(string(#"{"a":"\ud800x"}"#), "\u{FFFD}x")
        XCTAssertEqual(string(#"{"a":"\udc00"}"#), "\u{FFFD}")
        XCTAssertEqual(string(#"{"a":"\ud800\ud800\udc00"}"#), "\u{FFFD}\u{10000}")
        XCTAssertEqual(string(#"{"a":"\ud83d\ude00"}"#), "😀")
        // in a key nobody reads, too
        guard case .success = JSONRecordReader.parseObject(Array(#"{"\ud800\u0041":1,"id":"x"}"#.utf8)) else { return XCTFail() }
    }

    func testDeepNestingIsAnErrorNotAStackOverflow() {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let deep = "{\"id\":\"x\",\"v\":" + String(repeating: open, count: 50_000) + "1" + String(repeating: close, count: 50_000) + "}"
            guard case .failure(let e) = JSONRecordReader.parseObject(Array(deep.utf8)) else { return XCTFail("accepted") }
            XCTAssertTrue(e.message.contains("嵌套超过 64 层"), e.message)
        }
        // 63 levels inside the record are fine
        let ok = "{\"v\":" + String(repeating: "[", count: 63) + String(repeating: "]", count: 63) + "}"
        guard case .success = JSONRecordReader.parseObject(Array(ok.utf8)) else { return XCTFail("refused") }
        let tooDeep = "{\"v\":" + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "}"
        guard case .failure = JSONRecordReader.parseObject(Array(tooDeep.utf8)) else { return XCTFail("accepted") }
    }

    func testExponentNumbersAreReadExactly() {
        // Valid JSON: `nuan screen` reads what batch reads, written out as exact decimals.
        guard case .success(let pairs) = JSONRecordReader.parseObject(Array(#"{"a":1.8E3,"b":[1e-2],"c":1800}"#.utf8)) else { return XCTFail() }
        guard case .number("1800") = pairs[0].1, case .array(let xs) = pairs[1].1, case .number("0.01")? = xs.first,
              case .number("1800") = pairs[2].1 else { return XCTFail("\(pairs)") }
    }
}
