import NuanSupport

/// The explain command's own messages (the trace's refusals are `TraceProblem`'s).
enum ExplainMessage {
    static let prefix = Message("nuan explain：", "nuan explain: ")
    static let noTrace = Message("缺少 --trace 轨迹文件（由 nuan batch --trace 写出）", "missing --trace TRACE-FILE (written by nuan batch --trace)")
    static let rowOrID = Message("请给出 --row N 或 --id 申请编号 之一", "give one of --row N or --id RECORD-ID")
    static func badRow(_ r: String) -> Message { Message("--row 应为从 1 起的整数：\(r)", "--row takes a whole number from 1: \(r)") }
    static func unexpected(_ a: String) -> Message { Message("多余的参数 “\(a)”", "unexpected argument “\(a)”") }
    static func cannotRead(_ p: String) -> Message { Message("无法读取轨迹文件 \(p)", "cannot read the trace file \(p)") }
    static let htmlIsTheNotice = Message("--format html 是申请人的告知单，只能与 --view 告知单 同用",
                                         "--format html is the applicant's notice; it goes with --view notice only")
}
