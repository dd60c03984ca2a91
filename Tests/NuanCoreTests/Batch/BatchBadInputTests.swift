import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools
#endif

/// Hostile input to `Batch.run`: every class from issue 8 on the reading side gives one clear
/// invalid decision (or a clear failure), never a trap, a hang or a lost row.
final class BatchBadInputTests: ScratchDirectoryTestCase {
    override class var scratchPrefix: String { "nuan-badinput" }

    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

    func lines(_ p: String) -> [String] {
        let s = (try? String(contentsOfFile: p, encoding: .utf8)) ?? ""
        var l = s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if l.last == "" { l.removeLast() }
        return l
    }

    func run(_ input: String, _ output: String, format: BatchOptions.InputFormat = .jsonl, out: BatchOptions.OutputFormat = .jsonl,
             jobs: Int = 2, block: Int? = nil, configure: (inout BatchOptions) -> Void = { _ in }) -> BatchResult {
        var o = BatchOptions(input: input, output: output, inputFormat: format, outputFormat: out, jobs: jobs)
        o.explain = .none
        o.blockSize = block
        configure(&o)
        return Batch.run(program: BatchTests.bengbu, options: o)
    }

    static func good(_ id: String, income: String = "1000") -> String {
        "{\"id\":\"\(id)\",\"name\":\"张三\",\"region\":\"蚌埠市\",\"household_size\":2,\"household_monthly_income\":\(income),"
            + "\"archive_type\":\"deep\",\"archive_level\":\"national\"}"
    }

