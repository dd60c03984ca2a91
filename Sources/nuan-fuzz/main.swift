import Foundation
import NuanCLI

// nuan-fuzz: the fuzzer of issue 8 (see README, "Fuzzing"). The logic lives in NuanCLI so the
// tests can run it in process.
exit(Fuzz.main(Array(CommandLine.arguments.dropFirst()), io: .standard).rawValue)
