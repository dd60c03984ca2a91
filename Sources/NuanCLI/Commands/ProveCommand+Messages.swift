import NuanSupport

extension ProveCommand {
    static func emitted(_ path: String, count: Int) -> Message {
        Message("已写出 \(count) 个边界例子：\(path)", "\(count) boundary examples written: \(path)")
    }
}
