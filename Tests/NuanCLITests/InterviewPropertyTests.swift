import Foundation
import XCTest
@testable import NuanCLI
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// The interview against every example record of every shipped rules file: answered from the
/// record, it reaches the decision the whole record gets, and each question it asks could have
/// changed the outcome at the moment it was asked (a concrete witness is found).
final class InterviewPropertyTests: XCTestCase {
    func testAnsweredFromTheRecordTheInterviewReachesTheRecordsDecision() throws {
        let cases = try ShippedRecords.all()
        XCTAssertGreaterThan(cases.count, 50, "every shipped example is a case")
        var programs: [String: CheckedProgram] = [:]
        for c in cases {
            let program = try XCTUnwrap(programs[c.rules] ?? Nuan.compile(path: c.rules).0)
            programs[c.rules] = program
            let run = InterviewDriver(program: program, rulesPath: c.rules).interview(c.record)
            let whole = InterviewDriver.screenJSON(program, c.record)
            XCTAssertEqual(InterviewDriver.outcome(run.decision), InterviewDriver.outcome(whole),
                           "\(c.title) (\(c.rules)):\n\(run.transcript)")
            XCTAssertFalse(run.transcript.contains("✗"), "\(c.title): an answer from the record was refused\n\(run.transcript)")
            XCTAssertEqual(Set(run.asked).count, run.asked.count, "\(c.title): a question was asked twice\n\(run.transcript)")
        }
    }

    func testWithAnyOneFieldLeftOutTheInterviewStillReachesTheRecordsDecision() throws {
        // The same property on harder records: each example without one of its fields (the
        // caseworker does not know it), so unknowns and defaults meet every rule. To keep the
        // suite quick, each field of each file is left out of at most three examples.
        var programs: [String: CheckedProgram] = [:]
        var tried: [String: Int] = [:]
        for c in try ShippedRecords.all() where !c.title.hasPrefix("examples/") {
            let program = try XCTUnwrap(programs[c.rules] ?? Nuan.compile(path: c.rules).0)
            programs[c.rules] = program
            // Left out: fields some rule reads, where the record says more than the default.
            let read = Relevance(program: program).read
            let worthDropping = c.record.indices.filter { i in
                guard let slot = program.fieldIndex(named: c.record[i].0), read.contains(slot) else { return false }
                var facts = Facts(program: program)
                _ = RecordCodec(program: program).assign(c.record[i].1, to: slot, into: &facts)
                return facts.values[slot] != program.fields[slot].defaultValue
            }
            for drop in worthDropping {
                let key = c.rules + "|" + c.record[drop].0
                tried[key, default: 0] += 1
                if tried[key, default: 0] > 3 { continue }
                var record = c.record
                let dropped = record.remove(at: drop).0
                let run = InterviewDriver(program: program, rulesPath: c.rules).interview(record)
                let whole = InterviewDriver.screenJSON(program, record)
                XCTAssertEqual(InterviewDriver.outcome(run.decision), InterviewDriver.outcome(whole),
                               "\(c.title) without \(dropped) (\(c.rules)):\n\(run.transcript)")
                if ProcessInfo.processInfo.environment["NUAN_WITNESS_ALL"] != nil {
                    var witnesses = WitnessSearch(program: program, rulesPath: c.rules, record: record)
                    var answered: [Int] = []
                    for slot in run.asked {
                        if !program.fields[slot].required {
                            XCTAssertTrue(witnesses.find(slot, answered: answered, answeredEmpty: run.answeredEmpty),
                                          "\(c.title) without \(dropped): “\(program.fields[slot].display)” asked in vain\n\(run.transcript)")
                        }
                        answered.append(slot)
                    }
                    XCTAssertEqual(witnesses.undecided, [], "\(c.title) without \(dropped)")
                }
            }
        }
    }

