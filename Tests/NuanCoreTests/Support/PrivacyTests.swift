import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// The one masking function and the one escaping function every output goes through.
final class PrivacyTests: XCTestCase {
    func testIDNumbersAreMaskedWhereverTheyStand() {
        XCTAssertEqual(Privacy.redact("家庭人口：应为整数（值：11010519491231002X）"), "家庭人口：应为整数（值：110105********002X）")
        XCTAssertEqual(Privacy.redact("110105194912310021"), "110105********0021")
        XCTAssertEqual(Privacy.redact("id 11010519491231002x."), "id 110105********002x.")
        // an old 15-digit number
        XCTAssertEqual(Privacy.redact("旧号 110105491231002"), "旧号 110105*****1002")
        XCTAssertEqual(Privacy.redact("两个：110105194912310021、110105194912310021"), "两个：110105********0021、110105********0021")
    }

    func testMobileNumbersAreMaskedAlsoWithSpacesOrDashes() {
        XCTAssertEqual(Privacy.redact("电话 13812345678"), "电话 138****5678")
        XCTAssertEqual(Privacy.redact("138 1234 5678"), "138 **** 5678")
        XCTAssertEqual(Privacy.redact("(138-1234-5678)"), "(138-****-5678)")
        XCTAssertEqual(Privacy.redact("+86 13812345678"), "+86 138****5678")
    }

    func testOtherNumbersAndCodesAreLeftAlone() {
        for s in ["人均月收入 1980.00 元", "BB-2022-0001", "BB340300202400001", "12345678901", "2022-01-05",
                  "1381234567", "138123456789", "138 1234-5678", "sha256 0123456789abcdef0123456789abcdef", "低保标准 660.00 × 3",
                  // amounts, and runs of other lengths
                  "超过上限 -4611686018427387.90 元", "1101051949123100211", "11010519491231002"] {
            XCTAssertEqual(Privacy.redact(s), s)
        }
    }

    func testWholeValueMaskKeepsTheExistingForm() {
        XCTAssertEqual(Privacy.mask("11010519491231002X"), "110105********002X")
        XCTAssertEqual(Privacy.mask("13800000000"), "138****0000")
        XCTAssertEqual(Privacy.mask("0551-1234"), "055**1234")
        XCTAssertEqual(Privacy.mask("12345"), "*****")
        XCTAssertEqual(Privacy.shown("13800000000", unmask: true), "13800000000")
        XCTAssertEqual(Privacy.shown("13800000000", unmask: false), "138****0000")
    }

    func testControlCharactersAreEscaped() {
        XCTAssertEqual(SafeText.line("张\u{1B}[31m三"), "张\\u{1B}[31m三")
        XCTAssertEqual(SafeText.line("a\nb\r\tc\u{7F}\u{9B}\u{202E}d"), "a\\u{A}b\\u{D}\tc\\u{7F}\\u{9B}\\u{202E}d")
        XCTAssertEqual(SafeText.block("a\nb\u{07}"), "a\nb\\u{7}")
        XCTAssertEqual(SafeText.line("人均月收入 600.00 < 低保标准 660.00 ✓"), "人均月收入 600.00 < 低保标准 660.00 ✓")
        XCTAssertEqual(Disclosure.masked.line("\u{1B}]0;13812345678\u{07}"), "\\u{1B}]0;138****5678\\u{7}")
    }

    func testJSONStringsEscapeEveryControlCharacter() {
        XCTAssertEqual(JSONText.quote("a\u{1B}b\u{7F}\u{85}\u{202E}"), "\"a\\u001bb\\u007f\\u0085\\u202e\"")
    }

    func testLettersAfterANumberDoNotHideIt() {
        // Found by nuan-fuzz: a 继承 path echoed by check and test.
        XCTAssertEqual(Privacy.redact("找不到 13800000000chain/base.rules"), "找不到 138****0000chain/base.rules")
        XCTAssertEqual(Privacy.redact("11010519491231002Xabc"), "110105********002Xabc")
        XCTAssertEqual(Privacy.redact("BB13800000000"), "BB13800000000")
    }

