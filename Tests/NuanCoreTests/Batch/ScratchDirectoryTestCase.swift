import Foundation
import XCTest

/// A test case with a fresh directory of its own for input and output files, removed after each
/// test: the batch tests write archives there and read decisions back.
class ScratchDirectoryTestCase: XCTestCase {
    /// The directory's name before its unique part (tells the test classes apart in /tmp).
    class var scratchPrefix: String { "nuan-test" }

    var dir: URL!

    override func setUp() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(Self.scratchPrefix)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let p = path(name)
        _ = FileManager.default.createFile(atPath: p, contents: Data(bytes))
        return p
    }
}
