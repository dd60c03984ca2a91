import Foundation
import NuanSupport
import NuanSyntax

/// Reads a rules file and the chain of files it extends, parses each once, and hands the
/// syntax trees (parents first) to the checker. The only stage that touches the file system.
///
/// What it will read is bounded: regular files only, at most `NestingLimits.fileBytes` each,
/// `继承` only of `*.rules` files (relative to the including file's folder) and at most
/// `NestingLimits.extendsChain` deep. A file that does not start with `规则` is not a rules file:
/// it gets one error that quotes nothing of it (`继承 "/proc/self/environ"` must not print the
/// environment).
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
        guard text.utf8.count <= NestingLimits.fileBytes else {
            out.diagnostics.append(.error("load.too-large", .rulesFileTooLarge(path, limit: NestingLimits.fileBytes), at: .synthetic))
            return out
        }
        parseAndFollow(SourceFile(path: path, text: text), chain: [normalize(path)], into: &out, nextID: &nextID, loaded: &loaded)
        return out
    }

    static func normalize(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Why a rules file could not be read.
    public enum ReadFailure: Error, Equatable {
        case missing, notRegular, tooLarge, notUTF8
    }

    /// The text of a rules file: a regular file of at most `NestingLimits.fileBytes`, UTF-8.
    /// Never reads more than the limit (a device such as `/dev/zero` is refused before reading).
    public static func readText(path: String) -> Result<String, ReadFailure> {
        var st = stat()
        guard stat(path, &st) == 0 else { return .failure(.missing) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegular) }
        guard st.st_size <= NestingLimits.fileBytes else { return .failure(.tooLarge) }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .failure(.missing) }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: NestingLimits.fileBytes + 1)) ?? Data()
        guard data.count <= NestingLimits.fileBytes else { return .failure(.tooLarge) }
        guard let text = String(data: data, encoding: .utf8) else { return .failure(.notUTF8) }
        return .success(text)
    }

    /// The message for a file that could not be read; `chain` names the `继承` chain, if any.
    static func message(_ failure: ReadFailure, path: String, chain: String?) -> (String, Diagnostic.Message) {
        switch failure {
        case .missing:
            return ("load.missing-file", chain.map { .missingParentFile(path, chain: $0) } ?? .missingRulesFile(path))
        case .notRegular: return ("load.not-a-file", .notARegularFile(path))
        case .tooLarge: return ("load.too-large", .rulesFileTooLarge(path, limit: NestingLimits.fileBytes))
        case .notUTF8: return ("load.encoding", .notUTF8(path))
        }
    }

    /// The diagnostic for a rules file named on the command line that could not be read.
    public static func readFailure(_ failure: ReadFailure, path: String) -> Diagnostic {
        let (code, message) = message(failure, path: path, chain: nil)
        return .error(code, message, at: .synthetic)
    }

    static func chainNames(_ chain: [String]) -> String {
        Diagnostic.Message.chainText(chain.map { FilePath.lastComponent(of: $0) })
    }

    private static func visit(path: String, chain: [String], from: SourceRange?, into out: inout Loaded,
                              nextID: inout Int, loaded: inout Set<String>) {
        let key = normalize(path)
        if chain.contains(key) {
            out.diagnostics.append(.error("load.cycle", .extendsCycle(chainNames(chain + [key])), at: from ?? .synthetic))
            return
        }
        if loaded.contains(key) { return }
        if !chain.isEmpty {
            guard path.hasSuffix(".rules") else {
                out.diagnostics.append(.error("load.not-rules", .extendsNotRules(path), at: from ?? .synthetic))
                return
            }
            guard chain.count < NestingLimits.extendsChain else {
                out.diagnostics.append(.error("load.too-deep", .extendsTooDeep(NestingLimits.extendsChain, chain: chainNames(chain + [key])),
                                              at: from ?? .synthetic))
                return
            }
        }
        switch readText(path: path) {
        case .failure(let f):
            let (code, message) = message(f, path: path, chain: chain.isEmpty ? nil : chainNames(chain + [key]))
            out.diagnostics.append(.error(code, message, at: from ?? .synthetic))
        case .success(let text):
            loaded.insert(key)
            parseAndFollow(SourceFile(path: path, text: text), chain: chain + [key], into: &out, nextID: &nextID, loaded: &loaded)
        }
    }

    private static func parseAndFollow(_ file: SourceFile, chain: [String], into out: inout Loaded,
                                       nextID: inout Int, loaded: inout Set<String>) {
        let (tree, diags, next) = Parser.parse(file, firstNodeID: nextID)
        nextID = next
        out.diagnostics += diags
        guard tree.isRulesFile else { return }
        let dir = FilePath.directory(of: file.path)
        for parent in tree.header.extends {
            visit(path: FilePath.join(dir, parent.path), chain: chain, from: parent.range, into: &out, nextID: &nextID, loaded: &loaded)
        }
        out.files.append(tree)
    }
}
