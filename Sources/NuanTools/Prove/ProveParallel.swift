import Foundation
/// `nuan prove`'s work spread over the machine's cores: independent pieces (the parts of the
/// partition, ranges of cells to sweep) run at once and their results come back in order, so
/// the report is the same whatever the number of cores (`NUAN_PROVE_JOBS=1` runs one at a time).
enum ProveParallel {
    /// Threads to use: the active processors, or `NUAN_PROVE_JOBS`.
    static var workers: Int {
        if let n = ProcessInfo.processInfo.environment["NUAN_PROVE_JOBS"].flatMap({ Int($0) }), n >= 1 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// `work(i)` for every `i` in `0..<n`, each run once (at once on several threads unless
    /// `workers` is 1), in index order.
    static func map<T>(_ n: Int, _ work: (Int) -> T) -> [T] {
        guard n > 1, workers > 1 else { return (0..<n).map(work) }
        let out = UnsafeMutablePointer<T?>.allocate(capacity: n)
        out.initialize(repeating: nil, count: n)
        defer {
            out.deinitialize(count: n)
            out.deallocate()
        }
        // Each index is written by exactly one iteration; the buffer is read after all end.
        DispatchQueue.concurrentPerform(iterations: n) { i in out[i] = work(i) }
        return (0..<n).map { out[$0]! }
    }
}
