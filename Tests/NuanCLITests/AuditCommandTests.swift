import Foundation
import XCTest
@testable import NuanCLI
@testable import NuanSupport
@testable import NuanTools

/// `nuan audit` finds every seeded defect in a roster, at its line and with its rule, and
/// nothing in a clean one.
final class AuditCommandTests: XCTestCase {
    static let rules = AllocateCommandTests.rules
    static let archive = AllocateCommandTests.archive
    var dir: URL!
    var clean: String!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for argv in [["allocate", "--rules", Self.rules, "--in", Self.archive, "--budget", "central_aid=3000", "--budget", "local_finance=1000", "--out", path("a.json")],
                     ["roster", "--rules", Self.rules, "--in", Self.archive, "--allocation", path("a.json"), "--out", path("clean.csv"), "--unmask"]] {
            let (io, _, err) = IO.capture()
            XCTAssertEqual(CLI.main(argv, io: io), .success, err())
        }
        clean = try String(contentsOfFile: path("clean.csv"), encoding: .utf8)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// (rule, line) of every finding; the exit code.
    func audit(_ roster: String, previous: [String] = [], decisions: String? = nil) throws -> (ExitCode, Set<String>) {
        let file = path("roster-\(UUID().uuidString).csv")
        try roster.write(toFile: file, atomically: true, encoding: .utf8)
        var argv = ["audit", file, "--decisions", decisions ?? Self.archive, "--rules", Self.rules, "--format", "json"]
        for (k, p) in previous.enumerated() {
            let old = path("old-\(k).csv")
            try p.write(toFile: old, atomically: true, encoding: .utf8)
            argv += ["--previous", old]
        }
        let (io, out, err) = IO.capture()
        let code = CLI.main(argv, io: io)
        let json = try JSONSerialization.jsonObject(with: Data(out().utf8)) as? [String: Any]
        let findings = (json?["findings"] as? [[String: Any]] ?? []).map { "\($0["rule"]!)@\($0["line"]!)" }
        XCTAssertEqual(err(), "")
        return (code, Set(findings))
    }

    /// Replaces `old` by `new` on CSV line `n` (1-based) of the clean roster.
    func seed(_ roster: String, line n: Int, _ old: String, _ new: String) -> String {
        var lines = roster.components(separatedBy: "\r\n")
        XCTAssertTrue(lines[n - 1].contains(old), "line \(n): \(lines[n - 1])")
        lines[n - 1] = lines[n - 1].replacingOccurrences(of: old, with: new)
        return lines.joined(separator: "\r\n")
    }

    func testCleanRosterHasNoFindings() throws {
        let (code, findings) = try audit(clean)
        XCTAssertEqual(findings, [])
        XCTAssertEqual(code, .success)
        // against the batch's decisions too (no names or ID numbers there to compare)
        let (io, _, _) = IO.capture()
        _ = CLI.main(["batch", "--rules", Self.rules, "--in", Self.archive, "--out", path("d.jsonl")], io: io)
        XCTAssertEqual(try audit(clean, decisions: path("d.jsonl")).1, [])
    }

    /// A roster kept as a workbook is read the same way (rows as Excel numbers them).
    func testWorkbookRoster() {
        let (io, _, err) = IO.capture()
        XCTAssertEqual(CLI.main(["roster", "--rules", Self.rules, "--in", Self.archive, "--allocation", path("a.json"),
                                 "--out", path("r.xlsx"), "--unmask"], io: io), .success, err())
        let (io2, out, _) = IO.capture()
        XCTAssertEqual(CLI.main(["audit", path("r.xlsx"), "--decisions", Self.archive, "--rules", Self.rules], io: io2), .success, out())
        XCTAssertEqual(out(), "已核对 3 行：未发现问题\n")
    }

    func testEachSeededDefectIsFoundAtItsLine() throws {
        let cases: [(String, String, Set<String>)] = [
            ("edited amount", seed(clean, line: 2, ",1000.00,", ",1200.00,"), ["amount.above_decided@2", "total.mismatch@5", "total.mismatch@7"]),
            ("wrong fund", seed(clean, line: 3, "地方财政专项送温暖资金（local_finance）", "中央财政专项帮扶资金（central_aid）"),
             ["fund.not_allowed@3", "total.mismatch@5", "total.mismatch@6"]),
            ("bad check digit", seed(clean, line: 4, "340302198602028099", "340302198602028091"), ["id.check@4", "id.mismatch@4"]),
            ("name mismatch", seed(clean, line: 4, ",吴十,", ",吴拾,"), ["name.mismatch@4"]),
            ("total off by one fen", seed(clean, line: 7, ",3000.00,", ",3000.01,"), ["total.mismatch@7"]),
            ("other rules", seed(clean, line: 8, "规则,", "规则,0000"), ["rules.digest@8"]),
        ]
        for (what, roster, expected) in cases {
            let (code, findings) = try audit(roster)
            XCTAssertEqual(findings, expected, what)
            XCTAssertEqual(code, .failure, what)
        }
    }

    func testDuplicateIDAcrossTwoRosters() throws {
        let (code, findings) = try audit(clean, previous: [clean])
        XCTAssertEqual(findings, ["id.duplicate@2", "id.duplicate@3", "id.duplicate@4"])
        XCTAssertEqual(code, .failure)
    }

    /// All the defects at once: every one found.
    func testAllDefectsTogether() throws {
        var r = seed(clean, line: 2, ",1000.00,", ",1200.00,")
        r = seed(r, line: 3, "地方财政专项送温暖资金（local_finance）", "中央财政专项帮扶资金（central_aid）")
        r = seed(r, line: 4, "340302198602028099", "340302198602028091")
        r = seed(r, line: 4, ",吴十,", ",吴拾,")
        r = seed(r, line: 7, ",3000.00,", ",3000.01,")
        let (_, findings) = try audit(r, previous: [seed(clean, line: 2, ",张三,", ",张三,")])
        for f in ["amount.above_decided@2", "fund.not_allowed@3", "id.check@4", "total.mismatch@7", "id.duplicate@2", "id.duplicate@3"] {
            XCTAssertTrue(findings.contains(f), "\(f) in \(findings.sorted())")
        }
    }

    func testMaskedRosterCannotBeChecked() throws {
        let masked = seed(clean, line: 2, "340302197503121015", "340302********1015")
        let (_, findings) = try audit(masked)
        XCTAssertEqual(findings, ["id.masked@2"])
    }
}
