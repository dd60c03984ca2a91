/// A multiply-xor hash of a text's UTF-8 bytes, 8 at a time, for the batch's own hash tables
/// (repeated records, the writer's memo of rendered texts); a match is always confirmed by the
/// bytes themselves.
enum TextHash {
    static func of(_ s: String, seed: UInt64) -> UInt64 {
        var s = s
        return s.withUTF8 { p -> UInt64 in
            var h = seed ^ UInt64(p.count)
            guard let base = p.baseAddress else { return h }
            let raw = UnsafeRawPointer(base)
            var i = 0
            while i + 8 <= p.count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x0000_0100_0000_01B3
                h ^= h >> 29
                i += 8
            }
            while i < p.count {
                h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01B3
                i += 1
            }
            h ^= h >> 32
            return h &* 0xD6E8_FEB8_6659_FD93
        }
    }
}
