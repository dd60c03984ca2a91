import Foundation
import NuanSupport
import NuanSyntax
import NuanProgram

/// The rules files a server decides by, keyed by file name without `.rules` (`bengbu-2022`).
/// A request names a key of this menu, never a path: nothing a client sends reaches the disk.
/// With `--watch` a changed file is compiled again; a file with errors is refused (its
/// diagnostics go to the log) and the last good version keeps serving.
public final class RulesMenu: @unchecked Sendable {
    public struct Entry: Sendable {
        public var key: String
        public var path: String
        public var program: CheckedProgram
        /// Size and modification time of every source file (the main one and what it extends).
        var stamps: [String: Stamp]
    }

    struct Stamp: Equatable {
        var size: UInt64
        var modified: Double  // seconds: timing only
    }

    let lock = NSLock()
    var entries: [Entry]
    /// The stamps of a version that was refused, so it is reported once.
    var refused: [String: [String: Stamp]] = [:]
    let log: ServeLog

    init(entries: [Entry], log: ServeLog) {
        self.entries = entries
        self.log = log
    }

    /// Rules files named directly, or every `*.rules` in a named folder (not recursive), in
    /// name order. Nil when a file cannot be read or has errors (its diagnostics are logged).
    public static func load(_ paths: [String], log: ServeLog) -> RulesMenu? {
        var files: [String] = []
        for p in paths {
            var dir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &dir) else {
                log.line(ServeMessage.noSuchRules(p))
                return nil
            }
            if dir.boolValue {
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: p)) ?? []).filter { $0.hasSuffix(".rules") }.sorted()
                files += names.map { (p as NSString).appendingPathComponent($0) }
            } else {
                files.append(p)
            }
        }
        guard !files.isEmpty else { log.line(ServeMessage.noRulesFiles); return nil }
        var entries: [Entry] = []
        for f in files {
            let key = Self.key(f)
            if entries.contains(where: { $0.key == key }) { log.line(ServeMessage.duplicateKey(key)); return nil }
            let (program, diags) = Nuan.compile(path: f)
            guard let program else {
                log.raw(DiagnosticRenderer.render(diags.filter { $0.severity == .error }, english: log.english))
                log.line(ServeMessage.rulesHaveErrors(f, diags.filter { $0.severity == .error }.count))
                return nil
            }
            entries.append(Entry(key: key, path: f, program: program, stamps: stamps(program)))
        }
        return RulesMenu(entries: entries, log: log)
    }

    static func key(_ path: String) -> String {
        let name = (path as NSString).lastPathComponent
        return name.hasSuffix(".rules") ? String(name.dropLast(6)) : name
    }

    static func stamps(_ program: CheckedProgram) -> [String: Stamp] {
        var out: [String: Stamp] = [:]
        for s in program.sources { out[s.path] = stamp(s.path) }
        return out
    }

    static func stamp(_ path: String) -> Stamp {
        let a = try? FileManager.default.attributesOfItem(atPath: path)
        return Stamp(size: (a?[.size] as? NSNumber)?.uint64Value ?? 0,
                     modified: (a?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
    }

    public var all: [Entry] { lock.lock(); defer { lock.unlock() }; return entries }

    public enum Pick {
        case found(Entry)
        case unknown([String])
        case ambiguous([String])
    }

    /// The entry a request names (`?rules=KEY`); with one file the key may be left out.
    public func pick(_ key: String?) -> Pick {
        let list = all
        if let key, !key.isEmpty {
            if let e = list.first(where: { $0.key == key }) { return .found(e) }
            return .unknown(list.map(\.key))
        }
        if list.count == 1 { return .found(list[0]) }
        return .ambiguous(list.map(\.key))
    }

    /// Compiles again every file whose sources changed on disk; returns the keys reloaded.
    @discardableResult
    public func reloadChanged() -> [String] {
        var reloaded: [String] = []
        for (i, e) in all.enumerated() {
            var now: [String: Stamp] = [:]
            for path in e.stamps.keys { now[path] = Self.stamp(path) }
            if now == e.stamps { continue }
            lock.lock()
            let seen = refused[e.key] == now
            lock.unlock()
            if seen { continue }
            let (program, diags) = Nuan.compile(path: e.path)
            guard let program else {
                let errors = diags.filter { $0.severity == .error }
                log.raw(DiagnosticRenderer.render(errors, english: log.english))
                log.line(ServeMessage.reloadRefused(e.path, errors.count, String(e.program.chainSHA256.prefix(12))))
                lock.lock()
                refused[e.key] = now
                lock.unlock()
                continue
            }
            lock.lock()
            entries[i] = Entry(key: e.key, path: e.path, program: program, stamps: Self.stamps(program))
            refused[e.key] = nil
            lock.unlock()
            log.line(ServeMessage.reloaded(e.path, String(program.chainSHA256.prefix(12))))
            reloaded.append(e.key)
        }
        return reloaded
    }

    /// Checks for changes every `interval` seconds on a thread of its own, until `stop` says so.
    public func watch(every interval: Double, while running: @escaping @Sendable () -> Bool) {  // seconds: timing only
        let t = Thread { [self] in
            while running() {
                Thread.sleep(forTimeInterval: interval)
                if running() { reloadChanged() }
            }
        }
        t.start()
    }
}

/// The server's log (standard error): one masked line per event, the access log included.
public final class ServeLog: @unchecked Sendable {
    public let english: Bool
    let write: @Sendable (String) -> Void
    let lock = NSLock()

    public init(english: Bool, write: @escaping @Sendable (String) -> Void) {
        self.english = english
        self.write = write
    }

    /// A message, masked (an ID or phone number in a file name or diagnostic never shows).
    public func line(_ m: Message) {
        raw(Disclosure.masked.line(m.text(english: english)) + "\n")
    }

    /// Already rendered text (diagnostics, which are masked by their renderer).
    public func raw(_ s: String) {
        lock.lock()
        write(s)
        lock.unlock()
    }

    static let stampFormat: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return f
    }()

    /// What the server says about itself.
    public func event(_ e: ServerEvent) {
        switch e {
        case .connectionLimit(let n): line(ServeMessage.connectionLimit(n))
        case .stopping(let n): line(ServeMessage.stopping(n))
        }
    }

    /// `2026-12-06T06:30:00Z POST /v1/decide 200 1234 3.2ms`: route, status, size, time — no
    /// address, no query, no record.
    public func access(_ e: AccessEntry) {
        // only the fixed routes by name: any other path might be something a client typed
        let path = ServeApp.routes.contains(e.path) ? e.path : "(other)"
        let method = ["GET", "POST", "HEAD", "-"].contains(e.method) ? e.method : "(other)"
        lock.lock()
        let when = Self.stampFormat.string(from: Date())
        write("\(when) \(method) \(path) \(e.status) \(e.bytes) \(String(format: "%.1f", e.milliseconds))ms\n")
        lock.unlock()
    }
}