    func testEveryQuestionAskedCouldHaveChangedTheOutcome() throws {
        let cases = try ShippedRecords.all()
        var programs: [String: CheckedProgram] = [:]
        for c in cases {
            let program = try XCTUnwrap(programs[c.rules] ?? Nuan.compile(path: c.rules).0)
            programs[c.rules] = program
            let run = InterviewDriver(program: program, rulesPath: c.rules).interview(c.record)
            var witnesses = WitnessSearch(program: program, rulesPath: c.rules, record: c.record)
            var answered: [Int] = []
            witnesses.undecided = []
            for slot in run.asked {
                // Required fields come first whatever the rules: without them a record is invalid.
                if program.fields[slot].required { answered.append(slot); continue }
                let found = witnesses.find(slot, answered: answered, answeredEmpty: run.answeredEmpty)
                XCTAssertTrue(found, "\(c.title): “\(program.fields[slot].display)” was asked but no value of it could change the outcome then\n\(run.transcript)")
                answered.append(slot)
            }
            // On the shipped files the analysis never has to give up and ask just in case.
            XCTAssertEqual(witnesses.undecided, [], "\(c.title): the witness search ran out of budget\n\(run.transcript)")
        }
    }
}

/// Looks for a concrete witness that a question mattered: values of the other open fields and
/// two answers to the question that give different outcomes, each checked by deciding a whole
/// record (not by the relevance analysis).
struct WitnessSearch {
    let program: CheckedProgram
    let rulesPath: String
    let record: [(String, RawValue)]
    var relevance: Relevance
    var rng = FuzzRandom(seed: 0x5EED)  // the fuzzer's SplitMix64: reproducible
    /// Fields whose witness search ran out of budget.
    var undecided: [String] = []

    init(program: CheckedProgram, rulesPath: String, record: [(String, RawValue)]) {
        self.program = program
        self.rulesPath = rulesPath
        self.record = record
        relevance = Relevance(program: program)
    }

    func recordValue(_ slot: Int) -> RawValue? {
        let f = program.fields[slot]
        return record.first { $0.0 == f.key || $0.0 == f.label }?.1
    }

    func outcome(_ pairs: [(String, RawValue)]) -> Outcome {
        Outcome(Nuan.screen(program, pairs: pairs, explain: .none))
    }

    /// Whether `slot`, asked after the fields `answered`, could change the outcome.
    mutating func find(_ slot: Int, answered: [Int], answeredEmpty: Set<Int>) -> Bool {
        var base: [(String, RawValue)] = []
        for s in answered where !answeredEmpty.contains(s) {
            if let v = recordValue(s) { base.append((program.fields[s].key, v)) }
        }
        let open = program.fields.indices.filter { $0 != slot && !answered.contains($0) }
        let askedEmpty = Set(answered.filter { answeredEmpty.contains($0) })
        // The analysis's own witness, checked by deciding the two whole records.
        let key = program.fields[slot].key
        switch relevance.witness(slot, pairs: base, asked: askedEmpty) {
        case .witness(let completion, let a, let b):
            let x = outcome(base + completion + (a.map { [(key, $0)] } ?? []))
            let y = outcome(base + completion + (b.map { [(key, $0)] } ?? []))
            if x != y { return true }
            XCTFail("\(key): the witness does not hold: \(x) vs \(y)")
        case .none: return false
        case .undecided: undecided.append(key)
        }
        // Completions of the open fields: the record's own values, none at all, then random
        // representative values.
        var completions: [[(String, RawValue)]] = [
            open.compactMap { s in recordValue(s).map { (program.fields[s].key, $0) } },
            [],
        ]
        let choices = open.map { relevance.candidates($0, pairs: base, asked: askedEmpty) }
        for _ in 0..<60 {
            var c: [(String, RawValue)] = []
            for (k, s) in open.enumerated() where !choices[k].isEmpty {
                if let v = choices[k][Int(rng.next() % UInt64(choices[k].count))] { c.append((program.fields[s].key, v)) }
            }
            completions.append(c)
        }
        for c in completions {
            let pairs = base + c
            var filled = askedEmpty
            for s in open where !c.contains(where: { $0.0 == program.fields[s].key }) { filled.insert(s) }
            let values = relevance.candidates(slot, pairs: pairs, asked: filled)
            var first: Outcome?
            for v in values {
                let o = outcome(pairs + (v.map { [(program.fields[slot].key, $0)] } ?? []))
                if let f = first, f != o { return true }
                if first == nil { first = o }
            }
        }
        return false
    }
}

