import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// One program's part of a worker: its record codec, its evaluator and two Facts used in turn
/// (the evaluator keeps the Facts it last decided; alternating keeps each buffer unshared, so
/// filling one never copies).
struct BatchSide {
    let bp: BatchProgram
    let codec: RecordCodec
    var layout: CSVLayout?
    var ev: Evaluator
    /// The compiled evaluator, which decides with `--explain none` (the interpreter `ev`
    /// explains, and decides what the compiled path hands back).
    var compiled: CompiledEvaluator?
    var fa: Facts
    var fb: Facts
    var flip = false
    /// Values of the last record decided successfully (for the summary).
    var lastFactsOK = false
    /// Whether the current Facts were reset for the last record (its reading began): a record
    /// refused before that (a CSV row with an open quote or the wrong number of cells, a JSON
    /// line that is not UTF-8) leaves the Facts of the record read two rows before, which must
    /// not lend it a name (nuan-fuzz seed 10 case 6: the trace differed with --jobs).
    var factsFresh = false
    /// Decisions made without their explanation entries (`--explain brief` or `full` without
    /// the reference, `BatchOptions.interpret`): JSON Lines renders brief ones from
    /// `lastEvaluation` and builds full ones with the worker's memos; CSV has no place for them —
    /// nor for the caseworker's and auditor's views, so a CSV `full` decides as `brief` does
    /// (its rows are the same).
    var leaveExplanation = false
    /// The evaluation of the record just decided, when `leaveExplanation` (nil for a record
    /// that was not read, or not decided).
    var lastEvaluation: Evaluator.Evaluation?
    /// Sentences of the reasons kept from record to record.
    let reasonsMemo = ReasonsMemo()
    /// What full explanations hold that depends on the program alone, kept likewise.
    let explainMemo = ExplainMemo()
    /// The evaluator's generation when it made `lastEvaluation`.
    var lastGeneration: UInt32 = 0

    /// Whether decisions go to CSV (or a workbook), which holds no explanation entries.
    let csvOut: Bool
    /// Plain decisions of the compiled path come back as `.line` (`DecisionLine`), written and
    /// counted without a `Decision` value: set by the worker where nothing else needs one.
    var decisionLines = false
    /// The last `.line` outcome's decision.
    var line = DecisionLine()

    init(_ bp: BatchProgram, layout: CSVLayout?, compiled: Bool, leaveExplanation: Bool = false, csvOut: Bool = false) {
        self.bp = bp
        self.leaveExplanation = leaveExplanation
        self.csvOut = csvOut
        codec = RecordCodec(layout: bp.layout)
        self.layout = layout
        ev = Evaluator(program: bp.program)
        if compiled { self.compiled = CompiledEvaluator(ev) }
        fa = Facts(program: bp.program)
        fb = Facts(program: bp.program)
    }

    /// Group `i` of the record last decided, for the summary.
    mutating func group(_ i: Int) -> Value {
        compiled != nil ? compiled!.group(i, using: &ev) : ev.group(i)
    }

    /// Definition `i` of the record last decided, for the summary.
    mutating func definition(_ i: Int) -> Value {
        compiled != nil ? compiled!.definition(i, using: &ev) : ev.definition(i)
    }

    enum Outcome {
        case decided(Decision)
        /// Decided, plain: the decision is in `line` (`decisionLines`).
        case line
        /// Parsed only (`--stage parse`).
        case parsed
    }

    /// Decides (or only counts, `--stage parse`) what the codec read into the current Facts.
    mutating func outcome(_ reading: RecordCodec.Reading, explain: ExplainLevel, parseOnly: Bool, slow: inout Int) -> Outcome {
        switch reading {
        case .invalid(let id, let errors):
            slow += 1
            var d = Decision.invalid(id: id, errors: errors)
            if explain != .none { d.reasons = Reasons.invalid(errors, language: errors.first?.language ?? .chinese) }
            return .decided(d)
        case .valid(let fast):
            if !fast { slow += 1 }
            if parseOnly { return .parsed }
            lastFactsOK = true
            let d: Decision
            if explain == .none && !bp.recourse && compiled != nil && decisionLines {
                switch compiled!.decideLine(flip ? fa : fb, using: &ev, into: &line) {
                case .line: return .line
                case .decision(let x): d = x
                }
            } else if explain == .none && !bp.recourse && compiled != nil {
                d = compiled!.decide(flip ? fa : fb, using: &ev)
            } else if leaveExplanation && explain != .none {
                d = decideLeavingExplanation(explain)
            } else {
                d = flip ? ev.decide(fa, explain: explain, recourse: bp.recourse) : ev.decide(fb, explain: explain, recourse: bp.recourse)
            }
            // The near-miss list needs the recourse of refusals only.
            if !bp.recourse && bp.nearMiss != nil && d.status == .ineligible {
                var refused = d
                refused.recourse = ev.recourse(for: d, facts: flip ? fa : fb)
                return .decided(refused)
            }
            return .decided(d)
        }
    }

