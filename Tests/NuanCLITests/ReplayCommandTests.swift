import Foundation
import XCTest
@testable import NuanCLI
@testable import NuanSupport
@testable import NuanTools

/// `nuan replay`: a decision confirmed byte for byte, a changed record shown as different
/// fields, and changed rules refused.
final class ReplayCommandTests: XCTestCase {
    static let root = CheckCommandTests.root
    static let rules = root.appendingPathComponent("Rules/bengbu-2022.rules").path
    static let record = root.appendingPathComponent("Rules/examples/bengbu-deep-national.json").path
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func run(_ argv: [String]) -> (ExitCode, String, String) {
        let (io, out, err) = IO.capture()
        let code = CLI.main(argv, io: io)
        return (code, out(), err())
    }

    func decide(_ extra: [String], rules: String = ReplayCommandTests.rules) throws -> String {
        let (code, out, err) = run(["screen", "--rules", rules, Self.record, "--format", "json"] + extra)
        XCTAssertEqual(code, .success, err)
        try out.write(toFile: path("decision.json"), atomically: true, encoding: .utf8)
        return path("decision.json")
    }

    func testConfirmsInEveryFormScreenWrites() throws {
        for extra in [[], ["--explain", "brief"], ["--explain", "none", "--set", "低保标准=750"], ["--unmask"]] {
            let (code, out, _) = run(["replay", try decide(extra), "--record", Self.record])
            XCTAssertEqual(code, .success, "\(extra): \(out)")
            XCTAssertTrue(out.hasPrefix("已确认：重新判定结果与原判定逐字节相同"), out)
        }
    }

    func testAnEditedDecisionDiffers() throws {
        let file = try decide([])
        let edited = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "\"total_amount\": \"1000.00\"", with: "\"total_amount\": \"2000.00\"")
        XCTAssertNotEqual(edited, try String(contentsOfFile: file, encoding: .utf8))
        try edited.write(toFile: file, atomically: true, encoding: .utf8)
        let (code, out, _) = run(["replay", file, "--record", Self.record])
        XCTAssertEqual(code, .failure)
        XCTAssertEqual(out, "不同：total_amount 与原判定不同\n")
        XCTAssertEqual(run(["replay", file, "--record", Self.record, "--format", "json"]).1, "{\"result\": \"different\", \"fields\": [\"total_amount\"]}\n")
    }

    func testChangedRulesAreRefused() throws {
        let copy = dir.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for name in ["bengbu-2022.rules", "national-base.rules"] {
            try FileManager.default.copyItem(atPath: Self.root.appendingPathComponent("Rules/\(name)").path, toPath: copy.appendingPathComponent(name).path)
        }
        let rules = copy.appendingPathComponent("bengbu-2022.rules").path
        let file = try decide([], rules: rules)
        XCTAssertEqual(run(["replay", file, "--record", Self.record]).0, .success)
        let text = try String(contentsOfFile: rules, encoding: .utf8)
        try (text + "\n# 改过一行注释\n").write(toFile: rules, atomically: true, encoding: .utf8)
        let (code, out, _) = run(["replay", file, "--record", Self.record])
        XCTAssertEqual(code, .failure)
        XCTAssertTrue(out.hasPrefix("拒绝重判：原判定所用规则 sha256 为 "), out)
        XCTAssertTrue(out.hasSuffix("改动的文件：\(rules)\n"), out)
    }
}
