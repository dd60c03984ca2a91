import Foundation
#if canImport(Glibc)
import Glibc
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
#endif

/// The output files of one run, written to temporaries beside their targets and put in place
/// together at the end: a run that fails replaces none of them.
///
/// Rules for a target (checked by `stage` before anything is written):
/// - it may not be the same file (device and inode, or the same resolved path) as any input
///   or as another output of the run;
/// - an existing target must be a regular file; a symbolic link is followed: the file it points
///   to is replaced, the link stays;
/// - a replaced file keeps its permission bits;
/// - `-` is standard output (written directly, nothing to rename).
/// Temporaries are removed if the process is stopped by SIGINT, SIGTERM or SIGHUP
/// (see `TemporaryFiles`).
public final class StagedOutputs: @unchecked Sendable {
    public struct File {
        /// As the user wrote it (for messages).
        public var path: String
        /// Where the file lands: the resolved target.
        var target: String
        var temporary: String
        public var fd: Int32
        var slot: Int
    }

    public private(set) var files: [File] = []
    /// Identities the outputs may not have: (device, inode) of the inputs, and resolved paths.
    private var inputIDs: [(dev: UInt64, ino: UInt64, path: String)] = []
    private var targetIDs: [(dev: UInt64, ino: UInt64)] = []
    private var targetPaths: [String] = []

    public init(inputs: [String]) {
        for p in inputs {
            var st = stat()
            if stat(p, &st) == 0 { inputIDs.append((UInt64(st.st_dev), UInt64(st.st_ino), p)) }
        }
        TemporaryFiles.installHandlers()
    }

    /// Opens a temporary for `path`; returns its index in `files`, or the reason it may not be written.
    /// `what` names the output (an option such as `--summary`).
    public func stage(_ path: String, what: String) -> Result<Int, StagedOutputError> {
        stage(path, what: Message(both: what))
    }

