import Foundation
#if canImport(Glibc)
import Glibc
#endif
/// `nuan prove`'s work spread over the machine's cores: independent pieces (the parts of the
/// partition, a part's subtrees, ranges of cells to sweep) run at once and their results come
/// back in order, so the report is the same whatever the number of cores (`NUAN_PROVE_JOBS=1`
/// runs one at a time).
enum ProveParallel {
    /// Threads to use: the active processors, or `NUAN_PROVE_JOBS`.
    static var workers: Int {
        if let n = ProcessInfo.processInfo.environment["NUAN_PROVE_JOBS"].flatMap({ Int($0) }), n >= 1 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// `work(i)` for every `i` in `0..<n`, each run once (at once on several threads unless
    /// `workers` is 1), in index order.
    ///
    /// Threads of our own, each taking the next index until none is left, joined before the
    /// results are read: a map inside a map (a part's subtrees inside the parts) runs at once
    /// too, where a nested `DispatchQueue.concurrentPerform` runs on the calling thread alone.
    /// A thread that cannot be made leaves its share to the others, or to the calling thread.
    static func map<T>(_ n: Int, _ work: (Int) -> T) -> [T] {
        guard n > 1, workers > 1 else { return (0..<n).map(work) }
        let out = UnsafeMutablePointer<T?>.allocate(capacity: n)
        out.initialize(repeating: nil, count: n)
        defer {
            out.deinitialize(count: n)
            out.deallocate()
        }
        withoutActuallyEscaping(work) { work in
            let box = WorkBox(work, out, count: n)
            let context = Unmanaged.passRetained(box as WorkRunner).toOpaque()
            var threads: [pthread_t] = []
            for _ in 0..<min(workers, n) {
                var attributes = pthread_attr_t()
                pthread_attr_init(&attributes)
                pthread_attr_setstacksize(&attributes, 16 << 20)
                var thread = pthread_t()
                let made = pthread_create(&thread, &attributes, { context in
                    Unmanaged<WorkRunner>.fromOpaque(context!).takeUnretainedValue().run()
                    return nil
                }, context)
                pthread_attr_destroy(&attributes)
                if made == 0 { threads.append(thread) }
            }
            if threads.isEmpty { box.run() }
            for t in threads { pthread_join(t, nil) }
            Unmanaged<WorkRunner>.fromOpaque(context).release()
        }
        return (0..<n).map { out[$0]! }
    }
}

/// What a map's thread runs (not generic: a C thread entry cannot be).
private class WorkRunner: @unchecked Sendable {
    func run() {}
}

/// A map's work and its results: each index is taken once, under the lock, and its result
/// written by the thread that took it; `map` reads them after every thread has ended.
private final class WorkBox<T>: WorkRunner, @unchecked Sendable {
    let work: (Int) -> T
    let out: UnsafeMutablePointer<T?>
    let count: Int
    private let lock = NSLock()
    private var next = 0

    init(_ work: @escaping (Int) -> T, _ out: UnsafeMutablePointer<T?>, count: Int) {
        self.work = work
        self.out = out
        self.count = count
    }

    private func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    override func run() {
        while let i = take() { out[i] = work(i) }
    }
}
