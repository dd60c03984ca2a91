import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a command reads and writes. Tests pass an in-memory IO and run commands in-process.
public final class IO: @unchecked Sendable {
    public var out: (String) -> Void
    public var err: (String) -> Void
    public var readLine: () -> String?
    public var readAll: () -> [UInt8]
    public var stdoutIsTerminal: Bool
    public var stderrIsTerminal: Bool

    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void, readLine: @escaping () -> String?,
                readAll: @escaping () -> [UInt8], stdoutIsTerminal: Bool, stderrIsTerminal: Bool) {
        self.out = out
        self.err = err
        self.readLine = readLine
        self.readAll = readAll
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
    }

    /// The process's real standard streams.
    public static var standard: IO {
        IO(out: { s in FileHandle.standardOutput.write(s.data(using: .utf8)!) },
           err: { s in FileHandle.standardError.write(s.data(using: .utf8)!) },
           readLine: { Swift.readLine(strippingNewline: true) },
           readAll: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
           stdoutIsTerminal: isatty(1) != 0, stderrIsTerminal: isatty(2) != 0)
    }

    /// An in-memory IO for tests: `input` is standard input; output is collected.
    public static func capture(input: String = "") -> (IO, () -> String, () -> String) {
        var o = "", e = ""
        var lines = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var consumed = false
        let io = IO(out: { o += $0 }, err: { e += $0 },
                    readLine: { lines.isEmpty ? nil : lines.removeFirst() },
                    readAll: { if consumed { return [] }; consumed = true; return Array(input.utf8) },
                    stdoutIsTerminal: false, stderrIsTerminal: false)
        return (io, { o }, { e })
    }
}

/// Exit codes of every command: 0 decided / no errors, 1 invalid or undetermined record (or
/// failing checks and tests), 2 usage or rules-file error.
public enum ExitCode: Int32, Sendable {
    case success = 0
    case failure = 1
    case usage = 2
}
