import NuanSupport

/// What `nuan serve` says in its log and its API errors, in Chinese and English side by side.
public enum ServeMessage {
    static func noSuchRules(_ p: String) -> Message { Message("找不到规则文件或目录 \(p)", "no rules file or folder \(p)") }
    static let noRulesFiles = Message("没有可用的规则文件（*.rules）", "no rules files (*.rules) to serve")
    static func duplicateKey(_ k: String) -> Message {
        Message("两个规则文件同名 \(k)：菜单按文件名区分，请只给出其中一个", "two rules files are both called \(k): the menu is keyed by file name; give only one")
    }
    static func rulesHaveErrors(_ p: String, _ n: Int) -> Message {
        Message("规则文件 \(p) 有 \(n) 处错误，服务未启动", "the rules file \(p) has \(n) error\(n == 1 ? "" : "s"); the server did not start")
    }
    static func reloadRefused(_ p: String, _ n: Int, _ sha: String) -> Message {
        Message("规则文件 \(p) 已修改，但有 \(n) 处错误：未采用，继续使用上一版本（\(sha)）",
                "the rules file \(p) changed but has \(n) error\(n == 1 ? "" : "s"): refused; the last good version (\(sha)) keeps serving")
    }
    static func reloaded(_ p: String, _ sha: String) -> Message {
        Message("已重新载入规则文件 \(p)（\(sha)）", "reloaded the rules file \(p) (\(sha))")
    }
    public static func listening(_ url: String, _ files: [String]) -> Message {
        Message("nuan serve 正在 \(url) 提供服务（规则：\(files.joined(separator: "、"))）；按 Ctrl-C 或发送 SIGTERM 停止",
                "nuan serve is serving \(url) (rules: \(files.joined(separator: ", "))); Ctrl-C or SIGTERM stops it")
    }
    public static func exposed(_ host: String) -> Message {
        Message("""
        !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
        !! 警告：正在监听 \(host)，不只是本机（127.0.0.1）。
        !! 网络上其他计算机可以访问本服务，并看到所录入申请人的个人信息（均为明文 HTTP，未加密、无登录）。
        !! 只应在受信任的内部网络中这样做；否则请去掉 --host。
        !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
        """, """
        !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
        !! WARNING: listening on \(host), not only on this machine (127.0.0.1).
        !! Other computers on the network can reach this server and see the applicants' personal data
        !! entered into it (plain HTTP: no encryption, no login).
        !! Do this only on a trusted internal network; otherwise drop --host.
        !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
        """)
    }
    static func stopping(_ n: Int) -> Message {
        Message("正在停止：不再接受新连接，处理完进行中的 \(n) 个连接后退出", "stopping: no new connections; finishing the \(n) in progress")
    }
    static func connectionLimit(_ n: Int) -> Message {
        Message("已有 \(n) 个连接（--max-connections），新连接得到 503", "\(n) connections open (--max-connections): a new one got 503")
    }
    public static let stopped = Message("nuan serve 已停止", "nuan serve stopped")
    public static func cannotListen(_ why: String) -> Message { Message("无法监听：\(why)", "cannot listen: \(why)") }
    public static func watching(_ n: Int) -> Message {
        Message("--watch：规则文件（\(n) 个及其继承的文件）修改后自动重新载入", "--watch: the \(n) rules file\(n == 1 ? "" : "s") (and what they extend) reload when changed")
    }

    // API errors (English and Chinese in one string: the caller's language is not known yet)
    static func unknownRules(_ key: String, _ keys: [String]) -> String {
        "未知的规则 \(key)；可用：\(keys.joined(separator: ", ")) / unknown rules \(key); served: \(keys.joined(separator: ", "))"
    }
    static func chooseRules(_ keys: [String]) -> String {
        "请用 ?rules= 选择规则：\(keys.joined(separator: ", ")) / choose the rules with ?rules=: \(keys.joined(separator: ", "))"
    }
    static let badSet = "set 应写成 名称=值，例如 set=低保标准=750 / set takes NAME=VALUE, e.g. set=低保标准=750"
    static let changedOnDisk = "规则文件在磁盘上已修改，与正在提供的版本不同；请用 --watch 或重新启动 / the rules file on disk differs from the version served; use --watch or restart"
    static func badFlag(_ name: String) -> String { "\(name) 应为 true 或 false / \(name) must be true or false" }
    static let notFound = "没有这个地址 / no such resource"
    static let methodNotAllowed = "不支持此方法 / method not allowed"
    static let badExplain = "explain 应为 none、brief 或 full / explain must be none, brief or full"
    static let badLang = "lang 应为 zh 或 en / lang must be zh or en"
    static let bodyTimeout = "请求正文未按时到达 / request body not received in time"
    static let bodyClosed = "请求正文不完整或分块格式有误 / request body incomplete or badly chunked"
    static func bodyTooLarge(_ n: Int) -> String { "请求正文超过 \(n) 字节 / request body larger than \(n) bytes" }
    static func badJSON(_ detail: String) -> String { "记录不是有效的 JSON 对象：\(detail) / the record is not a valid JSON object" }
    static func lineTooLong(_ n: Int) -> Message { Message("该行超过 \(n) 字节，未读取", "the line is longer than \(n) bytes and was not read") }
    static func lineLabel(_ n: Int, _ english: Bool) -> String { english ? "line \(n)" : "第 \(n) 行" }
}
