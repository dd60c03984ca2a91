/// A canonical Huffman code (RFC 1951 §3.2.2) in the compact form of zlib's `puff.c`: how many
/// codes have each length, and the symbols in code order. Decoding walks one bit at a time,
/// which is slower than a table but has no table to get wrong on hostile lengths.
struct Huffman {
    static let maxBits = 15
    private(set) var counts = [Int](repeating: 0, count: maxBits + 1)
    private(set) var symbols: [Int]

    enum Shape { case complete, incomplete }

    /// A code with no symbols, on which decoding always fails: the fallback for the fixed
    /// tables, whose RFC lengths are valid, so it is never used.
    static let empty = Huffman()

    private init() {
        symbols = []
        shape = .incomplete
    }

    /// Builds the code for `lengths` (0 = symbol unused). Throws for an over-subscribed set of
    /// lengths, which no encoder can produce; reports an incomplete code so the caller can
    /// decide (RFC 1951 allows one only in a single-code distance tree).
    init(lengths: [Int]) throws(InflateError) {
        symbols = [Int](repeating: 0, count: lengths.count)
        for len in lengths {
            guard len >= 0 && len <= Self.maxBits else { throw .badCodeLengths }
            counts[len] += 1
        }
        var left = 1
        for len in 1...Self.maxBits {
            left <<= 1
            left -= counts[len]
            if left < 0 { throw .badCodeLengths }
        }
        shape = left > 0 ? .incomplete : .complete
        var offsets = [Int](repeating: 0, count: Self.maxBits + 1)
        for len in 1..<Self.maxBits { offsets[len + 1] = offsets[len] + counts[len] }
        for (symbol, len) in lengths.enumerated() where len != 0 {
            symbols[offsets[len]] = symbol
            offsets[len] += 1
        }
    }

    private(set) var shape: Shape = .complete

    /// Number of symbols that have a code (used to accept the one legal incomplete case).
    var usedCount: Int { counts[1...].reduce(0, +) }

    /// The next symbol from `bits`; throws if the bits match no code.
    func decode(_ bits: inout BitReader) throws(InflateError) -> Int {
        var code = 0, first = 0, index = 0
        for len in 1...Self.maxBits {
            code |= try bits.bit()
            let count = counts[len]
            if code - first < count {
                let at = index + code - first
                guard at < symbols.count else { throw .badCode }
                return symbols[at]
            }
            index += count
            first += count
            first <<= 1
            code <<= 1
        }
        throw .badCode
    }
}
