/// A GB 11643 ID number packed exactly into one number: its 17 digits and the index of its check
/// character (`0`–`9`, `X`) — 10¹⁷ × 11 < 2⁶³, so two numbers are equal exactly when their codes
/// are (`x` and `X` alike). 0 is never a code (the 17 digits of an ID number are not all zero
/// with check character `0`… and if they were, the code is offset by one).
package enum IDNumberCode {
    /// The code of 18 bytes already known to be a valid ID number; nil otherwise.
    @inline(__always)
    package static func pack(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64? {
        guard n == 18 else { return nil }
        var v: UInt64 = 0
        for k in 0..<17 {
            let d = p[k] &- 0x30
            if d > 9 { return nil }
            v = v &* 10 &+ UInt64(d)
        }
        let c = p[17]
        let check: UInt64
        if c == 0x58 || c == 0x78 { check = 10 } else if c &- 0x30 <= 9 { check = UInt64(c &- 0x30) } else { return nil }
        return v &* 11 &+ check &+ 1
    }

    package static func pack(_ s: String) -> UInt64? {
        var s = s
        return s.withUTF8 { b in b.baseAddress.flatMap { pack($0, b.count) } }
    }
}
