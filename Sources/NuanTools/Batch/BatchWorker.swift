#if canImport(Glibc)
import Glibc
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
#endif

/// One worker thread of a batch run: its buffers, evaluators and Facts are reused block after
/// block, so the steady state allocates little beyond what deciding itself needs.
struct BatchWorker {
    let pipe: BatchPipeline
    var buf: UnsafeMutablePointer<UInt8>
    var cap: Int
    var conv = ByteBuffer(capacity: 1 << 16)
    var gb: GB18030Decoder?
    var out: ByteBuffer
    var newSide: BatchSide
    var oldSide: BatchSide?
    var splitter = CSVRowSplitter()
    var oldSplitter = CSVRowSplitter()
    var groupsHeld: [Bool]
    var carried: [(UnsafePointer<UInt8>?, Int)] = []
    /// Rows read as GB18030 one by one (encoding not given and the row not UTF-8).
    var rowGB: GB18030Decoder?
    var rowConv = ByteBuffer(capacity: 1 << 12)
    var converted = 0
    /// The keys of this block's records, for the duplicate check at its turn.
    var keys: [DuplicateRegistry.Keys] = []
    /// Corrections to apply when a block is decided again (it repeated an earlier record).
    var corrections: [Int: DuplicateRegistry.Correction] = [:]
    /// The block's output with repeats patched in (swapped with `out`).
    var patched = ByteBuffer(capacity: 1 << 12)
    /// The block's compact trace entries (`--trace`), reused block after block.
    var trace = TraceBytes()
    /// First pass: the fingerprints of the records' keys (`RepeatCandidates`).
    var prints = FingerprintChunks()
    /// Both passes: the digest and count of the keys of the records this worker read.
    var keyDigest: UInt64 = 0
    var keyRecords = 0
    let keysPass: Bool
    /// Deciding pass after a first pass: which records the registry must see (nil: all).
    let candidates: RepeatCandidates?
    let writer: DecisionWriter
    /// `--explain brief` to JSON Lines: the explanation written straight from the evaluation.
    let brief: BriefExplanationWriter?
    /// The evaluation of the record being rendered (`brief`), nil when its decision has none
    /// or is not the one evaluated (a repeated id makes it invalid).
    var evaluation: Evaluator.Evaluation?
    let explain: ExplainLevel
    let stage: BatchOptions.Stage
    /// Plain decisions written from the compiled evaluator's outcomes (`DecisionLine`): with
    /// `--explain none` where nothing else needs the `Decision` (no `--against`, `--trace`,
    /// `--recourse`, `--near-miss`), and not in a block decided again for a repeated record.
    let decisionLines: Bool
    /// The decision lines' awards (nil without `decisionLines`).
    let lineAwards: LineAwards?
    /// Per benefit (flat index), where its fund and name are in the block's summary tallies
    /// (-1: not known yet); reset with each new summary.
    var lineSlots: [(fund: Int, benefit: Int)] = []

    init(_ pipe: BatchPipeline) {
        self.pipe = pipe
        cap = pipe.blockSize + BatchPipeline.padding
        buf = .allocate(capacity: cap)
        out = ByteBuffer(capacity: pipe.options.explain == .none ? pipe.blockSize / 2 + 4096 : pipe.blockSize * 8)
        let compiled = pipe.options.explain == .none && !pipe.options.interpret
        // brief: the decisions without explanation entries — JSON Lines writes the entries from
        // the evaluation, CSV has no place for them (nor for full's views: a CSV row is the same
        // at brief and full); full JSON Lines builds them with the worker's memos. The
        // interpreter's path (`--interpret`) is the reference.
        let csvOut = pipe.options.outputFormat != .jsonl
        let leave = !pipe.options.interpret && pipe.options.explain != .none
        newSide = BatchSide(pipe.bp, layout: pipe.layout, compiled: compiled, leaveExplanation: leave, csvOut: csvOut)
        oldSide = pipe.oldBP.map { BatchSide($0, layout: pipe.oldLayout, compiled: compiled) }
        groupsHeld = Array(repeating: false, count: pipe.bp.program.groups.count)
        writer = DecisionWriter(pipe.bp)
        brief = leave && !csvOut && pipe.options.explain == .brief ? BriefExplanationWriter(writer, english: false) : nil
        explain = pipe.options.explain
        stage = pipe.options.stage
        keysPass = pipe.keysPass
        candidates = pipe.candidates
        if pipe.encoding == .gb18030 { gb = GB18030Decoder() }
        let o = pipe.options
        decisionLines = compiled && o.decisionLines && pipe.oldBP == nil && pipe.traceWriter == nil && !pipe.bp.recourse
            && pipe.bp.nearMiss == nil && getenv("NUAN_DECISION_LINES").map { String(cString: $0) } != "0"
        lineAwards = decisionLines ? LineAwards(newSide.ev, pipe.bp) : nil
    }

