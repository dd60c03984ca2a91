import Foundation
import XCTest

/// The stages are targets along the pipeline (README, "How it is built"): every target depends
/// only on earlier stages, and the README's graph names the same edges as `Package.swift`.
final class PackageLayeringTests: XCTestCase {
    /// The order of the pipeline; a target may depend only on targets before it.
    static let stages = ["NuanSupport", "NuanSyntax", "NuanProgram", "NuanExplain", "NuanOffice", "NuanTools", "NuanServe", "NuanCLI"]

    /// `name → dependencies` of every `.target` and `.executableTarget` in Package.swift.
    static func targets() throws -> [String: [String]] {
        let text = try String(contentsOf: Golden.rootURL.appendingPathComponent("Package.swift"), encoding: .utf8)
        var out: [String: [String]] = [:]
        let pattern = try NSRegularExpression(pattern: #"\.(?:target|executableTarget)\(name: "([^"]+)"(?:, dependencies: \[([^\]]*)\])?"#)
        for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let name = String(text[Range(m.range(at: 1), in: text)!])
            var deps: [String] = []
            if let r = Range(m.range(at: 2), in: text) {
                deps = text[r].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            }
            out[name] = deps
        }
        return out
    }

    func testNoStageDependsOnALaterOne() throws {
        let targets = try Self.targets()
        for (i, stage) in Self.stages.enumerated() {
            let deps = try XCTUnwrap(targets[stage], "\(stage) is a target")
            for d in deps {
                let j = try XCTUnwrap(Self.stages.firstIndex(of: d), "\(stage) depends on \(d), which is not a stage")
                XCTAssertLessThan(j, i, "\(stage) depends on the later stage \(d)")
            }
        }
        // The .xlsx reader knows nothing of rules; the syntax knows nothing of programs.
        XCTAssertEqual(targets["NuanOffice"], [])
        XCTAssertEqual(targets["NuanSupport"], [])
        XCTAssertEqual(targets["NuanSyntax"], ["NuanSupport"])
    }

    func testTheReadmeGraphNamesEveryStage() throws {
        let readme = try String(contentsOf: Golden.rootURL.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.components(separatedBy: "## How it is built").dropFirst().first?.components(separatedBy: "\n## ").first)
        for stage in Self.stages { XCTAssertTrue(section.contains("`\(stage)`"), "README's table names \(stage)") }
        let graph = try XCTUnwrap(section.components(separatedBy: "```").dropFirst().first)
        // The main line of the graph lists the stages in pipeline order.
        let line = try XCTUnwrap(graph.split(separator: "\n").first { $0.contains("NuanSupport") })
        let order = ["NuanSupport", "NuanSyntax", "NuanProgram", "NuanExplain", "NuanTools", "NuanServe", "NuanCLI"]
        let positions = order.map { line.range(of: $0)?.lowerBound }
        XCTAssertFalse(positions.contains(nil), "every stage on the graph's main line")
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
        // NuanTools reads workbooks: the graph's edge and the package's agree.
        XCTAssertTrue(graph.contains("NuanOffice"))
        XCTAssertTrue(try Self.targets()["NuanTools"]?.contains("NuanOffice") == true)
    }
}
