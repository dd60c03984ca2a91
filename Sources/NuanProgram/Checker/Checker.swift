import NuanSupport
import NuanSyntax
/// Syntax trees (parents first) → checked, compiled program (+ diagnostics).
///
/// Merges the `继承` chain (a child's `覆盖` replaces its parent's declaration in place), resolves
/// every name, checks every type, and compiles expressions into the flat node arrays the
/// evaluator runs. Nothing here reads a record.
public struct Checker {
    public struct Options: Sendable {
        /// `--set NAME=VALUE` parameter overrides, as given on the command line.
        public var overrides: [(name: String, value: String)] = []
        public init(overrides: [(name: String, value: String)] = []) { self.overrides = overrides }
    }

    enum Symbol {
        case field(Int), parameter(Int), definition(String), group(String), category
    }

    /// The program being built; `Checker.check` seals it when no error was found.
    var program = CheckedProgram.Contents()
    var diagnostics: [Diagnostic] = []
    var symbols: [String: Symbol] = [:]
    var symbolRanges: [String: SourceRange] = [:]
    var definitionDecls: [String: DefinitionDecl] = [:]
    var groupDecls: [String: GroupDecl] = [:]
    var definitionIndex: [String: Int] = [:]
    var groupIndex: [String: Int] = [:]
    var compiling: [String] = []
    /// Per node (and per definition and group): how deep evaluating it recurses (see `emit`).
    var nodeDepth: [Int] = []
    var definitionDepth: [Int] = []
    var groupDepth: [Int] = []
    /// How many expressions `compile` is inside, definitions included.
    var compileDepth = 0
    var tooDeepReported = false
    /// Names referenced anywhere (for the unused-name warnings of `nuan check`).
    public internal(set) var used: Set<String> = []

    mutating func error(_ code: String, _ message: Diagnostic.Message, _ range: SourceRange, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(code, message, at: range, notes: notes))
    }

    mutating func run(_ files: [RulesFile], options: Options) {
        guard let main = files.last else { return }
        program.title = main.header.title
        program.version = main.header.version
        program.jurisdiction = main.header.jurisdiction
        program.notice = main.header.notice
        program.year = main.header.year
        program.inForceFrom = main.header.inForceFrom ?? files.lazy.reversed().compactMap(\.header.inForceFrom).first
        program.inForceTo = main.header.inForceTo
        resolveHeaderGuards(files)
        program.sources = files.reversed().map { .init(path: $0.file.path, sha256: SHA256.hex($0.file.bytes)) }
        program.chainSHA256 = SHA256.hex(Array(program.sources.map { $0.sha256 + "\n" }.joined().utf8))
        program.examples = main.declarations.compactMap { if case .example(let e) = $0.kind { return e } else { return nil } }
        let merged = merge(files)
        declare(merged)
        applyOverrides(options.overrides)
        compileAll(merged)
        compileValidityRules(merged)
        compileAssertions(merged)
        if program.fields.count + program.parameters.count > InputSet.capacity {
            error("check.too-many-inputs", .tooManyInputs(InputSet.capacity), main.header.titleRange)
        }
    }

    /// The date that picks `适用` categories: the start of the period in force.
    var referenceDate: Int32 {
        if let d = program.inForceFrom { return d }
        if let y = program.year { return Int32(CivilDate.days(year: y, month: 1, day: 1)) }
        return CivilDate.today()
    }
}
