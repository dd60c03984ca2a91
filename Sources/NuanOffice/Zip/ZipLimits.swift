/// Bounds on what a ZIP archive may make us do. A workbook is a handful of XML parts; the
/// defaults leave room for a sheet of several hundred thousand rows and stop zip bombs long
/// before memory runs out.
public struct ZipLimits: Sendable {
    /// Most entries in the central directory (a workbook has ~10–30).
    public var maxEntries = 10_000
    /// Largest uncompressed entry, declared or actual.
    public var maxEntrySize = 512 << 20
    /// Largest sum of declared uncompressed sizes.
    public var maxTotalSize = 1 << 30
    /// Largest uncompressed/compressed ratio, checked only for entries over `ratioFloor` bytes
    /// (tiny parts compress wildly well without being bombs). Spreadsheet XML compresses ~10–30×.
    public var maxRatio = 200
    public var ratioFloor = 1 << 20
    /// Longest entry name in bytes.
    public var maxNameLength = 1024

    public init() {}

    public static let standard = ZipLimits()
}
