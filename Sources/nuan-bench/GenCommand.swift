import Glibc

/// `nuan-bench gen`: writes synthetic applicant records.
///
///     nuan-bench gen --count N --out FILE [--format jsonl|csv] [--labels en|zh]
///                    [--seed S] [--bad-rate R] [--region-code-rate R]
///
/// The same options always produce the same bytes. Rates are fractions (`0.01` = 1 %).
struct GenCommand {
    enum Format { case jsonl, csv }

    var count = 0
    var out = ""
    var format = Format.jsonl
    var chineseLabels = false
    var seed: UInt64 = 20_220_101
    /// Malformed records per million.
    var badPPM = 0
    /// Records per million whose `region` is a 6-digit division code instead of a city name.
    var regionCodePPM = 0

    static let usage = """
        usage: nuan-bench gen --count N --out FILE [--format jsonl|csv] [--labels en|zh]
                              [--seed S] [--bad-rate R] [--region-code-rate R]
          --format            jsonl (default): one JSON object a line; csv: header row + one row a record
          --labels            CSV header names: en (keys, default) or zh (中文标签; lists joined by 、, 是/否)
          --seed              PRNG seed (default 20220101); equal seeds give identical files
          --bad-rate          fraction of deliberately malformed records (default 0), e.g. 0.01
          --region-code-rate  fraction of records giving region as a division code (default 0)
        """

    /// Parses the arguments after `gen`; prints a message and exits with status 2 on error.
    init(arguments: [String]) {
        var i = 0
        func value() -> String {
            guard i + 1 < arguments.count else { GenCommand.fail("\(arguments[i]) needs a value") }
            i += 1
            return arguments[i]
        }
        var haveCount = false
        while i < arguments.count {
            switch arguments[i] {
            case "--count":
                guard let n = Int(value()), n >= 0 else { GenCommand.fail("--count must be a whole number ≥ 0") }
                count = n; haveCount = true
            case "--out": out = value()
            case "--format":
                switch value() {
                case "jsonl": format = .jsonl
                case "csv": format = .csv
                case let f: GenCommand.fail("unknown --format \(f) (jsonl or csv)")
                }
            case "--labels":
                switch value() {
                case "en": chineseLabels = false
                case "zh": chineseLabels = true
                case let l: GenCommand.fail("unknown --labels \(l) (en or zh)")
                }
            case "--seed":
                guard let s = UInt64(value()) else { GenCommand.fail("--seed must be a whole number") }
                seed = s
            case "--bad-rate": badPPM = GenCommand.parseRate(value(), option: "--bad-rate")
            case "--region-code-rate": regionCodePPM = GenCommand.parseRate(value(), option: "--region-code-rate")
            case "-h", "--help": print(GenCommand.usage); exit(0)
            case let a: GenCommand.fail("unknown option \(a)")
            }
            i += 1
        }
        if !haveCount { GenCommand.fail("--count is required") }
        if out.isEmpty { GenCommand.fail("--out is required") }
    }

    /// Parses a fraction in [0, 1] written as a decimal (`0.05`, `.5`, `1`) into parts per
    /// million, without floating point; digits past the sixth decimal are ignored.
    static func parseRate(_ text: String, option: String) -> Int {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0].isEmpty ? 0 : Int(parts[0])
        var fracDigits = parts.count > 1 ? Array(parts[1].utf8) : []
        guard let w = whole, fracDigits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              parts.count == 1 || !(parts[0].isEmpty && fracDigits.isEmpty) else {
            fail("\(option) must be a decimal fraction such as 0.01")
        }
        fracDigits = Array(fracDigits.prefix(6)) + [UInt8](repeating: 0x30, count: max(0, 6 - fracDigits.count))
        var fraction = 0
        for d in fracDigits { fraction = fraction * 10 + Int(d - 0x30) }
        let value = w * 1_000_000 + fraction
        guard value >= 0 && value <= 1_000_000 else { fail("\(option) must be between 0 and 1") }
        return value
    }

    /// Prints `message` and the usage to stderr, then exits with status 2.
    static func fail(_ message: String) -> Never {
        fputs("nuan-bench gen: \(message)\n\(usage)\n", stderr)
        exit(2)
    }

    /// Generates the file.
    func run() {
        guard let w = ByteWriter(path: out) else {
            fputs("nuan-bench gen: cannot open \(out) for writing\n", stderr)
            exit(1)
        }
        var synth = Synthesizer(seed: seed, badPPM: badPPM, regionCodePPM: regionCodePPM)
        switch format {
        case .jsonl:
            let enc = JSONLEncoder()
            for serial in stride(from: 1, through: count, by: 1) {
                w.reserve(4096)
                enc.encode(synth.next(serial: serial), to: w)
            }
        case .csv:
            let enc = CSVEncoder(chinese: chineseLabels)
            w.reserve(4096)
            enc.header(to: w)
            for serial in stride(from: 1, through: count, by: 1) {
                w.reserve(4096)
                enc.encode(synth.next(serial: serial), to: w)
            }
        }
        w.close()
    }
}
