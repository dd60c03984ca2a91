import Foundation
import XCTest
@testable import NuanCore

/// Golden diagnostics: every `Tests/Fixtures/diagnostics/*.rules` is compiled and its rendered
/// diagnostics compared with the sibling `.expected` file. `NUAN_RECORD=1 swift test` re-records;
/// review the change with `git diff`.
final class DiagnosticGoldenTests: XCTestCase {
    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
    }

    func testDiagnosticsMatchGoldenFiles() throws {
        let fm = FileManager.default
        let root = DiagnosticGoldenTests.fixtures
        let saved = fm.currentDirectoryPath
        fm.changeCurrentDirectoryPath(root.path)
        defer { fm.changeCurrentDirectoryPath(saved) }
        let names = try fm.contentsOfDirectory(atPath: "diagnostics").filter { $0.hasSuffix(".rules") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 8)
        for name in names {
            let path = "diagnostics/" + name
            let (_, diags) = Nuan.compile(path: path)
            XCTAssertTrue(diags.hasErrors, "\(name) should have errors")
            let actual = DiagnosticRenderer.render(diags)
            let expectedPath = path.replacingOccurrences(of: ".rules", with: ".expected")
            if ProcessInfo.processInfo.environment["NUAN_RECORD"] == "1" {
                try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
            XCTAssertEqual(actual, expected, "diagnostics of \(name) changed; re-record with NUAN_RECORD=1 if on purpose")
        }
    }
}
