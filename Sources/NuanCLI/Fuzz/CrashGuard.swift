import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the fuzzer says when the engine traps. A trap kills the process, so every case's files
/// are on disk (`fuzz-crash-SEED-N/`, with `run.sh`) before it runs; the handler (on its own
/// stack, so a stack overflow can report too) names the case and the step, then lets the
/// signal take its default course. A hang is reported by a watchdog thread.
enum CrashGuard {
    /// The current case and step, kept as C text the signal handler can write without allocating.
    nonisolated(unsafe) static var note: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: 4096)
        p.initialize(repeating: 0, count: 4096)
        return p
    }()
    nonisolated(unsafe) static var caseStarted: Double = 0  // seconds: timing only
    nonisolated(unsafe) static var hangSeconds: Double = 120  // seconds: timing only
    nonisolated(unsafe) static var armed = false

    static func set(_ text: String) {
        let b = Array(text.utf8.prefix(4000))
        b.withUnsafeBufferPointer { src in
            src.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { memcpy(note, $0, b.count) }
        }
        note[b.count] = 0
    }

    static func install() {
        _ = note
        let size = 1 << 16
        var ss = stack_t()
        ss.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        ss.ss_size = size
        ss.ss_flags = 0
        sigaltstack(&ss, nil)
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = { sig in
            // no allocation here: the heap may be what broke
            var msg: (CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar,
                      CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar,
                      CChar, CChar) = (10, 110, 117, 97, 110, 45, 102, 117, 122, 122, 58, 32, 67, 82, 65, 83, 72, 32, 115, 105,
                                       103, 110, 97, 108, 32, 48, 48, 32, 45, 45, 32, 0)
            withUnsafeMutableBytes(of: &msg) { b in
                b[25] = UInt8(48 + (sig / 10) % 10)
                b[26] = UInt8(48 + sig % 10)
                _ = write(2, b.baseAddress!, 31)
            }
            _ = write(2, CrashGuard.note, strlen(CrashGuard.note))
            _ = "\n".withCString { write(2, $0, 1) }
            signal(sig, SIG_DFL)
            raise(sig)
        }
        sa.sa_flags = Int32(SA_ONSTACK) | Int32(bitPattern: UInt32(SA_RESETHAND))
        for s in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT] { sigaction(s, &sa, nil) }
        armed = true
        let t = Thread {
            while true {
                sleep(1)
                let started = caseStarted
                if started > 0 && Date().timeIntervalSince1970 - started > hangSeconds {
                    let m = "\nnuan-fuzz: HANG (no answer in \(Int(hangSeconds)) s) — "
                    _ = m.withCString { write(2, $0, strlen($0)) }
                    _ = write(2, note, strlen(note))
                    _ = "\n".withCString { write(2, $0, 1) }
                    _exit(3)
                }
            }
        }
        t.start()
    }
}
