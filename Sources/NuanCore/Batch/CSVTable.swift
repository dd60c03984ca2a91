#if canImport(Glibc)
import Glibc
#endif

/// The columns of a CSV archive, from its header row: English keys or Chinese labels.
struct CSVLayout: Sendable {
    struct Column: Sendable {
        var name: String
        var slot: Int?
        /// `id` / `申请编号`: the record's id for its decision.
        var isID: Bool
    }
    var columns: [Column]
    /// Indices of the columns the rules do not know (carried through to CSV output).
    var carried: [Int]

    init(header: [String], program: BatchProgram) {
        let cols = header.map { h in
            Column(name: h, slot: program.decoder.slotByName[h], isID: h == "id" || h == "申请编号")
        }
        columns = cols
        carried = cols.indices.filter { cols[$0].slot == nil }
    }

    var carriedNames: [String] { carried.map { columns[$0].name } }
}

/// Splits CSV records into cells (RFC 4180: quoted cells may hold commas, doubled quotes and
/// newlines). One per worker; its arrays are reused record after record.
struct CSVRowSplitter {
    var cells: [(UnsafePointer<UInt8>?, Int)] = []
    /// Unescaped text of quoted cells with doubled quotes.
    var scratch = ByteBuffer(capacity: 1 << 12)

    enum Problem { case badQuote }

    /// Splits the record [s, e) (without its newline; a trailing CR is dropped).
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
    /// End of the first record in [s, e): the newline outside quotes, or nil when the record
    /// is not complete in the range.
    static func recordEnd(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
        var p = s
        var quoted = false
        while p < e {
            let c = p[0]
            if c == 0x22 { quoted.toggle() }
            else if c == 0x0A && !quoted { return p }
            p += 1
        }
        return nil
    }

    /// Offset just past the last record boundary (newline outside quotes) in buf[0..<n], given
    /// that buf starts at a record boundary; 0 when there is none.
    static func lastBoundary(_ buf: UnsafePointer<UInt8>, _ n: Int) -> Int {
        if memchr(buf, 0x22, n) == nil {
            guard let nl = lastIndex(of: 0x0A, buf, n) else { return 0 }
            return nl + 1
        }
        var best = 0
        var p = 0
        var even = true
        while p < n {
            let q0 = memchr(buf + p, 0x22, n - p)
            let q = q0.map { buf.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? n
            if even, q > p, let nl = lastIndex(of: 0x0A, buf + p, q - p) {
                best = p + nl + 1
            }
            if q0 == nil { break }
            even.toggle()
            p = q + 1
        }
        return best
    }
}
