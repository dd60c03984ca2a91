import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain

/// The recourse contract, checked over generated applicants and every shipped rules file:
/// every item, applied to its record as JSON (the way another program would apply it), gives
/// exactly the status and total it states; no smaller change does — dropping any one change
/// of a multi-change item, or moving a numeric boundary one fen (one person) back towards the
/// record's own value, gives another result; and no item touches a field that may not be
/// proposed (identity, region, date, `不作建议`).
final class RecoursePropertyTests: XCTestCase {
    /// A small deterministic generator (SplitMix64): the same applicants on every run.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ xs: [T]) -> T { xs[Int(next() % UInt64(xs.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
    }

    /// One applicant as the record's keys and their JSON texts.
    static func applicant(_ k: Int, region: String, _ g: inout Generator) -> [(String, String)] {
        var r: [(String, String)] = [("id", "\"R-\(k)\""), ("name", "\"测\""), ("region", "\"\(region)\"")]
        if !g.chance(8) { r.append(("household_size", String(g.pick([1, 2, 3, 4, 6])))) }
        if !g.chance(10) { r.append(("household_monthly_income", g.pick(["0", "450", "1320", "1979.99", "1980", "2400.5", "5000", "15000", "\"3333.33\"", "8000", "12000.5", "30000"]))) }
        if g.chance(50) { r.append(("rigid_monthly_expenses", g.pick(["0", "300", "1000.01"]))) }
        if g.chance(30) { r.append(("receives_dibao", g.pick(["true", "false"]))) }
        if !g.chance(10) {
            r.append(("hardship_causes", g.pick(["[]", "[\"serious_illness\"]", "[\"accident\",\"pandemic\"]", "[\"unemployment\"]",
                                                 "[\"disability\",\"wage_cut\"]", "[\"education_burden\"]"])))
        }
        // Mostly consistent archives (a type with a level, none with none), now and then not.
        let type = g.pick(["none", "none", "deep", "relative", "accidental"])
        let level = type == "none" || g.chance(5) ? (g.chance(90) ? "none" : "city") : g.pick(["national", "city", "industry"])
        r.append(("archive_type", "\"\(type)\""))
        r.append(("archive_level", "\"\(level)\""))
        if g.chance(15) { r.append(("archive_exited_this_year", "true")) }
        if g.chance(10) { r.append(("in_transition_period", "true")) }
        if g.chance(30) { r.append(("groups", g.pick(["[\"model_worker\"]", "[\"migrant_worker\"]", "[\"holiday_frontline\"]", "[]"]))) }
        return r
    }

    static func json(_ fields: [(String, String)]) -> [UInt8] {
        Array(("{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}").utf8)
    }

    static func setting(_ fields: [(String, String)], _ key: String, _ value: String?) -> [(String, String)] {
        var out = fields.filter { $0.0 != key }
        if let value { out.append((key, value)) }
        return out
    }

    /// The JSON text of a value JSONSerialization read back (strings, numbers, booleans, arrays).
    static func text(_ v: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: v, options: [.fragmentsAllowed]), as: UTF8.self)
    }

    struct Outcome: Equatable { let status: String; let total: String }

    /// Figures at the edge of what a record may give: the search's probes and midpoints never
    /// overflow (92233720368547758 trapped in the first version; found by hand).
    func testAbsurdFiguresDoNotTrap() throws {
        let (p, diags) = Nuan.compile(path: Golden.rootURL.appendingPathComponent("Rules/bengbu-2022.rules").path)
        let program = try XCTUnwrap(p, DiagnosticRenderer.render(diags))
        for income in ["92233720368547758", "9223372036854775807", "1152921504606846.99", "0.01", "-5"] {
            let record = #"{"id":"H","name":"甲","region":"蚌埠市","household_size":1,"household_monthly_income":\#(income),"hardship_causes":["serious_illness"],"archive_type":"none","archive_level":"none"}"#
            let d = Nuan.screen(program, json: Array(record.utf8), explain: .full, recourse: true)
            for item in d.recourse { XCTAssertEqual(item.status, .eligible, income) }
        }
        let moderate = #"{"id":"H","name":"甲","region":"蚌埠市","household_size":1,"household_monthly_income":1152921504606846,"hardship_causes":["serious_illness"],"archive_type":"none","archive_level":"none"}"#
        let d = Nuan.screen(program, json: Array(moderate.utf8), explain: .none, recourse: true)
        XCTAssertTrue(d.recourse.contains { $0.changes.count == 1 && $0.changes[0].to == .number(Rational(integer: 1980)) }, "\(d.recourse)")
    }

    func testEveryItemGivesItsResultAndNoSmallerChangeDoes() throws {
        let rulesDir = Golden.rootURL.appendingPathComponent("Rules")
        let cities = ["bengbu-2022": "蚌埠市", "heilongjiang-2021": "哈尔滨市", "qinghai-2020": "西宁市", "wuzhou-2018": "梧州市", "leshan-2012": "乐山市"]
        var g = Generator(state: 2022_11)
        var checked = 0, multi = 0, boundaries = 0
        for (file, city) in cities.sorted(by: { $0.key < $1.key }) {
            let (p, diags) = Nuan.compile(path: rulesDir.appendingPathComponent(file + ".rules").path, overrides: file == "leshan-2012" ? [(name: "低保标准", value: "380")] : [])
            let program = try XCTUnwrap(p, DiagnosticRenderer.render(diags))
            let renderer = DecisionJSON(program: program)
            var withItems = 0
            for k in 0..<400 {
                let record = Self.applicant(k, region: city, &g)
                let d = Nuan.screen(program, json: Self.json(record), explain: .none, recourse: true)
                func outcome(_ fields: [(String, String)]) -> Outcome {
                    let e = Nuan.screen(program, json: Self.json(fields), explain: .none)
                    return Outcome(status: e.status.rawValue, total: e.totalAmount.formatted(places: 2))
                }
                if d.status == .eligible && d.pending.isEmpty || d.status == .invalid {
                    XCTAssertTrue(d.recourse.isEmpty, "\(file) R-\(k): no recourse for a settled grant or an invalid record")
                }
                if !d.recourse.isEmpty { withItems += 1 }
                for item in d.recourse {
                    let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(renderer.recourse(item).utf8)) as? [String: Any])
                    let changes = try XCTUnwrap(parsed["changes"] as? [[String: Any]])
                    let result = try XCTUnwrap(parsed["result"] as? [String: Any])
                    let stated = Outcome(status: try XCTUnwrap(result["status"] as? String), total: try XCTUnwrap(result["total_amount"] as? String))
                    var applied = record
                    for c in changes {
                        let key = try XCTUnwrap(c["field"] as? String)
                        let slot = try XCTUnwrap(program.fieldIndex(named: key))
                        XCTAssertTrue(RecourseSearch.proposable(slot, in: program), "\(file): \(key) may not be proposed")
                        applied = Self.setting(applied, key, try Self.text(try XCTUnwrap(c["to"])))
                    }
                    let what = "\(file) R-\(k) \(renderer.recourse(item))"
                    XCTAssertEqual(outcome(applied), stated, what)
                    checked += 1
                    if changes.count > 1 {
                        multi += 1
                        for c in changes {
                            let key = c["field"] as! String
                            let without = Self.setting(applied, key, record.first { $0.0 == key }?.1)
                            XCTAssertNotEqual(outcome(without), stated, "dropping \(key): " + what)
                        }
                    }
                    for c in changes {
                        let key = c["field"] as! String
                        let slot = program.fieldIndex(named: key)!
                        guard program.fields[slot].type.isNumeric, let to = Rational.parse("\(c["to"]!)") else { continue }
                        let step = program.fields[slot].base == .integer ? Rational.one : Rational(1, 100)!
                        let nearer: [Rational]
                        if let from = c["from"] as? NSNumber, let f = Rational.parse(from.stringValue) ?? Rational.parse("\(from)") {
                            nearer = [f < to ? to.subtracting(step)! : to.adding(step)!]
                        } else if let fs = c["from"] as? String, let f = Rational.parse(fs) {
                            nearer = [f < to ? to.subtracting(step)! : to.adding(step)!]
                        } else {
                            // An answer to a missing input: one side of a boundary.
                            nearer = [to.subtracting(step)!, to.adding(step)!]
                        }
                        boundaries += 1
                        let moved = nearer.map { v -> Outcome in
                            let shown = program.fields[slot].base == .integer ? v.description : "\"" + v.formatted(places: 2) + "\""
                            return outcome(Self.setting(applied, key, shown))
                        }
                        XCTAssertTrue(moved.contains { $0 != stated }, "one step nearer \(key) still gives the result: " + what)
                    }
                }
            }
            XCTAssertGreaterThan(withItems, 10, "\(file): recourse found for a fair share of applicants")
        }
        XCTAssertGreaterThan(checked, 300)
        XCTAssertGreaterThan(multi, 10)
        XCTAssertGreaterThan(boundaries, 50)
        print("recourse items checked: \(checked), multi-change \(multi), numeric boundaries \(boundaries)")
    }
}
