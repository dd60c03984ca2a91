import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Limits every connection is held to, so a slow, huge or malformed client cannot stall the
/// others or exhaust the machine.
public struct ServerLimits: Sendable {
    /// The request line and headers together.
    public var maxHeaderBytes = 16 * 1024
    /// A request body (one record, a form).
    public var maxBodyBytes = 1 << 20
    /// The body of `POST /v1/batch` (JSON Lines), read and answered as it streams in.
    public var maxBatchBytes = 256 << 20
    /// One line of a batch.
    public var maxBatchLine = 1 << 20
    /// Time for the whole request head to arrive (a client dribbling headers is cut off).
    public var headerTimeout = 10.0
    /// Time a body may go without a byte arriving, and a response without one leaving.
    public var ioTimeout = 15.0
    /// Time for a whole body (except a batch's) to arrive.
    public var bodyTimeout = 30.0
    /// How long a kept-alive connection may sit idle before the next request.
    public var idleTimeout = 5.0
    /// Connections served at once; one more is answered 503 and closed.
    public var maxConnections = 64

    public init() {}
}

/// Something that answers requests: the router. `respond` runs on the connection's thread.
public protocol HTTPHandler: AnyObject, Sendable {
    func respond(_ request: HTTPRequest, body: BodyReader) -> HTTPResponse
}

/// What the server itself has to say (the caller words it in the log's language).
public enum ServerEvent: Sendable {
    /// A connection was turned away with 503: this many were being served.
    case connectionLimit(Int)
    /// The stop was asked for; the requests in progress are finishing.
    case stopping(inProgress: Int)
}

/// One line of the access log: no client address, no query string, no body — nothing personal.
public struct AccessEntry: Sendable {
    public var method: String
    public var path: String
    public var status: Int
    public var bytes: Int
    public var milliseconds: Double  // timing only
}

/// An HTTP/1.1 server on the C library's sockets: one thread per connection, at most
/// `limits.maxConnections` at once, persistent connections, `Expect: 100-continue`, chunked
/// bodies in and out (a batch streams both ways).
public final class HTTPServer: @unchecked Sendable {
    public let limits: ServerLimits
    let handler: HTTPHandler
    let log: @Sendable (ServerEvent) -> Void
    let access: @Sendable (AccessEntry) -> Void
    var listenFD: Int32 = -1
    var wake: [Int32] = [-1, -1]
    let lock = NSLock()
    var active = 0
    var stopping = false
    let drained = NSCondition()
    public private(set) var port: Int = 0
    public private(set) var isLoopback = true
    /// The host names a browser may use to reach a loopback server (DNS-rebinding guard).
    var allowedHosts: Set<String> = []

