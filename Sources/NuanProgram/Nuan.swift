import Foundation
import NuanSupport
import NuanSyntax

/// The engine's front door: compile a rules file once, then decide records against it.
/// Each step is one stage of the pipeline (load → parse → check/compile → evaluate → explain).
public enum Nuan {
    /// Loads, parses and checks a rules file and everything it extends. The program is nil
    /// when there are errors; warnings come back either way.
    public static func compile(path: String, overrides: [(name: String, value: String)] = []) -> (CheckedProgram?, [Diagnostic]) {
        let loaded = RulesLoader.load(path: path)
        return finish(loaded, overrides: overrides)
    }

    /// Compiles rules text held in memory (its `继承` paths are read relative to `path`).
    public static func compile(path: String, text: String, overrides: [(name: String, value: String)] = []) -> (CheckedProgram?, [Diagnostic]) {
        finish(RulesLoader.load(path: path, text: text), overrides: overrides)
    }

    static func finish(_ loaded: RulesLoader.Loaded, overrides: [(name: String, value: String)]) -> (CheckedProgram?, [Diagnostic]) {
        if loaded.diagnostics.hasErrors || loaded.files.isEmpty { return (nil, loaded.diagnostics) }
        let (program, diags, _) = Checker.check(loaded.files, options: .init(overrides: overrides))
        let all = loaded.diagnostics + diags
        return (all.hasErrors ? nil : program, all)
    }
}