    func status(_ line: String) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["status"] as? String
    }

    // MARK: JSON

    func testLoneSurrogateEscapesMakeThatRecordInvalidNamingLineAndField() {
        let bad = [
            "{\"id\":\"S1\",\"name\":\"\\ud800\\u0041\"}",                    // high surrogate, then not a low one
            "{\"id\":\"S2\",\"name\":\"\\udc00\"}",                           // lone low surrogate
            "{\"id\":\"S3\",\"name\":\"x\\ud800\"}",                          // high surrogate at the end
            "{\"id\":\"S4\",\"备注\":\"\\uD800\\uD800\",\"name\":\"x\"}",     // in an unknown key, two highs
        ]
        var text = Self.good("G0") + "\n"
        for (k, b) in bad.enumerated() { text += b + "\n" + Self.good("G\(k + 1)") + "\n" }     // ids unique: a repeat is invalid
        text += "{\"id\":\"P\",\"name\":\"\\ud83d\\ude00\",\"region\":\"蚌埠市\",\"household_size\":2,\"household_monthly_income\":1000,\"archive_type\":\"deep\",\"archive_level\":\"national\"}\n"
        let input = write("s.jsonl", text)
        let out = path("s-out.jsonl")
        for jobs in [1, 2] {
            let res = run(input, out, jobs: jobs, block: 128)
            XCTAssertNil(res.failure)
            XCTAssertEqual(res.recordsIn, 10)
            XCTAssertEqual(res.recordsOut, 10)
            let got = lines(out)
            XCTAssertEqual(got.count, 10)
            for (k, expectLine) in [2, 4, 6, 8].enumerated() {
                let l = got[expectLine - 1]
                XCTAssertEqual(status(l), "invalid", l)
                XCTAssertTrue(l.contains("\"line\":\(expectLine),"), l)
                XCTAssertTrue(l.contains("代理项"), l)
                XCTAssertTrue(l.contains(k == 3 ? "备注" : "姓名"), l)
            }
            for good in [1, 3, 5, 7, 9, 10] { XCTAssertNotEqual(status(got[good - 1]), "invalid", got[good - 1]) }
        }
        // screen reads through the same codec: the same record is refused the same way
        for b in bad {
            let d = Nuan.screen(BatchTests.bengbu, json: Array(b.utf8), explain: .none)
            XCTAssertEqual(d.status, .invalid, b)
            XCTAssertTrue(d.errors.contains { $0.reason.contains("代理项") }, b)
        }
    }

    func testDeepNestingIsOneInvalidRecordNotAStackOverflow() {
        let deep = "{\"id\":\"D\",\"x\":" + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "}"
        let ok65 = "{\"id\":\"E\",\"x\":" + String(repeating: "[", count: 63) + String(repeating: "]", count: 63) + ",\"name\":\"张\"}"
        let input = write("d.jsonl", Self.good("A") + "\n" + deep + "\n" + ok65 + "\n" + Self.good("B") + "\n")
        let out = path("d-out.jsonl")
        let res = run(input, out)
        XCTAssertNil(res.failure)
        let got = lines(out)
        XCTAssertEqual(got.count, 4)
        XCTAssertEqual(status(got[1]), "invalid")
        XCTAssertTrue(got[1].contains("嵌套超过 64 层") && got[1].contains("\"line\":2,"), got[1])
        XCTAssertFalse(got[2].contains("嵌套"), got[2])       // 64 levels are fine
        XCTAssertNotEqual(status(got[3]), "invalid")
    }

    func testExponentNumbersAreReadAsExactDecimals() {
        XCTAssertEqual(JSONNumber.plainDecimal("1.8E3"), "1800")
        XCTAssertEqual(JSONNumber.plainDecimal("1e-2"), "0.01")
        XCTAssertEqual(JSONNumber.plainDecimal("-2.50E+1"), "-25")
        XCTAssertEqual(JSONNumber.plainDecimal("12.345e1"), "123.45")
        XCTAssertEqual(JSONNumber.plainDecimal("0e5"), "0")
        XCTAssertEqual(JSONNumber.plainDecimal("-0.0e0"), "0")
        XCTAssertNil(JSONNumber.plainDecimal("1800"))          // not exponent form
        XCTAssertNil(JSONNumber.plainDecimal("01e2"))          // not JSON
        XCTAssertNil(JSONNumber.plainDecimal("1e"))
        XCTAssertNil(JSONNumber.plainDecimal("1.e3"))
        XCTAssertNil(JSONNumber.plainDecimal("1e99999999999")) // too long to write out: left to the decoder

        // the same records with the figures written both ways, one file each (an id repeated
        // within a file would be invalid)
        let exponent = write("e.jsonl", [Self.good("A", income: "1.8E3"), Self.good("B", income: "1.5e3"),
                                         Self.good("C", income: "1e-2")].joined(separator: "\n") + "\n")
        let plain = write("p.jsonl", [Self.good("A", income: "1800"), Self.good("B", income: "1500.00"),
                                      Self.good("C", income: "0.01")].joined(separator: "\n") + "\n")
        XCTAssertNil(run(exponent, path("e-out.jsonl")).failure)
        XCTAssertNil(run(plain, path("p-out.jsonl")).failure)
        let got = lines(path("e-out.jsonl")), want = lines(path("p-out.jsonl"))
        XCTAssertEqual(got.count, 3)
        XCTAssertEqual(got, want)
        for g in got { XCTAssertNotEqual(status(g), "invalid", g) }
    }

    // MARK: line length

    func testAnOverlongLineIsOneInvalidDecisionAndReadingResumes() {
        let long = "{\"id\":\"L\",\"name\":\"" + String(repeating: "长", count: 3000) + "\"}"
        let text = [Self.good("A"), long, Self.good("B"), long + long, Self.good("C")].joined(separator: "\n") + "\n"
        let input = write("l.jsonl", text)
        let out = path("l-out.jsonl")
        // small blocks: the reader skips the line; big blocks: the worker sees it whole
        for block in [256, 1 << 20] {
            let res = run(input, out, block: block) { $0.maxLine = 4096 }
            XCTAssertNil(res.failure)
            XCTAssertEqual(res.recordsIn, 5)
            let got = lines(out)
            XCTAssertEqual(got.count, 5)
            XCTAssertEqual(got.map { status($0) ?? "?" }.map { $0 == "invalid" }, [false, true, false, true, false], "block \(block)")
            XCTAssertTrue(got[1].contains("--max-line") && got[1].contains("\"line\":2,"), got[1])
            XCTAssertTrue(got[3].contains("\"line\":4,"), got[3])
            XCTAssertFalse(got[1].contains("长长长"))
        }
    }

    func testInputWithoutAnyLineEndStopsPromptlyWithAClearError() {
        let out = path("z-out.jsonl")
        let t0 = Date()
        let res = run("/dev/zero", out, jobs: 2) { $0.maxLine = 1 << 16 }
        XCTAssertLessThan(Date().timeIntervalSince(t0), 30)
        XCTAssertNotNil(res.failure)
        XCTAssertTrue(res.failure?.contains("--max-line") ?? false, res.failure ?? "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("nuan-tmp") }, [])
        // a CSV header without a line end is bounded the same way
        let res2 = run("/dev/zero", out, format: .csv) { $0.maxLine = 1 << 16 }
        XCTAssertTrue(res2.failure?.contains("--max-line") ?? false, res2.failure ?? "")
    }

    func testADirectoryAsInputIsAFailureNotZeroRecords() {
        let res = run(dir.path, path("o.jsonl"))
        XCTAssertNotNil(res.failure)
        XCTAssertTrue(res.failure?.contains("目录") ?? false, res.failure ?? "")
    }

    // MARK: CSV

    static let header = "申请编号,姓名,所属地区,家庭人口,家庭月收入,建档类型,建档层级,备注"
    static func row(_ i: Int, note: String = "ok") -> String { "R\(i),张\(i),蚌埠市,2,\(1000 + i),深度困难,全国,\(note)" }

    func csvRows(_ n: Int, notes: [Int: String] = [:]) -> [String] {
        [Self.header] + (0..<n).map { Self.row($0, note: notes[$0] ?? "ok") }
    }

    func testAStrayQuoteInAnUnquotedCellIsALiteral() {
        let rows = csvRows(300, notes: [4: "he said \"hi", 7: "5\" 屏", 20: "a\"\"b"])
        let input = write("q.csv", rows.joined(separator: "\n") + "\n")
        let out = path("q-out.csv")
        for block in [200, nil] as [Int?] {
            let res = run(input, out, format: .csv, out: .csv, block: block)
            XCTAssertNil(res.failure)
            XCTAssertEqual(res.recordsIn, 300)
            let got = lines(out)
            XCTAssertEqual(got.count, 301)
            XCTAssertFalse(got.contains { $0.contains(",invalid,") }, got.filter { $0.contains(",invalid,") }.joined(separator: "\n"))
            XCTAssertTrue(got[5].hasSuffix("\"he said \"\"hi\""), got[5])
        }
    }

    func testABrokenQuotedRowIsOneInvalidDecisionAndReadingGoesOn() {
        // an opening quote never closed; a closing quote followed by text
        let rows = csvRows(50, notes: [9: "\"never closed, 7", 30: "\"closed\"then text"])
        let input = write("b.csv", rows.joined(separator: "\n") + "\n")
        let out = path("b-out.jsonl")
        for block in [150, nil] as [Int?] {
            let res = run(input, out, format: .csv, block: block)
            XCTAssertNil(res.failure)
            XCTAssertEqual(res.recordsIn, 50)
            let got = lines(out)
            XCTAssertEqual(got.count, 50)
            let bad = got.enumerated().filter { status($0.element) == "invalid" }
            XCTAssertEqual(bad.map(\.offset), [9, 30])
            XCTAssertTrue(bad.first?.element.contains("\"line\":11,") ?? false, bad.first?.element ?? "")
            XCTAssertTrue(bad.first?.element.contains("\"id\":\"R9\"") ?? false, bad.first?.element ?? "")
            XCTAssertTrue(bad.last?.element.contains("\"line\":32,") ?? false, bad.last?.element ?? "")
            XCTAssertTrue(got[10].contains("\"id\":\"R10\""), got[10])
        }
    }

    func testLFCRLFAndCROnlyLineEndsAllRead() {
        let rows = csvRows(120, notes: [3: "\"多行\r\n备注\"", 50: "\"two\nlines\""])
        for (name, sep) in [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")] {
            let input = write("\(name).csv", rows.joined(separator: sep) + sep)
            let out = path("\(name)-out.csv")
            for block in [90, nil] as [Int?] {
                let res = run(input, out, format: .csv, out: .csv, block: block)
                XCTAssertNil(res.failure, name)
                XCTAssertEqual(res.recordsIn, 120, name)
                let got = lines(out)
                XCTAssertEqual(got.first, "id,status,category,total_amount,score,missing,errors,awards,warnings,reasons,备注", name)
                XCTAssertFalse(got.contains { $0.contains(",invalid,") }, name)
                XCTAssertTrue(got.contains { $0.hasPrefix("R119,") }, name)
            }
        }
        // line numbers count every kind of line end once
        let mixed = [Self.header, Self.row(0), Self.row(1), "R2,,蚌埠市,2,1000,深度困难,全国,x", Self.row(3)]
        let input = write("mixed.csv", mixed[0] + "\r" + mixed[1] + "\r\n" + mixed[2] + "\n" + mixed[3] + "\r" + mixed[4] + "\n")
        let out = path("mixed-out.jsonl")
        XCTAssertNil(run(input, out, format: .csv).failure)
        let got = lines(out)
        XCTAssertEqual(got.count, 4)
        XCTAssertTrue(got[2].contains("\"line\":4,"), got[2])
    }

    func testOneBadByteDoesNotSwitchAUTF8FileToGB18030() {
        var bytes = Array((csvRows(2000).joined(separator: "\n") + "\n").utf8)
        // a stray byte inside row R1's name, in the first 64 KB
        let at = Array((Self.header + "\n" + Self.row(0) + "\nR1,张").utf8).count
        bytes.insert(0xFF, at: at)
        // and one row saved as GB18030 further down
        var gbRow: [UInt8] = Array("R9999,".utf8) + [0xD5, 0xC5] + Array(",".utf8) + [0xB0, 0xF6, 0xB2, 0xBA, 0xCA, 0xD0]
        gbRow += Array(",2,1000,".utf8) + [0xC9, 0xEE, 0xB6, 0xC8, 0xC0, 0xA7, 0xC4, 0xD1] + Array(",".utf8) + [0xC8, 0xAB, 0xB9, 0xFA] + Array(",ok\n".utf8)
        bytes += gbRow
        let input = write("u.csv", bytes)
        let out = path("u-out.jsonl")
        let res = run(input, out, format: .csv)
        XCTAssertNil(res.failure)
        XCTAssertEqual(res.recordsIn, 2001)
        XCTAssertEqual(res.gb18030Rows, 1)
        let got = lines(out)
        let bad = got.enumerated().filter { status($0.element) == "invalid" }
        XCTAssertEqual(bad.map(\.offset), [1])
        XCTAssertTrue(bad.first?.element.contains("编码") ?? false)
        XCTAssertTrue(bad.first?.element.contains("\"line\":3,") ?? false, bad.first?.element ?? "")
        XCTAssertNotEqual(status(got[2000]), "invalid", got[2000])
    }

    func testAHeaderWithIDAndPhoneShapedValuesIsMaskedInTheOutput() {
        // a file whose first row is data: its cells become carried column names
        let input = write("h.csv", "申请编号,姓名,110105194912310021,13800138000,电话 13900001111 备用\nR1,张,a,b,c\n")
        let out = path("h-out.csv")
        XCTAssertNil(run(input, out, format: .csv, out: .csv).failure)
        let text = lines(out).joined(separator: "\n")
        for full in ["110105194912310021", "13800138000", "13900001111"] { XCTAssertFalse(text.contains(full), text) }
        XCTAssertTrue(text.contains("110105********0021"), text)
    }

    func testEchoedKeysAndColumnNamesAreMasked() {
        XCTAssertEqual(Privacy.maskDigitRuns("电话 13900001111 备用"), "电话 139****1111 备用")
        XCTAssertEqual(Privacy.maskDigitRuns("110105194912310021"), "110105********0021")
        XCTAssertEqual(Privacy.maskDigitRuns("11010519491231002X号"), "110105********002X号")
        XCTAssertEqual(Privacy.maskDigitRuns("备注 123456"), "备注 123456")
        // an unknown key holding a bad byte, and one holding a lone surrogate, are named masked
        var bytes = Array("{\"id\":\"K\",\"13800138000\":\"".utf8) + [0xFF] + Array("\"}\n".utf8)
        bytes += Array("{\"id\":\"K2\",\"110105194912310021\":\"\\ud800\"}\n".utf8)
        let input = write("k.jsonl", bytes)
        let out = path("k-out.jsonl")
        XCTAssertNil(run(input, out).failure)
        let text = lines(out).joined(separator: "\n")
        XCTAssertEqual(lines(out).count, 2)
        XCTAssertTrue(text.contains("138****8000") && text.contains("110105********0021"), text)
        XCTAssertFalse(text.contains("13800138000") || text.contains("110105194912310021"), text)
    }

    func testCSVCellsThatLookLikeFormulasGetALeadingQuote() {
        let rows = [Self.header] + ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "ok"].enumerated().map { Self.row($0.offset, note: $0.element.contains("\"") ? "\"" + $0.element.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0.element) }
        let input = write("f.csv", rows.joined(separator: "\n") + "\n")
        let out = path("f-out.csv")
        XCTAssertNil(run(input, out, format: .csv, out: .csv).failure)
        let got = lines(out)
        XCTAssertEqual(got.count, 7)
        XCTAssertTrue(got[1].hasSuffix(",\"'=HYPERLINK(\"\"http://x\"\")\""), got[1])
        XCTAssertTrue(got[2].hasSuffix(",'+1"), got[2])
        XCTAssertTrue(got[3].hasSuffix(",'-2"), got[3])
        XCTAssertTrue(got[4].hasSuffix(",'@SUM(A1)"), got[4])
        XCTAssertTrue(got[5].hasSuffix(",'\tx"), got[5])
        XCTAssertTrue(got[6].hasSuffix(",ok"), got[6])
    }
}
