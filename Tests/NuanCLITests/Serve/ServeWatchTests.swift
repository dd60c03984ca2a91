import Foundation
import XCTest
@testable import NuanCLI
@testable import NuanServe

/// `--watch`: a changed rules file is served once it compiles; a version with errors is refused
/// with its diagnostics in the log, and the last good version keeps serving.
final class ServeWatchTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-serve-watch-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for f in ["bengbu-2022.rules", "national-base.rules"] {
            try FileManager.default.copyItem(atPath: ServeAPITests.path("Rules/" + f), toPath: dir.appendingPathComponent(f).path)
        }
    }

    override func tearDownWithError() throws { try FileManager.default.removeItem(at: dir) }

    /// Writes the file with a modification time later than any before (so the change shows
    /// even within one second).
    func save(_ name: String, _ text: String, bump: Double) throws {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(bump)], ofItemAtPath: url.path)
    }

    func total(_ server: TestServer) throws -> String? {
        let record = try [UInt8](Data(contentsOf: URL(fileURLWithPath: ServeAPITests.path("Rules/examples/bengbu-deep-national.json"))))
        let r = try server.request("POST", "/v1/decide", body: record)
        XCTAssertEqual(r.status, 200)
        let obj = try JSONSerialization.jsonObject(with: Data(r.body)) as? [String: Any]
        return obj?["total_amount"] as? String
    }

    func testAChangedFileIsServedAndABrokenOneRefused() throws {
        let main = dir.appendingPathComponent("bengbu-2022.rules").path
        let server = try TestServer(rules: [main])
        defer { server.stop() }
        let running = ManagedFlag()
        defer { running.value = false }
        server.app.menu.watch(every: 0.1, while: { running.value })
        XCTAssertEqual(try total(server), "1000.00")
        let original = try String(contentsOfFile: main, encoding: .utf8)
        let sha = server.app.menu.all[0].program.chainSHA256

        func waitFor(_ expected: String, _ what: String) throws {
            let until = Date().addingTimeInterval(10)
            while Date() < until, try total(server) != expected { Thread.sleep(forTimeInterval: 0.1) }
            XCTAssertEqual(try total(server), expected, what)
        }

        try save("bengbu-2022.rules", original.replacingOccurrences(of: "福利 建档困难职工送温暖帮扶金 = 1000 元/户", with: "福利 建档困难职工送温暖帮扶金 = 1200 元/户"), bump: 5)
        try waitFor("1200.00", "the saved version is served")
        XCTAssertNotEqual(server.app.menu.all[0].program.chainSHA256, sha)
        XCTAssertTrue(server.log.contains("已重新载入规则文件"), server.log)

        try save("bengbu-2022.rules", original.replacingOccurrences(of: "福利 建档困难职工送温暖帮扶金 = 1000 元/户", with: "福利 建档困难职工送温暖帮扶金 = 1000 元/户 且 ？？"), bump: 10)
        let until = Date().addingTimeInterval(10)
        while Date() < until, !server.log.contains("未采用") { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertTrue(server.log.contains("未采用，继续使用上一版本"), server.log)
        XCTAssertTrue(server.log.contains("error"), "the diagnostics are in the log")
        XCTAssertEqual(try total(server), "1200.00", "the last good version keeps serving")
        XCTAssertEqual(server.app.menu.reloadChanged(), [], "a refused version is not tried again until it changes")

        // a change to the file it extends is a change too
        try save("bengbu-2022.rules", original, bump: 15)
        try waitFor("1000.00", "fixed again")
        let base = try String(contentsOf: dir.appendingPathComponent("national-base.rules"), encoding: .utf8)
        let before = server.app.menu.all[0].program.chainSHA256
        try save("national-base.rules", base + "\n# a comment\n", bump: 20)
        let until2 = Date().addingTimeInterval(10)
        while Date() < until2, server.app.menu.all[0].program.chainSHA256 == before { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertNotEqual(server.app.menu.all[0].program.chainSHA256, before)
    }

    func testAFileWithErrorsAtStartIsRefused() throws {
        try save("bad.rules", "这不是规则文件", bump: 0)
        let buffer = LogBuffer()
        let log = ServeLog(english: true, write: { buffer.append($0) })
        XCTAssertNil(RulesMenu.load([dir.appendingPathComponent("bad.rules").path], log: log))
        XCTAssertTrue(buffer.text.contains("the server did not start"), buffer.text)
        let (io, _, err) = IO.capture()
        XCTAssertEqual(CLI.main(["serve", "--rules", dir.appendingPathComponent("bad.rules").path, "--port", "0"], io: io), .usage)
        XCTAssertTrue(err().contains("服务未启动"))
        let (io2, _, err2) = IO.capture()
        XCTAssertEqual(CLI.main(["serve", "--rules", dir.path, "--port", "70000"], io: io2), .usage)
        XCTAssertTrue(err2().contains("--port"))
        let (io3, _, _) = IO.capture()
        XCTAssertEqual(CLI.main(["serve"], io: io3), .usage)
    }
}

/// `nuan serve` as the command runs it: SIGTERM stops it cleanly (exit 0).
final class ServeCommandTests: XCTestCase {
    func testSIGTERMStopsTheServerCleanly() throws {
        let log = LogBuffer()
        let io = IO(out: { log.append($0) }, err: { log.append($0) }, readLine: { nil }, readAll: { [] },
                    stdoutIsTerminal: false, stderrIsTerminal: false)
        let done = DispatchSemaphore(value: 0)
        let result = LogBuffer()
        Thread {
            let code = CLI.main(["serve", "--rules", ServeAPITests.path("Rules/bengbu-2022.rules"), "--port", "0", "--watch"], io: io)
            result.append("\(code.rawValue)")
            done.signal()
        }.start()
        let until = Date().addingTimeInterval(20)
        while Date() < until, !log.text.contains("提供服务") { Thread.sleep(forTimeInterval: 0.05) }
        let line = try XCTUnwrap(log.text.split(separator: "\n").first { $0.contains("提供服务") }, log.text)
        XCTAssertTrue(line.contains("http://127.0.0.1:"), String(line))
        XCTAssertFalse(log.text.contains("警告"), "loopback: no warning")
        // the port it says, served
        let port = try XCTUnwrap(Int(line.components(separatedBy: "127.0.0.1:")[1].prefix { $0.isNumber }))
        let c = try RawClient(port: port)
        c.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        XCTAssertEqual(try TestServer.parse(c.readAll(timeout: 10)).status, 200)
        c.close()
        kill(getpid(), SIGTERM)
        XCTAssertEqual(done.wait(timeout: .now() + 15), .success, "stopped")
        XCTAssertEqual(result.text, "0")
        XCTAssertTrue(log.text.contains("已停止"), log.text)
        XCTAssertTrue(log.text.contains("正在停止"), log.text)
    }

    func testAnotherHostIsWarnedAboutLoudly() throws {
        let log = LogBuffer()
        let io = IO(out: { log.append($0) }, err: { log.append($0) }, readLine: { nil }, readAll: { [] },
                    stdoutIsTerminal: false, stderrIsTerminal: false)
        let done = DispatchSemaphore(value: 0)
        Thread {
            _ = CLI.main(["serve", "--rules", ServeAPITests.path("Rules/bengbu-2022.rules"), "--port", "0", "--host", "0.0.0.0", "--lang", "en"], io: io)
            done.signal()
        }.start()
        let until = Date().addingTimeInterval(20)
        while Date() < until, !log.text.contains("is serving") { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertTrue(log.text.contains("WARNING: listening on 0.0.0.0"), log.text)
        kill(getpid(), SIGTERM)
        XCTAssertEqual(done.wait(timeout: .now() + 15), .success)
    }
}
