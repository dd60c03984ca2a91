/// `nuan check`: every diagnostic for one rules file — syntax, names, types, and the
/// authoring lints (see `Lints`).
public enum RulesCheck {
    public static func check(path: String) -> [Diagnostic] {
        let loaded = RulesLoader.load(path: path)
        if loaded.diagnostics.hasErrors || loaded.files.isEmpty { return loaded.diagnostics }
        let (program, diags, used) = Checker.check(loaded.files)
        var all = loaded.diagnostics + diags
        if !diags.hasErrors { all += Lints.run(files: loaded.files, program: program, used: used) }
        return all
    }
}

/// Authoring checks beyond syntax and types: warnings a policy officer wants before a file goes live.
public enum Lints {
    public static func run(files: [RulesFile], program: CheckedProgram, used: Set<String>) -> [Diagnostic] {
        []
    }
}
