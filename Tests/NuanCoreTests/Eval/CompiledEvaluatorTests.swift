import Foundation
import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// The compiled evaluator (`Compiled/`) against the interpreter, its reference: the same
/// decision — status, category, awards, amounts, funds, total, score, missing, warnings, errors,
/// in the same order and words — for every example of every shipped rules file and for many
/// generated records, including the awkward ones (a zero divisor, figures that leave 64 bits,
/// regions outside the 辖区, fields missing, dates outside the notice's period).
final class CompiledEvaluatorTests: XCTestCase {
    static let root = Golden.rootURL

    static func programs() throws -> [(String, CheckedProgram)] {
        let dir = root.appendingPathComponent("Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".rules") }.sorted()
        XCTAssertEqual(files.count, 6)
        return try files.map { f in
            let (p, d) = Nuan.compile(path: dir.appendingPathComponent(f).path)
            return (f, try XCTUnwrap(p, DiagnosticRenderer.render(d)))
        }
    }

    /// Everything a decision says, explanation aside (there is none with `--explain none`).
    static func text(_ d: Decision) -> String { "\(d)" }

    /// Decides `facts` both ways and compares; true when the compiled path decided it.
    @discardableResult
    static func same(_ facts: Facts, _ program: CheckedProgram, interpreter: inout Evaluator, compiled: inout CompiledEvaluator,
                     reference: inout Evaluator, language: Language = .chinese, _ what: @autoclosure () -> String) -> Bool {
        let expected = reference.decide(facts, language: language)
        let before = compiled.fallbacks
        let got = compiled.decide(facts, using: &interpreter, language: language)
        XCTAssertEqual(text(got), text(expected), what())
        return compiled.fallbacks == before
    }

    func testEveryShippedRulesFileCompilesWithNothingLeftToTheInterpreter() throws {
        for (f, p) in try Self.programs() {
            let c = CompiledEvaluator(Evaluator(program: p))
            XCTAssertEqual(c.delegatedNodes, 0, f)
            XCTAssertGreaterThan(c.compiled.codeCount, 20, f)
        }
    }

    func testEveryExampleOfEveryShippedFileIsDecidedAlike() throws {
        var compared = 0
        for (f, p) in try Self.programs() {
            var ev = Evaluator(program: p), ref = Evaluator(program: p)
            var c = CompiledEvaluator(ev)
            for ex in p.examples {
                let (pairs, errors) = ExampleRunner.rawPairs(ex, program: p)
                guard errors.isEmpty else { continue }
                for language in [Language.chinese, .english] {
                    let (facts, recordErrors, _) = RecordCodec(program: p, language: language).decode(pairs: pairs)
                    guard recordErrors.isEmpty else { continue }
                    Self.same(facts, p, interpreter: &ev, compiled: &c, reference: &ref, language: language, "\(f): \(ex.title)")
                    compared += 1
                }
            }
            XCTAssertEqual(c.fallbacks, 0, "\(f): an example took the interpreter")
        }
        XCTAssertGreaterThan(compared, 100)
    }

    // MARK: generated records

    /// A small seeded generator (SplitMix64) of applicant records, ordinary and awkward.
    struct Records {
        var state: UInt64
        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
        mutating func pick(_ xs: [String]) -> String { xs[below(xs.count)] }

        static let regions = ["蚌埠市", "340300", "340321", "蚌埠", "哈尔滨市", "230100", "西宁市", "海东市", "梧州市", "乐山市",
                              "黑河市", "上海市", "火星市", ""]
        static let causes = ["serious_illness", "disability", "education_burden", "unemployment", "zero_employment", "disaster",
                             "accident", "work_injury", "died_on_duty", "wage_cut", "pandemic", "other"]
        static let groups = ["model_worker", "craftsman", "advanced_individual", "discipline_leader", "seconded_cadre",
                             "extreme_conditions", "public_service", "holiday_frontline", "migrant_worker", "gig_worker",
                             "epidemic_frontline", "major_project_contributor"]
        static let types = ["none", "deep", "relative", "accidental"]
        static let levels = ["none", "national", "city", "industry"]

        /// Money as a record gives it: whole, one or two places, near a line, or huge.
        mutating func money(size: Int) -> String {
            switch below(10) {
            case 0: return "0"
            case 1, 4, 5:   // on or beside a multiple of a 低保 line (per head × household)
                let line = [660, 669, 637, 575, 750][below(5)] * 100
                let fen = line * [1, 2, 3][below(3)] * size + (chance(50) ? 0 : below(5) - 2)
                return "\(fen / 100).\(String(format: "%02d", fen % 100))"
            case 2: return ["9223372036854775807", "92233720368547758.07", "4611686018427387904", "1e3", "-5", "12.345"][below(6)]
            case 3: return "\(below(20000)).\(below(10))"
            default: return "\(below(15000)).\(String(format: "%02d", below(100)))"
            }
        }

        mutating func list(_ xs: [String]) -> String {
            "[" + xs.filter { _ in chance(15) }.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        }

        mutating func bool() -> String { chance(50) ? "true" : "false" }

        mutating func record(_ k: Int) -> String {
            var f = ["\"id\":\"G-\(k)\"", "\"name\":\"测\(k % 97)\""]
            if chance(95) { f.append("\"region\":\"\(pick(Self.regions))\"") }
            if chance(80) {
                let y = 2011 + below(14), m = 1 + below(12), d = 1 + below(28)
                f.append("\"application_date\":\"\(y)-\(String(format: "%02d", m))-\(String(format: "%02d", d))\"")
            }
            let size = chance(3) ? 0 : 1 + below(7)
            if chance(93) { f.append("\"household_size\":\(size)") }
            if chance(90) { f.append("\"household_monthly_income\":\(money(size: max(size, 1)))") }
            if chance(40) { f.append("\"rigid_monthly_expenses\":\(money(size: 1))") }
            if chance(60) { f.append("\"receives_dibao\":\(bool())") }
            if chance(85) { f.append("\"hardship_causes\":\(list(Self.causes))") }
            if chance(92) { f.append("\"archive_type\":\"\(pick(Self.types))\"") }
            if chance(92) { f.append("\"archive_level\":\"\(pick(Self.levels))\"") }
            if chance(50) { f.append("\"archive_exited_this_year\":\(bool())") }
            if chance(50) { f.append("\"in_transition_period\":\(bool())") }
            if chance(70) { f.append("\"groups\":\(list(Self.groups))") }
            if chance(30) { f.append("\"provincial_leader_visit\":\(bool())") }
            if chance(30) { f.append("\"provincial_group_visit\":\(bool())") }
            return "{" + f.joined(separator: ",") + "}"
        }
    }

    /// Thousands of generated records under every shipped file, both languages, with and
    /// without `--set` overrides that make figures 待定 or enormous.
    func testGeneratedRecordsAreDecidedAlike() throws {
        let count = Int(ProcessInfo.processInfo.environment["NUAN_DIFF_RECORDS"] ?? "") ?? 3000
        var fast = 0, slow = 0
        var statuses: Set<String> = []
        for (f, p) in try Self.programs() {
            var ev = Evaluator(program: p), ref = Evaluator(program: p)
            var c = CompiledEvaluator(ev)
            var gen = Records(seed: UInt64(f.utf8.count) &* 7919 &+ 20220101)
            for k in 0..<count {
                let line = gen.record(k)
                let language: Language = k % 5 == 0 ? .english : .chinese
                let (facts, reading) = RecordCodec(program: p, language: language).decode(json: Array(line.utf8))
                guard case .valid = reading else { continue }
                if Self.same(facts, p, interpreter: &ev, compiled: &c, reference: &ref, language: language, "\(f): \(line)") {
                    fast += 1
                } else {
                    slow += 1
                }
                statuses.insert(ref.decide(facts, language: language).status.rawValue)
            }
        }
        print("compiled path: \(fast) records, interpreter after a stop: \(slow)")
        XCTAssertEqual(statuses, ["eligible", "ineligible", "undetermined", "invalid"])
        // The compiled path decides nearly every record; the interpreter the ones with an error.
        XCTAssertGreaterThan(fast, 10 * slow)
        XCTAssertGreaterThan(slow, 0, "no record reached the interpreter's error path")
    }

    func testOverriddenFiguresAreDecidedAlike() throws {
        let dir = Self.root.appendingPathComponent("Rules")
        let sets: [[(name: String, value: String)]] = [
            [("低保标准", "4611686018427387904")], [("低保标准", "0")], [("低保标准", "0.01")],
            [("低保标准", "-4611686018427387904")], [("低保标准", "333.33")],
        ]
        var compared = 0
        for f in ["bengbu-2022.rules", "heilongjiang-2021.rules", "qinghai-2020.rules"] {
            for s in sets {
                let (prog, _) = Nuan.compile(path: dir.appendingPathComponent(f).path, overrides: s)
                guard let p = prog else { continue }
                var ev = Evaluator(program: p), ref = Evaluator(program: p)
                var c = CompiledEvaluator(ev)
                var gen = Records(seed: 99)
                for k in 0..<400 {
                    let line = gen.record(k)
                    let (facts, reading) = RecordCodec(program: p).decode(json: Array(line.utf8))
                    guard case .valid = reading else { continue }
                    Self.same(facts, p, interpreter: &ev, compiled: &c, reference: &ref, "\(f) \(s): \(line)")
                    compared += 1
                }
            }
        }
        XCTAssertGreaterThan(compared, 2000)
    }

    /// What a batch summary reads after a decision (groups, definitions) is the interpreter's too.
    func testGroupsAndDefinitionsAfterADecisionAreTheInterpreters() throws {
        for (f, p) in try Self.programs() {
            var ev = Evaluator(program: p), ref = Evaluator(program: p)
            var c = CompiledEvaluator(ev)
            var gen = Records(seed: 5)
            for k in 0..<300 {
                let line = gen.record(k)
                let (facts, reading) = RecordCodec(program: p).decode(json: Array(line.utf8))
                guard case .valid = reading else { continue }
                _ = ref.decide(facts)
                _ = c.decide(facts, using: &ev)
                for g in p.groups.indices { XCTAssertEqual(c.group(g, using: &ev), ref.group(g), "\(f) group \(g): \(line)") }
                for d in p.definitions.indices { XCTAssertEqual(c.definition(d, using: &ev), ref.definition(d), "\(f) def \(d): \(line)") }
            }
        }
    }
}