    mutating func free() {
        prints.free()
        buf.deallocate()
        conv.free()
        rowConv.free()
        out.free()
        splitter.scratch.free()
        patched.free()
        oldSplitter.scratch.free()
        trace.free()
    }

    mutating func loop() {
        defer { pipe.collect(&prints, digest: keyDigest, records: keyRecords) }
        while let taken = pipe.take(&buf, &cap) {
            let seq = taken.seq
            if taken.overlong && keysPass {
                pipe.publishLines(seq, taken.lines)
                continue
            }
            if taken.overlong {
                pipe.publishLines(seq, taken.lines)
                out.count = 0
                var report = stage == .all ? BatchReport(program: pipe.bp.program, against: pipe.oldBP?.program) : nil
                let d = overlongDecision(line: pipe.lineBase(seq))
                trace.removeAll()
                pipe.traceWriter?.appendUnread(d, to: &trace)
                emit(d, previous: oldSide == nil ? nil : d, csvCells: false, &report)
                if !pipe.deliver(seq, out.base, out.count, records: 1, outputs: 1, slow: 1, report: report, inputBytes: taken.n, trace: trace.bytes) { break }
                continue
            }
            let n = taken.n
            var data = UnsafePointer(buf)
            var len = n
            if let gb {
                conv.count = 0
                gb.convert(buf, n, into: &conv)
                conv.reserve(BatchPipeline.padding)
                data = UnsafePointer(conv.base)
                len = conv.count
            }
            let csv = pipe.options.inputFormat == .csv
            let lines = csv ? CSVRowSplitter.countTerminators(data, len) : Self.countNewlines(data, len)
            pipe.publishLines(seq, lines)
            memset(UnsafeMutablePointer(mutating: data + len), 0x22, BatchPipeline.padding)
            out.count = 0
            keys.removeAll(keepingCapacity: true)
            corrections.removeAll()
            var report = stage == .all ? BatchReport(program: pipe.bp.program, against: pipe.oldBP?.program) : nil
            var (records, outputs, slow, consumed) = process(seq, data, len, &report)
            if keysPass { continue }
            if stage == .all {
                guard pipe.awaitTurn(seq) else { break }
                let found = pipe.duplicates.check(keys, lineBase: pipe.lineBase(seq))
                if !found.isEmpty && !patchRepeats(found, &report) {
                    // a repeat of an earlier record: decide the block again with the corrections
                    corrections = found
                    out.count = 0
                    converted = 0
                    keys.removeAll(keepingCapacity: true)   // registered already; not needed twice
                    report = BatchReport(program: pipe.bp.program, against: pipe.oldBP?.program)
                    let counted = (keyDigest, keyRecords)   // the block's keys are counted once
                    (records, outputs, slow, consumed) = process(seq, data, len, &report)
                    (keyDigest, keyRecords) = counted
                }
            }
            if consumed != lines {
                // every line of the block must belong to a record or be blank: rows in = decisions out
                pipe.fail(Message.Batch.blockLines(line: pipe.lineBase(seq), lines: lines, consumed: consumed))
                break
            }
            if !pipe.deliver(seq, out.base, out.count, records: records, outputs: outputs, slow: slow, report: report,
                             inputBytes: n, converted: converted, trace: trace.bytes) { break }
            converted = 0
        }
    }

    func overlongDecision(line: Int) -> Decision {
        .invalid(id: nil, errors: [RecordError(field: "", value: nil,
            reason: Message.Batch.lineTooLong(pipe.maxLine), line: line)])
    }

