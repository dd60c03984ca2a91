import Foundation
#if canImport(Glibc)
import Glibc
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools
#endif

/// `nuan-fuzz`: deterministic mutation of rules files, JSON lines and CSV rows, run through
/// check, fmt, test, diff, screen and batch in process, with assertions on what comes out.
public enum Fuzz {
    enum Option: OptionKey {
        case seed, iterations, seconds, only, corpus, out, jobs, skip, hang, keepGoing, keepAll, root, list, lang

        var spec: OptionSpec {
            let n = Message(both: "N"), s = Message(both: "S"), dir = Message("目录", "DIR")
            switch self {
            case .seed: return OptionSpec("--seed", .single, value: n, default: Message(both: "1"),
                                          help: Message("本次运行的种子；种子相同则用例相同", "the run's seed; equal seeds give equal cases"))
            case .iterations: return OptionSpec("--iterations", .single, value: n, default: Message("200，除非给了 --seconds", "200 unless --seconds is given"),
                                                help: Message("用例数", "number of cases"))
            case .seconds: return OptionSpec("--seconds", .single, value: s, help: Message("运行用例直到过了 S 秒", "run cases until S seconds have passed"))
            case .only: return OptionSpec("--case", .single, value: n, help: Message("只运行该种子的第 N 个用例（重现）", "run case N of the seed only (replay a reproducer)"))
            case .corpus: return OptionSpec("--corpus", .repeated, value: dir, help: Message("更多种子文件", "more seeds"))
            case .out: return OptionSpec("--out", .single, value: dir, default: Message(both: ".build/fuzz"),
                                         help: Message("重现用例写到哪里", "where reproducers go"))
            case .jobs: return OptionSpec("--jobs", .single, value: n, default: Message(both: "3"),
                                          help: Message("与 --jobs 1 比较的批量运行的工作线程数", "workers for the batch runs compared with --jobs 1"))
            case .skip: return OptionSpec("--skip", .repeated, value: Message(both: "A,B"),
                                          help: Message("略去的变异类别或断言（见 --list）", "leave out mutation classes or assertions (see --list)"))
            case .hang: return OptionSpec("--hang", .single, value: s, default: Message(both: "120"),
                                          help: Message("一步用掉超过 S 秒处理器时间（或 10×S 秒时钟时间）即为挂起",
                                                          "a step using more than S s of processor time (or 10×S on the clock) is a hang"))
            case .keepGoing: return OptionSpec("--keep-going", .flag, help: Message("断言失败后仍运行全部用例（默认在第一个失败处停止）",
                                                                                      "run every case even after a failed assertion (default: stop at the first)"))
            case .keepAll: return OptionSpec("--keep-all", .flag, help: Message("保留每个用例的目录，无论通过与否", "keep every case's folder, passing or not"))
            case .root: return OptionSpec("--root", .single, value: dir, default: Message("当前目录", "the current directory"),
                                          help: Message("仓库所在目录", "the repository"))
            case .list: return OptionSpec("--list", .flag, help: Message("列出变异类别和断言", "list the mutation classes and assertions"))
            case .lang: return CommonOptions.lang.helping("帮助和用法错误的语言", "the language of the help and of usage errors")
                .defaulting(Message(both: "en"))
            }
        }
    }