    public init(handler: HTTPHandler, limits: ServerLimits = ServerLimits(),
                log: @escaping @Sendable (ServerEvent) -> Void, access: @escaping @Sendable (AccessEntry) -> Void) {
        self.handler = handler
        self.limits = limits
        self.log = log
        self.access = access
    }

    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Binds and listens (`port` 0 picks a free port; read it back from `port`).
    public func bind(host: String, port: Int) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        let name = host == "localhost" ? "127.0.0.1" : host
        var res: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(name, String(port), &hints, &res)
        guard rc == 0, let info = res else { throw StartError(description: "\(host): \(String(cString: gai_strerror(rc)))") }
        defer { freeaddrinfo(res) }
        let fd = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw StartError(description: "socket: \(String(cString: strerror(errno)))") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        guard Glibc.bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
            let e = String(cString: strerror(errno))
            close(fd)
            throw StartError(description: "\(host):\(port): \(e)")
        }
        guard listen(fd, 128) == 0 else {
            close(fd)
            throw StartError(description: "listen: \(String(cString: strerror(errno)))")
        }
        var storage = sockaddr_storage()
        var len = socklen_t(MemoryLayout<sockaddr_storage>.size)
        withUnsafeMutablePointer(to: &storage) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(fd, $0, &len) }
        }
        if storage.ss_family == sa_family_t(AF_INET) {
            let sin = withUnsafePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee } }
            self.port = Int(UInt16(bigEndian: sin.sin_port))
            isLoopback = (UInt32(bigEndian: sin.sin_addr.s_addr) >> 24) == 127
        } else {
            let sin6 = withUnsafePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee } }
            self.port = Int(UInt16(bigEndian: sin6.sin6_port))
            var loop = in6addr_loopback
            isLoopback = memcmp(&loop, withUnsafePointer(to: sin6.sin6_addr) { UnsafeRawPointer($0) }, 16) == 0
        }
        listenFD = fd
        _ = pipe(&wake)
        _ = fcntl(wake[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(wake[1], F_SETFD, FD_CLOEXEC)
        allowedHosts = ["127.0.0.1", "localhost", "[::1]"].reduce(into: []) { s, h in s.insert(h); s.insert("\(h):\(self.port)") }
    }

    /// Accepts connections until `stop()` (or the wake pipe is written by a signal handler),
    /// then waits up to `grace` seconds for the connections in progress.
    public func run(grace: Double = 10) {  // seconds: timing only
        var fds = [pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0), pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0)]
        while true {
            fds[0].revents = 0
            fds[1].revents = 0
            let n = poll(&fds, 2, -1)
            if n < 0 { if errno == EINTR { continue }; break }
            if fds[1].revents != 0 { break }
            if fds[0].revents & Int16(POLLIN) == 0 { continue }
            let client = accept(listenFD, nil, nil)
            if client < 0 { continue }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            lock.lock()
            let full = active >= limits.maxConnections
            if !full { active += 1 }
            lock.unlock()
            if full {
                // Answered at once, without reading: the slot-holders are not waited for. Logged
                // first, so the log never lags behind what the client has seen.
                access(AccessEntry(method: "-", path: "-", status: 503, bytes: 0, milliseconds: 0))
                log(.connectionLimit(limits.maxConnections))
                let conn = Connection(fd: client, server: self)
                conn.sendResponse(HTTPResponse.error(503, "too many connections; try again"), head: nil, close: true, deadline: Connection.now() + 1)
                close(client)
                continue
            }
            let t = Thread { [self] in
                Connection(fd: client, server: self).serve()
                close(client)
                lock.lock()
                active -= 1
                lock.unlock()
                drained.lock(); drained.broadcast(); drained.unlock()
            }
            t.stackSize = 4 << 20
            t.start()
        }
        lock.lock()
        stopping = true
        let inProgress = active
        lock.unlock()
        log(.stopping(inProgress: inProgress))
        close(listenFD)
        listenFD = -1
        let until = Date().addingTimeInterval(grace)
        drained.lock()
        while activeCount > 0, drained.wait(until: until) {}
        drained.unlock()
        close(wake[0])
        close(wake[1])
    }

    var activeCount: Int { lock.lock(); defer { lock.unlock() }; return active }
    var isStopping: Bool { lock.lock(); defer { lock.unlock() }; return stopping }

    /// Stops accepting; `run` returns once the connections in progress are done.
    public func stop() { wakeFD.map { fd in var b: UInt8 = 1; _ = write(fd, &b, 1) } }

    /// The write end of the wake pipe, for a signal handler (writing one byte is signal-safe).
    public var wakeFD: Int32? { wake[1] >= 0 ? wake[1] : nil }
}

/// Reads the body of the current request — framed by `Content-Length` or sent chunked — all
/// at once (`readAll`) or line by line as it arrives (`lines`), never more than `limit` bytes.
public final class BodyReader {
    let conn: Connection
    /// `Content-Length`, or nil for a chunked body.
    public let length: Int?
    let limit: Int
    /// Content-Length: bytes still to come. Chunked: bytes left in the current chunk.
    var remaining: Int
    var received = 0
    public private(set) var finished: Bool
    var started = false
    let expectContinue: Bool

    init(conn: Connection, length: Int?, limit: Int, expectContinue: Bool) {
        self.conn = conn
        self.length = length
        self.limit = limit
        self.remaining = length ?? 0
        self.finished = length == 0
        self.expectContinue = expectContinue
    }

