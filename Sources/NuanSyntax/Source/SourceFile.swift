import NuanSupport
/// A rules file's text, with the line table that turns byte offsets into line:column.
public final class SourceFile: @unchecked Sendable {
    /// The path as the user gave it (used in every diagnostic).
    public let path: String
    public let text: String
    /// UTF-8 bytes of `text`; every range indexes into these.
    public let bytes: [UInt8]
    private let lineStarts: [Int]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.bytes = Array(text.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// 1-based line and column (columns count characters, so a caret lines up under Chinese text
    /// when each character is drawn one column wide per code point).
    public func location(of offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let start = lineStarts[lo]
        let end = min(offset, bytes.count)
        let column = String(decoding: bytes[start..<end], as: UTF8.self).count + 1
        return (lo + 1, column)
    }

    /// The text of a 1-based line, without its newline.
    public func lineText(_ line: Int) -> String {
        guard line >= 1 && line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    public func slice(_ range: SourceRange) -> String {
        let lo = max(0, min(range.start, bytes.count)), hi = max(lo, min(range.end, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }
}

/// A span of a source file in UTF-8 byte offsets. Every token and syntax node carries one.
public struct SourceRange: Hashable, Sendable {
    public var file: SourceFile?
    public var start: Int
    public var end: Int

    public init(file: SourceFile?, start: Int, end: Int) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// A range for things Nuan made itself (command-line overrides, defaults).
    public static let synthetic = SourceRange(file: nil, start: 0, end: 0)

    /// The smallest range covering both.
    public func join(_ other: SourceRange) -> SourceRange {
        guard file === other.file else { return self }
        return SourceRange(file: file, start: min(start, other.start), end: max(end, other.end))
    }

    public var text: String { file?.slice(self) ?? "" }

    /// The text as a message quotes it: at most 80 characters, control characters escaped.
    public var quoted: String { EchoText.excerpt(text, limit: 80) }

    /// `path:line:column`, or `<command line>` for synthetic ranges.
    public var position: String {
        guard let file else { return "<命令行>" }
        let (l, c) = file.location(of: start)
        return "\(file.path):\(l):\(c)"
    }

    public static func == (a: SourceRange, b: SourceRange) -> Bool {
        a.file === b.file && a.start == b.start && a.end == b.end
    }

    public func hash(into h: inout Hasher) {
        h.combine(start)
        h.combine(end)
    }
}
