import Foundation
#if canImport(Glibc)
import Glibc
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
#endif

/// `nuan batch`: re-decides a whole archive, streaming, on every core, output in input order.
///
/// Blocks of the input (a few MB, cut at record boundaries — CSV: outside quotes) are taken in
/// turn by worker threads under a lock (taking is reading); each worker decodes, decides and
/// renders its block into its own buffer and a block summary, then waits for its block's turn
/// and writes it, merging the summary. Memory is bounded by workers × (block + rendered block).
/// The output is written to a temporary file beside the target (`StagedOutputs`), synced and
/// renamed at the end; on failure it is removed, so an output file is whole or untouched.
/// A record longer than `maxLine` bytes is one invalid decision and reading resumes after its
/// line end; memory stays bounded by workers × (block + max line).
public enum Batch {
    public static func run(program: CheckedProgram, against old: CheckedProgram? = nil, options: BatchOptions) -> BatchResult {
        // A workbook is read as the CSV of its sheet and written from the CSV of the decisions
        // (`Batch+Workbook.swift`); the pipeline itself reads and writes bytes.
        var options = options
        var scratch: AnonymousFile?
        defer { scratch?.close() }
        if options.inputFormat == .xlsx {
            switch workbookInput(&options) {
            case .failure(let message):
                let pipe = BatchPipeline(program: program, against: old, options: options)
                return pipe.failed(message)
            case .success(let file): scratch = file
            }
        }
        if options.outputFormat == .xlsx {
            options.outputFormat = .csv
            options.workbookOutput = true
        }
        let pipe = BatchPipeline(program: program, against: old, options: options)
        return pipe.run()
    }
}

final class BatchPipeline: @unchecked Sendable {
    static let padding = FastJSONReader.padding
    let options: BatchOptions
    let bp: BatchProgram
    let oldBP: BatchProgram?
    let blockSize: Int
    var encoding: BatchEncoding = .utf8
    var layout: CSVLayout?
    var oldLayout: CSVLayout?

    // input side (under inLock)
    let inLock = NSLock()
    var inFD: Int32 = -1
    var carry: [UInt8] = []
    var eof = false
    var nextSeq = 0
    var bytesTaken = 0
    var fileSize = 0
    /// Input that is not a regular file, read ahead (`BatchRun+Spool.swift`): what is left of it
    /// in memory, or the scratch copy read instead.
    var pending: [UnsafeMutableBufferPointer<UInt8>] = []
    var pendingOffset = 0
    var spool: AnonymousFile?
    /// Lines before the first data record (the CSV header).
    var firstLine = 1
    /// Ids and ID numbers seen so far, in input order.
    let duplicates = DuplicateRegistry()
    /// The first of two passes (`BatchRun+TwoPass.swift`): workers only note the records' keys.
    var keysPass = false
    /// Set by a first pass: only records with a candidate key are registered (nil: every record).
    var candidates: RepeatCandidates?
    /// Under inLock, as workers end: the first pass's sorted fingerprint runs, and (both passes)
    /// the digest and count of the records' keys.
    var collected: [UnsafeMutableBufferPointer<UInt32>] = []
    var keyDigest: UInt64 = 0
    var keyRecords = 0
    /// `--out x.xlsx`: the staged workbook file, while `outFD` collects the CSV it is made from.
    var workbookFD: Int32 = -1
    var workbookScratch: AnonymousFile?

    // line numbering: newlines of each block, published as blocks are taken
    let lineCond = NSCondition()
    var blockLines: [Int: Int] = [:]
    var lineBaseCache: (seq: Int, base: Int) = (0, 1)

    // output side (under outCond)
    let outCond = NSCondition()
    var outFD: Int32 = -1
    /// `--trace`: where the compact trace goes, and how its entries are written.
    var traceFD: Int32 = -1
    let traceWriter: CompactTraceWriter?
    /// Staged by this run (committed at its end) unless the caller passed its own.
    var ownStaging: StagedOutputs?
    let maxLine: Int
    var converted = 0
    var nextWrite = 0
    var recordsIn = 0
    var recordsOut = 0
    var slow = 0
    var report: BatchReport
    var failure: String?
    var bytesDone = 0
    var start = Date()
    var lastProgress = Date()