    /// Sends `100 Continue` once, when the client waits for it.
    func begin() {
        if !started, expectContinue, !finished {
            conn.writeAll(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8), deadline: Connection.now() + conn.server.limits.ioTimeout)
        }
        started = true
    }

    public enum Failure: Error { case timeout, closed, tooLarge, malformed }

    /// Runs before every wait for the network (a stream flushes its answers so far).
    var onWait: () -> Void = {}

    func wait(_ deadline: Double?) throws {  // seconds: timing only
        onWait()
        let d = min(deadline ?? .infinity, Connection.now() + conn.server.limits.ioTimeout)
        switch conn.fill(deadline: d) {
        case .data: return
        case .timeout: throw Failure.timeout
        case .closed: throw Failure.closed
        }
    }

    /// One CRLF-terminated line of chunk framing (a size line, a trailer line).
    func framingLine(_ deadline: Double?) throws -> [UInt8] {  // seconds: timing only
        while true {
            if let nl = conn.buffer.firstIndex(of: 0x0A) {
                var line = Array(conn.buffer[..<nl])
                conn.buffer.removeFirst(nl + 1)
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            if conn.buffer.count > 4096 { throw Failure.malformed }
            try wait(deadline)
        }
    }

    /// Set once reading failed (timeout, malformed, too large): the rest cannot be read.
    var broken = false

    /// The next piece of the body as it arrives (nil at its end).
    func next(deadline: Double? = nil) throws -> [UInt8]? {  // seconds: timing only
        guard !broken else { throw Failure.malformed }
        do { return try piece(deadline) } catch { broken = true; throw error }
    }

    func piece(_ deadline: Double?) throws -> [UInt8]? {  // seconds: timing only
        begin()
        while !finished {
            if length == nil && remaining == 0 {
                // a chunk-size line: hex digits, perhaps extensions after ';'
                let line = try framingLine(deadline)
                let hex = line.prefix { $0 != 0x3B }.filter { $0 != 0x20 && $0 != 0x09 }
                guard !hex.isEmpty, hex.count <= 15, let size = Int(String(decoding: hex, as: UTF8.self), radix: 16) else { throw Failure.malformed }
                if size == 0 {
                    while try !framingLine(deadline).isEmpty {}  // trailers, ignored
                    finished = true
                    return nil
                }
                guard received + size <= limit else { throw Failure.tooLarge }
                remaining = size
            }
            if conn.buffer.isEmpty {
                try wait(deadline)
                continue
            }
            let take = min(remaining, conn.buffer.count)
            let piece = Array(conn.buffer[..<take])
            conn.buffer.removeFirst(take)
            remaining -= take
            received += take
            if remaining == 0 {
                if length != nil {
                    finished = true
                } else {
                    // the CRLF after a chunk's data
                    while conn.buffer.count < 2 { try wait(deadline) }
                    guard conn.buffer[0] == 0x0D, conn.buffer[1] == 0x0A else { throw Failure.malformed }
                    conn.buffer.removeFirst(2)
                }
            }
            return piece
        }
        return nil
    }

    /// The whole body, within the server's body time limit.
    public func readAll() throws -> [UInt8] {
        let deadline = Connection.now() + conn.server.limits.bodyTimeout
        var body: [UInt8] = []
        while let piece = try next(deadline: deadline) { body += piece }
        return body
    }

    /// Calls `each` with every line of the body (without its `\n` and a `\r` before it) as it
    /// arrives; a line longer than `maxLine` is passed as nil (and skipped).
    /// `beforeWait` runs before the reader waits for more input (to flush answers so far).
    public func lines(maxLine: Int, beforeWait: @escaping () -> Void = {}, _ each: (ArraySlice<UInt8>?) -> Void) throws {
        onWait = beforeWait
        defer { onWait = {} }
        var line: [UInt8] = []
        var overlong = false
        while let piece = try next() {
            var start = 0
            for i in piece.indices where piece[i] == 0x0A {
                if !overlong { line.append(contentsOf: piece[start..<i]) }
                if line.last == 0x0D { line.removeLast() }
                each(overlong ? nil : line[...])
                line.removeAll(keepingCapacity: true)
                overlong = false
                start = i + 1
            }
            if !overlong { line.append(contentsOf: piece[start...]) }
            if line.count > maxLine { overlong = true; line.removeAll() }
        }
        if overlong { each(nil) } else if !line.isEmpty { each(line[...]) }
    }

    /// Reads and drops what is left of the body (so the connection can go on); false when it
    /// cannot (too slow, malformed, too large).
    func discard() -> Bool {
        do {
            while try next() != nil {}
            return true
        } catch { return false }
    }
}

/// Writes a chunked response body.
public final class ChunkWriter {
    let conn: Connection
    public private(set) var failed = false
    var bytes = 0

    init(conn: Connection) { self.conn = conn }

    public func write(_ data: [UInt8]) {
        guard !data.isEmpty, !failed else { return }
        var out = Array((String(data.count, radix: 16) + "\r\n").utf8)
        out += data
        out += [0x0D, 0x0A]
        bytes += data.count
        if !conn.writeAll(out, deadline: Connection.now() + conn.server.limits.ioTimeout) { failed = true }
    }

