import NuanSupport

/// A growable byte buffer the trace writer fills without a check per byte: each write first
/// `ensure`s room for what follows (a varint takes at most 10 bytes), then stores. A batch
/// worker keeps one and reuses it block after block; `free` it when done.
public struct TraceBytes {
    public private(set) var base: UnsafeMutablePointer<UInt8>
    public private(set) var count = 0
    private var capacity: Int

    public init(capacity: Int = 1 << 12) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    public func free() { base.deallocate() }

    public mutating func removeAll() { count = 0 }

    /// The shape of the last text in which `Privacy.mayHoldShape` found nothing maskable: its
    /// bytes, with 0xFF (never in UTF-8) for each ASCII digit. That test reads the digits'
    /// positions and the other bytes only (runs of digits and what surrounds them), never the
    /// digits' values, so a text of the same shape holds nothing maskable either — record ids
    /// (`BB-2022-0000001`) are tested once, not once a record.
    private var safeShape: [UInt8] = []

    mutating func rememberSafe(_ b: UnsafeBufferPointer<UInt8>) {
        safeShape.removeAll(keepingCapacity: true)
        for c in b { safeShape.append(c &- 0x30 < 10 ? 0xFF : c) }
    }

    func knownSafe(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count == safeShape.count, b.count > 0 else { return false }
        return safeShape.withUnsafeBufferPointer { s in
            for i in 0..<b.count where (b[i] &- 0x30 < 10 ? 0xFF : b[i]) != s[i] { return false }
            return true
        }
    }

    public var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always)
    mutating func ensure(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    mutating func grow(_ need: Int) {
        let c = max(need, capacity * 2)
        let nb = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        nb.update(from: base, count: count)
        base.deallocate()
        base = nb
        capacity = c
    }

    @inline(__always)
    mutating func put(_ b: UInt8) {
        base[count] = b
        count += 1
    }

    @inline(__always)
    mutating func put(_ b: UnsafeBufferPointer<UInt8>) {
        guard let p = b.baseAddress, b.count > 0 else { return }
        (base + count).update(from: p, count: b.count)
        count += b.count
    }

    @inline(__always)
    mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            put(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        put(UInt8(v))
    }

    @inline(__always)
    mutating func signed(_ v: Int64) { varint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }

    @inline(__always)
    mutating func fixed32(_ v: UInt32) {
        for k in 0..<4 { put(UInt8(truncatingIfNeeded: v >> UInt32(8 * k))) }
    }

    mutating func patch32(_ v: UInt32, at i: Int) {
        for k in 0..<4 { base[i + k] = UInt8(truncatingIfNeeded: v >> UInt32(8 * k)) }
    }

    /// A length-prefixed UTF-8 string (makes its own room).
    mutating func string(_ s: String) {
        let n = s.utf8.count
        ensure(n + 10)
        varint(UInt64(n))
        if s.utf8.withContiguousStorageIfAvailable({ put($0) }) == nil {
            for b in s.utf8 { put(b) }
        }
    }

    mutating func optionalString(_ s: String?) {
        ensure(1)
        guard let s else { put(0); return }
        put(1)
        string(s)
    }
}
