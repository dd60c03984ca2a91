import Foundation
import XCTest

/// Golden files: diagnostics, explanations, and the authoring tools' output. Run with
/// `NUAN_RECORD=1` to (re)write the expected files from the current output instead of
/// comparing; review the change with `git diff` (see Tests/Fixtures/README.md).
enum Golden {
    /// The package root (paths in goldens are relative to it, as `nuan` run from there prints them).
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var rootURL: URL { URL(fileURLWithPath: root) }

    /// `Tests/Fixtures`, where diagnostics goldens run (their paths are relative to it).
    static var fixtures: String { root + "/Tests/Fixtures" }

    /// Runs `body` with the working directory set to `dir`, then restores it.
    static func inDirectory<T>(_ dir: String, _ body: () throws -> T) rethrows -> T {
        let fm = FileManager.default
        let saved = fm.currentDirectoryPath
        _ = fm.changeCurrentDirectoryPath(dir)
        defer { _ = fm.changeCurrentDirectoryPath(saved) }
        return try body()
    }

    /// `check` for a golden under `Tests/Fixtures`.
    static func checkFixture(_ actual: String, against relative: String, file: StaticString = #filePath, line: UInt = #line) {
        check(actual, against: "Tests/Fixtures/" + relative, file: file, line: line)
    }

    static var recording: Bool { ProcessInfo.processInfo.environment["NUAN_RECORD"] == "1" }

    static func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + relative).flatMap { String(data: $0, encoding: .utf8) }
    }

    /// Compares `actual` with the golden file (or records it).
    static func check(_ actual: String, against relative: String, file: StaticString = #filePath, line: UInt = #line) {
        let path = root + "/" + relative
        if recording {
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = read(relative) else {
            XCTFail("缺少 golden 文件 \(relative)；用 NUAN_RECORD=1 swift test 生成", file: file, line: line)
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let k = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
            XCTFail("\(relative) 与实际输出不同（第 \(k + 1) 行）：\n期望：\(k < e.count ? String(e[k]) : "<结束>")\n实际：\(k < a.count ? String(a[k]) : "<结束>")\n（确认无误后用 NUAN_RECORD=1 重新生成）",
                    file: file, line: line)
        }
    }

    /// Every `*.rules` file under a directory of the package, sorted, as paths relative to the root.
    static func rulesFiles(under dir: String) -> [String] {
        let items = (FileManager.default.enumerator(atPath: root + "/" + dir)?.allObjects as? [String]) ?? []
        return items.filter { $0.hasSuffix(".rules") }.sorted().map { dir + "/" + $0 }
    }
}
