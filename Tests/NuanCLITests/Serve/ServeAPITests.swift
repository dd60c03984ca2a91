import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import NuanCLI
@testable import NuanServe

/// `nuan serve`'s JSON API against a server on a free port: the same decisions as
/// `nuan screen`, and 4xx answers for what a client gets wrong.
final class ServeAPITests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ p: String) -> String { root.appendingPathComponent(p).path }
    static var rulesDir: String { path("Rules") }

    var server: TestServer!

    override func setUpWithError() throws {
        server = try TestServer(rules: [Self.rulesDir])
    }

    override func tearDown() {
        server.stop()
        server = nil
    }

    func screen(_ rules: String, _ record: String, lang: String = "zh") -> String {
        let (io, out, _) = IO.capture()
        _ = CLI.main(["screen", "--rules", rules, record, "--format", "json", "--lang", lang], io: io)
        return out()
    }

    /// Every example applicant of the shipped rules, decided over HTTP and by `nuan screen`.
    func testDecideIsByteIdenticalToScreenForEveryExample() throws {
        let examples = try FileManager.default.contentsOfDirectory(atPath: Self.path("Rules/examples")).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertGreaterThanOrEqual(examples.count, 10)
        let keys = server.app.menu.all.map(\.key)
        for name in examples {
            let key = try XCTUnwrap(keys.first { name.hasPrefix($0.split(separator: "-")[0] + "-") }, "rules for \(name)")
            let record = Self.path("Rules/examples/" + name)
            let body = try [UInt8](Data(contentsOf: URL(fileURLWithPath: record)))
            for lang in ["zh", "en"] {
                let r = try server.request("POST", "/v1/decide?rules=\(key)&lang=\(lang)", body: body)
                XCTAssertEqual(r.status, 200, name)
                XCTAssertEqual(r.headers["content-type"], "application/json; charset=utf-8")
                let expected = screen(Self.path("Rules/\(key).rules"), record, lang: lang)
                XCTAssertFalse(expected.isEmpty)
                XCTAssertEqual(r.text, expected, "\(name) (\(lang)): the API and nuan screen differ")
            }
        }
    }

    static let haidong = #"{"id":"Q-1","name":"王","region":"海东市","household_size":2,"household_monthly_income":1000,"archive_type":"none","archive_level":"none","hardship_causes":["accident"]}"#

    /// `set=NAME=VALUE` is `--set`: the same decision as `nuan screen --set`.
    func testSetIsTheSameAsScreenSet() throws {
        let record = FileManager.default.temporaryDirectory.appendingPathComponent("serve-set-\(getpid()).json")
        try Self.haidong.write(to: record, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: record) }
        let without = try server.request("POST", "/v1/decide?rules=qinghai-2020", text: Self.haidong)
        XCTAssertTrue(without.text.contains("\"status\": \"undetermined\"") || without.text.contains("\"status\":\"undetermined\""), without.text)
        let set = "低保标准=750".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let with = try server.request("POST", "/v1/decide?rules=qinghai-2020&set=\(set)", text: Self.haidong)
        XCTAssertEqual(with.status, 200)
        let (io, out, _) = IO.capture()
        _ = CLI.main(["screen", "--rules", Self.path("Rules/qinghai-2020.rules"), record.path, "--format", "json", "--set", "低保标准=750"], io: io)
        XCTAssertEqual(with.text, out())
        XCTAssertNotEqual(with.text, without.text)
        for bad in ["低保标准=abc", "noequals", "没有这个参数=1"] {
            let r = try server.request("POST", "/v1/decide?rules=qinghai-2020&set=\(bad.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", text: Self.haidong)
            XCTAssertEqual(r.status, 400, bad)
        }
    }

    func testBadJSONIs400AndTheServerGoesOn() throws {
        for bad in ["{bad", "[1,2]", "", "{\"id\": \"A\",}", "\"text\""] {
            let r = try server.request("POST", "/v1/decide?rules=bengbu-2022", text: bad)
            XCTAssertEqual(r.status, 400, bad)
            let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.body)) as? [String: Any])
            XCTAssertEqual(obj["status"] as? Int, 400)
            XCTAssertNotNil(obj["error"] as? String)
        }
        XCTAssertEqual(try server.request("GET", "/healthz").status, 200)
    }

    func testRulesAreChosenFromTheMenuByKeyOnly() throws {
        let record = #"{"id":"A","name":"张三"}"#
        XCTAssertEqual(try server.request("POST", "/v1/decide", text: record).status, 400, "several files: ?rules= is needed")
        XCTAssertEqual(try server.request("POST", "/v1/decide?rules=../../etc/passwd", text: record).status, 404)
        XCTAssertEqual(try server.request("POST", "/v1/decide?rules=Rules/bengbu-2022.rules", text: record).status, 404)
        XCTAssertEqual(try server.request("GET", "/../Package.swift").status, 404)
        XCTAssertEqual(try server.request("GET", "/Rules/bengbu-2022.rules").status, 404)
        XCTAssertEqual(try server.request("GET", "/v1/decide").status, 405)
        XCTAssertEqual(try server.request("POST", "/v1/decide?rules=bengbu-2022&explain=lots", text: record).status, 400)
        XCTAssertEqual(try server.request("POST", "/v1/decide?rules=bengbu-2022&lang=fr", text: record).status, 400)
    }

    func testHugeBodyIs413() throws {
        let c = try server.connect()
        defer { c.close() }
        c.write("POST /v1/decide?rules=bengbu-2022 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(8 << 20)\r\n\r\n")
        c.write([UInt8](repeating: 0x20, count: 100_000))
        let r = try TestServer.parse(c.readAll(timeout: 10))
        XCTAssertEqual(r.status, 413)
        XCTAssertEqual(try server.request("GET", "/healthz").status, 200)
    }

    func testHeadTooLargeIs431() throws {
        let c = try server.connect()
        defer { c.close() }
        c.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Junk: " + String(repeating: "a", count: 40_000) + "\r\n\r\n")
        XCTAssertEqual(try TestServer.parse(c.readAll(timeout: 10)).status, 431)
    }

    func testMalformedHeadsAre4xx() throws {
        for head in ["GARBAGE\r\n\r\n", "GET /healthz HTTP/2.0\r\n\r\n", "GET healthz HTTP/1.1\r\n\r\n",
                     "POST /v1/decide?rules=bengbu-2022 HTTP/1.1\r\nContent-Length: x\r\n\r\n",
                     "POST /v1/decide?rules=bengbu-2022 HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
                     "GET /healthz HTTP/1.1\r\nHost: evil.example:80\r\n\r\n"] {
            let c = try server.connect()
            c.write(head)
            let r = try TestServer.parse(c.readAll(timeout: 10))
            XCTAssertTrue((400..<600).contains(r.status), head)
            XCTAssertNotEqual(r.status, 500, head)
            c.close()
        }
    }

    /// Seeded garbage and mangled requests: every one gets an answer or a close, none stops the
    /// server.
    func testGarbageNeverStopsTheServer() throws {
        var seed: UInt64 = 0x5EED_13
        func next() -> UInt64 { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return seed >> 33 }
        let good = Array("POST /v1/decide?rules=bengbu-2022 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 24\r\nConnection: close\r\n\r\n{\"id\":\"A\",\"name\":\"张\"}".utf8)
        for round in 0..<200 {
            var bytes = good
            for _ in 0..<(1 + Int(next() % 6)) {
                let i = Int(next() % UInt64(bytes.count))
                switch next() % 4 {
                case 0: bytes[i] = UInt8(truncatingIfNeeded: next())
                case 1: bytes.remove(at: i)
                case 2: bytes.insert(UInt8(truncatingIfNeeded: next()), at: i)
                default: bytes.insert(contentsOf: Array("\r\n%00:;\u{0}".utf8), at: i)
                }
            }
            let c = try server.connect()
            c.write(bytes)
            shutdown(c.fd, Int32(SHUT_WR))
            let answer = String(decoding: c.readAll(timeout: 12), as: UTF8.self)
            c.close()
            if !answer.isEmpty { XCTAssertTrue(answer.hasPrefix("HTTP/1.1 "), "round \(round): \(answer.prefix(80))") }
            XCTAssertFalse(answer.hasPrefix("HTTP/1.1 500"), "round \(round)")
        }
        XCTAssertEqual(try server.request("GET", "/healthz").status, 200)
    }

    func testBatchStreamsOneDecisionPerLine() throws {
        let examples = try FileManager.default.contentsOfDirectory(atPath: Self.path("Rules/examples")).filter { $0.hasPrefix("bengbu-") && $0.hasSuffix(".json") }.sorted()
        var lines: [String] = []
        for name in examples {
            let text = try String(contentsOfFile: Self.path("Rules/examples/" + name), encoding: .utf8)
            let obj = try JSONSerialization.jsonObject(with: Data(text.utf8))
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: obj), as: UTF8.self))
        }
        lines.insert("", at: 1)          // blank: skipped
        lines.append("{not json")         // invalid, named by its line
        let r = try server.request("POST", "/v1/batch?rules=bengbu-2022&explain=none", text: lines.joined(separator: "\n") + "\n")
        XCTAssertEqual(r.status, 200)
        XCTAssertEqual(r.headers["transfer-encoding"], "chunked")
        let out = r.text.split(separator: "\n")
        XCTAssertEqual(out.count, examples.count + 1)
        for (i, line) in out.enumerated() {
            let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            if i == examples.count {
                XCTAssertEqual(obj["status"] as? String, "invalid")
                XCTAssertTrue(line.contains("第 \(lines.count) 行"), String(line))
            } else {
                XCTAssertNotEqual(obj["status"] as? String, "invalid", String(line))
            }
        }
    }

    static func chunk(_ s: String) -> String { String(Array(s.utf8).count, radix: 16) + "\r\n" + s + "\r\n" }

    /// A batch sent chunked gets its first answers while the rest is still to come.
    func testBatchAnswersWhileTheBodyIsStillArriving() throws {
        let c = try server.connect()
        defer { c.close() }
        c.write("POST /v1/batch?rules=bengbu-2022&explain=none HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
        c.write(Self.chunk(#"{"id":"A-1","name":"张三","region":"蚌埠市","archive_type":"deep","archive_level":"national"}"# + "\n"))
        // the first decision arrives before the body has ended
        var got: [UInt8] = []
        let until = Date().addingTimeInterval(10)
        while Date() < until, !String(decoding: got, as: UTF8.self).contains("A-1") {
            got += c.readSome(timeout: 0.2)
        }
        XCTAssertTrue(String(decoding: got, as: UTF8.self).contains("\"id\":\"A-1\""), String(decoding: got, as: UTF8.self))
        c.write(Self.chunk(#"{"id":"A-2","name":"李四"}"#))   // the last line, without a newline, split over two chunks
        c.write(Self.chunk("\n") + "0\r\n\r\n")
        got += c.readAll(timeout: 10)
        let r = try TestServer.parse(got)
        XCTAssertEqual(r.status, 200)
        let lines = r.text.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[1].contains("\"id\":\"A-2\""))
    }

    /// `Expect: 100-continue` (what curl sends with a file): the 100 comes before the answer's head.
    func testContinueComesBeforeTheStreamedAnswer() throws {
        let c = try server.connect()
        defer { c.close() }
        c.write("POST /v1/batch?rules=bengbu-2022&explain=none HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
        // the 100 comes first; the answer's head may follow at once (the stream starts before the body)
        let first = c.readSome(timeout: 5)
        let interim = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
        XCTAssertEqual(Array(first.prefix(interim.count)), interim, String(decoding: first, as: UTF8.self))
        c.write(Self.chunk(#"{"id":"A-1","name":"张三"}"# + "\n") + "0\r\n\r\n")
        let r = try TestServer.parse(Array(first.dropFirst(interim.count)) + c.readAll(timeout: 10))
        XCTAssertEqual(r.status, 200)
        XCTAssertTrue(r.text.hasPrefix("{\"id\":\"A-1\""), r.text)
    }

    func testChunkedBodiesAreReadAndLimited() throws {
        let record = try String(contentsOfFile: Self.path("Rules/examples/bengbu-deep-national.json"), encoding: .utf8)
        let c = try server.connect()
        let half = record.index(record.startIndex, offsetBy: record.count / 2)
        c.write("POST /v1/decide?rules=bengbu-2022 HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Self.chunk(String(record[..<half])) + Self.chunk(String(record[half...])) + "0\r\n\r\n")
        let r = try TestServer.parse(c.readAll(timeout: 10))
        c.close()
        XCTAssertEqual(r.text, screen(Self.path("Rules/bengbu-2022.rules"), Self.path("Rules/examples/bengbu-deep-national.json")))
        // over the body limit, chunk by chunk: 413
        let big = try server.connect()
        big.write("POST /v1/decide?rules=bengbu-2022 HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n")
        let piece = Self.chunk(String(repeating: " ", count: 60_000))
        for _ in 0..<20 { big.write(piece) }
        XCTAssertEqual(try TestServer.parse(big.readAll(timeout: 10)).status, 413)
        big.close()
        // both framings at once: 400
        let both = try server.connect()
        both.write("POST /v1/decide?rules=bengbu-2022 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        XCTAssertEqual(try TestServer.parse(both.readAll(timeout: 10)).status, 400)
        both.close()
        // a bad chunk size: 400
        let bad = try server.connect()
        bad.write("POST /v1/decide?rules=bengbu-2022 HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
        XCTAssertEqual(try TestServer.parse(bad.readAll(timeout: 10)).status, 400)
        bad.close()
        XCTAssertEqual(try server.request("GET", "/healthz").status, 200)
    }

    func testBatchGivesRecourseWhenAsked() throws {
        let line = try String(contentsOfFile: Self.path("Rules/examples/bengbu-high-income.json"), encoding: .utf8).replacingOccurrences(of: "\n", with: " ")
        let without = try server.request("POST", "/v1/batch?rules=bengbu-2022", text: line + "\n")
        let with = try server.request("POST", "/v1/batch?rules=bengbu-2022&recourse=true", text: line + "\n")
        func recourse(_ r: TestServer.Response) throws -> [Any] {
            let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.body)) as? [String: Any])
            return obj["recourse"] as? [Any] ?? []
        }
        XCTAssertTrue(try recourse(without).isEmpty)
        XCTAssertFalse(try recourse(with).isEmpty, with.text)
        XCTAssertEqual(try server.request("POST", "/v1/batch?rules=bengbu-2022&recourse=maybe", text: line).status, 400)
    }

    func testRulesDescribeFieldsParametersBenefitsAndFunds() throws {
        let r = try server.request("GET", "/v1/rules?rules=bengbu-2022")
        XCTAssertEqual(r.status, 200)
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.body)) as? [String: Any])
        let files = try XCTUnwrap(obj["rules"] as? [[String: Any]])
        XCTAssertEqual(files.count, 1)
        let f = files[0]
        XCTAssertEqual(f["key"] as? String, "bengbu-2022")
        let fields = try XCTUnwrap(f["fields"] as? [[String: Any]])
        let archive = try XCTUnwrap(fields.first { $0["key"] as? String == "archive_type" })
        XCTAssertEqual(archive["type"] as? String, "choice")
        XCTAssertFalse((archive["options"] as? [[String: Any]] ?? []).isEmpty)
        let benefits = try XCTUnwrap(f["benefits"] as? [[String: Any]])
        XCTAssertTrue(benefits.contains { ($0["amount"] as? String) == "1000.00" && ($0["citation"] as? String)?.contains("蚌埠") == true })
        XCTAssertFalse((f["funds"] as? [[String: Any]] ?? []).isEmpty)
        XCTAssertFalse((f["parameters"] as? [[String: Any]] ?? []).isEmpty)
        let all = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try server.request("GET", "/v1/rules").body)) as? [String: Any])
        XCTAssertEqual((all["rules"] as? [Any])?.count, server.app.menu.all.count)
    }

    func testQuestionsAreWhatCanStillChangeTheDecision() throws {
        let empty = try server.request("POST", "/v1/questions?rules=bengbu-2022", text: "{}")
        XCTAssertEqual(empty.status, 200)
        let ask = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(empty.body)) as? [String: Any])?["ask"] as? [String])
        XCTAssertTrue(ask.contains("id") && ask.contains("name") && ask.contains("archive_type"), "\(ask)")
        XCTAssertFalse(ask.contains("employer"), "no rule reads the employer")
        // An archived deep household: its income cannot change the 1000 元 any more.
        let archived = try server.request("POST", "/v1/questions?rules=bengbu-2022",
                                          text: #"{"id":"A","name":"张三","archive_type":"deep","archive_level":"national","region":"蚌埠市","application_date":"2022-01-05","provincial_leader_visit":false}"#)
        let ask2 = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(archived.body)) as? [String: Any])?["ask"] as? [String])
        XCTAssertLessThan(ask2.count, ask.count)
        XCTAssertFalse(ask2.contains("id"))
    }

    func testAccessLogHoldsNoPersonalData() throws {
        let record = #"{"id":"BB-1","name":"李四","id_number":"11010519491231002X","phone":"13800000000","region":"蚌埠市"}"#
        _ = try server.request("POST", "/v1/decide?rules=bengbu-2022&name=%E6%9D%8E%E5%9B%9B&phone=13800000000", text: record)
        _ = try server.request("GET", "/13800000000/11010519491231002X")
        let log = server.log
        XCTAssertTrue(log.contains("POST /v1/decide 200"), log)
        for secret in ["11010519491231002X", "13800000000", "1380", "李四", "BB-1", "name="] { XCTAssertFalse(log.contains(secret), secret) }
        XCTAssertFalse(log.contains("127.0.0.1"), "no client address")
    }

    func testDecisionsAreMasked() throws {
        let record = #"{"id":"BB-1","name":"李四","id_number":"11010519491231002X","phone":"13800000000","region":"蚌埠市"}"#
        let r = try server.request("POST", "/v1/decide?rules=bengbu-2022", text: record)
        XCTAssertFalse(r.text.contains("11010519491231002X"))
        XCTAssertFalse(r.text.contains("13800000000"))
    }

    func testKeepAliveServesSeveralRequestsOnOneConnection() throws {
        let c = try server.connect()
        defer { c.close() }
        let one = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        c.write(one + one + "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        let raw = String(decoding: c.readAll(timeout: 10), as: UTF8.self)
        XCTAssertEqual(raw.components(separatedBy: "HTTP/1.1 200 OK").count - 1, 3)
    }
}

