import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `nuan batch`: re-decides a whole archive, streaming, on every core, output in input order.
///
/// Blocks of the input (a few MB, cut at record boundaries — CSV: outside quotes) are taken in
/// turn by worker threads under a lock (taking is reading); each worker decodes, decides and
/// renders its block into its own buffer and a block summary, then waits for its block's turn
/// and writes it, merging the summary. Memory is bounded by workers × (block + rendered block).
/// The output is written to a temporary file beside the target, synced and renamed at the end;
/// on failure it is removed, so an output file is whole or absent.
public enum Batch {
    public static func run(program: CheckedProgram, against old: CheckedProgram? = nil, options: BatchOptions) -> BatchResult {
        let pipe = BatchPipeline(program: program, against: old, options: options)
        return pipe.run()
    }
}

final class BatchPipeline: @unchecked Sendable {
    static let padding = 64
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
    /// Lines before the first data record (the CSV header).
    var firstLine = 1

    // line numbering: newlines of each block, published as blocks are taken
    let lineCond = NSCondition()
    var blockLines: [Int: Int] = [:]
    var lineBaseCache: (seq: Int, base: Int) = (0, 1)

    // output side (under outCond)
    let outCond = NSCondition()
    var outFD: Int32 = -1
    var tmpPath = ""
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
        bp = BatchProgram(program, compact: options.explain == .none)
        oldBP = old.map { BatchProgram($0, compact: options.explain == .none) }
        if let b = options.blockSize { blockSize = max(64, b) } else {
            switch options.explain {
            case .none: blockSize = 8 << 20
            case .brief: blockSize = 1 << 20
            case .full: blockSize = 256 << 10
            }
        }
        report = BatchReport(program: program, against: old)
    }

    func fail(_ message: String) {
        outCond.lock()
        if failure == nil { failure = message }
        outCond.broadcast()
        outCond.unlock()
    }

    var failed: Bool {
        outCond.lock(); defer { outCond.unlock() }
        return failure != nil
    }

    func result() -> BatchResult {
        BatchResult(recordsIn: recordsIn, recordsOut: recordsOut, slowRecords: slow, encoding: encoding,
                    seconds: Date().timeIntervalSince(start), report: report, failure: failure)
    }

    func run() -> BatchResult {
        start = Date()
        inFD = open(options.input, O_RDONLY)
        guard inFD >= 0 else { failure = "无法打开输入文件 \(options.input)：\(String(cString: strerror(errno)))"; return result() }
        defer { close(inFD) }
        var st = stat()
        if fstat(inFD, &st) == 0 { fileSize = Int(st.st_size) }
        if let e = prepareInput() { failure = e; return result() }
        let writing = options.stage == .all
        if writing {
            if let e = openOutput() { failure = e; return result() }
            var head = ByteBuffer(capacity: 4096)
            if options.outputFormat == .csv {
                if options.excelBOM { head.put([0xEF, 0xBB, 0xBF]) }
                DecisionWriter.csvHeader(against: oldBP != nil, carried: layout?.carriedNames ?? [], into: &head)
            }
            if head.count > 0 && !writeAll(head.base, head.count) { failure = "写入输出失败：\(String(cString: strerror(errno)))" }
            head.free()
        }
        if failure == nil {
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
        if failure == nil && recordsIn != recordsOut { failure = "内部错误：读入 \(recordsIn) 条，输出 \(recordsOut) 条" }
        if writing { finishOutput() }
        return result()
    }

    // MARK: output file

    func openOutput() -> String? {
        let target = options.output
        let dir = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        tmpPath = (dir.isEmpty ? "" : dir + "/") + "." + name + ".nuan-tmp-\(getpid())"
        outFD = open(tmpPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if outFD < 0 { return "无法写入 \(dir.isEmpty ? "." : dir)：\(String(cString: strerror(errno)))" }
        return nil
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
        let t0 = Date()
        if failure == nil && fsync(outFD) != 0 { failure = "写入输出失败（fsync）：\(String(cString: strerror(errno)))" }
        close(outFD)
        outFD = -1
        if failure == nil {
            if rename(tmpPath, options.output) != 0 { failure = "无法生成 \(options.output)：\(String(cString: strerror(errno)))" }
        }
        if failure != nil { unlink(tmpPath) }
        if getenv("NUAN_BATCH_TIMES") != nil {
            fputs("batch: run \(t0.timeIntervalSince(start)) s, fsync+rename \(Date().timeIntervalSince(t0)) s\n", stderr)
        }
    }

    // MARK: input

    /// Reads the start of the file: BOM, encoding, and (CSV) the header row.
    func prepareInput() -> String? {
        var head = [UInt8](repeating: 0, count: 64 << 10)
        var n = 0
        func more() -> Bool {
            if n == head.count { head += [UInt8](repeating: 0, count: head.count) }
            let r = head.withUnsafeMutableBytes { read(inFD, $0.baseAddress! + n, $0.count - n) }
            if r <= 0 { eof = true; return false }
            n += r
            return true
        }
        while n < 64 << 10 && more() {}
        var skip = 0
        if n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF { skip = 3 }
        if let e = options.encoding { encoding = e }
        else if options.inputFormat == .csv && skip == 0 {
            encoding = head.withUnsafeBufferPointer { BatchEncoding.detect(UnsafeBufferPointer(rebasing: $0[0..<n])) }
        }
        if options.inputFormat == .csv {
            // the header: the first record (read on until it is complete)
            var end: Int?
            while true {
                end = head.withUnsafeBufferPointer { b in
                    CSVRowSplitter.recordEnd(b.baseAddress! + skip, b.baseAddress! + n).map { b.baseAddress!.distance(to: $0) }
                }
                if end != nil || !more() { break }
            }
            let stop = end ?? n
            var bytes = Array(head[skip..<stop])
            if encoding == .gb18030 {
                guard let dec = GB18030Decoder() else { return "本机的 iconv 不支持 GB18030" }
                var out = ByteBuffer(capacity: bytes.count * 2 + 16)
                bytes.withUnsafeBufferPointer { dec.convert($0.baseAddress!, $0.count, into: &out) }
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
            if names.isEmpty || names.allSatisfy(\.isEmpty) { return n == 0 ? nil : "CSV 文件没有表头行" }
            if names.contains(where: { $0.contains("\u{FFFD}") }) { return "CSV 表头不是有效的 UTF-8 或 GB18030 文本" }
            layout = CSVLayout(header: names, program: bp)
            if let o = oldBP { oldLayout = CSVLayout(header: names, program: o) }
            let headerBytes = head[skip..<min(n, stop + 1)]
            firstLine = 1 + headerBytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            skip = min(n, stop + 1)
        }
        carry = Array(head[skip..<n])
        bytesTaken = skip
        return nil
    }

    /// Takes the next block into `buf` (grown as needed); returns (seq, length) or nil at the end.
    func take(_ buf: inout UnsafeMutablePointer<UInt8>, _ cap: inout Int) -> (seq: Int, n: Int)? {
        inLock.lock()
        defer { inLock.unlock() }
        if failed { return nil }
        var n = 0
        func ensure(_ need: Int) {
            if need + Self.padding > cap {
                let c = max(need + Self.padding, cap * 2)
                let nb = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
                nb.update(from: buf, count: n)   // the bytes already valid
                buf.deallocate()
                buf = nb
                cap = c
            }
        }
        ensure(max(carry.count, blockSize))
        n = carry.count
        carry.withUnsafeBufferPointer { if let b = $0.baseAddress { buf.update(from: b, count: n) } }
        carry.removeAll(keepingCapacity: true)
        var dataLen = 0
        while true {
            while n < blockSize && !eof {
                let r = read(inFD, buf + n, min(cap - Self.padding, blockSize) - n)
                if r < 0 { if errno == EINTR { continue }; fail("读取输入失败：\(String(cString: strerror(errno)))"); return nil }
                if r == 0 { eof = true } else { n += r }
            }
            if eof { dataLen = n; break }
            let cut = options.inputFormat == .csv ? CSVRowSplitter.lastBoundary(buf, n)
                : (lastIndex(of: 0x0A, buf, n).map { $0 + 1 } ?? 0)
            if cut > 0 { dataLen = cut; break }
            // no record boundary in a whole block: read a bigger one
            let want = n * 2
            ensure(want)
            while n < want && !eof {
                let r = read(inFD, buf + n, want - n)
                if r < 0 { if errno == EINTR { continue }; fail("读取输入失败"); return nil }
                if r == 0 { eof = true } else { n += r }
            }
            if eof { dataLen = n; break }
        }
        if n > dataLen { carry.append(contentsOf: UnsafeBufferPointer(start: buf + dataLen, count: n - dataLen)) }
        if dataLen == 0 { return nil }
        let seq = nextSeq
        nextSeq += 1
        bytesTaken += dataLen
        return (seq, dataLen)
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
    func deliver(_ seq: Int, _ out: UnsafePointer<UInt8>, _ n: Int, records: Int, outputs: Int, slow s: Int,
                 report r: BatchReport?, inputBytes: Int) -> Bool {
        outCond.lock()
        while nextWrite != seq && failure == nil { outCond.wait() }
        if failure != nil { outCond.unlock(); return false }
        outCond.unlock()
        var ok = true
        if let limit = options.failAfter, recordsOut + outputs >= limit {
            let k = max(0, limit - recordsOut)
            // write part of the block, then fail as a crash would
            if outFD >= 0 { _ = writeAll(out, min(n, k * 64)) }
            fail("注入的故障（NUAN_FAIL_AFTER=\(limit)）")
            ok = false
        } else if outFD >= 0 && n > 0 && !writeAll(out, n) {
            fail("写入输出失败：\(String(cString: strerror(errno)))")
            ok = false
        }
        outCond.lock()
        if ok {
            recordsIn += records
            recordsOut += outputs
            slow += s
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
