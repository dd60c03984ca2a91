import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// `nuan check`: every diagnostic for one rules file — syntax, names, types, and the
/// authoring lints (see `Lints`).
public enum RulesCheck {
    /// The loader's, parser's and checker's diagnostics carry both languages (render them with
    /// `DiagnosticRenderer.render(_:english:)`); `english` picks the language the lints are
    /// written in, so with `english: true` every diagnostic reads in English when rendered with
    /// `english: true`.
    public static func check(path: String, english: Bool = false) -> [Diagnostic] {
        let loaded = RulesLoader.load(path: path)
        if loaded.diagnostics.hasErrors || loaded.files.isEmpty { return loaded.diagnostics }
        let (program, diags, used) = Checker.check(loaded.files)
        var all = loaded.diagnostics + diags
        if let program { all += Lints.run(files: loaded.files, program: program, used: used, english: english) }
        return all
    }
}

/// Authoring checks beyond syntax and types: warnings a policy officer wants before a file goes
/// live. Each lint family lives in its own file under `Lints/` with its messages (Chinese and
/// English) next to it. Lints look only at declarations written in the file being checked (the
/// last of `files`), against the merged program of the whole `继承` chain.
public enum Lints {
    public static func run(files: [RulesFile], program: CheckedProgram, used: Set<String>, english: Bool = false) -> [Diagnostic] {
        guard let main = files.last else { return [] }
        var context = LintContext(main: main, program: program, used: used, english: english)
        UnusedNames.run(&context)
        NeverGranted.run(&context)
        Coverage.run(&context)
        Earmarks.run(&context)
        Citations.run(&context)
        PlausibleValues.run(&context)
        // Source order, so the report reads top to bottom.
        return context.diagnostics.enumerated().sorted {
            ($0.element.range.start, $0.offset) < ($1.element.range.start, $1.offset)
        }.map(\.element)
    }
}
