import Foundation
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools
import NuanOffice

/// One fuzz case: the files it writes (its reproducer) and the commands it runs on them, in
/// process, with the assertions on what they write.
final class FuzzCase {
    let n: Int
    let runner: FuzzRunner
    var rng: FuzzRandom
    var files: [(String, [UInt8])] = []
    var commands: [[String]] = []
    var notes: [String] = []
    var findings: [FuzzFinding] = []
    var applied: [FuzzClass] = []
    /// ID and phone numbers in the inputs: no output may show them in full.
    var secrets: Set<String> = []

    init(n: Int, runner: FuzzRunner) {
        self.n = n
        self.runner = runner
        rng = FuzzRandom(seed: runner.options.seed, case: n)
    }

    func on(_ c: FuzzClass) -> Bool { !runner.options.skip.contains(c) }

    func fail(_ c: FuzzClass, _ step: String, _ detail: String) {
        guard on(c) else { return }
        findings.append(FuzzFinding(cls: c, step: step, detail: detail))
    }

    func add(_ name: String, _ bytes: [UInt8]) {
        files.append((name, bytes))
        secrets.formUnion(FuzzValues.personalNumbers(in: bytes))
    }

    // MARK: running commands in process

    struct Ran { var code: ExitCode; var out: String; var err: String }

    func nuan(_ argv: [String], textOut: Bool, leaks: Bool = true) -> Ran {
        let step = "nuan " + argv.map(Self.shellQuote).joined(separator: " ")
        CrashGuard.set("case \(n), step: \(step)\n  reproducer: \(runner.caseDir(n))/run.sh")
        let (io, out, err) = IO.capture()
        let code = CLI.main(argv, io: io)
        let r = Ran(code: code, out: out(), err: err())
        if leaks, let l = FuzzChecks.leaked(r.out + "\n" + r.err, secrets) { fail(.leak, step, l) }
        if textOut, let c = FuzzChecks.rawControl(r.out) { fail(.rawControl, step + " (stdout)", c) }
        if let c = FuzzChecks.rawControl(r.err) { fail(.rawControl, step + " (stderr)", c) }
        return r
    }

