import NuanCLI
#if canImport(Glibc)
import Glibc
#endif

exit(CLI.main(Array(CommandLine.arguments.dropFirst()), io: .standard).rawValue)
