import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the fuzzer says when the engine traps. A trap kills the process, so every case's files
/// are on disk (`fuzz-crash-SEED-N/`, with `run.sh`) before it runs; the handler (on its own
/// stack, so a stack overflow can report too) names the case and the step, then lets the
/// signal take its default course. A hang is reported by a watchdog thread, per step: a step
/// that spends more than `hangSeconds` of processor time, or ten times that on the clock (a
/// step blocked without computing). Processor time, because on a loaded machine (parallel
/// builds on two cores) a slow but finishing step once passed the old wall-clock limit for a
/// whole case and was reported as a hang that no replay could show.
enum CrashGuard {
    /// The current case and step, kept as C text the signal handler can write without allocating.
    nonisolated(unsafe) static var note: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: 4096)
        p.initialize(repeating: 0, count: 4096)
        return p
    }()
    /// When the current step began, on the clock and in processor time; 0 between cases.
    nonisolated(unsafe) static var stepStarted: Double = 0  // seconds: timing only
    nonisolated(unsafe) static var stepStartedCPU: Double = 0  // seconds: timing only
    nonisolated(unsafe) static var hangSeconds: Double = 120  // seconds: timing only
    nonisolated(unsafe) static var armed = false

    static func set(_ text: String) {
        let b = Array(text.utf8.prefix(4000))
        _ = b.withUnsafeBufferPointer { src in
            src.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { memcpy(note, $0, b.count) }
        }
        note[b.count] = 0
        stepStartedCPU = processorSeconds()
        stepStarted = Date().timeIntervalSince1970
    }

    /// Marks the end of a case: the watchdog rests until the next step.
    static func idle() { stepStarted = 0 }

    /// Processor time of the whole process (all threads: batch workers count).
    static func processorSeconds() -> Double {  // seconds: timing only
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9  // seconds: timing only
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
                let started = stepStarted
                guard started > 0 else { continue }
                let wall = Date().timeIntervalSince1970 - started  // seconds: timing only
                let cpu = processorSeconds() - stepStartedCPU  // seconds: timing only
                if cpu > hangSeconds || wall > 10 * hangSeconds {
                    let m = "\nnuan-fuzz: HANG (one step: \(Int(cpu)) s of processor time, \(Int(wall)) s on the clock) — "
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
