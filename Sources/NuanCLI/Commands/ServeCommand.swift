import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NuanSupport
import NuanServe

/// The wake pipe of the running server, written by the SIGTERM/SIGINT handler (one byte is
/// async-signal-safe).
nonisolated(unsafe) private var serveWakeFD: Int32 = -1

/// `nuan serve`: the screening page and the JSON API over HTTP, on this machine by default.
enum ServeCommand {
    enum Option: OptionKey {
        case rules, host, port, watch, maxConnections, lang

        var spec: OptionSpec {
            switch self {
            case .rules:
                return OptionSpec("--rules", .repeated, value: Message("规则文件|目录", "RULES-FILE|DIR"),
                                  help: Message("要提供的规则文件，或目录（其中每个 *.rules）；多个文件在页面上成为菜单",
                                                "the rules file to serve, or a folder (every *.rules in it); several files make a menu on the page"))
            case .host:
                return OptionSpec("--host", .single, value: Message("地址", "ADDRESS"), default: Message(both: "127.0.0.1"),
                                  help: Message("监听的地址；默认只有本机可以访问（其他地址会给出醒目警告）",
                                                "the address to listen on; by default only this machine can connect (any other prints a loud warning)"))
            case .port:
                return OptionSpec("--port", .single, value: Message("端口", "PORT"), default: Message(both: "8080"),
                                  help: Message("监听的端口（0 为任选一个空闲端口）", "the port to listen on (0 picks a free one)"))
            case .watch:
                return OptionSpec("--watch", .flag, help: Message("规则文件修改后自动重新载入；有错误的版本不采用，继续使用上一版本",
                                                                  "reload a rules file when it changes; a version with errors is refused and the last good one keeps serving"))
            case .maxConnections:
                return OptionSpec("--max-connections", .single, value: Message("数量", "N"), default: Message(both: "64"),
                                  help: Message("同时服务的连接数上限；超出的连接得到 503", "connections served at once; one more gets 503"))
            case .lang: return CommonOptions.lang.helping("日志的语言（页面语言由浏览器地址中的 ?lang=en 选择）",
                                                          "the language of the log (the page's language is chosen with ?lang=en)")
            }
        }
    }

    static let spec = CommandSpec<Option>(
        name: "nuan serve",
        summary: Message("在浏览器中筛查申请人，并提供 JSON 接口", "screen applicants in a browser, and a JSON API"),
        usage: [Message("nuan serve --rules 规则文件|目录 [--port 8080] [--host 127.0.0.1] [--watch]",
                        "nuan serve --rules RULES-FILE|DIR [--port 8080] [--host 127.0.0.1] [--watch]")],
        description: [Message("提供筛查页面（GET /，?lang=en 为英文）和接口：POST /v1/decide（一条记录 → 决定，与 nuan screen --format json 相同）、POST /v1/batch（JSON Lines）、POST /v1/questions、GET /v1/rules、GET /healthz。",
                              "Serves the screening page (GET /, ?lang=en for English) and the API: POST /v1/decide (a record → its decision, as nuan screen --format json), POST /v1/batch (JSON Lines), POST /v1/questions, GET /v1/rules, GET /healthz."),
                      Message("身份证号和电话号码在页面和日志中一律遮蔽；访问日志不记录个人信息。SIGTERM 或 Ctrl-C 停止服务。",
                              "ID and phone numbers are masked on every page and log line; the access log holds no personal data. SIGTERM or Ctrl-C stops it.")],
        exitCodes: Message("0 正常停止；2 用法、规则文件错误或无法监听。", "0 stopped normally; 2 usage or rules-file error, or cannot listen."),
        examples: [Example("nuan serve --rules Rules/bengbu-2022.rules"),
                   Example("nuan serve --rules Rules/ --watch")])

    static func run(_ argv: [String], _ io: IO) -> ExitCode {
        let args: Arguments<Option>
        switch spec.parse(argv, io: io) {
        case .exit(let code): return code
        case .parsed(let a): args = a
        }
        let english = args.language == .english
        let rules = args.values(.rules)
        guard !rules.isEmpty else { io.err(ServeCommandMessage.missingRules.text(english: english) + "\n"); return .usage }
        guard let port = Int(args.value(.port) ?? "8080"), (0...65535).contains(port) else {
            io.err(ServeCommandMessage.port.text(english: english) + "\n"); return .usage
        }
        var limits = ServerLimits()
        if let m = args.value(.maxConnections) {
            guard let n = Int(m), (1...4096).contains(n) else { io.err(ServeCommandMessage.maxConnections.text(english: english) + "\n"); return .usage }
            limits.maxConnections = n
        }
        let log = ServeLog(english: english, write: { io.err($0) })
        guard let menu = RulesMenu.load(rules, log: log) else { return .usage }
        let server = HTTPServer(handler: ServeApp(menu: menu, limits: limits), limits: limits,
                                log: { log.event($0) }, access: { log.access($0) })
        let host = args.value(.host) ?? "127.0.0.1"
        do { try server.bind(host: host, port: port) } catch {
            log.line(ServeMessage.cannotListen("\(error)"))
            return .usage
        }
        if !server.isLoopback { log.line(ServeMessage.exposed(host)) }
        serveWakeFD = server.wakeFD ?? -1
        let onSignal: @convention(c) (Int32) -> Void = { _ in
            var b: UInt8 = 1
            _ = write(serveWakeFD, &b, 1)
        }
        signal(SIGTERM, onSignal)
        signal(SIGINT, onSignal)
        signal(SIGPIPE, SIG_IGN)
        let running = ManagedFlag()
        if args.flag(.watch) {
            log.line(ServeMessage.watching(menu.all.count))
            menu.watch(every: 1, while: { running.value })
        }
        // said once the signals are handled: from here SIGTERM stops the server cleanly
        let shown = host.contains(":") ? "[\(host)]" : host
        log.line(ServeMessage.listening("http://\(shown):\(server.port)/", menu.all.map(\.key)))
        server.run()
        running.value = false
        signal(SIGTERM, SIG_DFL)
        signal(SIGINT, SIG_DFL)
        log.line(ServeMessage.stopped)
        return .success
    }
}

/// A flag read by the watcher thread.
final class ManagedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var v = true
    var value: Bool {
        get { lock.lock(); defer { lock.unlock() }; return v }
        set { lock.lock(); v = newValue; lock.unlock() }
    }
}
