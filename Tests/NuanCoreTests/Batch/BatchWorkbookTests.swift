import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanProgram
@testable import NuanTools
import NuanOffice

/// `.xlsx` in and out of `nuan batch`: the sample archive as a workbook saved by LibreOffice,
/// as a workbook written by NuanOffice, as UTF-8 CSV, GB18030 CSV and JSON Lines gives the same
/// decisions byte for byte; decisions written as a workbook read back as the CSV ones.
final class BatchWorkbookTests: XCTestCase {
    var dir: URL!

    override func setUp() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-xlsx-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
    static func fixture(_ p: String) -> String { Golden.rootURL.appendingPathComponent(p).path }

    func run(_ input: String, _ output: String, _ format: BatchOptions.InputFormat, out: BatchOptions.OutputFormat = .jsonl,
             sheet: String? = nil) -> BatchResult {
        var o = BatchOptions(input: input, output: output, inputFormat: format, outputFormat: out, jobs: 2)
        o.explain = .brief
        o.sheet = sheet
        return Batch.run(program: BatchTests.bengbu, options: o)
    }

    func text(_ p: String) -> String { (try? String(contentsOfFile: p, encoding: .utf8)) ?? "" }

    func testEveryFormOfTheSampleArchiveGivesTheSameDecisions() throws {
        let sources: [(String, BatchOptions.InputFormat)] = [
            (Self.fixture("Rules/examples/bengbu-archive.csv"), .csv),
            (Self.fixture("Rules/examples/bengbu-archive.xlsx"), .xlsx),             // saved by LibreOffice
            (Self.fixture("Tests/Fixtures/batch/bengbu-archive.gb18030.csv"), .csv),
            (Self.fixture("Tests/Fixtures/batch/bengbu-archive.jsonl"), .jsonl),
        ]
        // a second producer: NuanOffice's writer, from the CSV's cells (all text)
        let rows = DecisionWorkbook.parse(Array(text(sources[0].0).utf8))
        let ours = try XLSXWriter.write(sheet: "档案", header: rows[0], rows: rows.dropFirst().map { $0.map { $0.isEmpty ? .empty : .text($0) } })
        let oursPath = path("ours.xlsx")
        XCTAssertTrue(FileManager.default.createFile(atPath: oursPath, contents: Data(ours)))
        var outputs: [String] = []
        for (k, (input, format)) in (sources + [(oursPath, .xlsx)]).enumerated() {
            let out = path("out-\(k).jsonl")
            let res = run(input, out, format)
            XCTAssertNil(res.failure, input)
            XCTAssertEqual(res.recordsIn, 8, input)
            XCTAssertEqual(res.recordsOut, 8, input)
            outputs.append(text(out))
        }
        XCTAssertTrue(outputs[0].contains("\"status\":\"eligible\""))
        // JSON Lines has no header line: its records are one line earlier
        let jsonl = outputs[3].replacingOccurrences(of: "\"line\":7,", with: "\"line\":8,").replacingOccurrences(of: "第 7 行", with: "第 8 行")
        XCTAssertNotEqual(jsonl, outputs[3])
        for (k, o) in outputs.enumerated() { XCTAssertEqual(k == 3 ? jsonl : o, outputs[0], "source \(k)") }
        // the invalid record names the row Excel shows (the header is row 1)
        XCTAssertTrue(outputs[1].contains("第 8 行 家庭月收入"), outputs[1])
    }

    func testDecisionsWrittenAsAWorkbookReadBackAsTheCSVOnes() throws {
        let input = Self.fixture("Rules/examples/bengbu-archive.xlsx")
        XCTAssertNil(run(input, path("d.csv"), .xlsx, out: .csv).failure)
        XCTAssertNil(run(input, path("d.xlsx"), .xlsx, out: .xlsx).failure)
        let csv = DecisionWorkbook.parse(Array(text(path("d.csv")).utf8))
        let book = try Workbook(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path("d.xlsx")))))
        let rows = try book.rows()
        XCTAssertEqual(rows.count, csv.count)
        XCTAssertEqual(rows[0].texts, csv[0])
        let total = try XCTUnwrap(csv[0].firstIndex(of: "total_amount"))
        for (r, c) in zip(rows.dropFirst(), csv.dropFirst()) {
            // amounts are numbers (1000.00 is stored as 1000), everything else the same text
            if case .number(let n) = r.cells[total] { XCTAssertEqual(Rational.parse(n), Rational.parse(c[total])) } else { XCTFail("total is a number") }
            for k in c.indices where k != total {
                XCTAssertEqual(k < r.cells.count ? r.cells[k].text : "", c[k], "column \(csv[0][k])")
            }
        }
    }

    func testAWorkbookSheetIsChosenByNameAndADamagedOneWritesNothing() throws {
        let input = Self.fixture("Rules/examples/bengbu-archive.xlsx")
        let missing = run(input, path("x.jsonl"), .xlsx, sheet: "没有这张表")
        XCTAssertNotNil(missing.failure)
        XCTAssertTrue(missing.failure!.contains("没有这张表"), missing.failure!)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("x.jsonl")))

        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: input)))
        bytes.removeLast(bytes.count / 2)                                       // cut off
        let cut = path("cut.xlsx")
        XCTAssertTrue(FileManager.default.createFile(atPath: cut, contents: Data(bytes)))
        let res = run(cut, path("y.jsonl"), .xlsx)
        XCTAssertNotNil(res.failure)
        XCTAssertTrue(res.failure!.contains("cut.xlsx"), res.failure!)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("y.jsonl")))
        // a device named as a workbook is refused at once, never read (it would never end)
        let dev = run("/dev/zero", path("z.jsonl"), .xlsx)
        XCTAssertTrue(dev.failure?.contains("不是普通文件") == true, dev.failure ?? "no failure")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("z.jsonl")))
        // no scratch file is left beside the output
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".nuan") }, [])
    }
}
