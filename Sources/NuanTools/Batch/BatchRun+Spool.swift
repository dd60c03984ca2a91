import Foundation
import NuanSupport
#if canImport(Glibc)
import Glibc
#endif

/// Input that cannot be read twice (standard input, a pipe, a FIFO) and is at least
/// `twoPassMinBytes` long is first copied to a scratch file, which is then read twice like any
/// large file (`BatchRun+TwoPass.swift`): the repeated-record check keeps only the keys that
/// repeat, so memory stays bounded whatever comes down the pipe (issue 15). Shorter input is
/// kept in memory as it is read and decided in one pass, as before; both give the same bytes.
///
/// The scratch file (mode 0600, `AnonymousFile`) is in `$TMPDIR` when it is set, else beside the
/// output (`/tmp` for standard output). It is unlinked as soon as it is made, so it disappears
/// with the process on every path: success, failure, a signal, a crash.
extension BatchPipeline {
    /// The folder the scratch copy goes to.
    var spoolFolder: String {
        if let d = options.spoolFolder { return d }
        if let e = getenv("TMPDIR"), e.pointee != 0 { return String(cString: e) }
        return options.output == "-" || options.output.isEmpty ? "/tmp" : AnonymousFile.folder(of: options.output)
    }

    /// Reads the input, when it is not a regular file, until it ends or reaches `twoPassMinBytes`.
    /// Short input stays in `pending` (read before the descriptor); long input is copied whole to
    /// a scratch file, which becomes `inFD` (the caller's descriptor stays open, read to its end).
    /// nil, or why the run stops.
    func spoolIfLong() -> String? {
        guard options.stage == .all, !keysPass else { return nil }
        var st = stat()
        guard fstat(inFD, &st) == 0, (st.st_mode & S_IFMT) != S_IFREG else { return nil }
        let limit = twoPassMinBytes
        var held = 0
        var ended = false
        let chunk = 1 << 20
        while held < limit && !ended {
            let c = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
            var n = 0
            while n < chunk {
                let r = read(inFD, c + n, chunk - n)
                if r < 0 && errno == EINTR { continue }
                if r < 0 {
                    let e = String(cString: strerror(errno))
                    c.deallocate()
                    dropPending()
                    return text(M.cannotReadInput(options.input, e))
                }
                if r == 0 { ended = true; break }
                n += r
            }
            if n > 0 { pending.append(UnsafeMutableBufferPointer(start: c, count: n)) } else { c.deallocate() }
            held += n
        }
        if held < limit { return nil }   // it ended short: decided in one pass, from memory
        // long: the bytes held, then the rest, to the scratch file
        let folder = spoolFolder
        guard let file = AnonymousFile.create(in: folder) else {
            return text(M.cannotSpool(options.input, folder, String(cString: strerror(errno))))
        }
        spool = file
        var written = 0
        // input that is not lines (no line end for longer than a record may be and the skip
        // after it) is refused as the deciding pass would refuse it, without copying it all
        let csv = options.inputFormat == .csv
        var sinceLineEnd = 0
        var anyLineEnd = false
        let longest = skipLimit + maxLine + 2 * blockSize
        func watch(_ p: UnsafePointer<UInt8>, _ n: Int) -> String? {
            var last = lastIndex(of: 0x0A, p, n)
            if csv, let r = lastIndex(of: 0x0D, p, n), r > (last ?? -1) { last = r }
            if let l = last { sinceLineEnd = n - l - 1; anyLineEnd = true } else { sinceLineEnd += n }
            if csv && !anyLineEnd && sinceLineEnd > maxLine + 3 { return text(M.headerTooLong(maxLine)) }
            if sinceLineEnd > longest { return text(M.noLineEnd(maxLine, mib: skipLimit >> 20)) }
            return nil
        }
        func put(_ p: UnsafePointer<UInt8>, _ n: Int) -> String? {
            if let e = watch(p, n) { return e }
            var off = 0
            while off < n {
                var r = write(file.fd, p + off, n - off)
                if let cap = options.spoolLimit, written + off + max(0, r) > cap { r = -1; errno = ENOSPC }
                if r < 0 && errno == EINTR { continue }
                if r < 0 { return text(M.cannotSpool(options.input, file.path, String(cString: strerror(errno)))) }
                off += r
            }
            written += n
            return nil
        }
        defer { dropPending() }
        for b in pending {
            if let e = put(b.baseAddress!, b.count) { return e }
        }
        dropPending()
        let buf = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
        defer { buf.deallocate() }
        while true {
            let r = read(inFD, buf, chunk)
            if r < 0 && errno == EINTR { continue }
            if r < 0 { return text(M.cannotReadInput(options.input, String(cString: strerror(errno)))) }
            if r == 0 { break }
            if let e = put(buf, r) { return e }
        }
        guard file.rewind() else { return text(M.cannotSpool(options.input, file.path, String(cString: strerror(errno)))) }
        inFD = file.fd
        fileSize = written
        return nil
    }

    /// Reads into p[0..<n]: first what `spoolIfLong` kept in memory, then the descriptor.
    func readInput(_ p: UnsafeMutableRawPointer, _ n: Int) -> Int {
        guard let first = pending.first else { return read(inFD, p, n) }
        let k = min(n, first.count - pendingOffset)
        p.copyMemory(from: first.baseAddress! + pendingOffset, byteCount: k)
        pendingOffset += k
        if pendingOffset == first.count {
            first.deallocate()
            pending.removeFirst()
            pendingOffset = 0
        }
        return k
    }

    func dropPending() {
        for b in pending { b.deallocate() }
        pending = []
        pendingOffset = 0
    }
}
