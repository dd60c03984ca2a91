import Glibc

/// nuan-bench: tools for benchmarking nuan (see bench/run.sh and BENCHMARKS.md).
///
///     nuan-bench gen --count N --out FILE [...]   write synthetic applicant records
let topUsage = """
    usage: nuan-bench <command> [options]
    commands:
      gen   write synthetic applicant records (JSON Lines or CSV); `nuan-bench gen --help`
    """

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "gen":
    GenCommand(arguments: Array(arguments.dropFirst())).run()
case "-h", "--help", "help":
    print(topUsage)
case let other:
    fputs("nuan-bench: unknown command \(other ?? "(none)")\n\(topUsage)\n", stderr)
    exit(2)
}
