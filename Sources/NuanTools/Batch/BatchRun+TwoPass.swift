import Foundation
#if canImport(Glibc)
import Glibc
import NuanSupport
#endif

/// Two readings of a large regular file (issue 15): a first pass finds the keys that may
/// repeat (`RepeatCandidates`), so the deciding pass keeps only their records in the repeated-
/// record registry. Smaller files are read once, registering every record, as before; both give
/// the same bytes. Input that cannot be read twice (standard input, a pipe) is copied to a
/// scratch file first when it is as large (`BatchRun+Spool.swift`).
extension BatchPipeline {
    /// Inputs at least this large are read twice: below it the registry of every record costs
    /// less than a second reading (about 10 MB at 64 MB of CSV).
    static let twoPassDefaultMinBytes = 64 << 20

    /// `BatchOptions.twoPassMinBytes`, else `NUAN_BATCH_TWO_PASS_MIN` (bytes), else the default.
    var twoPassMinBytes: Int {
        if let m = options.twoPassMinBytes { return m }
        if let e = getenv("NUAN_BATCH_TWO_PASS_MIN"), let m = Int(String(cString: e)), m >= 0 { return m }
        return Self.twoPassDefaultMinBytes
    }

    /// What identifies the file's contents between the passes.
    struct FileIdentity: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
    }

    static func identity(_ fd: Int32) -> FileIdentity? {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        return FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                            seconds: Int(st.st_mtim.tv_sec), nanoseconds: Int(st.st_mtim.tv_nsec))
    }

    /// What the first pass found, checked again when the deciding pass ends.
    struct FirstPass {
        var identity: FileIdentity
        var digest: UInt64
        var records: Int
    }

    /// Runs the first pass when the input is a regular file of at least `twoPassMinBytes` from
    /// the current offset, then rewinds to that offset. Sets `candidates`; nil (one pass) when
    /// the file is small or not seekable, or the first pass could not read it (the deciding pass
    /// then registers every record and reports any problem itself).
    func firstPassIfLarge() -> FirstPass? {
        guard options.stage == .all, !keysPass, let before = Self.identity(inFD) else { return nil }
        let start = lseek(inFD, 0, SEEK_CUR)
        guard start >= 0, Int(before.size) - Int(start) >= twoPassMinBytes else { return nil }
        var o = options
        o.stage = .parse
        o.inputDescriptor = inFD
        o.trace = nil
        o.traceIndex = nil
        o.staged = nil
        o.progress = nil
        o.failAfter = nil
        let first = BatchPipeline(program: bp.program, against: nil, options: o)
        first.keysPass = true
        first.inFD = inFD
        let t0 = Date()
        var ok = first.prepareInput() == nil
        if ok {
            first.runWorkers()
            ok = first.failure == nil
        }
        let runs = first.collected
        first.collected = []
        guard lseek(inFD, start, SEEK_SET) == start else {
            for r in runs { r.deallocate() }
            failure = text(M.cannotReadInput(options.input, String(cString: strerror(errno))))
            return nil
        }
        guard ok else { for r in runs { r.deallocate() }; return nil }
        let t1 = Date()
        candidates = RepeatCandidates.merging(runs)
        if getenv("NUAN_BATCH_TIMES") != nil {
            fputs("batch: first pass \(t1.timeIntervalSince(t0)) s, \(first.keyRecords) records, merge \(Date().timeIntervalSince(t1)) s, \(candidates!.prints.count) candidate keys\n", stderr)
        }
        return FirstPass(identity: before, digest: first.keyDigest, records: first.keyRecords)
    }

    /// A worker's fingerprints and digest at the end of its loop.
    func collect(_ prints: inout FingerprintChunks, digest: UInt64, records: Int) {
        let runs = prints.finish()
        inLock.lock()
        collected += runs
        keyDigest &+= digest
        keyRecords += records
        inLock.unlock()
    }
}
