import Glibc

/// nuan-bench: tools for benchmarking nuan (see bench/run.sh and BENCHMARKS.md).
///
///     nuan-bench gen --count N --out FILE [...]   write synthetic applicant records
///     nuan-bench diff-eval --rules F --in F.jsonl  interpreter vs compiled evaluator, record by record
let topUsage = """
    usage: nuan-bench <command> [options]
    commands:
      gen        write synthetic applicant records (JSON Lines or CSV); `nuan-bench gen --help`
      diff-eval  decide a JSON Lines file with the interpreter and the compiled evaluator and
                 compare every decision; `nuan-bench diff-eval --help`
    """

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "gen":
    GenCommand(arguments: Array(arguments.dropFirst())).run()
case "diff-eval":
    DiffEvalCommand(arguments: Array(arguments.dropFirst())).run()
case "-h", "--help", "help":
    print(topUsage)
case let other:
    fputs("nuan-bench: unknown command \(other ?? "(none)")\n\(topUsage)\n", stderr)
    exit(2)
}