    /// Ends the response without its last chunk, so the client sees it was cut short.
    public func abort() { failed = true }

    func finish() {
        if !failed, !conn.writeAll(Array("0\r\n\r\n".utf8), deadline: Connection.now() + conn.server.limits.ioTimeout) { failed = true }
    }
}

/// One client connection, served on its own thread.
final class Connection {
    let fd: Int32
    let server: HTTPServer
    var buffer: [UInt8] = []
    /// Closed after an error answer with input perhaps unread: drain it briefly first, so the
    /// client reads the answer instead of a reset.
    var lingering = false
    /// What one `recv` reads into, reused.
    var chunk = [UInt8](repeating: 0, count: 65536)

    init(fd: Int32, server: HTTPServer) {
        self.fd = fd
        self.server = server
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }  // seconds: timing only

    enum Fill: Equatable { case data, timeout, closed }

    /// Waits for bytes until `deadline` (monotonic seconds) and appends them to `buffer`.
    func fill(deadline: Double) -> Fill {  // seconds: timing only
        while true {
            let left = deadline - Connection.now()
            if left <= 0 { return .timeout }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            // wake at least every 250 ms to notice a shutdown
            let r = poll(&p, 1, Int32(min(left, 0.25) * 1000) + 1)
            if r < 0 { if errno == EINTR { continue }; return .closed }
            if r == 0 { continue }
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 { if errno == EINTR || errno == EAGAIN { continue }; return .closed }
            if n == 0 { return .closed }
            buffer.append(contentsOf: chunk[0..<n])
            return .data
        }
    }

    @discardableResult
    func writeAll(_ data: [UInt8], deadline: Double) -> Bool {  // seconds: timing only
        var off = 0
        while off < data.count {
            let left = deadline - Connection.now()
            if left <= 0 { return false }
            var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            let r = poll(&p, 1, Int32(min(left, 1) * 1000) + 1)
            if r < 0 { if errno == EINTR { continue }; return false }
            if r == 0 { continue }
            let n = data.withUnsafeBytes { send(fd, $0.baseAddress! + off, data.count - off, Int32(MSG_NOSIGNAL)) }
            if n < 0 { if errno == EINTR || errno == EAGAIN { continue }; return false }
            off += n
        }
        return true
    }

    enum Head {
        case request(HTTPRequest)
        case fail(Int, String)
        case gone
    }

    /// Reads one request head: 408 when it does not arrive in time, 431 when too large.
    func readHead(first: Bool) -> Head {
        let limits = server.limits
        var deadline = Connection.now() + (first ? limits.headerTimeout : limits.idleTimeout)
        var started = !buffer.isEmpty
        while true {
            // a blank line or two before a request is tolerated (RFC 9112 2.2)
            while buffer.first == 0x0D || buffer.first == 0x0A { buffer.removeFirst() }
            if let end = headEnd() {
                let head = buffer[..<end.start]
                let request: HTTPRequest
                do { request = try HTTPParse.head(head) } catch HTTPParse.Failure.version {
                    return .fail(505, "only HTTP/1.1 and HTTP/1.0 are served")
                } catch HTTPParse.Failure.bad(let why) {
                    return .fail(400, why)
                } catch { return .fail(400, "bad request") }
                buffer.removeFirst(end.after)
                return .request(request)
            }
            if buffer.count > limits.maxHeaderBytes { return .fail(431, "request head larger than \(limits.maxHeaderBytes) bytes") }
            if server.isStopping && !started { return .gone }
            switch fill(deadline: deadline) {
            case .data:
                if !started { started = true; deadline = Connection.now() + limits.headerTimeout }
            case .timeout: return started ? .fail(408, "request head not received in time") : .gone
            case .closed: return .gone
            }
        }
    }

    func headEnd() -> (start: Int, after: Int)? {
        let n = min(buffer.count, server.limits.maxHeaderBytes + 4)
        var i = 0
        while i + 1 < n {
            if buffer[i] == 0x0A {
                if buffer[i + 1] == 0x0A { return (i, i + 2) }
                if i + 2 < n, buffer[i + 1] == 0x0D, buffer[i + 2] == 0x0A { return (i, i + 3) }
            }
            i += 1
        }
        return nil
    }