    static func shellQuote(_ s: String) -> String {
        s.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=".contains($0) }) && !s.isEmpty ? s
            : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Lists a command in run.sh before it runs (so a crash leaves it on disk).
    func plan(_ argv: [String]) { commands.append(argv) }

    func writeScript() {
        var s = "#!/bin/sh\n# nuan-fuzz --seed \(runner.options.seed) --case \(n)\n# mutations: \(Set(applied.map(\.rawValue)).sorted().joined(separator: " "))\n"
        s += "cd \"$(dirname \"$0\")\"\nNUAN=${NUAN:-nuan}\nexport NUAN_PROVE_LIMIT=\(Self.proveLimit)\n"
        for note in notes { s += "# " + note + "\n" }
        for c in commands { s += "$NUAN " + c.map(Self.shellQuote).joined(separator: " ") + "\n" }
        try? s.write(toFile: "run.sh", atomically: false, encoding: .utf8)
    }

    // MARK: case kinds

    func run() {
        let seeds = runner.corpus.rules
        let deciding = seeds.filter { $0.compiles && !$0.records.isEmpty }
        if rng.below(100) < 40 || deciding.isEmpty {
            rulesCase(rng.pick(seeds))
        } else {
            recordsCase(rng.pick(deciding))
        }
    }

    func writeFiles() {
        for (name, bytes) in files {
            // not NSString's path functions: they trap on a one-character path (issue 8)
            let dir = name.lastIndex(of: "/").map { String(name[..<$0]) } ?? ""
            if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            _ = FileManager.default.createFile(atPath: name, contents: Data(bytes))
        }
    }

    /// Seed records for decisions under `seed` (its own, or any).
    func someRecords(_ seed: FuzzCorpus.RulesSeed) -> [[(String, RawValue)]] {
        let r = seed.records.isEmpty ? runner.corpus.records : seed.records
        return r.isEmpty ? [[("id", .string("F-1"))]] : r
    }

    /// A mutated rules file: check, fmt (idempotent, same decisions, no diff), test, diff against
    /// the seed, and — when it compiles — screen and batch.
    func rulesCase(_ seed: FuzzCorpus.RulesSeed) {
        var m = RulesMutator(rng: rng, enabled: on)
        let text = m.mutate(seed.text)
        rng = m.rng
        applied += m.applied
        let name = rng.oneIn(12) && on(.paths) ? "x" : "r.rules"
        for (p, b) in seed.parents { add(p, b) }
        add("orig.rules", seed.text)
        add(name, text)
        let recs = someRecords(seed)
        let record = recs[rng.below(recs.count)]
        var rm = RecordMutator(rng: rng, enabled: { _ in false })
        let one = rm.jsonLine(record)
        add("record.json", one)
        let batch = (0..<rng.between(1, 6)).map { _ in rm.jsonLine(rng.pick(recs)) }
        add("records.jsonl", Array(batch.joined(separator: [0x0A])) + [0x0A])
        // the records the fmt oracle decides under both forms of the file
        add("oracle.jsonl", Array(recs.prefix(4).map { rm.jsonLine($0) }.joined(separator: [0x0A])) + [0x0A])
        notes.append("seed: \(seed.name)")

        let english = rng.oneIn(3) ? ["--lang", "en"] : []
        let plans: [[String]] = [["check"] + english + [name], ["fmt", "--stdout", name], ["test", name],
                                 ["diff", "orig.rules", name], ["diff", "--format", "json", "orig.rules", name]]
        plans.forEach(plan)
        let proving = rng.oneIn(3)
        if proving { plan(["prove", "--emit-examples", "pv", name]); plan(["test", "pv/" + Self.boundaryName(name)]) }
        writeFiles()
        notes.append("fmt oracle: nuan fmt --stdout \(name) > f1.rules; nuan fmt --stdout f1.rules must equal f1.rules; nuan diff \(name) f1.rules must find nothing; nuan test and nuan batch --in oracle.jsonl give the same decisions")
        writeScript()

        let c = nuan(plans[0], textOut: true)
        if c.code == .usage { fail(.exitCode, "nuan check \(name)", "exit 2 for a readable file") }
        _ = nuan(plans[1], textOut: false, leaks: false)
        _ = nuan(plans[2], textOut: true)
        _ = nuan(plans[3], textOut: true)
        let dj = nuan(plans[4], textOut: false)
        if dj.code != .usage, (try? JSONSerialization.jsonObject(with: Data(dj.out.utf8))) == nil {
            fail(.jsonOutput, "nuan diff --format json", "not JSON: " + FuzzChecks.escape(String(dj.out.prefix(200))))
        }
        if let s = String(validatingUTF8Bytes: text) { fmtOracle(name, s, records: recs) }

        // decide under it, when it compiles
        CrashGuard.set("case \(n), step: compile \(name)\n  reproducer: \(runner.caseDir(n))/run.sh")
        guard Nuan.compile(path: name).0 != nil else { return }
        screen(rules: name, record: "record.json")
        batchJSONL(rules: name, file: "records.jsonl", expected: batch.count)
        if proving { prove(name) }
    }

    /// Decisions `nuan prove` may take on a fuzzed file (its own limit is 2,000,000).
    static let proveLimit = 20_000

    static func boundaryName(_ rules: String) -> String {
        (rules.hasSuffix(".rules") ? String(rules.dropLast(6)) : rules) + ".boundary.rules"
    }

    /// `nuan prove --emit-examples` on a file that compiles: documented exit codes, and every
    /// boundary example it writes passes `nuan test` (they are decisions of this very file).
    func prove(_ name: String) {
        setenv("NUAN_PROVE_LIMIT", "\(Self.proveLimit)", 1)
        defer { unsetenv("NUAN_PROVE_LIMIT") }
        let p = nuan(["prove", "--emit-examples", "pv", name], textOut: true)
        guard p.code == .success || p.code == .failure else {
            fail(.exitCode, "nuan prove \(name)", "exit \(p.code.rawValue) for a file that compiles")
            return
        }
        runner.stats["prove runs", default: 0] += 1
        let file = "pv/" + Self.boundaryName(name)
        guard FileManager.default.fileExists(atPath: file) else { return }
        let t = nuan(["test", file], textOut: true)
        runner.stats["prove example files", default: 0] += 1
        if t.code != .success {
            fail(.proveExamples, "nuan test \(file)", FuzzChecks.escape(String((t.out + t.err).prefix(600))))
        }
    }

    /// fmt(fmt(x)) = fmt(x); the formatted file compiles, decides the same, and diffs as nothing.
    func fmtOracle(_ path: String, _ text: String, records: [[(String, RawValue)]]) {
        CrashGuard.set("case \(n), step: fmt oracle on \(path)\n  reproducer: \(runner.caseDir(n))/run.sh")
        guard let once = RulesFormatter.format(path: path, text: text).text else { return }
        runner.stats["fmt files", default: 0] += 1
        _ = FileManager.default.createFile(atPath: "f1.rules", contents: Data(once.utf8))
        let twice = RulesFormatter.format(path: "f1.rules", text: once).text
        if twice == nil { fail(.fmtIdempotent, "nuan fmt --stdout f1.rules", "the formatted file does not parse") }
        else if twice != once { fail(.fmtIdempotent, "nuan fmt --stdout f1.rules", "formatting twice differs: " + firstDifference(once, twice!)) }
        let a = ExampleRunner.run(path: path, text: text)
        guard let pa = a.program else { return }
        let b = ExampleRunner.run(path: "f1.rules", text: once)
        guard let pb = b.program else {
            fail(.fmtDecisions, "nuan check f1.rules", "the file compiles but its formatted form does not: " +
                 FuzzChecks.escape(String(DiagnosticRenderer.render(b.diagnostics).prefix(300))))
            return
        }
        func sigs(_ r: ExampleRunner.FileResult, _ p: CheckedProgram) -> [String] {
            // an example's errors quote its inputs as the file writes them, spaces and all
            var out = r.examples.map { $0.decision.map { FuzzChecks.signature($0, p) } ?? "errors: \($0.errors.map { FormatInvariant.layoutFree($0.message) })" }
            for rec in records.prefix(4) { out.append(FuzzChecks.signature(Nuan.screen(p, pairs: rec, explain: .full), p)) }
            return out
        }
        let (sa, sb) = (sigs(a, pa), sigs(b, pb))
        runner.stats["fmt decisions", default: 0] += sa.count
        if sa != sb {
            let i = Array(zip(sa, sb)).firstIndex { $0.0 != $0.1 } ?? min(sa.count, sb.count)
            fail(.fmtDecisions, "nuan test \(path) / f1.rules", "decision \(i) differs after fmt: " +
                 (i < sa.count && i < sb.count ? firstDifference(sa[i], sb[i]) : "\(sa.count) vs \(sb.count) decisions"))
        }
        let changes = RulesDiff.compare(pa, pb)
        if !changes.isEmpty {
            fail(.fmtDiff, "nuan diff \(path) f1.rules", "\(changes.count) change(s), first: \(changes[0].code) \(changes[0].subject) \(changes[0].summary)")
        }
    }

    func firstDifference(_ a: String, _ b: String) -> String {
        let x = Array(a), y = Array(b)
        var i = 0
        while i < x.count && i < y.count && x[i] == y[i] { i += 1 }
        let lo = max(0, i - 30)
        return "at \(i): “" + FuzzChecks.escape(String(x[lo..<min(x.count, i + 40)])) + "” vs “" +
            FuzzChecks.escape(String(y[lo..<min(y.count, i + 40)])) + "”"
    }

    /// `--set` values: hostile figures for a parameter, a table row, a misspelt name.
    func sets(_ seed: FuzzCorpus.RulesSeed) -> [String] {
        guard on(.set), rng.oneIn(2), !seed.parameters.isEmpty else { return [] }
        applied.append(.set)
        // the 低保 line half the time: every income test and margin reads it
        let dibao = seed.parameters.filter { $0.contains("低保") }
        let p = rng.pick(dibao.isEmpty || rng.oneIn(3) ? seed.parameters : dibao)
        let value = rng.oneIn(4) ? rng.pick(["", "abc", "750元", "1/0", "待定", "-", "1e3", "７５０"]) : FuzzValues.hugeNumber(&rng)
        let key = !rng.oneIn(3) ? p : rng.pick([p + "[蚌埠市]", p + "[340300]", p + "[不存在]", p + "[", p + "x"])
        return ["--set", key + "=" + value]
    }

    /// Records under a good rules file: screen one (JSON and text, Chinese and English), batch
    /// JSON Lines or CSV with 1 and N jobs.
    func recordsCase(_ seed: FuzzCorpus.RulesSeed) {
        for (p, b) in seed.parents { add(p, b) }
        add("r.rules", seed.text)
        notes.append("seed: \(seed.name)")
        var rm = RecordMutator(rng: rng, enabled: on)
        let one = rm.jsonLine(rng.pick(seed.records))
        add("record.json", one)
        let rows = rng.pick([1, 2, 3, 5, 8, 20, 60])
        let csv = rng.oneIn(2)
        var expected: Int?
        let input: String
        if csv {
            var header: [String] = []
            for rec in seed.records { for (k, _) in rec where !header.contains(k) { header.append(k) } }
            if rng.oneIn(4) { header.append("备注") }
            let seedRows = seed.records.map { RecordMutator.cells($0, header: header) }
            let (bytes, count) = rm.csv(header: header, seeds: seedRows, rows: rows)
            input = "records.csv"
            add(input, bytes)
            expected = count
        } else {
            let (bytes, count) = rm.jsonl(seed.records, rows: rows)
            input = "records.jsonl"
            add(input, bytes)
            expected = count
        }
        rng = rm.rng
        applied += rm.applied
        let set = sets(seed)
        let jobs = runner.options.jobs
        let block = String(rng.pick([64, 100, 333, 1000, 4096]))
        let outName = on(.paths) && rng.oneIn(15) ? "x" : "out1.jsonl"
        let explain = rng.pick(["none", "brief", "full"])
        let excel = rng.oneIn(2) ? ["--excel"] : []
        // Recourse and the near-miss list search by evaluating changed records: the same on
        // one job and many, and never a leak.
        let recourse = rng.oneIn(3) ? ["--recourse"] : []
        let nearMiss = rng.oneIn(3) ? ["--near-miss", rng.pick(["0", "200", "5000.5"])] : []
        let plans: [[String]] = [
            ["screen", "--rules", "r.rules", "record.json", "--format", "json"] + set,
            ["screen", "--rules", "r.rules", "record.json"] + textPresentation() + (rng.oneIn(2) ? ["--lang", "en"] : []) + set,
            ["batch", "--rules", "r.rules", "--in", input, "--out", outName, "--format", "jsonl", "--jobs", "1", "--explain", explain,
             "--trace", "b1.trace"] + recourse + set,
            ["batch", "--rules", "r.rules", "--in", input, "--out", "outN.jsonl", "--jobs", String(jobs), "--block-size", block,
             "--explain", explain, "--trace", "bN.trace"] + recourse + set,
            ["batch", "--rules", "r.rules", "--in", input, "--out", "out1.csv", "--jobs", "1", "--summary", "s1.json",
             "--report", "r1.html", "--against", "r.rules"] + excel + nearMiss + set,
            ["batch", "--rules", "r.rules", "--in", input, "--out", "outN.csv", "--jobs", String(jobs), "--block-size", block,
             "--summary", "sN.json", "--against", "r.rules"] + excel + nearMiss + set,
        ]
        plans.forEach(plan)
        writeFiles()
        writeScript()
        screenRun(plans[0], plans[1])
        let results = plans[2...].map { nuan($0, textOut: false) }
        let names = [outName, "outN.jsonl", "out1.csv", "outN.csv"]
        let setFailed = results.allSatisfy { $0.code == .usage } && !set.isEmpty
        if setFailed { return }
        for (i, r) in results.enumerated() where r.code != .success {
            let step = "nuan " + plans[i + 2].joined(separator: " ")
            // a CSV whose header is unreadable may stop the run; nothing else may
            if !(csv && r.err.contains("表头")) && expected != nil {
                fail(.batchAborted, step, "exit \(r.code.rawValue): " + FuzzChecks.escape(String(r.err.suffix(300))))
            }
        }
        guard results.allSatisfy({ $0.code == .success }) else { return }
        let outs = names.map { read($0) ?? "" }
        for (i, o) in outs.enumerated() {
            let step = "nuan " + plans[i + 2].joined(separator: " ")
            if let l = FuzzChecks.leaked(o, secrets) { fail(.leak, step + " → " + names[i], l) }
            if i >= 2, let f = FuzzChecks.formulaCell(o) { fail(.csvFormula, step + " → " + names[i], f) }
        }
        for s in ["s1.json", "sN.json", "r1.html"] {
            if let t = read(s), let l = FuzzChecks.leaked(t, secrets) { fail(.leak, "nuan batch … --summary/--report → " + s, l) }
        }
        runner.stats["batch runs", default: 0] += 4
        let (count, bad) = FuzzChecks.jsonLines(outs[0])
        if let bad { fail(.jsonOutput, "nuan " + plans[2].joined(separator: " "), bad) }
        if let expected {
            if count != expected {
                fail(.count, "nuan " + plans[2].joined(separator: " "), "\(expected) records in, \(count) decisions out")
            }
            let csvRows = CSVText.countRecords(Array(outs[2].utf8)) - 1
            if csvRows != expected {
                fail(.count, "nuan " + plans[4].joined(separator: " "), "\(expected) records in, \(csvRows) CSV rows out")
            }
        }
        if outs[0] != outs[1] { fail(.jobs, "nuan batch --jobs 1 / --jobs \(jobs)", "JSON Lines output differs: " + firstDifference(outs[0], outs[1])) }
        if FileManager.default.contents(atPath: "b1.trace") != FileManager.default.contents(atPath: "bN.trace") {
            fail(.jobs, "nuan batch --trace, --jobs 1 / --jobs \(jobs)", "the traces differ")
        }
        if count > 0 { explainRun(rules: "r.rules", count: count) }
        if outs[2] != outs[3] { fail(.jobs, "nuan batch --jobs 1 / --jobs \(jobs)", "CSV output differs: " + firstDifference(outs[2], outs[3])) }
        if read("s1.json") != read("sN.json") {
            fail(.jobs, "nuan batch --summary, --jobs 1 / --jobs \(jobs)", "summary differs: " + firstDifference(read("s1.json") ?? "", read("sN.json") ?? ""))
        }
        if csv, on(.workbook), rng.oneIn(3), let bytes = files.first(where: { $0.0 == input })?.1 {
            workbookRun(csv: bytes, rules: "r.rules", set: set)
        }
        if set.isEmpty, on(.office), rng.oneIn(3) { officeRun(input: input) }
    }

    /// The office's papers from the case's archive: an allocation under random budgets of the
    /// funds the rules declare, the roster (masked, and with --unmask), the 公示 list, and an
    /// audit of the roster against the archive. Nothing may crash or leak; each command ends
    /// with a decision about its input (0 or 1), never a usage error, once allocate ran.
    func officeRun(input: String) {
        var funds: [String] = []
        for (name, bytes) in files where name.hasSuffix(".rules") {
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where line.hasPrefix("资金 ") {
                let code = line.dropFirst(3).prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
                if !code.isEmpty && !funds.contains(String(code)) { funds.append(String(code)) }
            }
        }
        guard !funds.isEmpty else { return }
        applied.append(.office)
        var budgets: [String] = []
        for f in funds where rng.oneIn(2) || budgets.isEmpty {
            budgets += ["--budget", f + "=" + rng.pick(["0", "1000", "2500.5", "100000", "99999999999.99"])]
        }
        let plans = [["allocate", "--rules", "r.rules", "--in", input, "--out", "alloc.json"] + budgets,
                     ["roster", "--rules", "r.rules", "--in", input, "--allocation", "alloc.json", "--out", "roster.csv"],
                     ["roster", "--rules", "r.rules", "--in", input, "--allocation", "alloc.json", "--out", "rosterU.csv", "--unmask"],
                     ["roster", "--rules", "r.rules", "--in", input, "--allocation", "alloc.json", "--out", "public.html", "--public"],
                     ["audit", "rosterU.csv", "--decisions", input, "--rules", "r.rules"]]
        plans.forEach(plan)
        writeScript()
        let allocated = nuan(plans[0], textOut: true)
        runner.stats["office runs", default: 0] += 1
        // A header the readers cannot take stops allocate as it stops batch; nothing after it then.
        guard allocated.code == .success else { return }
        runner.stats["office papers", default: 0] += 1
        if let t = read("alloc.json"), let l = FuzzChecks.leaked(t, secrets) { fail(.leak, "nuan allocate → alloc.json", l) }
        for (k, p) in plans.enumerated().dropFirst() {
            let unmasked = k == 2
            // the audit reads the unmasked roster: none to read when that one was refused
            if k == 4 && read("rosterU.csv") == nil { break }
            let r = nuan(p, textOut: true, leaks: !unmasked)
            let step = "nuan " + p.joined(separator: " ")
            if r.code == .usage { fail(.exitCode, step, "exit 2 after allocate succeeded: " + FuzzChecks.escape(String(r.err.suffix(300)))) }
            if k == 1 || k == 3, let out = read(k == 1 ? "roster.csv" : "public.html"), let l = FuzzChecks.leaked(out, secrets) {
                fail(.leak, step, l)
            }
            if k == 1, let out = read("roster.csv"), let f = FuzzChecks.formulaCell(out) { fail(.csvFormula, step, f) }
        }
    }

    /// The CSV case's rows as a workbook (text cells), read by batch and written back as one;
    /// half the time its bytes are flipped or cut. A damaged workbook stops the run with a
    /// message and no output (exit 1); an intact one is decided row for row.
    func workbookRun(csv: [UInt8], rules: String, set: [String]) {
        let rows = CSVText.parse(String(decoding: csv, as: UTF8.self))
        guard let header = rows.first,
              var book = try? XLSXWriter.write(sheet: "档案", header: header,
                                               rows: rows.dropFirst().map { $0.map { $0.isEmpty ? .empty : .text($0) } }) else { return }
        applied.append(.workbook)
        let damaged = rng.oneIn(2)
        if damaged {
            if rng.oneIn(3) { book.removeLast(rng.below(book.count)) } else {
                for _ in 0..<rng.between(1, 8) { book[rng.below(book.count)] = UInt8(truncatingIfNeeded: rng.below(256)) }
            }
        }
        add("records.xlsx", book)
        writeFiles()
        let plans = [["batch", "--rules", rules, "--in", "records.xlsx", "--out", "outX.jsonl", "--jobs", "1"] + set,
                     ["batch", "--rules", rules, "--in", "records.xlsx", "--out", "outX.xlsx", "--jobs", String(runner.options.jobs)] + set]
        plans.forEach(plan)
        writeScript()
        for p in plans {
            let r = nuan(p, textOut: false)
            let step = "nuan " + p.joined(separator: " ")
            if r.code == .usage { continue }        // a --set refused
            // as for CSV: a header that cannot be read (mis-decoded names) may stop the run
            if !damaged && r.code != .success && !r.err.contains("表头") { fail(.batchAborted, step, "exit \(r.code.rawValue): " + FuzzChecks.escape(String(r.err.suffix(300)))) }
            if r.code != .success && FileManager.default.fileExists(atPath: p[6]) { fail(.batchAborted, step, "a failed run left \(p[6])") }
        }
        runner.stats["workbook runs", default: 0] += 2
        guard !damaged, let out = read("outX.jsonl") else { return }
        let decided = FuzzChecks.jsonLines(out).0
        let records = rows.dropFirst().filter { !$0.allSatisfy(\.isEmpty) }.count
        if decided != records { fail(.count, "nuan " + plans[0].joined(separator: " "), "\(records) workbook rows in, \(decided) decisions out") }
        if let x = FileManager.default.contents(atPath: "outX.xlsx"), let back = try? Workbook(bytes: [UInt8](x)).rows() {
            if back.count - 1 != decided { fail(.count, "nuan " + plans[1].joined(separator: " "), "\(decided) decisions, \(back.count - 1) workbook rows out") }
        } else {
            fail(.count, "nuan " + plans[1].joined(separator: " "), "the decisions workbook does not read back")
        }
    }

    func screen(rules: String, record: String) {
        let a = ["screen", "--rules", rules, record, "--format", "json"]
        let b = ["screen", "--rules", rules, record] + textPresentation() + (rng.oneIn(2) ? ["--lang", "en"] : [])
        plan(a); plan(b); writeScript()
        screenRun(a, b)
    }

    /// One of the ways a decision is shown to a person: the three views, every rule, the notice page.
    func textPresentation() -> [String] {
        rng.pick([["--format", "text"], ["--format", "text", "--view", "告知单"], ["--format", "text", "--view", "审计"],
                  ["--format", "text", "--all-rules"], ["--format", "html"]])
    }

    /// screen's exit code matches the decision's status; its JSON is one decision.
    func screenRun(_ json: [String], _ text: [String]) {
        let j = nuan(json, textOut: false)
        let step = "nuan " + json.joined(separator: " ")
        if j.code != .usage {
            let obj = try? JSONSerialization.jsonObject(with: Data(j.out.utf8)) as? [String: Any]
            if let status = obj?["status"] as? String {
                runner.stats["screens", default: 0] += 1
                let decided = status == "eligible" || status == "ineligible"
                if decided != (j.code == .success) { fail(.exitCode, step, "status \(status) with exit \(j.code.rawValue)") }
            } else {
                fail(.jsonOutput, step, "not one decision: " + FuzzChecks.escape(String(j.out.prefix(200))))
            }
        } else if !j.out.isEmpty {
            fail(.exitCode, step, "exit 2 with a decision written")
        }
        _ = nuan(text, textOut: true)
    }

    func batchJSONL(rules: String, file: String, expected: Int) {
        let block = String(rng.pick([64, 200, 1000]))
        let a = ["batch", "--rules", rules, "--in", file, "--out", "b1.jsonl", "--jobs", "1", "--trace", "b1.trace"]
        let b = ["batch", "--rules", rules, "--in", file, "--out", "bN.jsonl", "--jobs", String(runner.options.jobs), "--block-size", block]
        plan(a); plan(b); writeScript()
        let ra = nuan(a, textOut: false), rb = nuan(b, textOut: false)
        guard ra.code == .success, rb.code == .success else {
            fail(.batchAborted, "nuan " + a.joined(separator: " "), "exit \(ra.code.rawValue)/\(rb.code.rawValue): " + FuzzChecks.escape(String((ra.err + rb.err).suffix(300))))
            return
        }
        runner.stats["batch runs", default: 0] += 2
        let (x, y) = (read("b1.jsonl") ?? "", read("bN.jsonl") ?? "")
        let (count, bad) = FuzzChecks.jsonLines(x)
        if let bad { fail(.jsonOutput, "nuan " + a.joined(separator: " "), bad) }
        if count != expected { fail(.count, "nuan " + a.joined(separator: " "), "\(expected) records in, \(count) decisions out") }
        if x != y { fail(.jobs, "nuan batch --jobs 1 / --jobs \(runner.options.jobs)", "output differs: " + firstDifference(x, y)) }
        if let l = FuzzChecks.leaked(x, secrets) { fail(.leak, "nuan " + a.joined(separator: " ") + " → b1.jsonl", l) }
        if count > 0 { explainRun(rules: rules, count: count) }
    }

    /// `nuan explain` over the trace the --jobs 1 run kept: any row is explained (exit 0, no
    /// leak), the row after the last and a trace with one byte changed are refused (exit 2).
    func explainRun(rules: String, count: Int) {
        guard let trace = FileManager.default.contents(atPath: "b1.trace").map(Array.init), !trace.isEmpty else {
            fail(.explain, "nuan batch --trace b1.trace", "no trace written")
            return
        }
        let row = rng.between(1, count)
        let view = rng.pick(["告知单", "经办", "审计"])
        let argv = ["explain", "--rules", rules, "--trace", "b1.trace", "--row", String(row), "--view", view, "--format", "text"]
        plan(argv)
        let r = nuan(argv, textOut: true)
        if r.code != .success { fail(.explain, "nuan " + argv.joined(separator: " "), "exit \(r.code.rawValue): " + FuzzChecks.escape(String(r.err.prefix(300)))) }
        let past = ["explain", "--rules", rules, "--trace", "b1.trace", "--row", String(count + 1)]
        if nuan(past, textOut: true).code != .usage { fail(.explain, "nuan " + past.joined(separator: " "), "a row past the last was not refused") }
        var damaged = trace
        let at = rng.below(damaged.count)
        damaged[at] ^= UInt8(1 << rng.below(8))
        _ = FileManager.default.createFile(atPath: "bad.trace", contents: Data(damaged))
        let bad = ["explain", "--rules", rules, "--trace", "bad.trace", "--row", String(row)]
        plan(bad)
        let rb = nuan(bad, textOut: true)
        if rb.code != .usage { fail(.explain, "nuan " + bad.joined(separator: " ") + " (byte \(at) flipped)", "exit \(rb.code.rawValue), not refused") }
        runner.stats["explains", default: 0] += 1
    }
}

extension String {
    /// The text when the bytes are valid UTF-8.
    init?(validatingUTF8Bytes b: [UInt8]) {
        guard let s = String(bytes: b, encoding: .utf8) else { return nil }
        self = s
    }
}
