import Foundation

/// Reads a rules file and the chain of files it extends, parses each once, and hands the
/// syntax trees (parents first) to the checker. The only stage that touches the file system.
public enum RulesLoader {
    public struct Loaded: Sendable {
        /// Parents first, the requested file last.
        public var files: [RulesFile]
        public var diagnostics: [Diagnostic]
    }

    public static func load(path: String) -> Loaded {
        var out = Loaded(files: [], diagnostics: [])
        var nextID = 0
        var loaded: Set<String> = []
        visit(path: path, chain: [], from: nil, into: &out, nextID: &nextID, loaded: &loaded)
        return out
    }

    /// Parses in-memory text (tests, `nuan fmt` checks); extends are read from disk relative to `path`.
    public static func load(path: String, text: String) -> Loaded {
        var out = Loaded(files: [], diagnostics: [])
        var nextID = 0
        var loaded: Set<String> = [normalize(path)]
        parseAndFollow(SourceFile(path: path, text: text), chain: [normalize(path)], into: &out, nextID: &nextID, loaded: &loaded)
        return out
    }

    static func normalize(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    private static func visit(path: String, chain: [String], from: SourceRange?, into out: inout Loaded,
                              nextID: inout Int, loaded: inout Set<String>) {
        let key = normalize(path)
        if chain.contains(key) {
            let names = (chain + [key]).map { ($0 as NSString).lastPathComponent }.joined(separator: " → ")
            out.diagnostics.append(.error("load.cycle", .extendsCycle(names), at: from ?? .synthetic))
            return
        }
        if loaded.contains(key) { return }
        guard let data = FileManager.default.contents(atPath: path) else {
            let names = (chain + [key]).map { ($0 as NSString).lastPathComponent }.joined(separator: " → ")
            let message: Diagnostic.Message = chain.isEmpty ? .missingRulesFile(path) : .missingParentFile(path, chain: names)
            out.diagnostics.append(.error("load.missing-file", message, at: from ?? .synthetic))
            return
        }
        guard let text = String(data: data, encoding: .utf8) else {
            out.diagnostics.append(.error("load.encoding", .notUTF8(path), at: from ?? .synthetic))
            return
        }
        loaded.insert(key)
        parseAndFollow(SourceFile(path: path, text: text), chain: chain + [key], into: &out, nextID: &nextID, loaded: &loaded)
    }

    private static func parseAndFollow(_ file: SourceFile, chain: [String], into out: inout Loaded,
                                       nextID: inout Int, loaded: inout Set<String>) {
        let (tree, diags, next) = Parser.parse(file, firstNodeID: nextID)
        nextID = next
        out.diagnostics += diags
        let dir = (file.path as NSString).deletingLastPathComponent
        for parent in tree.header.extends {
            let p = parent.path.hasPrefix("/") ? parent.path : (dir.isEmpty ? parent.path : dir + "/" + parent.path)
            visit(path: p, chain: chain, from: parent.range, into: &out, nextID: &nextID, loaded: &loaded)
        }
        out.files.append(tree)
    }
}
