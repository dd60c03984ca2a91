import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
@testable import NuanSupport
@testable import NuanProgram
@testable import NuanTools
#endif

/// Large files are read twice so that the repeated-record check keeps only the keys that occur
/// more than once (`RepeatCandidates`); small files are read once and register every record.
/// Pipes and standard input are read once when short, and copied to a scratch file then read
/// twice when long. All must write the same bytes and the same summary, whatever the repeats,
/// the workers and the blocks.
final class BatchTwoPassTests: ScratchDirectoryTestCase {
    typealias T = BatchTests
    override class var scratchPrefix: String { "nuan-2pass" }

    /// A file's bytes (Data: a failed comparison prints sizes, not every byte).
    func bytes(_ p: String) -> Data { (try? Data(contentsOf: URL(fileURLWithPath: p))) ?? Data() }

    func run(_ input: String, _ output: String, format: BatchOptions.InputFormat, out: BatchOptions.OutputFormat = .jsonl,
             explain: ExplainLevel = .none, jobs: Int, block: Int?, twoPass: Bool,
             configure: (inout BatchOptions) -> Void = { _ in }) -> BatchResult {
        var o = BatchOptions(input: input, output: output, inputFormat: format, outputFormat: out, jobs: jobs)
        o.explain = explain
        o.blockSize = block
        o.twoPassMinBytes = twoPass ? 0 : Int.max
        configure(&o)
        return Batch.run(program: T.bengbu, options: o)
    }

