/// The names `--skip` takes: a mutation class (the fuzzer stops producing such inputs) or an
/// assertion (the fuzzer stops checking it). CI skips nothing.
enum FuzzClass: String, CaseIterable, Sendable {
    // mutations of rules files
    case bytes, tokens, lines
    case hugeNumber = "huge-number"
    case nesting
    case deepNesting = "deep-nesting"
    case idInRules = "id-in-rules"
    case control, paths
    // mutations of records (JSON lines, CSV rows) and of --set
    case loneSurrogate = "lone-surrogate"
    case exponent
    case wrongType = "wrong-type"
    case hugeString = "huge-string"
    case idEcho = "id-echo"
    case strayQuote = "stray-quote"
    case crEndings = "cr-endings"
    case invalidBytes = "invalid-bytes"
    case gb18030
    case formula, columns
    case unclosedQuote = "unclosed-quote"
    case set
    case workbook
    case office
    // assertions
    case count, jobs
    case fmtIdempotent = "fmt-idempotent"
    case fmtDecisions = "fmt-decisions"
    case fmtDiff = "fmt-diff"
    case leak
    case rawControl = "raw-control"
    case csvFormula = "csv-formula"
    case exitCode = "exit-code"
    case jsonOutput = "json-output"
    case batchAborted = "batch-aborted"
    case proveExamples = "prove-examples"
    case explain

    var isAssertion: Bool {
        switch self {
        case .count, .jobs, .fmtIdempotent, .fmtDecisions, .fmtDiff, .leak, .rawControl, .csvFormula, .exitCode,
             .jsonOutput, .batchAborted, .proveExamples, .explain: return true
        default: return false
        }
    }

    var summary: String {
        switch self {
        case .bytes: return "rules: flipped, deleted and invalid bytes"
        case .tokens: return "rules: keywords and operators spliced in at word boundaries, words deleted or copied"
        case .lines: return "rules: lines deleted, duplicated, swapped, repeated hundreds of times"
        case .hugeNumber: return "rules, records, --set: 9223372036854775807, -4611686018427387904, 0.0000001 …"
        case .nesting: return "rules: parentheses, 且/或 chains, 非, 若, chained 定义 up to 120 deep"
        case .deepNesting: return "rules and JSON: the same 3,000 to 60,000 deep"
        case .idInRules: return "rules: an ID or phone number in a string or comment"
        case .control: return "rules and records: terminal escape sequences and control characters"
        case .paths: return "rules: 继承 of a one-character, empty, folder or missing path"
        case .loneSurrogate: return "JSON: lone surrogate escapes (\\ud800) in values and keys"
        case .exponent: return "JSON: exponent numbers (1e400, 1E-400, 2E9)"
        case .wrongType: return "JSON: a value of the wrong type (array, object, null, string for number)"
        case .hugeString: return "JSON and CSV: strings of up to 1 MB"
        case .idEcho: return "records: an ID number in a wrong field, an unknown key or the id"
        case .strayQuote: return "CSV: a \" inside an unquoted cell"
        case .crEndings: return "CSV and JSON: CR-only or CRLF line endings"
        case .invalidBytes: return "records: invalid UTF-8 bytes in a cell or line"
        case .gb18030: return "CSV: GB18030 cells, rows or whole files"
        case .formula: return "CSV: =HYPERLINK(…)-style cells"
        case .columns: return "CSV: rows with too many or too few cells, quoted cells with newlines"
        case .unclosedQuote: return "CSV: a quoted cell never closed (no row-count check)"
        case .workbook: return "xlsx: a CSV case's rows as a workbook (batch in and out), its bytes sometimes flipped or cut"
        case .office: return "allocate, roster (masked and not), 公示 list and audit of the case's archive under random budgets"
        case .set: return "--set with huge, tiny, negative or malformed figures and table rows"
        case .count: return "assert: every record in yields exactly one decision out"
        case .jobs: return "assert: batch output identical with --jobs 1 and --jobs N (small blocks)"
        case .fmtIdempotent: return "assert: fmt(fmt(x)) = fmt(x), and fmt's output parses"
        case .fmtDecisions: return "assert: the formatted file compiles and decides examples and records the same"
        case .fmtDiff: return "assert: nuan diff finds no change between a file and its formatted self"
        case .leak: return "assert: no ID or phone number from the input appears unmasked in any output"
        case .rawControl: return "assert: no raw control character (ESC, CR, NUL …) in text output"
        case .csvFormula: return "assert: no CSV output cell starts with = + @ (or - before a non-digit)"
        case .exitCode: return "assert: exit codes as documented (0/1/2, matching the decision's status)"
        case .jsonOutput: return "assert: JSON output parses, one decision per line"
        case .batchAborted: return "assert: a batch with a valid header never aborts"
        case .explain: return "assert: nuan explain explains any row of a batch's trace, and refuses a row past the last and a trace with a byte changed"
        case .proveExamples: return "assert: nuan prove exits 0 or 1 on a file that compiles, and the boundary examples it writes pass nuan test"
        }
    }
}

/// One failed assertion (or a crash, which is reported by the signal handler).
struct FuzzFinding: Sendable {
    var cls: FuzzClass
    var step: String
    var detail: String
}
