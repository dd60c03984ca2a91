/// Reads DEFLATE's bit stream: least significant bit first within each byte (RFC 1951 §3.1.1).
struct BitReader {
    private let bytes: ArraySlice<UInt8>
    private var position: Int
    private var buffer = 0
    private var available = 0

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    mutating func bit() throws(InflateError) -> Int {
        if available == 0 {
            guard position < bytes.endIndex else { throw .truncated }
            buffer = Int(bytes[position])
            position += 1
            available = 8
        }
        let b = buffer & 1
        buffer >>= 1
        available -= 1
        return b
    }

    /// `count` bits (at most 16) as an integer, first bit lowest.
    mutating func bits(_ count: Int) throws(InflateError) -> Int {
        var value = 0
        for k in 0..<count { value |= try bit() << k }
        return value
    }

    /// Drops the rest of the current byte (stored blocks start on a byte boundary).
    mutating func alignToByte() {
        buffer = 0
        available = 0
    }

    /// `count` whole bytes after `alignToByte()`.
    mutating func bytes(_ count: Int) throws(InflateError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.endIndex - position else { throw .truncated }
        defer { position += count }
        return bytes[position..<(position + count)]
    }
}
