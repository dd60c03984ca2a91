import Foundation
import XCTest
@testable import NuanCLI

/// The README's four commands, from the sample archive to a funded roster, its 公示 list and
/// an audit, run as written there (paths under `Rules/` from the repository, the files they
/// write in a temporary folder), with the output the README shows.
final class ReadmeWalkthroughTests: XCTestCase {
    func testTheFourCommandsRunAsTheREADMESays() throws {
        let root = CheckCommandTests.root
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "From the sample archive to a funded roster"),
              let end = readme.range(of: "The first prints", range: start.upperBound..<readme.endIndex),
              let shownEnd = readme.range(of: "and the last", range: end.upperBound..<readme.endIndex) else {
            return XCTFail("README section not found")
        }
        let block = readme[start.upperBound..<end.lowerBound].replacingOccurrences(of: "\\\n", with: " ")
        let commands = block.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("nuan ") }
        XCTAssertEqual(commands.count, 4)
        let shown = readme[end.upperBound..<shownEnd.lowerBound].split(separator: "\n").filter { $0.hasPrefix("    ") }
            .map { $0.dropFirst(4) + "\n" }.joined()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var outputs: [String] = []
        for command in commands {
            let argv = command.split(separator: " ").dropFirst().map { a -> String in
                if a.hasPrefix("Rules/") { return root.appendingPathComponent(String(a)).path }
                if a.hasSuffix(".json") || a.hasSuffix(".csv") || a.hasSuffix(".html") { return dir.appendingPathComponent(String(a)).path }
                return String(a)
            }
            let (io, out, err) = IO.capture()
            XCTAssertEqual(CLI.main(argv, io: io), .success, "\(command): \(err())")
            outputs.append(out())
        }
        XCTAssertEqual(outputs[0], shown)
        XCTAssertEqual(outputs[3], "已核对 3 行：未发现问题\n")
        let page = try String(contentsOf: dir.appendingPathComponent("public.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<td class=\"code\">张*</td>"), page)
        XCTAssertFalse(page.contains("340302"))
    }
}
