import NuanSupport

/// What `nuan serve` says about its own options, in Chinese and English side by side; the
/// server's log messages are `NuanServe`'s `ServeMessage`.
enum ServeCommandMessage {
    static let missingRules = Message("缺少 --rules 规则文件或目录（例如 --rules Rules/bengbu-2022.rules）",
                                      "missing --rules RULES-FILE|DIR (for example --rules Rules/bengbu-2022.rules)")
    static let port = Message("--port 应为 0 到 65535 的整数（0 为任选一个空闲端口）", "--port takes a whole number from 0 to 65535 (0 picks a free port)")
    static let maxConnections = Message("--max-connections 应为 1 到 4096 的整数", "--max-connections takes a whole number from 1 to 4096")
}