    init(program: CheckedProgram, against old: CheckedProgram?, options: BatchOptions) {
        self.options = options
        bp = BatchProgram(program, compact: options.explain == .none, unmask: options.unmask, recourse: options.recourse, nearMiss: options.nearMiss,
                          everyValue: options.trace != nil && options.stage == .all)
        oldBP = old.map { BatchProgram($0, compact: options.explain == .none, unmask: options.unmask) }
        if let b = options.blockSize { blockSize = max(64, b) } else {
            let size: Int
            switch options.explain {
            case .none: size = 8 << 20
            case .brief: size = 1 << 20
            case .full: size = 256 << 10
            }
            // a CSV row renders to about 4× its bytes (a JSON line to 1.5×): smaller blocks keep
            // each worker's rendered block, hence the peak memory, alike for both (issue 15)
            blockSize = options.inputFormat == .csv ? size * 3 / 8 : size
        }
        report = BatchReport(program: program, against: old)
        traceWriter = options.trace != nil && options.stage == .all ? CompactTraceWriter(program: program) : nil
        report.nearMissMargin = options.nearMiss
        maxLine = max(64, options.maxLine)
    }

    typealias M = Message.Batch

    /// A message in the run's language (`--lang`).
    func text(_ m: Message) -> String { m.text(english: options.english) }

    func fail(_ message: Message) {
        outCond.lock()
        if failure == nil { failure = text(message) }
        outCond.broadcast()
        outCond.unlock()
    }

    var failed: Bool {
        outCond.lock(); defer { outCond.unlock() }
        return failure != nil
    }

    func result() -> BatchResult {
        BatchResult(recordsIn: recordsIn, recordsOut: recordsOut, slowRecords: slow,
                    encoding: converted > 0 ? .gb18030 : encoding, gb18030Rows: converted,
                    seconds: Date().timeIntervalSince(start), report: report, failure: failure,
                    candidateKeys: candidates?.prints.count)
    }

    func run() -> BatchResult {
        start = Date()
        inFD = options.inputDescriptor ?? open(options.input, O_RDONLY | O_CLOEXEC)
        guard inFD >= 0 else { failure = text(M.cannotOpenInput(options.input, String(cString: strerror(errno)))); return result() }
        let givenFD = inFD
        defer { if options.inputDescriptor == nil { close(givenFD) } }
        defer { spool?.close(); spool = nil; dropPending() }
        var st = stat()
        if fstat(inFD, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { failure = text(M.inputIsDirectory(options.input)); return result() }
            if (st.st_mode & S_IFMT) == S_IFREG { fileSize = Int(st.st_size) }
        }
        if let e = spoolIfLong() { failure = e; return result() }
        let firstPass = firstPassIfLarge()
        if failure != nil { return result() }
        if firstPass != nil { options.betweenPasses?() }
        if let f = firstPass, Self.identity(inFD) != f.identity { failure = text(M.inputChanged(options.input)); return result() }
        if let e = prepareInput() { failure = e; return result() }
        let writing = options.stage == .all
        if writing {
            if let e = openOutput() { failure = e; return result() }
            var head = ByteBuffer(capacity: 4096)
            if options.outputFormat == .csv {
                if options.excelBOM { head.put([0xEF, 0xBB, 0xBF]) }
                DecisionWriter.csvHeader(against: oldBP != nil, recourse: bp.recourse, carried: layout?.carriedNames ?? [], into: &head)
            }
            if head.count > 0 && !writeAll(head.base, head.count) { failure = text(M.writeFailed(String(cString: strerror(errno)))) }
            head.free()
            if failure == nil && traceWriter != nil && !writeAll(CompactTraceWriter.header(bp.program), to: traceFD) {
                failure = text(M.writeFailed(String(cString: strerror(errno))))
            }
        }
        if failure == nil { runWorkers() }
        if failure == nil, let f = firstPass,
           keyDigest != f.digest || keyRecords != f.records || Self.identity(inFD) != f.identity {
            // the file read now is not the one the first pass read: a repeat could be missed
            failure = text(M.inputChanged(options.input))
        }
        if failure == nil && recordsIn != recordsOut { failure = text(M.countMismatch(read: recordsIn, written: recordsOut)) }
        if writing { finishOutput() }
        return result()
    }

    /// Runs `options.jobs` workers over the input until it ends or the run fails.
    func runWorkers() {
        let group = DispatchGroup()
        for _ in 0..<options.jobs {
            group.enter()
            let t = Thread { [self] in
                var w = BatchWorker(self)
                w.loop()
                w.free()
                group.leave()
            }
            t.stackSize = 8 << 20
            t.start()
        }
        group.wait()
    }

    /// The run's own input check for callers that do not stage outputs themselves.
    var inputs: [String] { [options.input] + bp.program.sources.map(\.path) + (oldBP?.program.sources.map(\.path) ?? []) }

    // MARK: output file

