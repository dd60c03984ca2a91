import Foundation
import XCTest
@testable import NuanCLI
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// `nuan batch` masks every ID and phone number it writes — decisions, columns it only
/// carries through, the summary and the report — unless `--unmask` asks for them.
final class BatchUnmaskTests: XCTestCase {
    let id = "11010519491231002X"
    let phone = "13812345678"

    func run(unmask: Bool) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-unmask-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let rules = BatchCommandTests.root.appendingPathComponent("Rules/bengbu-2022.rules").path
        let archive = dir.appendingPathComponent("a.csv").path
        // 备用身份证 is no field of the rules: the column is carried through to the output.
        try """
        申请编号,姓名,身份证号,联系电话,所属地区,家庭人口,家庭月收入,致困原因,建档类型,建档层级,备用身份证
        \(id),张三,\(id),\(phone),蚌埠市,3,1200,大病,深度困难,全国,\(id) / \(phone)
        B2,李四,123,\(phone),蚌埠市,x,1200,大病,深度困难,全国,
        """.write(toFile: archive, atomically: true, encoding: .utf8)
        var args = ["batch", "--rules", rules, "--in", archive, "--out", dir.appendingPathComponent("d.csv").path,
                    "--summary", dir.appendingPathComponent("s.json").path, "--report", dir.appendingPathComponent("r.html").path]
        if unmask { args.append("--unmask") }
        let (io, out, err) = IO.capture()
        _ = CLI.main(args, io: io)
        var all = out() + err()
        for f in ["d.csv", "s.json", "r.html"] { all += (try? String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)) ?? "<missing \(f)>" }
        return all
    }

    func testEveryOutputIsMaskedByDefault() throws {
        let all = try run(unmask: false)
        XCTAssertFalse(all.contains("<missing"), all)
        XCTAssertFalse(all.contains(id), all)
        XCTAssertFalse(all.contains(phone), all)
        XCTAssertTrue(all.contains("110105********002X"), all)
    }

    func testUnmaskShowsTheFullNumbers() throws {
        let all = try run(unmask: true)
        XCTAssertTrue(all.contains(id), all)
    }

    /// Found by nuan-fuzz: the batch JSON writer and `nuan diff` showed numbers `screen` masks.
    func testFastWriterAndDiffMaskLikeScreen() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-unmask2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = BatchCommandTests.fixtures.appendingPathComponent("impact.rules").path
        let cited = dir.appendingPathComponent("cited.rules").path
        try String(contentsOfFile: base, encoding: .utf8)
            .replacingOccurrences(of: "依据 \"", with: "依据 \"经办人 \(id) 电话 \(phone) ")
            .write(toFile: cited, atomically: true, encoding: .utf8)
        let input = dir.appendingPathComponent("in.jsonl").path
        try "{\"id\":\"\(phone)\",\"household_size\":1,\"household_monthly_income\":500}\n".write(toFile: input, atomically: true, encoding: .utf8)
        var all = ""
        for explain in ["none", "full"] {
            let out = dir.appendingPathComponent("o-\(explain).jsonl").path
            let (io, _, err) = IO.capture()
            _ = CLI.main(["batch", "--rules", cited, "--in", input, "--out", out, "--explain", explain], io: io)
            all += err() + ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "<missing>")
        }
        let (io, out, _) = IO.capture()
        _ = CLI.main(["diff", base, cited], io: io)
        all += out()
        XCTAssertTrue(all.contains("139****5678") || all.contains("138****5678"), all)
        XCTAssertFalse(all.contains(id), all)
        XCTAssertFalse(all.contains(phone), all)
        XCTAssertFalse(all.contains("<missing>"), all)
    }
}
