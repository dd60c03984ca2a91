import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// Explanations observe the one evaluation: deciding with tracing on must give exactly the
/// decision it gives with tracing off, for every shipped rules file and many applicants.
final class TraceInvarianceTests: XCTestCase {
    static let root = Golden.rootURL

    func strip(_ d: Decision) -> String {
        var d = d
        d.explanation = []
        d.reasons = []
        d.basis = []
        d.notApplied = []
        d.inputs = []
        return "\(d)"
    }

    /// Applicants that walk through the branches: archived or not, each level, incomes around
    /// the lines, causes, groups, missing fields.
    func applicants() -> [String] {
        var out: [String] = []
        let types = ["none", "deep", "relative", "accidental"]
        let levels = ["none", "national", "city", "industry"]
        // Every shipped notice's own city, so each file decides some (the others are outside its 辖区).
        let regions = ["哈尔滨市", "蚌埠市", "西宁市", "梧州市", "乐山市"]
        let causes = ["[]", "[\"serious_illness\"]", "[\"accident\",\"pandemic\"]", "[\"unemployment\"]", nil]
        let incomes = ["0", "1320", "1979.99", "1980", "1980.01", "5000", nil]
        var k = 0
        for t in types {
            for l in levels {
                for c in causes {
                    for inc in incomes {
                        k += 1
                        var fields = ["\"id\":\"T-\(k)\"", "\"name\":\"测\"", "\"region\":\"\(regions[(k / 2) % regions.count])\"",
                                      "\"household_size\":1", "\"archive_type\":\"\(t)\"", "\"archive_level\":\"\(l)\"",
                                      "\"archive_exited_this_year\":\(k % 7 == 0)", "\"in_transition_period\":\(k % 11 == 0)",
                                      "\"groups\":\(k % 5 == 0 ? "[\"model_worker\",\"holiday_frontline\"]" : "[]")"]
                        if let c { fields.append("\"hardship_causes\":\(c)") }
                        if let inc { fields.append("\"household_monthly_income\":\(inc)") }
                        out.append("{" + fields.joined(separator: ",") + "}")
                    }
                }
            }
        }
        return out
    }

    func testDecisionsAreTheSameWithTracingOnAndOff() throws {
        let rulesDir = Self.root.appendingPathComponent("Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: rulesDir.path).filter { $0.hasSuffix(".rules") }
        XCTAssertEqual(files.count, 6)
        let people = applicants()
        for f in files {
            let (p, diags) = Nuan.compile(path: rulesDir.appendingPathComponent(f).path)
            let program = try XCTUnwrap(p, DiagnosticRenderer.render(diags))
            var statuses: Set<String> = []
            for a in people {
                let plain = Nuan.screen(program, json: Array(a.utf8), explain: .none)
                let traced = Nuan.screen(program, json: Array(a.utf8), explain: .full)
                XCTAssertEqual(strip(plain), strip(traced), "\(f): \(a)")
                XCTAssertFalse(traced.explanation.isEmpty)
                XCTAssertTrue(plain.explanation.isEmpty)
                XCTAssertFalse(traced.reasons.isEmpty, "\(f): every explained decision says why: \(a)")
                XCTAssertTrue(plain.reasons.isEmpty)
                statuses.insert(plain.status.rawValue + "/" + plain.category)
            }
            // The corpus reaches more than one outcome under every file.
            XCTAssertGreaterThan(statuses.count, 1, f)
        }
    }
}
