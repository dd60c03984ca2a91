import Foundation
import XCTest
@testable import NuanCLI
#if canImport(Glibc)
import Glibc
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools
#endif

/// `nuan batch` run in-process: arguments → files, stderr, exit code.
final class BatchCommandTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/Fixtures/batch")
    var rules: String { Self.fixtures.appendingPathComponent("impact.rules").path }
    var archive: String { Self.fixtures.appendingPathComponent("impact-archive.csv").path }
    var dir: URL!

    override func setUp() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-batchcmd-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    func path(_ n: String) -> String { dir.appendingPathComponent(n).path }

    func run(_ args: [String]) -> (ExitCode, String, String) {
        let (io, out, err) = IO.capture()
        let code = CLI.main(["batch"] + args, io: io)
        return (code, out(), err())
    }

    func decisions(_ p: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: p, encoding: .utf8)
        return try text.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    /// `--lang en`: the summary, the last line and usage errors in English.
    func testEnglishSummaryAndErrors() throws {
        let (code, _, err) = run(["--lang", "en", "--rules", rules, "--in", archive, "--out", path("en.jsonl"), "--jobs", "1"])
        XCTAssertEqual(code, .success, err)
        XCTAssertTrue(err.contains("8 records read, 8 written"), err)
        XCTAssertFalse(err.contains("读入"), err)
        let (bad, _, usage) = run(["--lang", "en", "--rules", rules, "--in", archive, "--out", path("x.jsonl"), "--jobs", "0"])
        XCTAssertEqual(bad, .usage)
        XCTAssertTrue(usage.contains("--jobs takes a whole number from 1 to 256"), usage)
    }

    /// A misspelt header stops the run before any record is decided (exit 1, no output); with
    /// `--keep-unknown-columns` the column is an intended extra one and the run goes on.
    func testAMisspeltHeaderStopsTheRunUnlessKeepUnknownColumns() throws {
        let bengbu = Self.root.appendingPathComponent("Rules/bengbu-2022.rules").path
        let csv = path("m.csv")
        try "申请编号,姓名,所属地区,家庭人数,家庭月收入,建档类型,建档层级\nM-1,甲,蚌埠市,3,1800,深度困难,全国\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let out = path("m-out.csv")
        let (code, _, err) = run(["--rules", bengbu, "--in", csv, "--out", out])
        XCTAssertEqual(code, .failure, err)
        XCTAssertTrue(err.contains("表头第 4 列 “家庭人数” 是不是 “家庭人口”（household_size）？"), err)
        XCTAssertTrue(err.contains("读入 0 条，输出 0 条（运行中止）"), err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        let (kept, _, err2) = run(["--rules", bengbu, "--in", csv, "--out", out, "--keep-unknown-columns"])
        XCTAssertEqual(kept, .success, err2)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("id,status,category,total_amount,score,missing,errors,awards,warnings,reasons,家庭人数\n"), text)
        XCTAssertTrue(text.contains("M-1,"), text)
    }

    /// `--in -` reads standard input (JSON Lines unless --in-format says otherwise), like screen.
    func testAnArchiveOnStandardInput() throws {
        let saved = dup(0)
        defer { dup2(saved, 0); close(saved) }
        for (format, extra) in [("csv", ["--in-format", "csv"]), ("jsonl", [])] {
            let source = format == "csv" ? archive : Self.root.appendingPathComponent("Tests/Fixtures/batch/bengbu-archive.jsonl").path
            let fd = open(source, O_RDONLY)
            XCTAssertGreaterThanOrEqual(fd, 0)
            dup2(fd, 0)
            close(fd)
            let out = path("stdin-\(format).jsonl")
            let rulesFile = format == "csv" ? rules : Self.root.appendingPathComponent("Rules/bengbu-2022.rules").path
            let (code, _, err) = run(["--rules", rulesFile, "--in", "-", "--out", out, "--explain", "none"] + extra)
            XCTAssertEqual(code, .success, err)
            XCTAssertTrue(err.contains("读入 8 条，输出 8 条"), err)
            XCTAssertEqual(try decisions(out).count, 8)
        }
        // a workbook cannot come from standard input (it is read whole, by name)
        let (code, _, err) = run(["--rules", rules, "--in", "-", "--in-format", "xlsx", "--out", path("x.jsonl")])
        XCTAssertEqual(code, .usage)
        XCTAssertTrue(err.contains("标准输入"), err)
    }

    let newRules = ["--set", "低保标准=700", "--set", "相对困难收入倍数=1.6"]

    /// The hand-checked archive (see Tests/Fixtures/batch/README.md): old 600 / 1200 / 1800,
    /// new 700 / 1120 / 2100.
    func testAgainstReportsTransitionsPerRecordAndInTheSummary() throws {
        let out = path("impact.jsonl"), summary = path("summary.json")
        let (code, _, err) = run(["--rules", rules, "--against", rules, "--in", archive, "--out", out, "--summary", summary,
                                  "--explain", "none", "--jobs", "2"] + newRules)
        XCTAssertEqual(code, .success, err)
        XCTAssertTrue(err.contains("读入 8 条，输出 8 条"), err)
        let ds = try decisions(out)
        XCTAssertEqual(ds.map { $0["id"] as? String }, ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8"])
        func row(_ i: Int) -> [String] {
            ["previous_category", "category", "previous_total_amount", "total_amount", "change"].map { ds[i][$0] as? String ?? "?" }
        }
        XCTAssertEqual(row(0), ["deep", "deep", "2000.00", "2000.00", "unchanged"])
        XCTAssertEqual(row(1), ["relative", "deep", "1000.00", "2000.00", "amount_changed"])
        XCTAssertEqual(row(2), ["relative", "none", "1000.00", "0.00", "no_longer_eligible"])
        XCTAssertEqual(row(3), ["relative", "relative", "1000.00", "1000.00", "unchanged"])
        XCTAssertEqual(row(4), ["none", "none", "0.00", "500.00", "newly_eligible"])
        XCTAssertEqual(row(5), ["none", "none", "0.00", "0.00", "unchanged"])
        XCTAssertEqual(row(6), ["undetermined", "undetermined", "0.00", "0.00", "unchanged"])
        XCTAssertEqual(ds[7]["status"] as? String, "invalid")
        XCTAssertEqual(ds[7]["previous_status"] as? String, "invalid")

        // the summary model holds the same figures
        let program = try XCTUnwrap(Nuan.compile(path: rules, overrides: [("低保标准", "700"), ("相对困难收入倍数", "1.6")]).0)
        let old = try XCTUnwrap(Nuan.compile(path: rules).0)
        var o = BatchOptions(input: archive, output: path("again.jsonl"), inputFormat: .csv, outputFormat: .jsonl, jobs: 2)
        o.explain = .none
        let res = Batch.run(program: program, against: old, options: o)
        let m = try XCTUnwrap(res.report.impact)
        XCTAssertEqual(m.compared, 8)
        XCTAssertEqual(m.newlyEligibleIDs, ["T5"])
        XCTAssertEqual(m.noLongerEligibleIDs, ["T3"])
        XCTAssertEqual(m.amountChangedIDs, ["T2"])
        XCTAssertEqual(m.transitions["relative"]?["deep"], 1)
        XCTAssertEqual(m.transitions["relative"]?["none"], 1)
        XCTAssertEqual(m.transitions["relative"]?["relative"], 1)
        XCTAssertEqual(m.transitions["deep"]?["deep"], 1)
        XCTAssertEqual(m.transitions["none"]?["none"], 2)
        XCTAssertEqual(m.oldFunds["central_aid"]?.total, Rational(integer: 5000))
        XCTAssertEqual(m.newFunds["central_aid"]?.total, Rational(integer: 5000))
        XCTAssertEqual(m.newFunds["local_finance"]?.total, Rational(integer: 500))
        XCTAssertNil(m.oldFunds["local_finance"]?.total.numerator.signum() == 1 ? 1 : nil)
        let sj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summary))) as? [String: Any])
        XCTAssertNotNil(sj["impact"] ?? sj["against"], "summary JSON carries the impact")
        XCTAssertEqual(res.report.records, 8)
        XCTAssertEqual(res.report.groupRecords.first, 3, "困难家庭 (per capita < 1120) holds for T1, T2, T4")
    }

    func testCSVOutputCarriesUnknownColumnsAndExcelBOM() throws {
        let out = path("out.csv")
        let (code, _, err) = run(["--rules", rules, "--in", archive, "--out", out, "--excel", "--against", rules] + newRules)
        XCTAssertEqual(code, .success, err)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out)))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "id,status,category,total_amount,score,missing,errors,awards,warnings,reasons,previous_status,previous_total_amount,previous_category,change,备注")
        XCTAssertEqual(lines.count, 9)
        XCTAssertTrue(lines[2].hasPrefix("T2,eligible,deep,2000.00,"), lines[2])
        XCTAssertTrue(lines[2].contains("深度困难帮扶金:2000.00:central_aid"), lines[2])
        XCTAssertTrue(lines[2].hasSuffix(",relative,amount_changed,\"相对→深度，金额 1000→2000\"") == false)
        XCTAssertTrue(lines[2].contains("相对→深度，金额 1000→2000"), lines[2])
        XCTAssertTrue(lines[8].contains("第 9 行"), lines[8])
    }

    func testInjectedFailureLeavesNoOutputAndExitsNonZero() throws {
        let big = path("big.csv")
        var text = "申请编号,姓名,家庭人口,家庭月收入\n"
        for i in 0..<2000 { text += "R\(i),名,1,\(i)\n" }
        try text.write(toFile: big, atomically: true, encoding: .utf8)
        let out = path("never.jsonl")
        setenv("NUAN_FAIL_AFTER", "500", 1)
        defer { unsetenv("NUAN_FAIL_AFTER") }
        let (code, _, err) = run(["--rules", rules, "--in", big, "--out", out, "--block-size", "1000", "--explain", "none"])
        XCTAssertEqual(code, .failure)
        XCTAssertTrue(err.contains("未替换任何输出文件"), err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("tmp") }, [])
    }

    func testUsageErrors() {
        XCTAssertEqual(run(["--rules", rules]).0, .usage)
        XCTAssertEqual(run(["--rules", rules, "--in", archive]).0, .usage)
        XCTAssertEqual(run(["--rules", rules, "--in", archive, "--out", path("x.jsonl"), "--explain", "most"]).0, .usage)
        XCTAssertEqual(run(["--rules", rules, "--in", path("archive.xyz"), "--out", path("x.jsonl")]).0, .usage)
        let (code, out, _) = run(["--help"])
        XCTAssertEqual(code, .success)
        XCTAssertTrue(out.contains("--against"))
        // an input that cannot be read is a usage error, not a run of 0 records
        XCTAssertEqual(run(["--rules", rules, "--in", path("missing.csv"), "--out", path("x.jsonl")]).0, .usage)
    }

    func testStagesWriteNothing() {
        let out = path("stage.jsonl")
        for stage in ["parse", "eval"] {
            let (code, _, err) = run(["--rules", rules, "--in", archive, "--out", out, "--stage", stage])
            XCTAssertEqual(code, .success, err)
            XCTAssertTrue(err.contains("读入 8 条，输出 8 条"), err)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        }
    }
}