    /// The same, `what` in both languages (`输出` / `output`); the error is in both.
    public func stage(_ path: String, what: Message) -> Result<Int, StagedOutputError> {
        typealias M = Message.Batch
        func refuse(_ m: Message) -> Result<Int, StagedOutputError> { .failure(StagedOutputError(M.refused(what, path, m))) }
        if path.isEmpty { return refuse(M.emptyPath) }
        if path == "-" {
            files.append(File(path: path, target: "-", temporary: "", fd: dup(1), slot: -1))
            return .success(files.count - 1)
        }
        var target = path
        var st = stat()
        var exists = false
        if lstat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFLNK {
                guard let r = realpath(path, nil) else { return refuse(M.danglingLink) }
                target = String(cString: r)
                free(r)
                guard stat(target, &st) == 0 else { return refuse(M.unreadableLink) }
            }
            exists = true
            if (st.st_mode & S_IFMT) == S_IFDIR { return refuse(M.isDirectory) }
            if (st.st_mode & S_IFMT) != S_IFREG { return refuse(M.notRegular) }
        }
        let (dir, name) = Self.split(target)
        if name.isEmpty || name == "." || name == ".." { return refuse(M.notFileName) }
        guard let rdir = realpath(dir, nil) else { return refuse(M.noDirectory) }
        let resolvedDir = String(cString: rdir)
        free(rdir)
        let resolved = (resolvedDir == "/" ? "" : resolvedDir) + "/" + name
        if exists {
            for i in inputIDs where i.dev == UInt64(st.st_dev) && i.ino == UInt64(st.st_ino) {
                return refuse(M.sameAsInput(i.path))
            }
            if targetIDs.contains(where: { $0.dev == UInt64(st.st_dev) && $0.ino == UInt64(st.st_ino) }) {
                return refuse(M.sameAsOtherOutput)
            }
        }
        if targetPaths.contains(resolved) { return refuse(M.sameAsOtherOutput) }
        let tmp = (resolvedDir == "/" ? "" : resolvedDir) + "/." + name + ".nuan-tmp-\(getpid())-\(files.count)"
        let slot = TemporaryFiles.register(tmp)
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if fd < 0 {
            let e = String(cString: strerror(errno))
            TemporaryFiles.unregister(slot)
            return refuse(M.cannotWriteIn(resolvedDir, e))
        }
        if exists { _ = fchmod(fd, st.st_mode & 0o7777) }
        if exists { targetIDs.append((UInt64(st.st_dev), UInt64(st.st_ino))) }
        targetPaths.append(resolved)
        files.append(File(path: path, target: resolved, temporary: tmp, fd: fd, slot: slot))
        return .success(files.count - 1)
    }

    /// Writes all of p[0..<n] to output `i`.
    public func write(_ i: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var off = 0
        while off < n {
            let r = Glibc.write(files[i].fd, p + off, n - off)
            if r < 0 { if errno == EINTR { continue }; return false }
            off += r
        }
        return true
    }

    public func write(_ i: Int, _ text: String) -> Bool {
        var t = text
        return t.withUTF8 { b in b.baseAddress.map { write(i, $0, b.count) } ?? true }
    }

    /// Syncs every temporary, then renames each onto its target. nil: all in place. Else the
    /// reason (in English with `english`); when it fails before the first rename, no target was
    /// replaced and temporaries are gone.
    public func commit(english: Bool = false) -> String? {
        for f in files where f.target != "-" {
            if fsync(f.fd) != 0 {
                let e = String(cString: strerror(errno))
                abandon()
                return Message.Batch.fsyncFailed(f.path, e).text(english: english)
            }
        }
        for f in files { close(f.fd) }
        var done: [String] = []
        for (k, f) in files.enumerated() where f.target != "-" {
            if rename(f.temporary, f.target) != 0 {
                let e = String(cString: strerror(errno))
                for g in files[k...] where g.target != "-" { unlink(g.temporary); TemporaryFiles.unregister(g.slot) }
                files = []
                return Message.Batch.renameFailed(f.path, e, replaced: done).text(english: english)
            }
            TemporaryFiles.unregister(f.slot)
            done.append(f.path)
        }
        files = []
        return nil
    }

    /// Closes and removes every temporary; no target is touched.
    public func abandon() {
        for f in files {
            close(f.fd)
            if f.target != "-" { unlink(f.temporary); TemporaryFiles.unregister(f.slot) }
        }
        files = []
    }

    /// (directory, file name) of a path, without Foundation's path slicing; "" directory is ".".
    static func split(_ path: String) -> (String, String) {
        let u = Array(path.utf8)
        guard let slash = u.lastIndex(of: 0x2F) else { return (".", path) }
        let dir = slash == 0 ? "/" : String(decoding: u[..<slash], as: UTF8.self)
        return (dir, String(decoding: u[(slash + 1)...], as: UTF8.self))
    }
}

public struct StagedOutputError: Error, CustomStringConvertible, Sendable {
    /// Why the output may not be written, in both languages.
    public var text: Message
    public init(_ text: Message) { self.text = text }
    /// The reason in Chinese.
    public var message: String { text.zh }
    public func message(english: Bool) -> String { text.text(english: english) }
    public var description: String { message }
}

/// Paths of temporaries to remove if a signal stops the process. The handler only reads a
/// fixed table of C strings and calls unlink and _exit (both async-signal-safe).
public enum TemporaryFiles {
    static let capacity = 64
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let p = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        p.initialize(repeating: nil, count: capacity)
        return p
    }()
    static let lock = NSLock()
    nonisolated(unsafe) static var installed = false

    static func register(_ path: String) -> Int {
        lock.lock(); defer { lock.unlock() }
        for i in 0..<capacity where slots[i] == nil {
            slots[i] = strdup(path)
            return i
        }
        return -1
    }

    static func unregister(_ slot: Int) {
        guard slot >= 0 else { return }
        lock.lock(); defer { lock.unlock() }
        let p = slots[slot]
        slots[slot] = nil
        free(p)
    }

    /// SIGINT, SIGTERM and SIGHUP: remove the temporaries, exit 128 + signal (130, 143, 129).
    public static func installHandlers() {
        lock.lock(); defer { lock.unlock() }
        if installed { return }
        installed = true
        _ = slots
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            _ = signal(sig) { s in
                let table = TemporaryFiles.slots
                for i in 0..<64 {
                    if let p = table[i] { unlink(p) }
                }
                _exit(128 + s)
            }
        }
    }
}
