import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanProgram
@testable import NuanTools

/// `nuan batch --lang en`: why a run failed and why an output may not be written, in English
/// (paths and the system's error text are data).
final class BatchMessagesTests: XCTestCase {
    var dir: URL!

    override func setUp() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-batchmsg-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    func run(_ input: String, _ output: String, english: Bool, format: BatchOptions.InputFormat = .jsonl,
             configure: (inout BatchOptions) -> Void = { _ in }) -> BatchResult {
        var o = BatchOptions(input: input, output: output, inputFormat: format, outputFormat: .jsonl, jobs: 1)
        o.explain = .none
        o.english = english
        configure(&o)
        return Batch.run(program: BatchTests.bengbu, options: o)
    }

    func testRunFailuresInEnglish() throws {
        let out = dir.appendingPathComponent("o.jsonl").path
        let directory = try XCTUnwrap(run(dir.path, out, english: true).failure)
        XCTAssertEqual(directory, "the input \(dir.path) is a directory, not an archive file")
        XCTAssertEqual(run(dir.path, out, english: false).failure, "输入 \(dir.path) 是一个目录，不是档案文件")

        let missing = dir.appendingPathComponent("missing.jsonl").path
        let cannotOpen = try XCTUnwrap(run(missing, out, english: true).failure)
        XCTAssertTrue(cannotOpen.hasPrefix("cannot open the input file \(missing): "), cannotOpen)

        let noLineEnd = try XCTUnwrap(run("/dev/zero", out, english: true) { $0.maxLine = 1 << 16 }.failure)
        XCTAssertTrue(noLineEnd.contains("(the --max-line limit)"), noLineEnd)
        let header = try XCTUnwrap(run("/dev/zero", out, english: true, format: .csv) { $0.maxLine = 1 << 16 }.failure)
        XCTAssertEqual(header, "the CSV header row is longer than 65536 bytes (the --max-line limit)")
        for text in [directory, cannotOpen, noLineEnd, header] {
            EnglishText.assertOnlyData(text, data: [dir.path])
        }
    }

    func testOutputRefusalsInEnglish() throws {
        let input = dir.appendingPathComponent("in.jsonl").path
        _ = FileManager.default.createFile(atPath: input, contents: Data("{}\n".utf8))
        // The output is the input: refused, nothing written.
        let same = try XCTUnwrap(run(input, input, english: true).failure)
        XCTAssertEqual(same, "output \(input): is the same file as the input \(input); an input or rules file is never overwritten")
        let zh = try XCTUnwrap(run(input, input, english: false).failure)
        XCTAssertEqual(zh, "输出 \(input)：与输入文件 \(input) 是同一个文件；不会覆盖输入或规则文件")

        let staging = StagedOutputs(inputs: [])
        guard case .failure(let e) = staging.stage(dir.path, what: Message.Batch.output) else { return XCTFail("a directory was staged") }
        XCTAssertEqual(e.message(english: true), "output \(dir.path): is a directory")
        XCTAssertEqual(e.message, "输出 \(dir.path)：是一个目录")
        guard case .failure(let empty) = staging.stage("", what: "--summary") else { return XCTFail("an empty path was staged") }
        XCTAssertEqual(empty.message(english: true), "--summary : the path is empty")
        for text in [same, e.message(english: true), empty.message(english: true)] { EnglishText.assertOnlyData(text, data: []) }
        staging.abandon()
    }
}
