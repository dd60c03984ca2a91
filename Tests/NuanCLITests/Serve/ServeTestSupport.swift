import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import NuanCLI
@testable import NuanServe

/// A server on a free port of 127.0.0.1 for one test, run on its own thread, and a raw
/// socket client (so malformed and slow requests can be sent as they are).
final class TestServer {
    let server: HTTPServer
    let app: ServeApp
    let done = DispatchSemaphore(value: 0)
    var port: Int { server.port }

    init(rules: [String], limits: ServerLimits = ServerLimits()) throws {
        let buffer = LogBuffer()
        let log = ServeLog(english: false, write: { buffer.append($0) })
        let menu = try XCTUnwrap(RulesMenu.load(rules, log: log))
        app = ServeApp(menu: menu, limits: limits)
        server = HTTPServer(handler: app, limits: limits, log: { log.event($0) }, access: { log.access($0) })
        try server.bind(host: "127.0.0.1", port: 0)
        let s = server, d = done
        Thread { s.run(grace: 2); d.signal() }.start()
        logReader = { buffer.text }
    }

    var logReader: () -> String = { "" }
    var log: String { logReader() }

    func stop() {
        server.stop()
        XCTAssertEqual(done.wait(timeout: .now() + 10), .success, "the server stops")
    }

    /// Opens a connection; the caller writes and reads raw bytes.
    func connect() throws -> RawClient { try RawClient(port: port) }

    struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// One request on a fresh connection (`Connection: close`), read to the end.
    func request(_ method: String, _ path: String, body: [UInt8] = [], headers: [String] = []) throws -> Response {
        let c = try connect()
        defer { c.close() }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if method == "POST" { head += "Content-Length: \(body.count)\r\n" }
        for h in headers { head += h + "\r\n" }
        c.write(Array((head + "\r\n").utf8) + body)
        return try Self.parse(c.readAll(timeout: 30))
    }

    func request(_ method: String, _ path: String, text: String) throws -> Response {
        try request(method, path, body: Array(text.utf8))
    }

    static func parse(_ raw: [UInt8]) throws -> Response {
        let end = try XCTUnwrap(find(raw, Array("\r\n\r\n".utf8)), "a complete response head: \(String(decoding: raw.prefix(200), as: UTF8.self))")
        let head = String(decoding: raw[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = head[0].split(separator: " ")
        let status = try XCTUnwrap(statusLine.count >= 2 && statusLine[0].hasPrefix("HTTP/") ? Int(statusLine[1]) : nil, "a status line: \(head[0])")
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            let kv = line.split(separator: ":", maxSplits: 1)
            guard kv.count == 2 else { XCTFail("a header line: \(line)"); continue }
            headers[kv[0].lowercased()] = kv[1].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(raw[(end + 4)...])
        if headers["transfer-encoding"] == "chunked" {
            var out: [UInt8] = []
            var rest = body[...]
            while let nl = find(Array(rest), Array("\r\n".utf8)) {
                let size = try XCTUnwrap(Int(String(decoding: rest.prefix(nl), as: UTF8.self), radix: 16), "a chunk size")
                rest = rest.dropFirst(nl + 2)
                if size == 0 { break }
                out += rest.prefix(size)
                rest = rest.dropFirst(size + 2)
            }
            body = out
        }
        return Response(status: status, headers: headers, body: body)
    }

    static func find(_ hay: [UInt8], _ needle: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle { return i }
        return nil
    }
}

final class RawClient {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = UInt16(port).bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        if rc != 0 { throw NSError(domain: "connect", code: Int(errno)) }
    }

    func write(_ bytes: [UInt8]) {
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + off, bytes.count - off, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            off += n
        }
    }

    func write(_ s: String) { write(Array(s.utf8)) }

    /// Everything until the server closes (or `timeout` seconds pass).
    func readAll(timeout: Double) -> [UInt8] {
        var out: [UInt8] = []
        let until = Date().addingTimeInterval(timeout)
        var buf = [UInt8](repeating: 0, count: 65536)
        while Date() < until {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, 100) <= 0 { continue }
            let n = buf.withUnsafeMutableBytes { recv(fd, $0.baseAddress, 65536, 0) }
            if n <= 0 { break }
            out += buf[0..<n]
        }
        return out
    }

    /// What arrives within `timeout` seconds (possibly nothing), without waiting for the end.
    func readSome(timeout: Double) -> [UInt8] {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, Int32(timeout * 1000)) > 0 else { return [] }
        var buf = [UInt8](repeating: 0, count: 65536)
        let n = buf.withUnsafeMutableBytes { recv(fd, $0.baseAddress, 65536, 0) }
        return n > 0 ? Array(buf[0..<n]) : []
    }

    /// Whether the server has closed the connection within `timeout` seconds.
    func closedBy(timeout: Double) -> Bool {
        let until = Date().addingTimeInterval(timeout)
        var buf = [UInt8](repeating: 0, count: 4096)
        while Date() < until {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, 100) <= 0 { continue }
            let n = buf.withUnsafeMutableBytes { recv(fd, $0.baseAddress, 4096, 0) }
            if n <= 0 { return true }
        }
        return false
    }

    func close() { Glibc.close(fd) }
}

/// The server's log, collected for assertions.
final class LogBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var collected = ""
    func append(_ s: String) { lock.lock(); collected += s; lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return collected }
}