    func openOutput() -> String? {
        if options.workbookOutput { return openWorkbookOutput() }
        return openStagedOutput()
    }

    func openStagedOutput() -> String? {
        if let staged = options.staged {
            guard options.outputIndex < staged.files.count else { return text(M.noOutputFile) }
            outFD = staged.files[options.outputIndex].fd
            if traceWriter != nil {
                guard let t = options.traceIndex, t < staged.files.count else { return text(M.noOutputFile) }
                traceFD = staged.files[t].fd
            }
            return nil
        }
        let staging = StagedOutputs(inputs: inputs)
        switch staging.stage(options.output, what: M.output) {
        case .failure(let e): return e.message(english: options.english)
        case .success(let i):
            ownStaging = staging
            outFD = staging.files[i].fd
        }
        if traceWriter != nil, let path = options.trace {
            switch staging.stage(path, what: Message(both: "--trace")) {
            case .failure(let e): staging.abandon(); ownStaging = nil; return e.message(english: options.english)
            case .success(let i): traceFD = staging.files[i].fd
            }
        }
        return nil
    }

    func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        bytes.withUnsafeBufferPointer { writeAll($0, to: fd) }
    }

    func writeAll(_ b: UnsafeBufferPointer<UInt8>, to fd: Int32) -> Bool {
        guard let p = b.baseAddress else { return true }
        var off = 0
        while off < b.count {
            let r = write(fd, p + off, b.count - off)
            if r < 0 { if errno == EINTR { continue }; return false }
            off += r
        }
        return true
    }

    func writeAll(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var off = 0
        while off < n {
            let r = write(outFD, p + off, n - off)
            if r < 0 { if errno == EINTR { continue }; return false }
            off += r
        }
        return true
    }

    func finishOutput() {
        guard outFD >= 0 else { return }
        if options.workbookOutput { finishWorkbook() }
        if failure == nil && traceFD >= 0 && !writeAll(CompactTraceWriter.trailer(count: recordsOut), to: traceFD) {
            failure = text(M.writeFailed(String(cString: strerror(errno))))
        }
        traceFD = -1
        outFD = -1
        guard let staging = ownStaging else { return }
        let t0 = Date()
        if failure == nil { failure = staging.commit(english: options.english) } else { staging.abandon() }
        if getenv("NUAN_BATCH_TIMES") != nil {
            fputs("batch: run \(t0.timeIntervalSince(start)) s, fsync+rename \(Date().timeIntervalSince(t0)) s\n", stderr)
        }
    }

    // MARK: input

    /// Reads the start of the file: BOM and (CSV) the header row, whose encoding is decided on
    /// its own like every other row's (UTF-8 when it is valid UTF-8, else GB18030).
    func prepareInput() -> String? {
        var head = [UInt8](repeating: 0, count: 64 << 10)
        var n = 0
        var readError: String?
        func more() -> Bool {
            if n == head.count { head += [UInt8](repeating: 0, count: head.count) }
            while true {
                let r = head.withUnsafeMutableBytes { readInput($0.baseAddress! + n, $0.count - n) }
                if r < 0 && errno == EINTR { continue }
                if r < 0 { readError = text(M.cannotReadInput(options.input, String(cString: strerror(errno)))) }
                if r <= 0 { eof = true; return false }
                n += r
                return true
            }
        }
        _ = more()
        while n < 3 && !eof && more() {}
        if let readError { return readError }
        var skip = 0
        if n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF { skip = 3 }
        if let e = options.encoding { encoding = e }
        if options.inputFormat == .csv {
            // the header: the first record (read on until it is complete, up to the line limit)
            var end: Int?
            while true {
                end = head.withUnsafeBufferPointer { b in
                    CSVRowSplitter.recordEnd(b.baseAddress! + skip, b.baseAddress! + n, final: eof).map { b.baseAddress!.distance(to: $0) }
                }
                if end != nil { break }
                if n - skip > maxLine { return text(M.headerTooLong(maxLine)) }
                _ = more()
                if let readError { return readError }
            }
            let stop = end ?? n
            var bytes = Array(head[skip..<stop])
            let utf8 = bytes.withUnsafeBufferPointer { UTF8Check.isValid($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
            if encoding == .gb18030 || (options.encoding == nil && !utf8) {
                guard let dec = GB18030Decoder() else { return text(M.noGB18030) }
                var out = ByteBuffer(capacity: bytes.count * 2 + 16)
                bytes.withUnsafeBufferPointer { if let b = $0.baseAddress { dec.convert(b, $0.count, into: &out) } }
                bytes = Array(UnsafeBufferPointer(start: out.base, count: out.count))
                out.free()
            }
            var sp = CSVRowSplitter()
            let names: [String] = bytes.withUnsafeBufferPointer { b in
                guard let base = b.baseAddress, b.count > 0 else { return [] }
                if sp.split(base, base + b.count) != nil { return [] }
                return sp.cells.map { c in
                    c.0.map { String(decoding: UnsafeBufferPointer(start: $0, count: c.1), as: UTF8.self).trimmingSpaces } ?? ""
                }
            }
            sp.scratch.free()
            if names.isEmpty || names.allSatisfy(\.isEmpty) { return n == 0 ? nil : text(M.noHeader) }
            if names.contains(where: { $0.contains("\u{FFFD}") }) || !bytes.withUnsafeBufferPointer({ UTF8Check.isValid($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }) {
                return text(M.headerNotText)
            }
            // the header check, before any record is decided
            let problems = HeaderCheck.problems(header: names, decoder: bp.decoder).filter { !(options.keepUnknownColumns && $0.isUnknownColumn) }
            if !problems.isEmpty {
                return text(M.headerProblems(problems.map(\.message), canKeep: problems.contains(where: \.isUnknownColumn)))
            }
            layout = CSVLayout(header: names, program: bp)
            if let o = oldBP { oldLayout = CSVLayout(header: names, program: o) }
            let next = head.withUnsafeBufferPointer { b in
                b.baseAddress!.distance(to: CSVRowSplitter.next(after: b.baseAddress! + stop, b.baseAddress! + n))
            }
            firstLine = 1 + options.lineOffset + head.withUnsafeBufferPointer { b in
                CSVRowSplitter.countTerminators(b.baseAddress! + skip, min(n, next) - skip)
            }
            skip = min(n, next)
        }
        carry = Array(head[skip..<n])
        bytesTaken = skip
        return nil
    }

    /// What `take` hands a worker: a block of n bytes, or (overlong) one record longer than
    /// `maxLine` that was skipped (n bytes, `lines` line ends) and gets one invalid decision.
    struct Taken {
        var seq: Int
        var n: Int
        var overlong = false
        var lines = 0
    }

    /// Skipping an over-long record reads at most this many bytes looking for its line end.
    var skipLimit: Int { max(64 << 20, maxLine &* 16) }

    /// Takes the next block into `buf` (grown as needed, never past about blockSize + 2 × maxLine),
    /// or nil at the end.
    func take(_ buf: inout UnsafeMutablePointer<UInt8>, _ cap: inout Int) -> Taken? {
        inLock.lock()
        defer { inLock.unlock() }
        if failed { return nil }
        var n = 0
        func ensure(_ need: Int) {
            if need + Self.padding > cap {
                let c = max(need + Self.padding, min(cap * 2, need * 2))
                let nb = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
                nb.update(from: buf, count: n)   // the bytes already valid
                buf.deallocate()
                buf = nb
                cap = c
            }
        }
        func fill(_ want: Int) -> Bool {
            while n < want && !eof {
                let r = readInput(buf + n, want - n)
                if r < 0 { if errno == EINTR { continue }; fail(M.readFailed(String(cString: strerror(errno)))); return false }
                if r == 0 { eof = true } else { n += r }
            }
            return true
        }
        let csv = options.inputFormat == .csv
        ensure(max(carry.count, blockSize))
        n = carry.count
        carry.withUnsafeBufferPointer { if let b = $0.baseAddress { buf.update(from: b, count: n) } }
        carry.removeAll(keepingCapacity: true)
        var dataLen = 0
        guard fill(max(n, min(cap - Self.padding, blockSize))) else { return nil }
        while true {
            if eof { dataLen = n; break }
            let cut = csv ? CSVRowSplitter.lastBoundary(buf, n) : (lastIndex(of: 0x0A, buf, n).map { $0 + 1 } ?? 0)
            if cut > 0 { dataLen = cut; break }
            if n > maxLine {
                // the first record is longer than the limit. CSV: a quote left open ends the
                // record at the next line end (a broken row, reported as such)
                if csv, let t = CSVRowSplitter.recordEnd(buf, buf + n, final: true), t < buf + n {
                    dataLen = UnsafePointer(buf).distance(to: CSVRowSplitter.next(after: t, buf + n))
                    break
                }
                return skipOverlong(buf, n)
            }
            // no record boundary in the whole block: read a bigger one
            let want = min(n * 2, maxLine + blockSize)
            ensure(want)
            guard fill(want) else { return nil }
        }
        if n > dataLen { carry.append(contentsOf: UnsafeBufferPointer(start: buf + dataLen, count: n - dataLen)) }
        if dataLen == 0 { return nil }
        let seq = nextSeq
        nextSeq += 1
        bytesTaken += dataLen
        return Taken(seq: seq, n: dataLen)
    }

    /// Drops the record at the start of buf[0..<n] (no line end in it) and the input after it up
    /// to its line end; what follows that line end is carried to the next block.
    func skipOverlong(_ buf: UnsafeMutablePointer<UInt8>, _ n0: Int) -> Taken? {
        let csv = options.inputFormat == .csv
        var skipped = n0
        var lines = 0
        while !eof {
            let r = readInput(buf, blockSize)
            if r < 0 { if errno == EINTR { continue }; fail(M.readFailed(String(cString: strerror(errno)))); return nil }
            if r == 0 { eof = true; break }
            var t: Int?
            if let q = memchr(buf, 0x0A, r) { t = buf.distance(to: q.assumingMemoryBound(to: UInt8.self)) }
            if csv, let q = memchr(buf, 0x0D, t ?? r) { t = buf.distance(to: q.assumingMemoryBound(to: UInt8.self)) }
            if let t {
                var after = t + 1
                if buf[t] == 0x0D && after < r && buf[after] == 0x0A { after += 1 }
                skipped += after
                lines = 1
                carry.append(contentsOf: UnsafeBufferPointer(start: buf + after, count: r - after))
                break
            }
            skipped += r
            if skipped > skipLimit {
                fail(M.noLineEnd(maxLine, mib: skipLimit >> 20))
                return nil
            }
        }
        let seq = nextSeq
        nextSeq += 1
        bytesTaken += skipped
        return Taken(seq: seq, n: skipped, overlong: true, lines: lines)
    }

    func publishLines(_ seq: Int, _ lines: Int) {
        lineCond.lock()
        blockLines[seq] = lines
        lineCond.broadcast()
        lineCond.unlock()
    }

    /// Line number of the first line of block `seq` (waits for the blocks before it to be counted).
    func lineBase(_ seq: Int) -> Int {
        lineCond.lock()
        defer { lineCond.unlock() }
        var (s, base) = lineBaseCache
        if s > seq { s = 0; base = firstLine }
        if s == 0 { base = firstLine }
        while s < seq {
            while blockLines[s] == nil { lineCond.wait() }
            base += blockLines[s]!
            s += 1
        }
        lineBaseCache = (s, base)
        return base
    }

    /// Writes block `seq` when its turn comes; merges its summary. false: the run has failed.
    /// Waits until block `seq` is next to be written; false when the run has failed. The
    /// worker then owns the turn (and the duplicate registry) until it delivers.
    func awaitTurn(_ seq: Int) -> Bool {
        outCond.lock()
        defer { outCond.unlock() }
        while nextWrite != seq && failure == nil { outCond.wait() }
        return failure == nil
    }

    func deliver(_ seq: Int, _ out: UnsafePointer<UInt8>, _ n: Int, records: Int, outputs: Int, slow s: Int,
                 report r: BatchReport?, inputBytes: Int, converted c: Int = 0, trace: UnsafeBufferPointer<UInt8>? = nil) -> Bool {
        outCond.lock()
        while nextWrite != seq && failure == nil { outCond.wait() }
        if failure != nil { outCond.unlock(); return false }
        outCond.unlock()
        var ok = true
        if let limit = options.failAfter, recordsOut + outputs >= limit {
            let k = max(0, limit - recordsOut)
            // write part of the block, then fail as a crash would
            if outFD >= 0 { _ = writeAll(out, min(n, k * 64)) }
            fail(M.injectedFault(limit))
            ok = false
        } else if outFD >= 0 && n > 0 && !writeAll(out, n) {
            fail(M.writeFailed(String(cString: strerror(errno))))
            ok = false
        } else if traceFD >= 0, let t = trace, !writeAll(t, to: traceFD) {
            fail(M.writeFailed(String(cString: strerror(errno))))
            ok = false
        }
        outCond.lock()
        if ok {
            recordsIn += records
            recordsOut += outputs
            slow += s
            converted += c
            if let r { report.merge(r) }
            bytesDone += inputBytes
            nextWrite += 1
            if let p = options.progress, Date().timeIntervalSince(lastProgress) >= 0.5 {
                lastProgress = Date()
                p(recordsOut, bytesDone, fileSize, Date().timeIntervalSince(start))
            }
        }
        outCond.broadcast()
        outCond.unlock()
        return ok
    }
}
