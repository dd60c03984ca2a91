/// A small hand-written argument parser (the project takes no packages): `--name value`,
/// `--name=value`, repeated options, flags, and positionals, with errors in plain words.
public struct Arguments {
    public var positionals: [String] = []
    var options: [String: [String]] = [:]
    var flags: Set<String> = []

    public struct UsageError: Error, CustomStringConvertible {
        public var description: String
    }

    /// `valued` lists options that take a value; `flagNames` those that do not.
    public init(_ argv: [String], valued: Set<String>, flagNames: Set<String>) throws {
        var i = 0
        var onlyPositionals = false
        while i < argv.count {
            let a = argv[i]
            i += 1
            if onlyPositionals || a == "-" || !a.hasPrefix("-") { positionals.append(a); continue }
            if a == "--" { onlyPositionals = true; continue }
            var name = a
            var inline: String?
            if let eq = a.firstIndex(of: "="), a.hasPrefix("--") {
                name = String(a[..<eq])
                inline = String(a[a.index(after: eq)...])
            }
            if flagNames.contains(name) {
                if inline != nil { throw UsageError(description: "选项 \(name) 不带值") }
                flags.insert(name)
            } else if valued.contains(name) {
                if let v = inline { options[name, default: []].append(v); continue }
                guard i < argv.count else { throw UsageError(description: "选项 \(name) 需要一个值") }
                options[name, default: []].append(argv[i])
                i += 1
            } else {
                let all = Array(valued) + Array(flagNames)
                let hint = all.min { a, b in distance(a, name) < distance(b, name) }.flatMap { distance($0, name) <= 3 ? $0 : nil }
                throw UsageError(description: "未知的选项 \(name)" + (hint.map { "；是不是 \($0)？" } ?? "") + "（--help 查看用法）")
            }
        }
    }

    public func value(_ name: String) -> String? { options[name]?.last }
    public func values(_ name: String) -> [String] { options[name] ?? [] }
    public func flag(_ name: String) -> Bool { flags.contains(name) }

    func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        var prev = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var cur = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(1, y.count) where !y.isEmpty {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[y.count]
    }
}
