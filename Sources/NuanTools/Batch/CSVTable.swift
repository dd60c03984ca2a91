#if canImport(Glibc)
import Glibc
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
#endif

/// The columns of a CSV archive, from its header row: English keys, Chinese labels or their
/// aliases (`HeaderAliases`), checked by `HeaderCheck` before this is built.
struct CSVLayout: Sendable {
    typealias Column = RecordCodec.CSVColumn
    var columns: [Column]
    /// Indices of the columns the rules do not know (carried through to CSV output).
    var carried: [Int]

    init(header: [String], program: BatchProgram) {
        let cols = program.layout.columns(header: header)
        columns = cols
        carried = cols.indices.filter { cols[$0].slot == nil }
    }

    /// The id cell of a row that could not be read whole, for its `invalid` decision.
    func id(in cells: [(UnsafePointer<UInt8>?, Int)]) -> String? {
        guard let k = columns.firstIndex(where: { $0.isID }), k < cells.count, let p = cells[k].0 else { return nil }
        return String(decoding: UnsafeBufferPointer(start: p, count: cells[k].1), as: UTF8.self)
    }

    /// Names of the carried columns for the output header, ID- and phone-shaped runs masked
    /// (a file without a header row would otherwise copy its first record's numbers).
    var carriedNames: [String] { carried.map { Privacy.maskDigitRuns(columns[$0].name) } }
}

/// Splits CSV records into cells (RFC 4180: quoted cells may hold commas, doubled quotes and
/// newlines). One per worker; its arrays are reused record after record.
struct CSVRowSplitter {
    var cells: [(UnsafePointer<UInt8>?, Int)] = []
    /// Unescaped text of quoted cells with doubled quotes.
    var scratch = ByteBuffer(capacity: 1 << 12)

    enum Problem { case badQuote }

    /// Splits the record [s, e) (without its terminator; see `recordEnd`). A `"` opens a quoted
    /// cell only at the start of a cell; inside an unquoted cell it is a literal character.
    mutating func split(_ s: UnsafePointer<UInt8>, _ e0: UnsafePointer<UInt8>) -> Problem? {
        cells.removeAll(keepingCapacity: true)
        var e = e0
        if e > s && e[-1] == 0x0D { e -= 1 }
        scratch.count = 0
        scratch.reserve(e - s + 1)
        var p = s
        while true {
            if p < e && p[0] == 0x22 {
                // quoted cell
                var q = p + 1
                var start = q
                var escaped = false
                var out = scratch.base + scratch.count
                let outStart = out
                while true {
                    guard q < e else { return .badQuote }
                    if q[0] == 0x22 {
                        if q + 1 < e && q[1] == 0x22 {
                            escaped = true
                            let len = q + 1 - start
                            memcpy(out, start, len); out += len
                            q += 2
                            start = q
                            continue
                        }
                        break
                    }
                    q += 1
                }
                if escaped {
                    let len = q - start
                    memcpy(out, start, len); out += len
                    cells.append((UnsafePointer(outStart), out - outStart))
                    scratch.count += out - outStart
                } else {
                    cells.append((p + 1, q - p - 1))
                }
                p = q + 1
                if p == e { return nil }
                if p[0] != 0x2C { return .badQuote }
                p += 1
                if p == e { cells.append((nil, 0)); return nil }
            } else {
                var q = p
                while q < e && q[0] != 0x2C { q += 1 }
                cells.append((p, q - p))
                if q == e { return nil }
                p = q + 1
                if p == e { cells.append((nil, 0)); return nil }
            }
        }
    }
}

extension CSVRowSplitter {
    /// End of the first record in [s, e): its line terminator outside quotes (an LF, or the CR
    /// of a CR LF pair or of a lone CR — Excel for Mac writes CR-only files). A `"` opens a
    /// quoted cell only at the start of a cell; anywhere else it is a literal character.
    ///
    /// A quoted cell that is never closed, or whose closing quote is followed by anything but a
    /// comma or the end of the line, makes the record broken; a broken record ends at the first
    /// terminator after its opening quote, so one bad quote costs one row, never the rest of
    /// the file. `final`: nothing follows `e`; the end is then always found (`e` itself when
    /// there is no terminator). Not final: nil when more bytes are needed to decide.
    static func recordEnd(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>, final: Bool) -> UnsafePointer<UInt8>? {
        var p = s
        var cellStart = true
        while p < e {
            let c = p[0]
            if c == 0x0A { return p }
            if c == 0x0D { return p + 1 < e || final ? p : nil }
            if c == 0x2C { cellStart = true; p += 1; continue }
            if c != 0x22 || !cellStart { cellStart = false; p += 1; continue }
            // a quoted cell
            let open = p
            var q = p + 1
            var closed = false
            while q < e {
                guard let r0 = memchr(q, 0x22, e - q) else { q = e; break }
                let r = UnsafePointer(r0.assumingMemoryBound(to: UInt8.self))
                if r + 1 == e {
                    if !final { return nil }                      // `""` or the end: the next byte decides
                    q = e; closed = true; break
                }
                if r[1] == 0x22 { q = r + 2; continue }
                q = r + 1; closed = true; break
            }
            if !closed {
                if !final { return nil }
                return firstTerminator(open + 1, e) ?? e
            }
            if q == e || q[0] == 0x2C || q[0] == 0x0A || q[0] == 0x0D {
                p = q
                cellStart = false
                continue
            }
            // text after the closing quote: broken; within one line it reads on as plain text
            if let t = firstTerminator(open + 1, q) { return t }
            p = q
            cellStart = false
        }
        return final ? e : nil
    }

    @inline(__always) static func firstTerminator(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
        var p = s
        while p < e {
            if p[0] == 0x0A || p[0] == 0x0D { return p }
            p += 1
        }
        return nil
    }

    /// Where the record after one ending at terminator `t` starts (CR LF is one terminator).
    @inline(__always) static func next(after t: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        if t < e && t[0] == 0x0D && t + 1 < e && t[1] == 0x0A { return t + 2 }
        return t + 1
    }

    /// Offset just past the last record boundary in buf[0..<n], given that buf starts at a
    /// record boundary and more bytes may follow; 0 when there is none yet.
    static func lastBoundary(_ buf: UnsafePointer<UInt8>, _ n: Int) -> Int {
        if memchr(buf, 0x22, n) == nil {
            let lf = lastIndex(of: 0x0A, buf, n) ?? -1
            let cr = memchr(buf, 0x0D, n) == nil ? -1 : (lastIndex(of: 0x0D, buf, n) ?? -1)
            let m = max(lf, cr)
            if m < 0 { return 0 }
            // a CR as the last byte may be the first half of CR LF: cut before it instead
            if m == cr && m == n - 1 { return m }
            return m + 1
        }
        var best = 0
        var s = buf
        let e = buf + n
        while s < e, let t = recordEnd(s, e, final: false) {
            s = next(after: t, e)
            best = buf.distance(to: s)
        }
        return best
    }

    /// Line terminators in p[0..<n]: LF, CR LF and lone CR each count once.
    static func countTerminators(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        var c = BatchWorker.countNewlines(p, n)
        guard memchr(p, 0x0D, n) != nil else { return c }
        for i in 0..<n where p[i] == 0x0D && (i + 1 == n || p[i + 1] != 0x0A) { c += 1 }
        return c
    }
}
