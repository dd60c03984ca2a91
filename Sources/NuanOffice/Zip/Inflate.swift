/// What is wrong with a DEFLATE stream; `ZipArchive` turns it into an `OfficeError` naming the entry.
enum InflateError: Error, Equatable {
    case truncated
    case badBlockType
    case storedLengthMismatch
    case badCodeLengths
    case badCode
    case badLengthSymbol
    case badDistance
    case outputTooLarge

    var message: String {
        switch self {
        case .truncated: return "压缩数据提前结束"
        case .badBlockType: return "压缩块类型无效（3）"
        case .storedLengthMismatch: return "未压缩块的长度与其校验值不符"
        case .badCodeLengths: return "霍夫曼码长无效"
        case .badCode: return "遇到不存在的霍夫曼码"
        case .badLengthSymbol: return "长度或距离符号无效"
        case .badDistance: return "回溯距离超出已解出的数据"
        case .outputTooLarge: return "解压后的数据超过声明或允许的大小"
        }
    }
}

/// A DEFLATE decoder of our own (RFC 1951): stored, fixed-Huffman and dynamic-Huffman blocks.
/// Output is capped at `limit` bytes while decoding, so a zip bomb stops at the cap instead of
/// filling memory, whatever sizes its headers declare.
enum Inflate {
    static func inflate(_ input: ArraySlice<UInt8>, limit: Int) throws(InflateError) -> [UInt8] {
        var bits = BitReader(input)
        var out: [UInt8] = []
        out.reserveCapacity(min(limit, 1 << 20))
        var last = false
        while !last {
            last = try bits.bit() == 1
            switch try bits.bits(2) {
            case 0: try stored(&bits, &out, limit)
            case 1: try codes(&bits, &out, limit, Fixed.lengths, Fixed.distances)
            case 2:
                let (lengths, distances) = try dynamicTables(&bits)
                try codes(&bits, &out, limit, lengths, distances)
            default: throw .badBlockType
            }
        }
        return out
    }

    private static func stored(_ bits: inout BitReader, _ out: inout [UInt8], _ limit: Int) throws(InflateError) {
        bits.alignToByte()
        let header = try bits.bytes(4)
        let i = header.startIndex
        let len = Int(header[i]) | Int(header[i + 1]) << 8
        let nlen = Int(header[i + 2]) | Int(header[i + 3]) << 8
        guard len == (~nlen & 0xFFFF) else { throw .storedLengthMismatch }
        guard len <= limit - out.count else { throw .outputTooLarge }
        out.append(contentsOf: try bits.bytes(len))
    }

    // RFC 1951 §3.2.5: base lengths and extra bits for length symbols 257…285 and distances 0…29.
    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                     35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                      3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
                                       257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
                                       8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
                                        7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    private static func codes(_ bits: inout BitReader, _ out: inout [UInt8], _ limit: Int,
                              _ lengths: Huffman, _ distances: Huffman) throws(InflateError) {
        while true {
            let symbol = try lengths.decode(&bits)
            if symbol < 256 {
                guard out.count < limit else { throw .outputTooLarge }
                out.append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let l = symbol - 257
                guard l < lengthBase.count else { throw .badLengthSymbol }
                let length = lengthBase[l] + (try bits.bits(lengthExtra[l]))
                let d = try distances.decode(&bits)
                guard d < distanceBase.count else { throw .badLengthSymbol }
                let distance = distanceBase[d] + (try bits.bits(distanceExtra[d]))
                guard distance <= out.count else { throw .badDistance }
                guard length <= limit - out.count else { throw .outputTooLarge }
                // Byte by byte: the copy may overlap what it is producing (distance < length).
                let from = out.count - distance
                for k in 0..<length { out.append(out[from + k]) }
            }
        }
    }

    /// The fixed codes of block type 1 (RFC 1951 §3.2.6), built once.
    private enum Fixed {
        static let lengths: Huffman = {
            var l = [Int](repeating: 8, count: 288)
            for s in 144..<256 { l[s] = 9 }
            for s in 256..<280 { l[s] = 7 }
            // Lengths from the RFC are valid, so this cannot throw.
            return (try? Huffman(lengths: l)) ?? Huffman.empty
        }()
        static let distances: Huffman = (try? Huffman(lengths: [Int](repeating: 5, count: 30))) ?? Huffman.empty
    }

    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Reads the code-length code, then the literal/length and distance code lengths (§3.2.7).
    private static func dynamicTables(_ bits: inout BitReader) throws(InflateError) -> (Huffman, Huffman) {
        let nlen = try bits.bits(5) + 257
        let ndist = try bits.bits(5) + 1
        let ncode = try bits.bits(4) + 4
        guard nlen <= 286 && ndist <= 30 else { throw .badCodeLengths }
        var codeLengths = [Int](repeating: 0, count: 19)
        for k in 0..<ncode { codeLengths[codeLengthOrder[k]] = try bits.bits(3) }
        let lencode = try Huffman(lengths: codeLengths)
        guard lencode.shape == .complete else { throw .badCodeLengths }

        var lengths = [Int](repeating: 0, count: nlen + ndist)
        var index = 0
        while index < nlen + ndist {
            let symbol = try lencode.decode(&bits)
            if symbol < 16 {
                lengths[index] = symbol
                index += 1
                continue
            }
            var value = 0
            let repeats: Int
            switch symbol {
            case 16:
                guard index > 0 else { throw .badCodeLengths }
                value = lengths[index - 1]
                repeats = 3 + (try bits.bits(2))
            case 17: repeats = 3 + (try bits.bits(3))
            default: repeats = 11 + (try bits.bits(7))
            }
            guard repeats <= nlen + ndist - index else { throw .badCodeLengths }
            for _ in 0..<repeats {
                lengths[index] = value
                index += 1
            }
        }
        // Without an end-of-block code the block could never end.
        guard lengths[256] != 0 else { throw .badCodeLengths }
        let literal = try Huffman(lengths: Array(lengths[0..<nlen]))
        // An incomplete literal/length code is only legal when it has a single code.
        guard literal.shape == .complete || literal.usedCount == 1 else { throw .badCodeLengths }
        let distance = try Huffman(lengths: Array(lengths[nlen...]))
        guard distance.shape == .complete || distance.usedCount <= 1 else { throw .badCodeLengths }
        return (literal, distance)
    }
}

