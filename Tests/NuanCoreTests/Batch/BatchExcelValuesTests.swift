import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// An archive as an office's Excel export writes it — variant headers, `2022/1/5`, `1,800.00`,
/// full-width digits, `，` in lists, `无` — decides exactly as the clean archive; a misspelt
/// header stops the run before any record is decided, unless `keepUnknownColumns`.
final class BatchExcelValuesTests: XCTestCase {
    var dir: URL!

    override func setUp() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-excel-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) -> String {
        let p = path(name)
        _ = FileManager.default.createFile(atPath: p, contents: Data(text.utf8))
        return p
    }

    func text(_ p: String) -> String { (try? String(contentsOfFile: p, encoding: .utf8)) ?? "" }

    func run(_ input: String, _ output: String, format: BatchOptions.InputFormat = .csv, out: BatchOptions.OutputFormat = .jsonl,
             explain: ExplainLevel = .full, configure: (inout BatchOptions) -> Void = { _ in }) -> BatchResult {
        var o = BatchOptions(input: input, output: output, inputFormat: format, outputFormat: out, jobs: 2)
        o.explain = explain
        o.blockSize = 200
        configure(&o)
        return Batch.run(program: BatchTests.bengbu, options: o)
    }

    static let clean = (try? String(contentsOfFile: Golden.rootURL.appendingPathComponent("Rules/examples/bengbu-archive.csv").path, encoding: .utf8)) ?? ""

    /// The sample archive as an Excel export: every column under a variant name, and every
    /// date, amount, count and list in an Excel form.
    static let excel: String = {
        var lines = clean.split(whereSeparator: \.isNewline).map(String.init)
        lines[0] = "*申请编号,职工姓名,身份证号码,单位名称,手机号码,地区,申请时间,家庭人口数,家庭月总收入,Rigid Monthly Expenses,是否享受低保,困难原因,ARCHIVE_TYPE,建档级别,本年度退档,in-transition-period,人员类型"
        let dates = ["2022-01-05": "2022/1/5", "2022-01-06": "2022年1月6日", "2022-01-07": "2022-1-7", "2022-01-08": "2022/01/08", "2022-01-09": "2022年01月09日"]
        for k in 1..<lines.count {
            var cells = lines[k].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[6] = dates[cells[6]] ?? cells[6]
            cells[7] = k % 2 == 0 ? fullWidth(cells[7]) : cells[7]
            if let r = Rational.parse(cells[8]), r >= Rational(integer: 1000) {
                cells[8] = k % 2 == 0 ? fullWidth(grouped(cells[8]).replacingOccurrences(of: ",", with: "，")) : "\"" + grouped(cells[8]) + "\""
            }
            cells[11] = cells[11].replacingOccurrences(of: "；", with: "，")
            lines[k] = cells.joined(separator: ",")
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }()

    static func fullWidth(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { u in
            switch u {
            case "0"..."9": return Unicode.Scalar(u.value - 0x30 + 0xFF10)!
            case ".": return "．"
            default: return u
            }
        }))
    }

    /// `5940.00` → `5,940.00`
    static func grouped(_ s: String) -> String {
        let parts = s.split(separator: ".", maxSplits: 1).map(String.init)
        var digits = Array(parts[0]), out = ""
        while digits.count > 3 { out = "," + String(digits.suffix(3)) + out; digits.removeLast(3) }
        return String(digits) + out + (parts.count > 1 ? "." + parts[1] : "")
    }

    func testAnExcelExportDecidesAsTheCleanArchive() {
        XCTAssertTrue(Self.excel.contains("2022年1月6日") && Self.excel.contains("\"1,800.00\"") && Self.excel.contains("２，６００．００")
                      && Self.excel.contains("残疾，子女教育负担") && Self.excel.contains("４"), Self.excel)
        let clean = write("in-clean.csv", Self.clean), excel = write("in-excel.csv", Self.excel)
        for (format, ext) in [(BatchOptions.OutputFormat.jsonl, "jsonl"), (.csv, "csv")] {
            let a = run(clean, path("clean.\(ext)"), out: format), b = run(excel, path("excel.\(ext)"), out: format)
            XCTAssertNil(a.failure)
            XCTAssertNil(b.failure)
            XCTAssertEqual(b.recordsOut, 8)
            XCTAssertEqual(text(path("excel.\(ext)")), text(path("clean.\(ext)")))
        }
        let got = text(path("excel.jsonl"))
        XCTAssertTrue(got.contains("\"status\":\"eligible\""), got)
        // the one unreadable income (三千) stays invalid, naming the field and the value
        XCTAssertEqual(got.components(separatedBy: "\"status\":\"invalid\"").count, 2, got)
        XCTAssertTrue(got.contains("三千") && got.contains("家庭月收入"), got)
        // the ID numbers under 身份证号码 are checked and masked, not carried through whole
        XCTAssertFalse(got.contains("340302197503121015"))
    }

    /// `无`: given as none — the same decision as an empty JSON list, unlike an empty cell.
    func testNoneIsTheEmptyListNotAMissingValue() {
        let header = "申请编号,姓名,所属地区,家庭人口,家庭月收入,致困原因,建档类型,建档层级,人员类别\n"
        let csv = write("none.csv", header + "N-1,甲,蚌埠市,2,1200,无,未建档,未建档,无\nN-2,乙,蚌埠市,2,1200,,未建档,未建档,\n")
        let jsonl = write("none.jsonl", """
            {"id":"N-1","name":"甲","region":"蚌埠市","household_size":2,"household_monthly_income":1200,"hardship_causes":[],"archive_type":"none","archive_level":"none","groups":[]}
            {"id":"N-2","name":"乙","region":"蚌埠市","household_size":2,"household_monthly_income":1200,"archive_type":"none","archive_level":"none"}

            """)
        XCTAssertNil(run(csv, path("none-csv.jsonl")).failure)
        XCTAssertNil(run(jsonl, path("none-json.jsonl"), format: .jsonl).failure)
        let a = text(path("none-csv.jsonl")).split(separator: "\n").map(String.init), b = text(path("none-json.jsonl")).split(separator: "\n").map(String.init)
        XCTAssertEqual(a.count, 2)
        XCTAssertEqual(a, b)
        // and the two rows differ: 无 is an answer, an empty cell is not
        XCTAssertNotEqual(a[0].replacingOccurrences(of: "N-1", with: "N-2"), a[1])
        XCTAssertTrue(a[1].contains("致困原因 未知") && a[1].contains(#""missing":["致困原因"]"#), a[1])
        XCTAssertFalse(a[0].contains("致困原因 未知"), a[0])
    }

    // MARK: the header check

    static let misspelt = "申请编号,姓名,所属地区,家庭人数,家庭收入,建档类型,建档层级,备注\nM-1,甲,蚌埠市,3,1800,深度困难,全国,x\n"

    func testAMisspeltHeaderStopsTheRunWithADidYouMean() {
        let input = write("m.csv", Self.misspelt)
        let out = path("m.jsonl")
        let res = run(input, out)
        let f = res.failure ?? ""
        XCTAssertTrue(f.hasPrefix("表头有误，未判定任何记录："), f)
        XCTAssertTrue(f.contains("表头第 4 列 “家庭人数” 是不是 “家庭人口”（household_size）？"), f)
        XCTAssertTrue(f.contains("表头第 5 列 “家庭收入” 是不是 “家庭月收入”（household_monthly_income）？"), f)
        XCTAssertTrue(f.contains("--keep-unknown-columns"), f)
        XCTAssertFalse(f.contains("备注"), f)
        XCTAssertEqual(res.recordsIn, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "no record decided, no output")
        let en = run(input, out) { $0.english = true }
        XCTAssertTrue(en.failure?.contains("header column 4 “家庭人数”: did you mean “家庭人口” (household_size)?") ?? false, en.failure ?? "")
    }

    func testKeepUnknownColumnsRunsAndCarriesThem() {
        let input = write("k.csv", Self.misspelt)
        let res = run(input, path("k.csv.out"), out: .csv) { $0.keepUnknownColumns = true }
        XCTAssertNil(res.failure)
        XCTAssertEqual(res.recordsOut, 1)
        let out = text(path("k.csv.out"))
        XCTAssertTrue(out.hasPrefix("id,status,category,total_amount,score,missing,errors,awards,warnings,reasons,家庭人数,家庭收入,备注\n"), out)
        XCTAssertTrue(out.contains(",3,1800,x"), out)
    }

    func testAMissingRequiredColumnStopsTheRunEvenWithKeepUnknownColumns() {
        let input = write("r.csv", "申请编号,家庭人口,家庭月收入\nR-1,3,1800\n")
        for keep in [false, true] {
            let res = run(input, path("r.jsonl")) { $0.keepUnknownColumns = keep }
            XCTAssertTrue(res.failure?.contains("表头中没有必填的列 “姓名”") ?? false, res.failure ?? "")
            XCTAssertFalse(res.failure?.contains("--keep-unknown-columns") ?? true)
            XCTAssertEqual(res.recordsIn, 0)
        }
    }
}