/// Slow and excess clients: they are cut off or turned away, and the others are served.
final class ServeLimitsTests: XCTestCase {
    func testPartialHeadersAreClosedWith408WhileOthersAreServed() throws {
        var limits = ServerLimits()
        limits.headerTimeout = 1.5
        let server = try TestServer(rules: [ServeAPITests.path("Rules/bengbu-2022.rules")], limits: limits)
        defer { server.stop() }
        let slow = try server.connect()
        defer { slow.close() }
        let started = Date()
        slow.write("POST /v1/decide HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        // another client is served while the slow one holds its connection
        for _ in 0..<3 {
            slow.write("a")
            let r = try server.request("POST", "/v1/decide", text: #"{"id":"A","name":"张三"}"#)
            XCTAssertEqual(r.status, 200)
            Thread.sleep(forTimeInterval: 0.2)
        }
        let r = try TestServer.parse(slow.readAll(timeout: 10))
        XCTAssertEqual(r.status, 408)
        let took = Date().timeIntervalSince(started)
        XCTAssertGreaterThan(took, 1.2)
        XCTAssertLessThan(took, 5, "closed soon after the header time limit")
        XCTAssertEqual(try server.request("GET", "/healthz").status, 200)
    }

    func testOneConnectionOverTheLimitGets503() throws {
        var limits = ServerLimits()
        limits.maxConnections = 2
        limits.headerTimeout = 3
        let server = try TestServer(rules: [ServeAPITests.path("Rules/bengbu-2022.rules")], limits: limits)
        defer { server.stop() }
        let a = try server.connect(), b = try server.connect()
        a.write("GET /hea")
        b.write("GET /hea")
        Thread.sleep(forTimeInterval: 0.3)
        let c = try server.connect()
        defer { c.close() }
        XCTAssertEqual(try TestServer.parse(c.readAll(timeout: 5)).status, 503)
        XCTAssertTrue(server.log.contains("新连接得到 503"), server.log)
        // once they are cut off (408), the server serves again
        XCTAssertEqual(try TestServer.parse(a.readAll(timeout: 6)).status, 408)
        XCTAssertEqual(try TestServer.parse(b.readAll(timeout: 6)).status, 408)
        a.close()
        b.close()
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertEqual(try server.request("GET", "/healthz").status, 200)
    }

    func testStopFinishesAndReturns() throws {
        let server = try TestServer(rules: [ServeAPITests.path("Rules/bengbu-2022.rules")])
        XCTAssertEqual(try server.request("GET", "/healthz").status, 200)
        server.stop()
        XCTAssertThrowsError(try server.request("GET", "/healthz"), "no longer listening")
    }
}
