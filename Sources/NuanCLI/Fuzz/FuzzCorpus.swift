import Foundation
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools

/// The seeds the fuzzer mutates, read at run time from the repository (the shipped rules,
/// their example applicants, the test fixtures) and from any `--corpus` folders — nothing is
/// copied, so a new fixture is a new seed.
struct FuzzCorpus {
    struct RulesSeed {
        /// Path relative to its root (for messages and reproducers).
        var name: String
        var text: [UInt8]
        /// Files it extends, transitively: (path relative to the seed's folder, bytes).
        var parents: [(String, [UInt8])]
        /// Whether it compiles as shipped (record cases decide records under these).
        var compiles: Bool
        /// The records written for it (Rules/examples/<prefix>-*.json, or a fixture CSV's rows).
        var records: [[(String, RawValue)]]
        /// Its parameter names (for `--set` mutations).
        var parameters: [String]
    }

    var rules: [RulesSeed] = []
    /// Every JSON record seed, as key/value pairs.
    var records: [[(String, RawValue)]] = []
    /// CSV seeds: header and rows as cells.
    var tables: [(header: [String], rows: [[String]])] = []

    static func load(root: String, extra: [String]) -> FuzzCorpus {
        var c = FuzzCorpus()
        let fm = FileManager.default
        func files(under dir: String, ext: String) -> [String] {
            let items = (fm.enumerator(atPath: dir)?.allObjects as? [String]) ?? []
            return items.filter { $0.hasSuffix("." + ext) }.sorted().map { dir + "/" + $0 }
        }
        let dirs = [root + "/Rules", root + "/Tests/Fixtures"] + extra
        var recordFiles: [String] = []
        for d in dirs { recordFiles += files(under: d, ext: "json") + files(under: d, ext: "jsonl") }
        var byFile: [String: [[(String, RawValue)]]] = [:]
        for f in recordFiles {
            guard let data = fm.contents(atPath: f) else { continue }
            for line in data.split(separator: 0x0A) where line.contains(0x7B) {
                if case .success(let pairs) = JSONRecordReader.parseObject(Array(line)) {
                    c.records.append(pairs)
                    byFile[f, default: []].append(pairs)
                }
            }
            // a pretty-printed single object
            if byFile[f] == nil, case .success(let pairs) = JSONRecordReader.parseObject([UInt8](data)) {
                c.records.append(pairs)
                byFile[f, default: []].append(pairs)
            }
        }
        for d in dirs {
            for f in files(under: d, ext: "csv") {
                guard let data = fm.contents(atPath: f) else { continue }
                let rows = CSVText.parse(String(decoding: data, as: UTF8.self))
                if let h = rows.first, rows.count > 1 { c.tables.append((h, Array(rows.dropFirst()))) }
            }
        }
        for d in dirs {
            for f in files(under: d, ext: "rules") {
                guard let text = fm.contents(atPath: f).map({ [UInt8]($0) }) else { continue }
                let name = f.hasPrefix(root + "/") ? String(f.dropFirst(root.count + 1)) : f
                let parents = Self.parents(of: f, text: text)
                let (program, _) = Nuan.compile(path: f)
                // records written for this file: examples named after it, or a CSV beside it
                let base = (f as NSString).lastPathComponent
                let prefix = String(base.prefix { $0 != "-" && $0 != "." })
                var mine: [[(String, RawValue)]] = []
                for (rf, recs) in byFile.sorted(by: { $0.key < $1.key })
                where ((rf as NSString).lastPathComponent).hasPrefix(prefix + "-") { mine += recs }
                if mine.isEmpty, let t = c.tables.first(where: { _ in (f as NSString).deletingLastPathComponent.hasSuffix("batch") }) {
                    mine = t.rows.map { row in zip(t.header, row).map { ($0, RawValue.string($1)) } }
                }
                let params = program?.parameters.map(\.name) ?? []
                c.rules.append(RulesSeed(name: name, text: text, parents: parents, compiles: program != nil,
                                         records: mine, parameters: params))
            }
        }
        return c
    }

    /// `继承 "x"` / `extends "x"` lines, followed transitively (relative to the seed's folder).
    static func parents(of path: String, text: [UInt8]) -> [(String, [UInt8])] {
        var out: [(String, [UInt8])] = []
        var seen: Set<String> = []
        let dir = (path as NSString).deletingLastPathComponent
        var queue: [(rel: String, text: [UInt8])] = [("", text)]
        while let (rel, t) = queue.popLast() {
            for target in extendsTargets(String(decoding: t, as: UTF8.self)) {
                let relDir = (rel as NSString).deletingLastPathComponent
                let r = relDir.isEmpty ? target : relDir + "/" + target
                let norm = (r as NSString).standardizingPath
                guard !norm.hasPrefix(".."), !norm.hasPrefix("/"), !seen.contains(norm),
                      let d = FileManager.default.contents(atPath: dir + "/" + norm) else { continue }
                seen.insert(norm)
                out.append((norm, [UInt8](d)))
                queue.append((norm, [UInt8](d)))
            }
        }
        return out
    }

    static func extendsTargets(_ text: String) -> [String] {
        var out: [String] = []
        for line in text.split(separator: "\n") {
            let t = line.drop { $0 == " " }
            guard t.hasPrefix("继承") || t.hasPrefix("extends") else { continue }
            let parts = t.split(separator: "\"")
            if parts.count >= 2 { out.append(String(parts[1])) }
        }
        return out
    }
}

/// Minimal RFC 4180 reading and writing for the fuzzer's own bookkeeping (not the engine's).
enum CSVText {
    static func parse(_ s: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = ""
        var quoted = false, atStart = true
        var it = Array(s.unicodeScalars)[...]
        while let c = it.popFirst() {
            if quoted {
                if c == "\"" {
                    if it.first == "\"" { cell.unicodeScalars.append("\""); it.removeFirst() } else { quoted = false }
                } else { cell.unicodeScalars.append(c) }
                continue
            }
            switch c {
            case "\"" where atStart: quoted = true; atStart = false
            case ",": row.append(cell); cell = ""; atStart = true
            case "\n", "\r":
                if c == "\r", it.first == "\n" { it.removeFirst() }
                row.append(cell); cell = ""; atStart = true
                if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                row = []
            default: cell.unicodeScalars.append(c); atStart = false
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }

    /// Records in CSV bytes as the README promises to read them: a `"` opens a quoted cell only
    /// at the start of a cell (elsewhere it is a literal); LF, CRLF and CR end a record; blank
    /// records (spaces, tabs) are not records.
    static func countRecords(_ b: [UInt8]) -> Int {
        var n = 0, quoted = false, nonBlank = false, atCellStart = true
        var i = 0
        while i < b.count {
            let c = b[i]
            if quoted {
                if c == 0x22 {
                    if i + 1 < b.count && b[i + 1] == 0x22 { i += 1 } else { quoted = false }
                }
            } else if c == 0x22 && atCellStart {
                quoted = true; nonBlank = true; atCellStart = false
            } else if c == 0x2C {
                nonBlank = true; atCellStart = true
            } else if c == 0x0A || c == 0x0D {
                if nonBlank { n += 1 }
                nonBlank = false; atCellStart = true
                if c == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
            } else {
                if c != 0x20 && c != 0x09 { nonBlank = true }
                atCellStart = false
            }
            i += 1
        }
        return n + (nonBlank ? 1 : 0)
    }

    static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