    /// Found by nuan-fuzz (seed 42, case 656): a phone number right after a terminal colour
    /// code (`ESC[0m`) was taken for the digits of a code like `BB3403…` and shown in full.
    /// An ID number ending in its check character X has ended, even when digits follow
    /// (a rules file's version "11010519491231002X2018.1"; found by nuan-fuzz, seed 51).
    func testAnIDNumberEndingInXIsMaskedWhateverFollows() {
        XCTAssertEqual(Privacy.redact("版本 11010519491231002X2018.1"), "版本 110105********002X2018.1")
        XCTAssertEqual(Privacy.redact("11010519491231002x7"), "110105********002x7")
        XCTAssertEqual(Privacy.redactCharacters("版本 11010519491231002X2018.1"), Privacy.redact("版本 11010519491231002X2018.1"))
        // an ID-shaped run is masked even as part of a decimal (a phone number and a version
        // run together, "138000000002022.1"; seed 61) — an amount never has 15 or 18 digits
        XCTAssertEqual(Privacy.redact("版本 138000000002022.1"), "版本 138000*****2022.1")
        XCTAssertEqual(Privacy.redact("0.110105194912310021"), "0.110105********0021")
        // (an amount with 18 digits before its point is shown masked: privacy before the
        // readability of an absurd figure)
        XCTAssertEqual(Privacy.redact("超过上限 -461168601842738790.00 元"), "超过上限 -461168********8790.00 元")
        XCTAssertEqual(Privacy.redact("合计 1800.50 元，13800000000.5"), "合计 1800.50 元，13800000000.5")
        // an 18-digit run followed by more digits is still not an ID number
        XCTAssertEqual(Privacy.redact("1101051949123100212018"), "1101051949123100212018")
    }

    func testANumberAfterATerminalColourCodeIsNotACode() {
        XCTAssertEqual(Privacy.redact("红\u{1B}[0m15000001111"), "红\u{1B}[0m150****1111")
        XCTAssertEqual(Privacy.redact("\\u{1B}[0m11010519491231002X"), "\\u{1B}[0m110105********002X")
        XCTAssertEqual(Privacy.redact("x2m13800000000"), "x2m138****0000")
        // a code is letters then digits, still left alone
        XCTAssertEqual(Privacy.redact("编号 BB340300202400001"), "编号 BB340300202400001")
        XCTAssertEqual(Privacy.redact("ID13800000000"), "ID13800000000")
    }

    /// `redact` skips the Character walk for texts whose bytes hold no maskable shape; it must
    /// give exactly what the walk gives, whatever the text (prepended marks, combining marks,
    /// separators, codes, decimals, the check character).
    func testTheByteLevelShortcutMasksExactlyAsTheCharacterWalk() {
        let pieces = ["1", "3", "8", "0", "5", "9", "2", "13800138000", "110105194912310021", "11010519491231002", "X", "x",
                      " ", "-", ".", "BB", "a", "号", "（", "\u{600}", "\u{301}", "\r\n", "2022", "0000001", "138", "1234", "5678",
                      "（", "）", "\u{6DD}", "\u{110BD}", "é"]
        var state: UInt64 = 42
        var masked = 0
        for _ in 0..<40_000 {
            var s = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var r = state
            for _ in 0..<(4 + Int(r % 14)) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                r = state >> 33
                s += pieces[Int(r % UInt64(pieces.count))]
            }
            let slow = Privacy.redactCharacters(s)
            XCTAssertEqual(Privacy.redact(s), slow, s.debugDescription)
            XCTAssertEqual(Privacy.mayHoldNumberAndShape(s), Privacy.mayHoldNumber(s) && Privacy.mayHoldShape(s), s.debugDescription)
            if slow != s { masked += 1 }
        }
        XCTAssertGreaterThan(masked, 1000)
        XCTAssertFalse(Privacy.mayHoldShape("BB-2022-0000001"))
        XCTAssertFalse(Privacy.mayHoldShape("申请日期 2021-12-28 不在本规则生效期（2022-01-01 至 2022-01-31）内"))
        XCTAssertTrue(Privacy.mayHoldShape("138 1234 5678"))
        XCTAssertTrue(Privacy.mayHoldShape("\u{600}1380-1234-5678"))
        XCTAssertEqual(Privacy.redact("电话 138-1234-5678"), "电话 138-****-5678")
        // a prepended mark joins the digit after it into one Character: the run "2138" is
        // four digits in bytes but "138" in Characters, and the number after it is still masked
        let prepended = "\u{600}2138 1234 5678"
        XCTAssertNotEqual(Privacy.redactCharacters(prepended), prepended)
        XCTAssertEqual(Privacy.redact(prepended), Privacy.redactCharacters(prepended))
    }
}
