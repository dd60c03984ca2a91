import NuanSupport
import NuanTools

extension ProveCommand {
    static func limitError(_ text: String) -> Message {
        Message("--limit 须为 1 至 \(Prover.maximumLimit) 的整数，收到“\(text)”",
                "--limit must be a whole number from 1 to \(Prover.maximumLimit), got “\(text)”")
    }

    static func emitted(_ path: String, count: Int) -> Message {
        Message("已写出 \(count) 个边界例子：\(path)", "\(count) boundary examples written: \(path)")
    }
}
