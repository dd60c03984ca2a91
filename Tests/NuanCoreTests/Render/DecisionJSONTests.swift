import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// The decision contract as JSON: full output carries per-file digests and award units and
/// citations; compact output (batch `--explain none`) keeps to the contract's fields.
final class DecisionJSONTests: XCTestCase {
    func testCompactKeepsTheContractFieldsOnly() throws {
        let p = TestRules.compile("福利 甲 = 1000 元/户 当 享受低保 资金 [central_aid] 依据 \"t 一\"\n")
        let d = TestRules.decide(p, #"{"id":"a","receives_dibao":true}"#, explain: .none)
        let full = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(DecisionJSON(program: p).render(d).utf8)) as? [String: Any])
        let compact = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(DecisionJSON(program: p, compact: true).render(d).utf8)) as? [String: Any])
        XCTAssertEqual(Set(compact.keys), ["id", "status", "category", "awards", "total_amount", "score", "missing", "errors", "warnings", "reasons", "recourse", "explanation", "rules"])
        XCTAssertEqual(Set(full.keys), Set(compact.keys))
        let award = try XCTUnwrap((compact["awards"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(award.keys), ["benefit", "amount", "fund", "allowed_funds"])
        XCTAssertEqual((full["awards"] as? [[String: Any]])?.first?["source"] as? String, "t 一")
        let rules = try XCTUnwrap(compact["rules"] as? [String: Any])
        XCTAssertNil(rules["files"])
        XCTAssertEqual(rules["sha256"] as? String, p.chainSHA256)
        XCTAssertNotNil((full["rules"] as? [String: Any])?["files"])
    }

    func testTheRulesDigestCoversEveryFileOfTheChain() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-chain-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let child = "规则 \"子\"\n继承 \"base.rules\"\n"
        func digest(base: String) throws -> String {
            try base.write(to: dir.appendingPathComponent("base.rules"), atomically: true, encoding: .utf8)
            let (p, d) = Nuan.compile(path: dir.appendingPathComponent("child.rules").path, text: child)
            return try XCTUnwrap(p, DiagnosticRenderer.render(d)).chainSHA256
        }
        let a = try digest(base: "规则 \"上级\"\n参数 x = 1 倍 依据 \"t\"\n")
        let b = try digest(base: "规则 \"上级\"\n参数 x = 2 倍 依据 \"t\"\n")
        XCTAssertNotEqual(a, b, "a change in the parent changes the digest of the child's decisions")
        XCTAssertEqual(a.count, 64)
    }
}
