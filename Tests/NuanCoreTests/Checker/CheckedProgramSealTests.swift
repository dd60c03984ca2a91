import XCTest
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools

/// A program with errors never reaches an evaluator: the checker hands out a program only when
/// it found no error, and nothing else can make one (its initialiser is private to the checker's
/// file; this file imports the modules without `@testable`, as any caller outside would).
final class CheckedProgramSealTests: XCTestCase {
    /// Two type errors: a number compared with a yes/no field, and text added to money.
    let broken = TestRules.prelude + """
    福利 甲 = 100 元/户 当 享受低保 > 3 资金 [central_aid] 依据 "测试 一"
    福利 乙 = 100 元/户 当 家庭月收入 + "很多" < 低保标准 资金 [central_aid] 依据 "测试 二"

    """

    func testTheCheckerGivesNoProgramForAFileWithErrors() {
        let loaded = RulesLoader.load(path: "broken.rules", text: broken)
        XCTAssertFalse(loaded.diagnostics.hasErrors, DiagnosticRenderer.render(loaded.diagnostics))
        let (program, diagnostics, _) = Checker.check(loaded.files)
        XCTAssertNil(program)
        XCTAssertGreaterThanOrEqual(diagnostics.filter { $0.severity == .error }.count, 2, DiagnosticRenderer.render(diagnostics))
    }

    func testNoFrontDoorDecidesUnderAFileWithErrors() {
        let (program, diagnostics) = Nuan.compile(path: "broken.rules", text: broken)
        XCTAssertNil(program)
        XCTAssertTrue(diagnostics.hasErrors)
        // `nuan check` still reports everything (and runs no lint on a broken program).
        XCTAssertEqual(diagnostics.filter { $0.code == "type.mismatch" }.count, 2)
    }

    func testACleanFileGivesAProgramWithItsWarnings() {
        let (program, diagnostics) = Nuan.compile(path: "ok.rules", text: TestRules.prelude)
        XCTAssertNotNil(program)
        XCTAssertFalse(diagnostics.hasErrors)
        // read-only views of what the checker established
        XCTAssertEqual(program?.fields.isEmpty, false)
        XCTAssertEqual(program?.contents.fields.count, program?.fields.count)
    }
}

/// The seal is a compile-time property, so it is tested by compiling: a caller that tries to
/// forge or edit a program — even one that imports the checker's module `@testable`, as these
/// tests do — does not type-check. Runs the toolchain's `swiftc` on the modules this test run
/// was built from.
final class CheckedProgramForgeryTests: XCTestCase {
    func testForgingOrEditingACheckedProgramDoesNotCompile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let modules = root.appendingPathComponent(".build/debug/Modules")
        guard FileManager.default.fileExists(atPath: modules.appendingPathComponent("NuanProgram.swiftmodule").path) else {
            throw XCTSkip("no debug build of NuanProgram at \(modules.path)")
        }
        let probe = """
        @testable import NuanProgram
        func forge(_ p: CheckedProgram) {
            let forged = CheckedProgram(p.contents)
            p.contents.fields = []
            _ = forged
        }
        """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-seal-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("probe.swift")
        try probe.write(to: file, atomically: true, encoding: .utf8)
        let swiftc = Process()
        swiftc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        swiftc.arguments = ["swiftc", "-typecheck", "-I", modules.path, file.path]
        let pipe = Pipe()
        swiftc.standardOutput = pipe
        swiftc.standardError = pipe
        try swiftc.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        swiftc.waitUntilExit()
        XCTAssertNotEqual(swiftc.terminationStatus, 0, out)
        XCTAssertTrue(out.contains("probe.swift:3:18: error: 'CheckedProgram' initializer is inaccessible due to 'fileprivate' protection level"), out)
        XCTAssertTrue(out.contains("probe.swift:4:") && out.contains("error: cannot assign to property: 'contents' is a 'let' constant"), out)
        // and no other kind of error: the probe itself is well-formed
        XCTAssertEqual(out.components(separatedBy: "\n").filter { $0.hasPrefix(file.path) && $0.contains("error:") }.count, 2, out)
    }
}
