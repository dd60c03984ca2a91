import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// What `nuan batch` was asked to do. The command fills it from its arguments; tests fill it
/// directly (e.g. tiny blocks to exercise ordering across workers).
public struct BatchOptions: Sendable {
    public enum InputFormat: String, Sendable { case jsonl, csv, xlsx }
    public enum OutputFormat: String, Sendable { case jsonl, csv, xlsx }
    /// Benchmark stages: stop after parsing, or after parsing and evaluating (nothing written).
    public enum Stage: String, Sendable { case parse, eval, all }

    public var input: String
    public var output: String
    public var inputFormat: InputFormat
    public var outputFormat: OutputFormat
    /// The worksheet of an `.xlsx` archive (nil: the first).
    public var sheet: String?
    /// An open descriptor to read instead of opening `input` (standard input for `-`);
    /// `input` then only names it in messages.
    public var inputDescriptor: Int32?
    /// Added to every line number (a workbook whose header is not on row 1).
    var lineOffset = 0
    /// The pipeline writes CSV; it becomes a workbook when the run ends.
    var workbookOutput = false
    /// nil: decided row by row (CSV: a row that is valid UTF-8 is UTF-8, else it is read as
    /// GB18030; JSON Lines: UTF-8).
    public var encoding: BatchEncoding?
    /// `--keep-unknown-columns`: a CSV header column close to a known name (`家庭人数`) is an
    /// intended extra column, carried through, rather than a misspelling that stops the run.
    public var keepUnknownColumns = false
    /// CSV output for Excel: starts with a UTF-8 BOM.
    public var excelBOM = false
    public var explain: ExplainLevel = .brief
    /// Decide with the interpreter even with `--explain none` (which otherwise uses the
    /// compiled evaluator), and with `--explain brief` build each explanation's entries (which
    /// otherwise are written straight from the evaluation, `BriefExplanationWriter`): the
    /// reference, for differential runs and measurements.
    public var interpret = false
    /// `--explain none`: plain decisions written and counted straight from the compiled
    /// evaluator's outcomes (`DecisionLine`), without a `Decision` value. false (or the
    /// environment's `NUAN_DECISION_LINES=0`) builds every `Decision`: the reference.
    public var decisionLines = true
    /// `--recourse`: each decision that is not fully eligible carries what would change it.
    public var recourse = false
    /// `--near-miss AMOUNT` (yuan a month): list the refused households one change of a money
    /// field within AMOUNT would make eligible (searched like recourse; kept in the summary).
    public var nearMiss: Rational?
    /// `--unmask`: full ID and phone numbers in the outputs (masked otherwise).
    public var unmask = false
    public var jobs: Int
    /// Bytes read per block; nil picks by explanation level (output stays bounded).
    public var blockSize: Int?
    public var stage: Stage = .all
    /// The longest record read, in bytes (`--max-line`); a longer one is one invalid decision.
    public var maxLine = BatchOptions.defaultMaxLine
    public static let defaultMaxLine = 4 << 20
    /// Where the decisions go when the caller puts several outputs in place together (the CLI
    /// with --summary / --report): output `outputIndex` of `staged`, which the caller commits.
    /// nil: the run stages and commits `output` itself.
    public var staged: StagedOutputs?
    public var outputIndex = 0
    /// `--trace FILE`: the compact trace of every decision (`CompactTrace`), for `nuan explain`.
    /// With `staged`, it goes to output `traceIndex` of it; else the run stages `trace` itself.
    public var trace: String?
    public var traceIndex: Int?
    /// `--lang en`: the run's own messages (`BatchResult.failure`) in English.
    public var english = false
    /// Inputs (regular files) at least this many bytes long are read twice, so that the
    /// repeated-record check keeps only the keys that occur more than once (nil:
    /// `NUAN_BATCH_TWO_PASS_MIN`, else 64 MiB). Tests set it to 0 or `Int.max`.
    var twoPassMinBytes: Int?
    /// Where a long input that cannot be read twice is copied (nil: `$TMPDIR`, else the
    /// output's folder; `BatchRun+Spool.swift`). Testing: a folder that cannot be written.
    var spoolFolder: String?
    /// Testing: writing the copy fails (no space left) past this many bytes.
    var spoolLimit: Int?
    /// Testing: called between the first and the deciding pass (to change the file there).
    var betweenPasses: (@Sendable () -> Void)?
    /// Testing: fail after this many records have been written (the output must not appear).
    public var failAfter: Int?
    /// Called from time to time (at most twice a second): records done, input bytes done, input size, seconds.
    public var progress: (@Sendable (Int, Int, Int, Double) -> Void)? // seconds elapsed: timing only

    public init(input: String, output: String, inputFormat: InputFormat, outputFormat: OutputFormat, jobs: Int) {
        self.input = input
        self.output = output
        self.inputFormat = inputFormat
        self.outputFormat = outputFormat
        self.jobs = max(1, jobs)
    }

    /// The input format a file name implies (.csv → CSV; .jsonl, .json, .ndjson → JSON Lines).
    public static func inputFormat(forPath path: String) -> InputFormat? {
        let l = path.lowercased()
        if l.hasSuffix(".csv") || l.hasSuffix(".txt") { return .csv }
        if l.hasSuffix(".jsonl") || l.hasSuffix(".json") || l.hasSuffix(".ndjson") { return .jsonl }
        if l.hasSuffix(".xlsx") { return .xlsx }
        return nil
    }

    public static func outputFormat(forPath path: String) -> OutputFormat? {
        let l = path.lowercased()
        if l.hasSuffix(".csv") { return .csv }
        if l.hasSuffix(".jsonl") || l.hasSuffix(".json") || l.hasSuffix(".ndjson") { return .jsonl }
        if l.hasSuffix(".xlsx") { return .xlsx }
        return nil
    }
}

/// What a batch run did.
public struct BatchResult: Sendable {
    public var recordsIn = 0
    public var recordsOut = 0
    /// Records decided by the general reader (unusual or bad input) rather than the fast path.
    public var slowRecords = 0
    public var encoding: BatchEncoding = .utf8
    /// CSV rows read as GB18030 one by one (no --encoding given and the row not UTF-8).
    public var gb18030Rows = 0
    public var seconds = 0.0
    public var report: BatchReport
    /// Set when the run failed, in the language of `BatchOptions.english`; no output file was left.
    public var failure: String?
    /// The keys a first pass found more than once (nil: read once, every record registered).
    var candidateKeys: Int?
}