    static let spec = CommandSpec<Option>(
        name: "nuan-fuzz",
        summary: Message("确定性的模糊测试：变异规则文件、JSON 行和 CSV 行，在进程内运行各命令并检查结果",
                           "deterministic fuzzing: mutates rules files, JSON lines and CSV rows, runs the commands in process and checks what comes out"),
        usage: [Message("nuan-fuzz [--seed N] [--seconds S | --iterations N] [--corpus 目录]… [选项]",
                          "nuan-fuzz [--seed N] [--seconds S | --iterations N] [--corpus DIR]… [options]")],
        description: [Message("变异种子文件（Rules/、Rules/examples、Tests/Fixtures 以及每个 --corpus 目录下的 *.rules、*.json、*.jsonl、*.csv），并在本进程中对每个用例运行 nuan check、fmt、test、diff、prove、screen、batch 和 explain。用例运行前，它的文件和列出全部命令的 run.sh 先写到 OUT/fuzz-crash-SEED-N/，因此陷阱（会结束进程）也会留下重现用例；通过的用例被删除，断言失败的保留为 OUT/fuzz-fail-SEED-N/。",
                                "Mutates the seeds (Rules/, Rules/examples, Tests/Fixtures, and every --corpus folder: *.rules, *.json, *.jsonl, *.csv) and runs nuan check, fmt, test, diff, screen and batch on each case in this process. Before a case runs, its files and a run.sh naming every command are written to OUT/fuzz-crash-SEED-N/, so a trap (which kills the process) leaves a reproducer; a case that passes is removed, one that fails an assertion is kept as OUT/fuzz-fail-SEED-N/.")],
        exitCodes: Message("0 没有发现；1 断言失败（报告在标准错误）；2 用法错误；3 挂起。陷阱以其信号结束进程，并先写明用例和步骤。",
                             "0 no finding; 1 an assertion failed (report on standard error); 2 usage; 3 a hang. A trap ends the process with its signal after naming the case and step."),
        examples: [Example("nuan-fuzz --seed 7 --seconds 3600 --keep-going --out fuzz-findings"), Example("nuan-fuzz --seed 7 --case 42")],
        defaultLanguage: .english)

    struct Options {
        var seed: UInt64 = 1
        var iterations: Int?
        var seconds: Double?  // seconds: timing only
        var only: Int?
        var corpus: [String] = []
        var out = ".build/fuzz"
        var jobs = 3
        var skip: Set<FuzzClass> = []
        var hang: Double = 120  // seconds: timing only
        var keepGoing = false
        /// Keep every case's folder, passing or not (to look at what the mutators write).
        var keepAll = false
        var root = FileManager.default.currentDirectoryPath
    }

    public static func main(_ argv: [String], io: IO) -> ExitCode {
        let args: Arguments<Option>
        switch spec.parse(argv, io: io) {
        case .exit(let code): return code
        case .parsed(let a): args = a
        }
        if args.flag(.list) {
            for c in FuzzClass.allCases { io.out(c.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0) + c.summary + "\n") }
            return .success
        }
        var o = Options()
        func number(_ option: Option) -> Int?? {
            guard let v = args.value(option) else { return .some(nil) }
            guard let n = Int(v), n >= 0 else { io.err("nuan-fuzz: \(option.spec.name) takes a whole number\n"); return nil }
            return .some(n)
        }
        guard let seed = number(.seed), let its = number(.iterations), let secs = number(.seconds), let only = number(.only),
              let jobs = number(.jobs), let hang = number(.hang) else { return .usage }
        if let s = seed { o.seed = UInt64(s) }
        o.iterations = its
        o.seconds = secs.map(Double.init)  // seconds: timing only
        o.only = only
        if let j = jobs { o.jobs = max(2, j) }
        if let h = hang { o.hang = Double(max(1, h)) }  // seconds: timing only
        o.corpus = args.values(.corpus)
        o.keepGoing = args.flag(.keepGoing)
        o.keepAll = args.flag(.keepAll)
        if let r = args.value(.root) { o.root = r }
        o.root = URL(fileURLWithPath: o.root).standardizedFileURL.path
        o.corpus = o.corpus.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        if let d = args.value(.out) { o.out = d }
        o.out = URL(fileURLWithPath: o.out, relativeTo: URL(fileURLWithPath: o.root + "/")).standardizedFileURL.path
        for name in args.values(.skip).flatMap({ $0.split(separator: ",") }) {
            guard let c = FuzzClass(rawValue: String(name)) else {
                io.err("nuan-fuzz: unknown class “\(name)” for --skip (see --list)\n")
                return .usage
            }
            o.skip.insert(c)
        }
        return FuzzRunner(options: o, io: io).run()
    }
}

final class FuzzRunner {
    let options: Fuzz.Options
    let io: IO
    var corpus = FuzzCorpus()
    /// Findings per (class, step without its arguments): the distinct problems.
    var distinct: [String: (finding: FuzzFinding, first: Int, count: Int)] = [:]
    var failedCases = 0
    /// How often each assertion actually compared something (a pass that compares nothing proves nothing).
    var stats: [String: Int] = [:]

    init(options: Fuzz.Options, io: IO) {
        self.options = options
        self.io = io
    }

