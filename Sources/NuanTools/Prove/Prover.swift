import Foundation
import NuanSupport
import NuanSyntax
import NuanProgram
/// `nuan prove`: partitions a checked program's input space exactly (`Partition`), decides one
/// representative record per cell with the evaluator, and proves or refutes each property of
/// `ProveProperty` over all of them, with a counterexample record for each refutation.
public enum Prover {
    /// Decisions one file may take before the space is declared too large.
    public static let defaultLimit = 2_000_000
    /// The highest limit `--limit` accepts. Each cell keeps a whole record and its decision:
    /// at most about 1 KB of memory per decision allowed (heilongjiang-2021: 1,181,037, about 400 MB), so
    /// this is about 10 GB.
    public static let maximumLimit = 10_000_000

    /// `reference`: the first, plain implementation of every check (kept to compare the fast
    /// path with: `ProveFastPathTests`, and `NUAN_PROVE_REFERENCE=1`).
    /// `limit`: the decisions the file may take (nil: `NUAN_PROVE_LIMIT`, else `defaultLimit`).
    public static func run(path: String, limit: Int? = nil, boundaries: Bool = false, reference: Bool = false,
                           allSets: Bool = false) -> ProveResult {
        let started = Date()
        let (program, diags) = Nuan.compile(path: path)
        var result = ProveResult(path: path, program: program)
        guard let program else {
            result.diagnostics = diags.filter { $0.severity == .error }
            return result
        }
        result = prove(program, path: path, limit: limit, boundaries: boundaries, reference: reference, allSets: allSets)
        result.seconds = Date().timeIntervalSince(started)
        return result
    }

    /// `allSets`: walk every value of every list field (no `FirstGroupMerge`; also
    /// `NUAN_PROVE_ALL_SETS=1`).
    public static func prove(_ program: CheckedProgram, path: String, limit: Int? = nil, boundaries: Bool = false,
                             reference: Bool = false, allSets: Bool = false) -> ProveResult {
        let started = Date()
        let reference = reference || ProcessInfo.processInfo.environment["NUAN_PROVE_REFERENCE"] != nil
        var result = ProveResult(path: path, program: program)
        let envLimit = ProcessInfo.processInfo.environment["NUAN_PROVE_LIMIT"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        result.limit = limit ?? envLimit ?? defaultLimit
        var partition = Partition(program: program, limit: result.limit)
        partition.reference = reference
        if allSets || reference { partition.merge = nil }
        result.tooLarge = partition.tooLarge.map { program.fields[$0].display }
        let environment = ProcessInfo.processInfo.environment
        let timed = environment["NUAN_PROVE_TRACE"] != nil || environment["NUAN_PROVE_PHASES"] != nil
        func phase(_ name: String) {
            guard timed else { return }
            let s = String(format: "%.3f", Date().timeIntervalSince(started))
            FileHandle.standardError.write("phase \(name): \(s) s\n".data(using: .utf8)!)
        }
        do {
            try partition.run()
            phase("partition")
        } catch {
            result.blowup = error.fanout.prefix(5).map { (program.fields[$0.slot].display, $0.values) }
            result.evaluations = error.evaluations
            result.seconds = Date().timeIntervalSince(started)
            return result
        }
        var checks = CellChecks(program)
        if reference {
            var assertions = AssertionChecks(program)
            var monotone = MonotoneChecks(program)
            for c in partition.cells {
                if case .assertion = c.part {
                    assertions.visit(c, into: &checks)
                    continue
                }
                checks.visit(c)
                monotone.visit(c, partition: &partition, into: &checks)
            }
        } else {
            // The sweeps at once; their findings are added in the reference's order.
            let (log, evaluations) = MonotoneChecks.sweepAll(program, partition)
            phase("sweeps")
            partition.evaluations += evaluations
            // The cells in ranges at once, each range's findings merged in order (`merge`).
            let cells = partition.cells
            let pieces = ProveParallel.workers == 1 ? 1 : ProveParallel.workers * 4
            let bounds = (0...pieces).map { $0 * cells.count / pieces }
            let ranges = ProveParallel.map(pieces) { k -> CellChecks in
                var checks = CellChecks(program)
                var assertions = AssertionChecks(program)
                var next = log.firstIndex { $0.cell >= bounds[k] } ?? log.count
                for i in bounds[k]..<bounds[k + 1] {
                    if case .assertion = cells[i].part {
                        assertions.visit(cells[i], into: &checks)
                        continue
                    }
                    checks.visit(cells[i])
                    while next < log.count && log[next].cell == i {
                        checks.add(log[next].finding, key: log[next].key)
                        next += 1
                    }
                }
                return checks
            }
            for r in ranges { checks.merge(r) }
        }
        phase("checks")
        result.findings = checks.finish()
        // A benefit no record gets, in a group whose sets were merged: what the report says of
        // it (whether it applied, and what beat it) is read off every set, so prove again.
        if let merge = partition.merge, result.findings.contains(where: { merge.mayHide($0) }) {
            return prove(program, path: path, limit: limit, boundaries: boundaries, allSets: true)
        }
        result.cells = partition.cells.count
        result.evaluations = partition.evaluations
        result.decided = ProveProperty.allCases.filter { $0 != .assertion || !program.assertions.isEmpty }
        if boundaries {
            result.boundaryExamples = BoundaryExamples.collect(&partition)
            phase("boundary examples")
        }
        result.seconds = Date().timeIntervalSince(started)
        // Freeing hundreds of thousands of cells takes a tenth of a second: done on another
        // thread, after the result is ready.
        let cells = partition.cells
        partition.cells = []
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(cells) {} }
        return result
    }
}
