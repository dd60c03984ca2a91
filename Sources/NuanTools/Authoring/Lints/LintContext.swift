import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// What every lint reads — the checked file, the merged program, the names in use — and
/// where it writes its findings.
struct LintContext {
    let main: RulesFile
    let program: CheckedProgram
    let used: Set<String>
    let english: Bool
    let conditions: Conditions
    let printer: NodePrinter
    var diagnostics: [Diagnostic] = []

    init(main: RulesFile, program: CheckedProgram, used: Set<String>, english: Bool) {
        self.main = main
        self.program = program
        self.used = used
        self.english = english
        self.conditions = Conditions(program: program)
        self.printer = NodePrinter(program: program)
    }

    /// Whether a range lies in the file being checked.
    func inMain(_ r: SourceRange) -> Bool { r.file === main.file }

    mutating func warn(_ code: String, _ text: Message, at range: SourceRange, notes: [(Message, SourceRange?)] = []) {
        diagnostics.append(.warning(code, text.text(english: english), at: range,
                                    notes: notes.map { Diagnostic.Note(message: $0.0.text(english: english), range: $0.1) }))
    }

    /// Benefits declared in the checked file, with their group.
    var mainBenefits: [(benefit: CheckedProgram.Benefit, group: CheckedProgram.BenefitGroup, index: Int)] {
        program.benefitGroups.flatMap { g in g.benefits.enumerated().filter { inMain($0.element.range) }.map { ($0.element, g, $0.offset) } }
    }

    /// The text of a condition as written in the canonical layout.
    func show(_ n: Int32) -> String { printer.text(n) }
}