    func serve() {
        serveRequests()
        if lingering {
            shutdown(fd, Int32(SHUT_WR))
            let until = Connection.now() + 1
            var drained = 0
            while drained < 8 << 20, fill(deadline: until) == .data { drained += buffer.count; buffer.removeAll() }
        }
    }

    func serveRequests() {
        var first = true
        while true {
            let started = Connection.now()
            switch readHead(first: first) {
            case .gone: return
            case .fail(let status, let why):
                lingering = true
                let bytes = sendResponse(HTTPResponse.error(status, why), head: nil, close: true, deadline: Connection.now() + 2)
                server.access(AccessEntry(method: "-", path: "-", status: status, bytes: bytes, milliseconds: (Connection.now() - started) * 1000))
                return
            case .request(let request):
                first = false
                let (status, bytes, keep) = handle(request)
                server.access(AccessEntry(method: request.method, path: request.path, status: status, bytes: bytes,
                                          milliseconds: (Connection.now() - started) * 1000))
                if !keep || server.isStopping { return }
            }
        }
    }

    /// Checks framing, calls the handler, writes the answer. Returns (status, body bytes, keep alive).
    func handle(_ request: HTTPRequest) -> (Int, Int, Bool) {
        let limits = server.limits
        func refuse(_ status: Int, _ why: String) -> (Int, Int, Bool) {
            lingering = true
            return (status, sendResponse(HTTPResponse.error(status, why), head: request, close: true, deadline: Connection.now() + 2), false)
        }
        let encodings = request.headers.filter { $0.0 == "transfer-encoding" }.map { $0.1.lowercased() }
        let chunked = encodings == ["chunked"]
        if !encodings.isEmpty && !chunked { return refuse(501, "only the chunked transfer coding is accepted") }
        let lengths = request.headers.filter { $0.0 == "content-length" }.map(\.1)
        // both framings at once is how requests are smuggled past proxies: refused
        if chunked && !lengths.isEmpty { return refuse(400, "both Content-Length and Transfer-Encoding") }
        var length = 0
        if let l = lengths.first {
            guard Set(lengths).count == 1, !l.isEmpty, l.utf8.count <= 18, l.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(l) else {
                return refuse(400, "bad Content-Length")
            }
            length = n
        }
        if server.isLoopback, let host = request.header("host"), !server.allowedHosts.contains(host.lowercased()) {
            return refuse(421, "this server answers only to 127.0.0.1 or localhost")
        }
        let max = request.path == "/v1/batch" ? limits.maxBatchBytes : limits.maxBodyBytes
        if length > max { return refuse(413, "request body larger than \(max) bytes") }
        let body = BodyReader(conn: self, length: chunked ? nil : length, limit: max,
                              expectContinue: request.header("expect")?.lowercased() == "100-continue")
        let response = server.handler.respond(request, body: body)
        var keep = request.keepAlive
        if response.stream == nil, !body.finished {
            // the handler did not read it all (an error answer): drop it, or close if too slow
            if !body.started && body.expectContinue { keep = false } else if !body.discard() { keep = false }
        }
        // a stream reads the body after the head is sent: any 100 Continue has to go first
        if response.stream != nil { body.begin() }
        let bytes = sendResponse(response, head: request, close: !keep, deadline: Connection.now() + limits.ioTimeout)
        if !body.finished { keep = false; lingering = true }
        return (response.status, bytes, keep && bytes >= 0)
    }

    /// Writes a response; returns the body bytes written (-1 on failure).
    @discardableResult
    func sendResponse(_ r: HTTPResponse, head: HTTPRequest?, close: Bool, deadline: Double) -> Int {  // seconds: timing only
        var h = "HTTP/1.1 \(r.status) \(HTTPResponse.reasons[r.status] ?? "Status")\r\n"
        for (k, v) in r.headers { h += "\(k): \(v)\r\n" }
        h += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n"
        if close { h += "Connection: close\r\n" }
        let isHead = head?.method == "HEAD"
        if let stream = r.stream {
            h += "Transfer-Encoding: chunked\r\n\r\n"
            guard writeAll(Array(h.utf8), deadline: deadline) else { return -1 }
            let w = ChunkWriter(conn: self)
            stream(w)
            w.finish()
            return w.failed ? -1 : w.bytes
        }
        h += "Content-Length: \(r.body.count)\r\n\r\n"
        var out = Array(h.utf8)
        if !isHead { out += r.body }
        return writeAll(out, deadline: deadline) ? r.body.count : -1
    }
}
