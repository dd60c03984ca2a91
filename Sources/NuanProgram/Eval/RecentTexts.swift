#if canImport(Glibc)
import Glibc
#endif

/// The last few texts looked up and what each gave, found by their bytes. An archive repeats a
/// few region names over and over; `==` and hashing on `String` compare by canonical
/// equivalence, which walks non-ASCII text (Chinese names) scalar by scalar for every record.
/// Equal bytes are equal strings, so a hit gives what the exact lookup would; a miss is
/// looked up exactly by the caller, then added here.
struct RecentTexts<T> {
    private var keys: [String] = []
    private var values: [T] = []
    /// The entry last found or added (tried first), and the next to replace once full.
    private var last = 0
    private var next = 0
    static var capacity: Int { 8 }

    func find(_ s: String) -> T? {
        guard !keys.isEmpty else { return nil }
        if Self.sameBytes(keys[last], s) { return values[last] }
        for k in keys.indices where k != last && Self.sameBytes(keys[k], s) { return values[k] }
        return nil
    }

    mutating func add(_ s: String, _ v: T) {
        if keys.count < Self.capacity {
            keys.append(s)
            values.append(v)
            last = keys.count - 1
        } else {
            keys[next] = s
            values[next] = v
            last = next
            next = (next + 1) % Self.capacity
        }
    }

    @inline(__always) static func sameBytes(_ x: String, _ y: String) -> Bool {
        guard x.utf8.count == y.utf8.count else { return false }
        var x = x, y = y
        return x.withUTF8 { p in
            y.withUTF8 { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 }
        }
    }
}
