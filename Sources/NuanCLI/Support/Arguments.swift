import NuanSupport
import NuanProgram

/// A small hand-written argument parser (the project takes no packages), driven by a
/// `CommandSpec`: `--name value`, `--name=value`, `-x` short aliases, repeated options, flags,
/// positionals, `-` (standard input) and `--` (only positionals after it).
///
/// Usage errors, each in both languages:
/// - an option the spec does not declare (with the nearest declared name: did you mean?);
/// - a flag given a value (`--strict=yes`);
/// - an option missing its value (at the end of the line);
/// - a value not among the option's choices (the choices are named) — the same check for a
///   shared option such as `--lang` in every command;
/// - a single-valued option given twice, even with the same value: the last one silently
///   winning would hide a mistake (`--rules a.rules … --rules b.rules`). Repeated options
///   (`--set`) keep every value; a flag given twice is still just on.
///
/// A command reads values by its `OptionKey` case, never by name, so every option it reads is
/// declared in its spec (and so parsed, validated and listed in its help).
public struct Arguments<Key: OptionKey> {
    public var positionals: [String] = []
    var values: [Key: [String]] = [:]
    var flags: Set<Key> = []
    /// `--help` or `-h` was given.
    public private(set) var help = false
    /// `--lang` if the command declares it, else the spec's default language.
    public private(set) var language: Language

    public struct UsageError: Error, CustomStringConvertible {
        public var message: Message
        public var description: String { message.zh }
    }

    public init(_ argv: [String], spec: CommandSpec<Key>) throws {
        language = spec.defaultLanguage
        var byName: [String: Key] = [:]
        for k in Key.allCases {
            let s = k.spec
            precondition(byName[s.name] == nil && s.name != CommonOptions.help.name, "\(spec.name): \(s.name) declared twice")
            byName[s.name] = k
            if let short = s.short {
                precondition(byName[short] == nil && short != CommonOptions.help.short, "\(spec.name): \(short) declared twice")
                byName[short] = k
            }
        }
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
            if name == CommonOptions.help.name || name == CommonOptions.help.short {
                if inline != nil { throw Self.flagWithValue(name) }
                help = true
                continue
            }
            guard let key = byName[name] else { throw Self.unknown(name, spec: spec) }
            let option = key.spec
            if option.kind == .flag {
                if inline != nil { throw Self.flagWithValue(name) }
                flags.insert(key)
                continue
            }
            var value: String
            if let v = inline {
                value = v
            } else {
                guard i < argv.count else {
                    throw UsageError(message: Message("选项 \(name) 需要一个值", "option \(name) needs a value"))
                }
                value = argv[i]
                i += 1
            }
            if !option.choices.isEmpty {
                guard let c = option.choice(for: value) else { throw Self.notAChoice(value, option) }
                value = c
            }
            if option.kind == .single && values[key] != nil {
                throw UsageError(message: Message("选项 \(option.name) 只能给一次", "option \(option.name) may be given only once"))
            }
            values[key, default: []].append(value)
            if option.name == CommonOptions.lang.name { language = value == "en" ? .english : .chinese }
        }
    }

    /// The value of a single-valued option, if given.
    public func value(_ key: Key) -> String? {
        assert(key.spec.kind == .single, "\(key.spec.name) is not single-valued")
        return values[key]?.last
    }

    /// Every value of a repeated option, in order.
    public func values(_ key: Key) -> [String] {
        assert(key.spec.kind == .repeated, "\(key.spec.name) is not repeated")
        return values[key] ?? []
    }

    public func flag(_ key: Key) -> Bool {
        assert(key.spec.kind == .flag, "\(key.spec.name) is not a flag")
        return flags.contains(key)
    }

    /// `--lang` as given in `argv`, read leniently (for the language of a usage error found
    /// before or after it); the spec's default when absent, invalid or not declared.
    static func requestedLanguage(_ argv: [String], spec: CommandSpec<Key>) -> Language {
        let lang = CommonOptions.lang.name
        guard Key.allCases.contains(where: { $0.spec.name == lang }) else { return spec.defaultLanguage }
        var found: String?
        for (i, a) in argv.enumerated() {
            if a == "--" { break }
            if a == lang, i + 1 < argv.count { found = argv[i + 1] }
            if a.hasPrefix(lang + "=") { found = String(a.dropFirst(lang.count + 1)) }
        }
        switch found {
        case "en": return .english
        case "zh": return .chinese
        default: return spec.defaultLanguage
        }
    }

    static func flagWithValue(_ name: String) -> UsageError {
        UsageError(message: Message("选项 \(name) 不带值", "option \(name) takes no value"))
    }

    static func unknown(_ name: String, spec: CommandSpec<Key>) -> UsageError {
        let all = spec.options.flatMap { [$0.name] + ($0.short.map { [$0] } ?? []) }
        let hint = all.min { a, b in distance(a, name) < distance(b, name) }.flatMap { distance($0, name) <= 3 ? $0 : nil }
        return UsageError(message: Message("未知的选项 \(name)" + (hint.map { "；是不是 \($0)？" } ?? ""),
                                             "unknown option \(name)" + (hint.map { "; did you mean \($0)?" } ?? "")))
    }

    static func notAChoice(_ value: String, _ option: OptionSpec) -> UsageError {
        let c = option.choices
        let zh = c.count == 1 ? c[0] : c.dropLast().joined(separator: "、") + " 或 " + c.last!
        let en = c.count == 1 ? c[0] : c.dropLast().joined(separator: ", ") + " or " + c.last!
        return UsageError(message: Message("\(option.name) 只能是 \(zh)，不能是 “\(value)”",
                                             "\(option.name) must be \(en), not “\(value)”"))
    }

    static func distance(_ a: String, _ b: String) -> Int {
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
