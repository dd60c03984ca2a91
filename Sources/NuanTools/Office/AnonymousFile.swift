import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A scratch file with no name: created (mode 0600) and unlinked at once, so whatever it holds
/// — a workbook's rows converted to CSV, decisions waiting to become a workbook — disappears
/// with its descriptor, even when the run is killed.
struct AnonymousFile {
    let fd: Int32
    /// The name it had for a moment (for messages: it shows the folder).
    var path = ""

    /// In `directory` (the output's folder keeps the bytes on the same disk as the outputs);
    /// nil with `errno` set when it cannot be made.
    static func create(in directory: String) -> AnonymousFile? {
        var template = Array((directory.isEmpty ? "." : directory).utf8CString.dropLast()) + Array("/.nuan-scratch-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        unlink(path)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        return AnonymousFile(fd: fd, path: path)
    }

    /// Writes all of `bytes` at the current position.
    func write(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { b in
            var off = 0
            while off < b.count {
                let r = Glibc.write(fd, b.baseAddress! + off, b.count - off)
                if r < 0 { if errno == EINTR { continue }; return false }
                off += r
            }
            return true
        }
    }

    /// The whole content, from the start.
    func readAll() -> [UInt8]? {
        guard lseek(fd, 0, SEEK_SET) == 0 else { return nil }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let r = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if r < 0 { if errno == EINTR { continue }; return nil }
            if r == 0 { return out }
            out += buf[0..<r]
        }
    }

    func rewind() -> Bool { lseek(fd, 0, SEEK_SET) == 0 }
    func close() { _ = Glibc.close(fd) }

    /// The folder of `path` ("." for a bare name or standard output).
    static func folder(of path: String) -> String {
        guard path != "-", let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
