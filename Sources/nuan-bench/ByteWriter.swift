import Glibc

/// An append-only byte buffer that drains to a file descriptor with `write(2)`.
///
/// Records are appended with the `append…` family and the buffer is flushed only between
/// records (`reserve`), so an encoder may still edit the record it is writing (see
/// `truncate(to:)`). Output goes through one large buffer instead of `print()`, which is
/// what lets the generator write millions of records in seconds.
final class ByteWriter {
    private let fd: Int32
    private let capacity: Int
    private let buf: UnsafeMutablePointer<UInt8>
    /// Bytes currently buffered (also the offset of the next byte).
    private(set) var count = 0

    /// Opens (creating or truncating) `path` for writing; `nil` if it cannot be opened.
    init?(path: String, capacity: Int = 8 << 20) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { return nil }
        self.fd = fd
        self.capacity = capacity
        buf = .allocate(capacity: capacity)
    }

    deinit { buf.deallocate() }

    /// Makes room for at least `k` more bytes, flushing what is buffered if needed.
    /// Call it between records only; `k` must be well below the capacity.
    @inline(__always) func reserve(_ k: Int) { if count + k > capacity { flush() } }

    /// Writes everything buffered to the file.
    func flush() {
        var off = 0
        while off < count {
            let r = write(fd, buf + off, count - off)
            if r < 0 {
                if errno == EINTR { continue }
                perror("nuan-bench: write"); exit(1)
            }
            off += r
        }
        count = 0
    }

    /// Flushes and closes the file.
    func close() {
        flush()
        _ = Glibc.close(fd)
    }

    /// The byte at buffered offset `i` (for encoders editing the current record).
    @inline(__always) func byte(at i: Int) -> UInt8 { buf[i] }

    /// Drops buffered bytes after offset `n` (which must be within the current record).
    @inline(__always) func truncate(to n: Int) { count = min(count, n) }

    @inline(__always) func append(_ b: UInt8) { buf[count] = b; count += 1 }

    @inline(__always) func append(_ s: StaticString) {
        memcpy(buf + count, s.utf8Start, s.utf8CodeUnitCount)
        count += s.utf8CodeUnitCount
    }

    @inline(__always) func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { p in
            memcpy(buf + count, p.baseAddress!, p.count)
            count += p.count
        }
    }

    /// Appends a non-negative integer in decimal.
    @inline(__always) func appendInt(_ v: Int) {
        if v < 0 { append(0x2D); appendInt(-v); return }
        if v < 10 { append(UInt8(truncatingIfNeeded: v) &+ 0x30); return }
        var digits = 0, t = v
        while t > 0 { digits += 1; t /= 10 }
        appendPadded(v, width: digits)
    }

    /// Appends a non-negative integer as exactly `width` digits, zero-padded on the left.
    @inline(__always) func appendPadded(_ v: Int, width: Int) {
        var t = v, i = count + width - 1
        while i >= count { buf[i] = UInt8(truncatingIfNeeded: t % 10) &+ 0x30; t /= 10; i -= 1 }
        count += width
    }

    /// Appends an amount in fen as decimal yuan with `decimals` (0, 1 or 2) places.
    /// The amount must already be a multiple of 100, 10 or 1 fen respectively.
    @inline(__always) func appendYuan(fen: Int, decimals: Int) {
        if fen < 0 { append(0x2D) }
        let f = fen < 0 ? -fen : fen
        appendInt(f / 100)
        switch decimals {
        case 0: break
        case 1: append(0x2E); append(UInt8(truncatingIfNeeded: (f / 10) % 10) &+ 0x30)
        default: append(0x2E); appendPadded(f % 100, width: 2)
        }
    }
}