    func caseDir(_ n: Int) -> String { options.out + "/fuzz-crash-\(options.seed)-\(n)" }

    func run() -> ExitCode {
        let fm = FileManager.default
        corpus = FuzzCorpus.load(root: options.root, extra: options.corpus)
        guard !corpus.rules.isEmpty else {
            io.err("nuan-fuzz: no *.rules seeds under \(options.root)/Rules or Tests/Fixtures (use --root or --corpus)\n")
            return .usage
        }
        do { try fm.createDirectory(atPath: options.out, withIntermediateDirectories: true) } catch {
            io.err("nuan-fuzz: cannot create \(options.out): \(error.localizedDescription)\n")
            return .usage
        }
        CrashGuard.hangSeconds = options.hang
        if !CrashGuard.armed { CrashGuard.install() }
        let skipped = options.skip.map(\.rawValue).sorted()
        io.err("nuan-fuzz: seed \(options.seed), \(corpus.rules.count) rules seeds, \(corpus.records.count) records, \(corpus.tables.count) tables" +
               (skipped.isEmpty ? "" : "; skipping " + skipped.joined(separator: ",")) +
               "; reproducers in \(options.out) (a crash leaves fuzz-crash-\(options.seed)-N/run.sh)\n")
        let start = Date()
        let cases: Range<Int>
        if let only = options.only { cases = only..<(only + 1) } else { cases = 0..<(options.iterations ?? (options.seconds == nil ? 200 : Int.max)) }
        var ran = 0
        var perClass: [FuzzClass: Int] = [:]
        let cwd = fm.currentDirectoryPath
        for n in cases {
            if let s = options.seconds, Date().timeIntervalSince(start) >= s { break }
            let dir = caseDir(n)
            try? fm.removeItem(atPath: dir)
            try? fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            guard fm.changeCurrentDirectoryPath(dir) else { io.err("nuan-fuzz: cannot enter \(dir)\n"); return .usage }
            let c = FuzzCase(n: n, runner: self)
            c.run()
            CrashGuard.idle()
            _ = fm.changeCurrentDirectoryPath(cwd)
            ran += 1
            for a in c.applied { perClass[a, default: 0] += 1 }
            if c.findings.isEmpty {
                if !options.keepAll { try? fm.removeItem(atPath: dir) }
            } else {
                failedCases += 1
                let kept = options.out + "/fuzz-fail-\(options.seed)-\(n)"
                try? fm.removeItem(atPath: kept)
                try? fm.moveItem(atPath: dir, toPath: kept)
                for f in c.findings {
                    let key = f.cls.rawValue + " | " + Self.stepKind(f.step)
                    if let d = distinct[key] { distinct[key] = (d.finding, d.first, d.count + 1) }
                    else {
                        distinct[key] = (f, n, 1)
                        io.err("nuan-fuzz: FAIL [\(f.cls.rawValue)] case \(n): \(f.step)\n    \(f.detail)\n    reproducer: \(kept)/run.sh\n")
                    }
                }
                if !options.keepGoing { break }
            }
        }
        let secs = Date().timeIntervalSince(start)
        io.err(String(format: "nuan-fuzz: %d cases in %.1f s (seed %llu); ", ran, secs, options.seed) +
               "compared: " + stats.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "; " +
               "mutations: " + perClass.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ") + "\n")
        if distinct.isEmpty {
            io.err("nuan-fuzz: no finding\n")
            return .success
        }
        io.err("nuan-fuzz: \(failedCases) failing case(s), \(distinct.count) distinct finding(s):\n")
        for (key, d) in distinct.sorted(by: { $0.key < $1.key }) {
            io.err("  \(key) — \(d.count)×, first case \(d.first): \(d.finding.detail.prefix(160))\n")
        }
        return .failure
    }

    /// A step without its arguments' values: `nuan batch … --format csv` → `batch csv`.
    static func stepKind(_ step: String) -> String {
        let words = step.split(separator: " ")
        var kind = words.dropFirst().first.map(String.init) ?? step
        if step.contains("(stderr)") { kind += " stderr" }
        if step.contains("→") { kind += " → " + (step.components(separatedBy: "→ ").last ?? "") }
        return kind
    }
}
