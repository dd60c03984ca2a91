import Glibc
import NuanSupport
import NuanProgram

/// `nuan-bench diff-eval`: decides every record of a JSON Lines file with the interpreter and
/// with the compiled evaluator and compares the two decisions field by field (everything a
/// decision holds: status, category, awards, amounts, funds, total, score, missing, warnings,
/// errors). A differential run over millions of records:
///
///     nuan-bench gen --count 5000000 --seed 20220101 --bad-rate 0.01 --region-code-rate 0.05 --out big.jsonl
///     nuan-bench diff-eval --rules Rules/bengbu-2022.rules --in big.jsonl
///
/// Exit status 0 when every decision agrees, 1 otherwise (the first differences are printed).
struct DiffEvalCommand {
    var rules = ""
    var input = ""
    var overrides: [(name: String, value: String)] = []
    var language = Language.chinese

    static let usage = """
        usage: nuan-bench diff-eval --rules FILE --in FILE.jsonl [--set NAME=VALUE]... [--lang zh|en]
          decides every record with the interpreter and the compiled evaluator; exit 1 on any difference
        """

    init(arguments: [String]) {
        var i = 0
        func value() -> String {
            guard i + 1 < arguments.count else { DiffEvalCommand.fail("\(arguments[i]) needs a value") }
            i += 1
            return arguments[i]
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--rules": rules = value()
            case "--in": input = value()
            case "--set":
                let v = value()
                guard let eq = v.firstIndex(of: "=") else { DiffEvalCommand.fail("--set needs NAME=VALUE") }
                overrides.append((String(v[..<eq]), String(v[v.index(after: eq)...])))
            case "--lang":
                switch value() {
                case "zh": language = .chinese
                case "en": language = .english
                case let l: DiffEvalCommand.fail("unknown --lang \(l) (zh or en)")
                }
            case "-h", "--help": print(DiffEvalCommand.usage); exit(0)
            case let a: DiffEvalCommand.fail("unknown option \(a)")
            }
            i += 1
        }
        if rules.isEmpty || input.isEmpty { DiffEvalCommand.fail("--rules and --in are required") }
    }

    static func fail(_ message: String) -> Never {
        fputs("nuan-bench diff-eval: \(message)\n\(usage)\n", stderr)
        exit(2)
    }

    func run() {
        let (p, diagnostics) = Nuan.compile(path: rules, overrides: overrides)
        guard let program = p else {
            fputs("nuan-bench diff-eval: \(rules) does not compile (\(diagnostics.count) diagnostics)\n", stderr)
            exit(2)
        }
        guard let file = fopen(input, "r") else { DiffEvalCommand.fail("cannot open \(input)") }
        defer { fclose(file) }
        let codec = RecordCodec(program: program, language: language)
        var interpreter = Evaluator(program: program), reference = Evaluator(program: program)
        var compiled = CompiledEvaluator(interpreter)
        var records = 0, decided = 0, differences = 0
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        while true {
            let n = getline(&line, &capacity, file)
            if n < 0 { break }
            records += 1
            let bytes = UnsafeRawBufferPointer(start: line, count: n).filter { $0 != 0x0A && $0 != 0x0D }
            if bytes.isEmpty { continue }
            let (facts, reading) = codec.decode(json: bytes)
            guard case .valid = reading else { continue }
            decided += 1
            let expected = "\(reference.decide(facts, language: language))"
            let got = "\(compiled.decide(facts, using: &interpreter, language: language))"
            if expected != got {
                differences += 1
                if differences <= 5 { print("line \(records):\n  interpreter: \(expected)\n  compiled:    \(got)") }
            }
        }
        free(line)
        print("\(records) records, \(decided) decided both ways, \(differences) differences; "
              + "\(compiled.fallbacks) stopped the compiled path (decided by the interpreter)")
        exit(differences == 0 ? 0 : 1)
    }
}