    /// Decides the current Facts without building the explanation entries (brief, or CSV at
    /// full) or with the worker's memos (full JSON Lines), keeping the evaluation. Out of line:
    /// `outcome` is also the compiled path's, which stays as it was.
    @inline(never)
    mutating func decideLeavingExplanation(_ explain: ExplainLevel) -> Decision {
        let level: ExplainLevel = explain == .full && !csvOut ? .full : .brief
        var (d, e) = flip ? ev.decideLeavingExplanation(fa, explain: level, recourse: bp.recourse, memo: reasonsMemo)
                          : ev.decideLeavingExplanation(fb, explain: level, recourse: bp.recourse, memo: reasonsMemo)
        if level == .full, let e {
            // as `Evaluator.decide` builds them, with the worker's memo
            d.explanation = e.explanation(program: bp.program, level: .full, score: d.score, language: .chinese, memo: explainMemo)
        }
        lastEvaluation = e
        // the evaluation has the trace now: what the summary asks of the evaluator after
        // (groups, definitions, memoised) need not be traced, nor copy it
        ev.trace = nil
        lastGeneration = ev.traceGeneration
        return d
    }

    /// Drops the last record's evaluation, its trace handed back to the evaluator for the next
    /// (the worker is done with it).
    mutating func recycleEvaluation() {
        guard let e = lastEvaluation.take() else { return }
        ev.recycle(e.trace.values, generation: lastGeneration)
    }

    // MARK: JSON Lines

    mutating func jsonRecord(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>, utf8OK: Bool, line: () -> Int,
                             explain: ExplainLevel, parseOnly: Bool, slow: inout Int) -> Outcome {
        flip.toggle()
        lastFactsOK = false
        if leaveExplanation { recycleEvaluation() }
        // decodeJSONLine resets them whenever the line is UTF-8 — which a row after a bad byte in
        // its block must check itself (rare), or the answer would depend on the block layout
        // (nuan-fuzz seed 83, case 41).
        factsFresh = utf8OK || UTF8Check.isValid(s, e - s)
        let reading = flip ? codec.decodeJSONLine(s, e, utf8OK: utf8OK, line: line, into: &fa)
                           : codec.decodeJSONLine(s, e, utf8OK: utf8OK, line: line, into: &fb)
        return outcome(reading, explain: explain, parseOnly: parseOnly, slow: &slow)
    }

    // MARK: CSV

    mutating func csvRecord(_ sp: inout CSVRowSplitter, _ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>, utf8OK: Bool,
                            line: () -> Int, explain: ExplainLevel, parseOnly: Bool, slow: inout Int) -> Outcome {
        flip.toggle()
        lastFactsOK = false
        if leaveExplanation { recycleEvaluation() }
        factsFresh = false
        let layout = self.layout!
        if let _ = sp.split(s, e) {
            slow += 1
            return .decided(.invalid(id: layout.id(in: sp.cells), errors: [RecordError(field: "", value: nil, reason: Message.Batch.unbalancedQuote, line: line())]))
        }
        let cells = sp.cells
        if cells.count != layout.columns.count {
            slow += 1
            return .decided(.invalid(id: layout.id(in: cells), errors: [RecordError(field: "", value: nil,
                reason: Message.Batch.columnCount(header: layout.columns.count, row: cells.count), line: line())]))
        }
        factsFresh = true  // decodeCSV resets them first
        let reading = flip ? codec.decodeCSV(layout.columns, cells, utf8OK: utf8OK, line: line, into: &fa)
                           : codec.decodeCSV(layout.columns, cells, utf8OK: utf8OK, line: line, into: &fb)
        return outcome(reading, explain: explain, parseOnly: parseOnly, slow: &slow)
    }
}