    /// JSON Lines full of repeats: ids and ID numbers, one record repeated many times and
    /// verbatim, repeats between unreadable rows, an over-long line, blank lines.
    static func repeatsJSONL() -> String {
        var recs = (0..<500).map(T.record)
        func setID(_ i: Int, _ id: String) { recs[i] = recs[i].replacingOccurrences(of: "\"id\":\"T-\(i)\"", with: "\"id\":\"\(id)\"") }
        func setNumber(_ i: Int, _ n: String) { recs[i] = recs[i].replacingOccurrences(of: T.idNumber(i), with: n) }
        setID(250, "T-7")                                      // an id repeated once, far away
        for i in stride(from: 300, to: 340, by: 2) { setID(i, "T-5") }   // one id many times
        setNumber(260, T.idNumber(3))                          // an ID number repeated once
        for i in [100, 101, 200, 333, 450, 499] { setNumber(i, T.idNumber(42)) }   // many times
        setID(120, "T-121")                                    // id and ID number both repeated
        setNumber(120, T.idNumber(121))
        recs[400] = recs[10]                                   // the same record again, verbatim
        recs[401] = recs[10]
        var lines: [String] = []
        for (i, r) in recs.enumerated() {
            lines.append(r)
            if i % 37 == 0 { lines.append(T.badLines[(i / 37) % T.badLines.count].0) }   // B-… ids repeat too
            if i % 53 == 0 { lines.append("") }
            if i == 77 { lines.append("{\"id\":\"T-9\",\"name\":\"坏\",\"household_size\":\"三\"}") }   // an invalid one repeats T-9
            if i == 78 { lines.append("{\"id\":\"\",\"name\":\"空\",\"household_size\":2}") }
            if i == 79 { lines.append("{\"id\":\"\",\"name\":\"空\",\"household_size\":2}") }
            if i == 90 { lines.append("{\"id\":\"T-1\",\"name\":\"" + String(repeating: "长", count: 1500) + "\"}") }   // over --max-line
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func testOneAndTwoPassesWriteTheSameBytesOnRepeatsJSONL() throws {
        let input = write("r.jsonl", Array(Self.repeatsJSONL().utf8))
        var reference: [String: (Data, BatchReport)] = [:]
        for twoPass in [false, true] {
            for (jobs, block) in [(1, nil), (2, 700), (2, 4096), (3, 1 << 20)] as [(Int, Int?)] {
                for out in [BatchOptions.OutputFormat.jsonl, .csv] {
                    let o = path("o-\(twoPass)-\(jobs)-\(block ?? 0).\(out)")
                    let r = run(input, o, format: .jsonl, out: out, jobs: jobs, block: block, twoPass: twoPass) { $0.maxLine = 2000 }
                    XCTAssertNil(r.failure)
                    XCTAssertEqual(r.recordsIn, r.recordsOut)
                    if twoPass {
                        let c = try XCTUnwrap(r.candidateKeys, "a first pass ran")
                        XCTAssertGreaterThan(c, 5)
                        XCTAssertLessThan(c, 100, "only the repeated keys are candidates")
                    } else {
                        XCTAssertNil(r.candidateKeys)
                    }
                    let got = (bytes(o), r.report)
                    if let ref = reference["\(out)"] {
                        XCTAssertEqual(got.0, ref.0, "\(out), two passes: \(twoPass), jobs \(jobs), block \(block ?? 0)")
                        XCTAssertEqual(got.1, ref.1, "summary, \(out), two passes: \(twoPass), jobs \(jobs), block \(block ?? 0)")
                    } else {
                        reference["\(out)"] = got
                        // the fixture does hold every kind of repeat
                        XCTAssertGreaterThanOrEqual(r.report.warningCounts["duplicate_id_number"] ?? 0, 5)
                        let text = String(decoding: got.0, as: UTF8.self)
                        XCTAssertGreaterThanOrEqual(text.components(separatedBy: "申请编号应唯一").count - 1, 25)
                    }
                }
            }
        }
        // every explanation level
        for level in [ExplainLevel.brief, .full] {
            let a = run(input, path("a-\(level).jsonl"), format: .jsonl, explain: level, jobs: 2, block: 3000, twoPass: false) { $0.maxLine = 2000 }
            let b = run(input, path("b-\(level).jsonl"), format: .jsonl, explain: level, jobs: 2, block: 3000, twoPass: true) { $0.maxLine = 2000 }
            XCTAssertNil(a.failure)
            XCTAssertNil(b.failure)
            XCTAssertNotNil(b.candidateKeys)
            XCTAssertEqual(bytes(path("a-\(level).jsonl")), bytes(path("b-\(level).jsonl")), "\(level)")
            XCTAssertEqual(a.report, b.report)
        }
    }

    /// CSV rows with repeats, rows that cannot be read, and the same archive in GB18030 (whole
    /// file, and row by row mixed with UTF-8 rows).
    func testOneAndTwoPassesWriteTheSameBytesOnRepeatsCSVAndGB18030() throws {
        var rows: [String] = []
        for i in 0..<300 {
            let id = i % 50 == 49 ? "G-\(i - 40)" : (i >= 200 && i % 7 == 0 ? "G-11" : "G-\(i)")
            let number = i % 45 == 44 ? T.idNumber(5) : T.idNumber(i)
            rows.append("\(id),欧阳\(i),\(number),,蚌埠市,\(1 + i % 4),\(i * 211 % 3000),大病、因灾,深度困难,全国,农民工,备注\(i)")
            if i % 41 == 0 { rows.append("G-\(i),\"未闭合,\(number),,蚌埠市,1,100,,未建档,未建档,,x") }   // an open quote
            if i % 43 == 0 { rows.append("G-\(i),少了列,\(number)") }                                  // too few cells
        }
        rows[150] = rows[20]
        let text = T.zhHeader + "\n" + rows.joined(separator: "\n") + "\n"
        var mixed = Array((T.zhHeader + "\n").utf8)
        for (k, r) in rows.enumerated() { mixed += k % 3 == 0 ? T.gb18030(r + "\n") : Array((r + "\n").utf8) }
        let files = [("u.csv", Array(text.utf8)), ("g.csv", T.gb18030(text)), ("m.csv", mixed)]
        for (name, content) in files {
            var reference: Data?
            let input = write(name, content)
            for twoPass in [false, true] {
                for (jobs, block) in [(1, nil), (2, 500), (2, 4096)] as [(Int, Int?)] {
                    let o = path("\(name)-\(twoPass)-\(jobs)-\(block ?? 0).jsonl")
                    let r = run(input, o, format: .csv, jobs: jobs, block: block, twoPass: twoPass)
                    XCTAssertNil(r.failure, name)
                    XCTAssertEqual(r.recordsOut, r.recordsIn, name)
                    XCTAssertGreaterThan(r.recordsOut, 280, name)
                    XCTAssertEqual(r.candidateKeys != nil, twoPass)
                    if let ref = reference {
                        XCTAssertEqual(bytes(o), ref, "\(name), two passes: \(twoPass), jobs \(jobs), block \(block ?? 0)")
                    } else {
                        reference = bytes(o)
                        XCTAssertGreaterThanOrEqual(r.report.warningCounts["duplicate_id_number"] ?? 0, 5)
                    }
                }
            }
        }
        // and the CSV output (the repeat warning patched into its cell), explained
        let input = path("u.csv")
        let a = run(input, path("a.csv"), format: .csv, out: .csv, explain: .brief, jobs: 2, block: 900, twoPass: false)
        let b = run(input, path("b.csv"), format: .csv, out: .csv, explain: .brief, jobs: 2, block: 900, twoPass: true)
        XCTAssertNil(b.failure)
        XCTAssertEqual(bytes(path("a.csv")), bytes(path("b.csv")))
        XCTAssertEqual(a.report, b.report)
    }

    /// A file that changes between the two readings is refused: nothing is written.
    func testAFileChangedBetweenThePassesIsRefused() throws {
        let text = Self.repeatsJSONL()
        let input = write("c.jsonl", Array(text.utf8))
        let out = path("c-out.jsonl")
        let r = run(input, out, format: .jsonl, jobs: 2, block: 4096, twoPass: true) { o in
            o.betweenPasses = {
                let fd = open(input, O_WRONLY | O_APPEND)
                let extra = Array((T.record(7) + "\n").utf8)   // repeats T-7
                _ = extra.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress!, $0.count) }
                close(fd)
            }
        }
        XCTAssertNotNil(r.failure)
        XCTAssertTrue(r.failure?.contains("两遍读取之间被改动") ?? false, r.failure ?? "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "no output is left")
        // the same bytes, rewritten in place (same size, other keys): refused as well
        let other = text.replacingOccurrences(of: "\"id\":\"T-1\"", with: "\"id\":\"T-2\"")
        XCTAssertEqual(other.utf8.count, text.utf8.count)
        let input2 = write("c2.jsonl", Array(text.utf8))
        let r2 = run(input2, out, format: .jsonl, jobs: 1, block: nil, twoPass: true) { o in
            o.betweenPasses = {
                // in place: the descriptor being read sees it
                let fd = open(input2, O_WRONLY)
                let b = Array(other.utf8)
                _ = b.withUnsafeBufferPointer { pwrite(fd, $0.baseAddress!, $0.count, 0) }
                close(fd)
            }
        }
        XCTAssertNotNil(r2.failure)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    /// Runs `text` through a pipe (written by another thread) as the input `-`.
    func runPiped(_ text: String, _ output: String, format: BatchOptions.InputFormat = .jsonl, out: BatchOptions.OutputFormat = .jsonl,
                  explain: ExplainLevel = .none, jobs: Int = 2, block: Int? = 4096, twoPassMin: Int?,
                  configure: (inout BatchOptions) -> Void = { _ in }) -> BatchResult {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let wfd = fds[1]
        let b = Array(text.utf8)
        let writer = Thread {
            var off = 0
            while off < b.count {
                let n = b.withUnsafeBufferPointer { Glibc.write(wfd, $0.baseAddress! + off, $0.count - off) }
                if n <= 0 { break }
                off += n
            }
            close(wfd)
        }
        writer.start()
        var o = BatchOptions(input: "-", output: output, inputFormat: format, outputFormat: out, jobs: jobs)
        o.explain = explain
        o.blockSize = block
        o.twoPassMinBytes = twoPassMin
        o.inputDescriptor = fds[0]
        o.maxLine = 2000
        configure(&o)
        let r = Batch.run(program: T.bengbu, options: o)
        // a failed run may stop reading: let the writer finish before the pipe goes
        let drain = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
        while Glibc.read(fds[0], drain, 1 << 16) > 0 {}
        drain.deallocate()
        close(fds[0])
        return r
    }

    /// The scratch copies left in a folder (there must be none: each is unlinked when made).
    func scratchCopies(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(".nuan-scratch") }
    }

    /// A pipe cannot be read twice: below the two-pass size it is read once (every record
    /// registered); at or above it, it is copied to a scratch file first and read twice like a
    /// large file. Both write the bytes a file gives, in every format and explanation level.
    func testAPipeIsReadOnceWhenShortAndCopiedWhenLongWithTheSameBytes() throws {
        let text = Self.repeatsJSONL()
        let input = write("p.jsonl", Array(text.utf8))
        for explain in [ExplainLevel.none, .brief] {
            for out in [BatchOptions.OutputFormat.jsonl, .csv] {
                let f = path("f-\(explain)-\(out)")
                let fromFile = run(input, f, format: .jsonl, out: out, explain: explain, jobs: 2, block: 4096, twoPass: true) { $0.maxLine = 2000 }
                XCTAssertNotNil(fromFile.candidateKeys)
                // never, always, at a size inside the input, at one just past it
                for (k, limit) in [Int.max, 0, 5000, text.utf8.count + 1].enumerated() {
                    let o = path("p-\(explain)-\(out)-\(k)")
                    let r = runPiped(text, o, out: out, explain: explain, twoPassMin: limit) { $0.spoolFolder = self.dir.path }
                    XCTAssertNil(r.failure)
                    XCTAssertEqual(r.candidateKeys != nil, limit <= text.utf8.count, "copied and read twice: limit \(limit)")
                    XCTAssertEqual(bytes(o), bytes(f), "\(explain), \(out), limit \(limit)")
                    XCTAssertEqual(r.report, fromFile.report)
                }
            }
        }
        XCTAssertEqual(scratchCopies(in: dir.path), [], "no copy is left behind")
    }

    /// The size comes from `NUAN_BATCH_TWO_PASS_MIN` when the options do not set it; a CSV pipe
    /// with a header and GB18030 rows is copied like JSON Lines.
    func testThePipeThresholdFromTheEnvironmentAndACSVPipe() throws {
        var rows = [T.zhHeader]
        for i in 0..<200 {
            let id = i % 30 == 29 ? "G-\(i - 20)" : "G-\(i)"
            rows.append("\(id),欧阳\(i),\(T.idNumber(i % 90)),,蚌埠市,\(1 + i % 4),\(i * 211 % 3000),大病,深度困难,全国,农民工,备注\(i)")
        }
        let text = rows.joined(separator: "\n") + "\n"
        let input = write("e.csv", Array(text.utf8))
        let f = path("e-file.jsonl")
        XCTAssertNil(run(input, f, format: .csv, jobs: 2, block: 1000, twoPass: false).failure)
        setenv("NUAN_BATCH_TWO_PASS_MIN", "3000", 1)
        defer { unsetenv("NUAN_BATCH_TWO_PASS_MIN") }
        let r = runPiped(text, path("e-pipe.jsonl"), format: .csv, block: 1000, twoPassMin: nil) { $0.spoolFolder = self.dir.path }
        XCTAssertNil(r.failure)
        XCTAssertNotNil(r.candidateKeys, "3000 bytes from the environment: copied and read twice")
        XCTAssertEqual(bytes(path("e-pipe.jsonl")), bytes(f))
        setenv("NUAN_BATCH_TWO_PASS_MIN", "\(text.utf8.count * 2)", 1)
        let r2 = runPiped(text, path("e-pipe2.jsonl"), format: .csv, block: 1000, twoPassMin: nil) { $0.spoolFolder = self.dir.path }
        XCTAssertNil(r2.candidateKeys, "shorter than the size: read once")
        XCTAssertEqual(bytes(path("e-pipe2.jsonl")), bytes(f))
    }

    /// A copy that cannot be made or written stops the run before anything is written, naming
    /// where it was to go; nothing is left there.
    func testACopyThatCannotBeWrittenNamesThePlaceAndWritesNothing() throws {
        let text = Self.repeatsJSONL()
        let out = path("s-out.jsonl")
        let missing = path("no-such-folder")
        let r = runPiped(text, out, twoPassMin: 1000) { $0.spoolFolder = missing }
        let failure = try XCTUnwrap(r.failure)
        XCTAssertTrue(failure.contains("标准输入") && failure.contains(missing), failure)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        // the disk fills up half way: the message names the copy's path, in English too
        let r2 = runPiped(text, out, twoPassMin: 1000) { o in
            o.spoolFolder = self.dir.path
            o.spoolLimit = 20_000
            o.english = true
        }
        let f2 = try XCTUnwrap(r2.failure)
        XCTAssertTrue(f2.contains("cannot keep a copy of the standard input in \(dir.path)/.nuan-scratch-"), f2)
        XCTAssertTrue(f2.contains(String(cString: strerror(ENOSPC))), f2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        XCTAssertEqual(scratchCopies(in: dir.path), [])
        // a short input never needs the copy: the same folder is no obstacle
        let r3 = runPiped(text, out, twoPassMin: text.utf8.count + 1) { $0.spoolFolder = missing }
        XCTAssertNil(r3.failure)
    }

    func testAnEmptyFileAndAHeaderOnlyCSVWithTwoPasses() throws {
        let e = write("e.jsonl", [])
        let r = run(e, path("e-out.jsonl"), format: .jsonl, jobs: 2, block: nil, twoPass: true)
        XCTAssertNil(r.failure)
        XCTAssertEqual(r.recordsOut, 0)
        let h = write("h.csv", Array((T.zhHeader + "\n").utf8))
        let r2 = run(h, path("h-out.jsonl"), format: .csv, jobs: 2, block: nil, twoPass: true)
        XCTAssertNil(r2.failure)
        XCTAssertEqual(r2.recordsOut, 0)
        // a bad header: the same refusal as with one pass
        let bad = write("b.csv", Array("x,y\n1,2\n".utf8))
        let one = run(bad, path("b1.jsonl"), format: .csv, jobs: 1, block: nil, twoPass: false)
        let two = run(bad, path("b2.jsonl"), format: .csv, jobs: 1, block: nil, twoPass: true)
        XCTAssertNotNil(one.failure)
        XCTAssertEqual(one.failure, two.failure)
    }

    /// The candidate set: sorted runs merged, values seen twice or more kept, nothing else.
    func testCandidatesAreExactlyTheRepeatedFingerprints() {
        var chunks = FingerprintChunks()
        var rng = SystemRandomNumberGenerator()
        var all: [UInt32] = []
        for _ in 0..<(FingerprintChunks.chunk + 5000) {
            let v = UInt32.random(in: 0...UInt32.max, using: &rng)
            all.append(v)
            chunks.append(v)
        }
        for v in [7, 7, 7, 123_456, UInt32.max, 0] as [UInt32] { all.append(v); chunks.append(v) }
        all.append(all[10]); chunks.append(all[10])
        var other = FingerprintChunks()
        other.append(123_456)
        let c = RepeatCandidates.merging(chunks.finish() + other.finish())
        var counts: [UInt32: Int] = [:]
        for v in all + [123_456] { counts[v, default: 0] += 1 }
        let expected = counts.filter { $0.value >= 2 }.keys.sorted()
        XCTAssertEqual(c.prints, expected)
        XCTAssertTrue(c.contains(7) && c.contains(123_456) && c.contains(all[10]))
        XCTAssertFalse(c.contains(UInt32.max) && counts[UInt32.max] == 1)
        for v in all.prefix(1000) { XCTAssertEqual(c.contains(v), counts[v]! >= 2) }
    }

    /// The registry's own contract, entry by entry: the first record of an ID number is named
    /// with its id as it was (none, empty, short, long), a repeated id wins over a repeated ID
    /// number, and a record refused for its id does not register its ID number.
    func testTheRegistryNamesTheFirstRecordAndItsID() {
        let long = "APPLICATION-2022-000000000001"
        let seq: [(String?, UInt64)] = [("A", 1), ("A", 2), (nil, 1), ("", 5), ("B", 5), (nil, 7), ("C", 7),
                                        (long, 9), ("E", 9), ("A", 9), ("F", 2), ("G", 0), ("H", 0), ("G", 3)]
        let keys = seq.enumerated().map { DuplicateRegistry.Keys(lineInBlock: $0.offset, id: $0.element.0, idNumber: $0.element.1, outStart: 0, outEnd: 0) }
        func describe(_ c: DuplicateRegistry.Correction?) -> String {
            switch c {
            case nil: return "-"
            case .repeatedID(let l)?: return "id@\(l)"
            case .repeatedIDNumber(let l, let id)?: return "number@\(l):\(id.map { "[\($0)]" } ?? "nil")"
            }
        }
        for split in [keys.count, 1, 5] {   // all in one block, or over several calls
            let r = DuplicateRegistry()
            var found: [Int: DuplicateRegistry.Correction] = [:]
            var at = 0
            while at < keys.count {
                let part = Array(keys[at..<min(keys.count, at + split)])
                for (k, v) in r.check(part, lineBase: 10) { found[k] = v }
                at += split
            }
            let got = (0..<keys.count).map { describe(found[$0]) }
            XCTAssertEqual(got, ["-", "id@10", "number@10:[A]", "-", "number@13:[]", "-", "number@15:nil",
                                 "-", "number@17:[\(long)]", "id@10", "-", "-", "-", "id@21"], "split \(split)")
        }
    }
}