    static func countNewlines(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        var c = 0
        var s = p
        let e = p + n
        while s < e, let q = memchr(s, 0x0A, e - s) {
            c += 1
            s = UnsafePointer(q.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return c
    }

    /// Decides every record of the block; returns (records, decisions written, slow-path records,
    /// line terminators the records and blank lines took up).
    mutating func process(_ seq: Int, _ data: UnsafePointer<UInt8>, _ n: Int, _ report: inout BatchReport?) -> (Int, Int, Int, Int) {
        let firstBad = UTF8Check.firstInvalid(data, n)
        var records = 0, outputs = 0, slow = 0, consumed = 0
        var s = data
        let end = data + n
        var lineIndex = 0          // physical line of the record's start, within the block
        let csv = pipe.options.inputFormat == .csv
        let perRow = csv && pipe.options.encoding == nil
        let maxLine = pipe.maxLine
        var base = -1
        let pipe = self.pipe
        trace.removeAll()
        let tracing = pipe.traceWriter != nil && stage == .all
        newSide.decisionLines = decisionLines && corrections.isEmpty
        if decisionLines {
            // a new summary for this block: its tallies' slots are found again
            lineSlots = Array(repeating: (-1, -1), count: lineAwards!.funds.count)
        }
        while s < end {
            let e: UnsafePointer<UInt8>
            var nl = 0
            if csv {
                // a row with no quote and no CR before its LF ends there, holding no terminator
                // (what `recordEnd` finds byte by byte), found by `memchr`
                let lf = memchr(s, 0x0A, end - s).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) } ?? end
                if memchr(s, 0x22, lf - s) == nil && memchr(s, 0x0D, lf - s) == nil {
                    e = lf
                } else {
                    e = CSVRowSplitter.recordEnd(s, end, final: true) ?? end
                    nl = CSVRowSplitter.countTerminators(s, e - s)
                }
            } else {
                e = memchr(s, 0x0A, end - s).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) } ?? end
            }
            let thisLine = lineIndex
            lineIndex += 1 + nl
            consumed += nl + (e < end ? 1 : 0)
            defer { s = csv ? CSVRowSplitter.next(after: e, end) : e + 1 }
            if Self.blank(s, e) { continue }
            records += 1
            let line = { () -> Int in
                if base < 0 { base = pipe.lineBase(seq) }
                return base + thisLine
            }
            if e - s > maxLine {
                slow += 1
                let d = overlongDecision(line: line())
                if stage == .eval || stage == .parse { outputs += 1; continue }
                if tracing { pipe.traceWriter!.appendUnread(d, to: &trace) }
                emit(d, previous: oldSide == nil ? nil : d, csvCells: false, &report)
                outputs += 1
                continue
            }
            // the row's text: UTF-8 as it stands, else (encoding not given) the row read as GB18030
            var rs = s, re = e
            var utf8OK = s - data + (e - s) <= firstBad
            if !utf8OK && perRow && !UTF8Check.isValid(s, e - s) {
                if rowGB == nil { rowGB = GB18030Decoder() }
                if let g = rowGB {
                    rowConv.count = 0
                    g.convert(s, e - s, into: &rowConv)
                    // not GB18030 either: read it as UTF-8 with a bad byte, so only its cell is named
                    if UTF8Check.isValid(rowConv.base, rowConv.count) {
                        rs = UnsafePointer(rowConv.base)
                        re = rs + rowConv.count
                        utf8OK = true
                        converted += 1
                    }
                }
            } else if !utf8OK && perRow {
                utf8OK = true
            }
            let parseOnly = stage == .parse
            let outcome = csv
                ? newSide.csvRecord(&splitter, rs, re, utf8OK: utf8OK, line: line, explain: explain, parseOnly: parseOnly, slow: &slow)
                : newSide.jsonRecord(rs, re, utf8OK: utf8OK, line: line, explain: explain, parseOnly: parseOnly, slow: &slow)
            if keysPass {
                // the keys as the deciding pass will take them: the decision's id (the Facts'
                // id when the record is valid) and, for a valid record, the ID number's code
                switch outcome {
                case .parsed, .line:
                    noteKeys(id: newSide.flip ? newSide.fa.id : newSide.fb.id,
                             idNumber: newSide.flip ? newSide.fa.idNumberCode : newSide.fb.idNumberCode)
                case .decided(let d):
                    noteKeys(id: d.id, idNumber: 0)
                }
                outputs += 1
                continue
            }
            if case .line = outcome {
                if stage == .eval { outputs += 1; continue }
                let id = newSide.ev.facts.id
                let idNumber: UInt64 = stage == .all ? newSide.ev.facts.idNumberCode : 0
                let outStart = out.count
                emitLine(id: id, csvCells: csv, &report)
                noteRecord(thisLine, id: id, idNumber: idNumber, outStart: outStart)
                outputs += 1
                continue
            }
            guard case .decided(var d) = consume outcome else { outputs += 1; continue }
            if tracing {
                // the decision as the rules made it (before a repeat is marked)
                if newSide.lastFactsOK {
                    pipe.traceWriter!.append(newSide.flip ? newSide.fa : newSide.fb, d, to: &trace)
                } else {
                    // the 姓名 the reader got before the error, when it began reading this record
                    let f = newSide.flip ? newSide.fa : newSide.fb
                    var named = d
                    if newSide.factsFresh && d.id != nil && f.id == d.id { named.takeName(from: f, program: pipe.bp.program) }
                    pipe.traceWriter!.appendUnread(d, name: named.name, to: &trace)
                }
            }
            let idNumber: UInt64 = stage == .all && newSide.lastFactsOK ? newSide.ev.facts.idNumberCode : 0
            let correction = corrections.isEmpty ? nil : corrections[thisLine]
            if let c = correction { d = DuplicateRegistry.apply(c, to: d, line: line(), program: pipe.bp.program, english: pipe.options.english) }
            var previous: Decision?
            if oldSide != nil {
                var ignore = 0
                let o = csv
                    ? oldSide!.csvRecord(&oldSplitter, rs, re, utf8OK: utf8OK, line: line, explain: .none, parseOnly: false, slow: &ignore)
                    : oldSide!.jsonRecord(rs, re, utf8OK: utf8OK, line: line, explain: .none, parseOnly: false, slow: &ignore)
                if case .decided(let od) = o {
                    previous = correction.map { DuplicateRegistry.apply($0, to: od, line: line(), program: pipe.oldBP!.program, english: pipe.options.english) } ?? od
                }
            }
            if stage == .eval { outputs += 1; continue }
            let outStart = out.count
            if brief != nil {
                if case .repeatedID? = correction { newSide.lastEvaluation = nil }
                evaluation = newSide.lastEvaluation
                emit(d, previous: previous, csvCells: csv, &report)
                evaluation = nil
            } else {
                emit(d, previous: previous, csvCells: csv, &report)
            }
            noteRecord(thisLine, id: d.id, idNumber: idNumber, outStart: outStart)
            outputs += 1
        }
        return (records, outputs, slow, consumed)
    }

    /// The keys of a record just written (from `outStart` to the end of `out`), for the
    /// duplicate check at the block's turn.
    mutating func noteRecord(_ lineInBlock: Int, id: String?, idNumber: UInt64, outStart: Int) {
        var register = true
        if let candidates {
            let ih = RepeatKeys.idHash(id), nh = RepeatKeys.numberHash(idNumber)
            keyDigest &+= RepeatKeys.digest(ih, nh)
            keyRecords += 1
            register = candidates.mustRegister(idHash: ih, numberHash: nh)
        }
        keys.append(DuplicateRegistry.Keys(lineInBlock: lineInBlock, id: id, idNumber: idNumber, outStart: outStart, outEnd: out.count,
                                           register: register))
    }

    /// `emit` for a decision line (`newSide.line`): summarised and rendered as its `Decision` would be.
    mutating func emitLine(id: String?, csvCells: Bool, _ report: inout BatchReport?) {
        let awards = lineAwards!
        if var r = report.take() {
            let s = summaryInputs()
            let line = newSide.line
            r.count(line.status, category: line.category, warnings: line.warnings, groups: groupsHeld, archived: s.archived,
                    migrantWorker: s.migrant, modelWorker: s.model, perCapitaIncome: s.perCapita, dibaoLine: s.line)
            for (k, b) in line.awards.enumerated() {
                r.addAward(fund: awards.funds[Int(b)], benefit: awards.benefits[Int(b)], line.amounts[k], slots: &lineSlots[Int(b)])
            }
            report = r
        }
        if pipe.options.outputFormat == .jsonl {
            writer.jsonLine(newSide.line, id: id, awards: awards, into: &out)
        } else {
            carried.removeAll(keepingCapacity: true)
            if let layout = newSide.layout {
                let cells = splitter.cells
                for k in layout.carried { carried.append(csvCells && k < cells.count ? cells[k] : (nil, 0)) }
            }
            carried.withUnsafeBufferPointer { writer.csvRow(newSide.line, id: id, awards: awards, carried: $0, into: &out) }
        }
    }

    /// First pass: one record's keys.
    mutating func noteKeys(id: String?, idNumber: UInt64) {
        let ih = RepeatKeys.idHash(id), nh = RepeatKeys.numberHash(idNumber)
        if ih != 0 { prints.append(RepeatKeys.print(ih)) }
        if nh != 0 { prints.append(RepeatKeys.print(nh)) }
        keyDigest &+= RepeatKeys.digest(ih, nh)
        keyRecords += 1
    }

    /// Adds the decision to the summary and renders it.
    mutating func emit(_ d: Decision, previous: Decision?, csvCells: Bool, _ report: inout BatchReport?) {
        // moved out and back: `&report!` copied the whole summary (every field retained) per record
        if var r = report.take() {
            summarise(d, previous: previous, &r)
            report = r
        }
        // Searched for the near-miss list only: not written unless `--recourse` asked for it.
        if !pipe.bp.recourse && !d.recourse.isEmpty {
            var quiet = d
            quiet.recourse = []
            render(quiet, previous: previous, csvCells: csvCells)
        } else {
            render(d, previous: previous, csvCells: csvCells)
        }
    }

    /// Renders the decision into `out`.
    mutating func render(_ d: Decision, previous: Decision?, csvCells: Bool) {
        if pipe.options.outputFormat == .jsonl {
            if let brief, let e = evaluation {
                let program = pipe.bp.program
                writer.jsonLine(d, previous: previous, into: &out) { o in
                    if !brief.write(e, score: d.score, into: &o) {
                        // the reference, for what the brief writer leaves to it
                        for (k, x) in e.explanation(program: program, level: .brief, score: d.score, language: .chinese).enumerated() {
                            if k > 0 { o.put(0x2C) }
                            writer.entry(x, into: &o)
                        }
                    }
                    return true
                }
            } else {
                writer.jsonLine(d, previous: previous, into: &out)
            }
        } else {
            carried.removeAll(keepingCapacity: true)
            if let layout = newSide.layout {
                let cells = splitter.cells
                for k in layout.carried { carried.append(csvCells && k < cells.count ? cells[k] : (nil, 0)) }
            }
            carried.withUnsafeBufferPointer { writer.csvRow(d, previous: previous, carried: $0, into: &out) }
        }
    }

    @inline(__always) static func blank(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>) -> Bool {
        var q = s
        while q < e {
            let c = q[0]
            if c != 0x20 && c != 0x0D && c != 0x09 { return false }
            q += 1
        }
        return true
    }

    /// Adds the decision to the block summary with what the summary reads from the record.
    mutating func summarise(_ d: Decision, previous: Decision?, _ report: inout BatchReport) {
        if newSide.lastFactsOK && d.status != .invalid {
            let s = summaryInputs()
            report.add(d, groups: groupsHeld, archived: s.archived, migrantWorker: s.migrant, modelWorker: s.model,
                       perCapitaIncome: s.perCapita, dibaoLine: s.line)
        } else {
            report.add(d)
        }
        if let previous { report.addComparison(old: previous, new: d) }
        if let margin = pipe.bp.nearMiss, let m = BatchReport.nearMiss(d, program: pipe.bp.program, margin: margin, order: report.records) {
            report.addNearMiss(m)
        }
    }

    /// What the summary reads from the record just decided (valid, not refused): its groups
    /// into `groupsHeld`, and the rest returned.
    mutating func summaryInputs() -> (archived: Bool, migrant: Bool, model: Bool, perCapita: Rational?, line: Rational?) {
        let facts = newSide.ev.facts
        for i in groupsHeld.indices { groupsHeld[i] = newSide.group(i) == .bool(true) }
        var migrant = false, model = false
        if let g = pipe.bp.groupsSlot, case .set(let m) = facts.values[g] {
            migrant = m & pipe.bp.migrantBit != 0
            model = m & pipe.bp.modelBit != 0
        }
        var archived = false
        if let a = pipe.bp.archiveTypeSlot, case .choice(let c) = facts.values[a] { archived = c != pipe.bp.archiveNone }
        var perCapita: Rational?
        if let i = pipe.bp.perCapitaDefinition, case .number(let r) = newSide.definition(i) { perCapita = r }
        var line: Rational?
        if let p = pipe.bp.dibaoParameter, case .number(let r) = newSide.ev.parameter(p, node: 0) { line = r }
        return (archived, migrant, model, perCapita, line)
    }
}
