import NuanSupport
import NuanProgram


/// One declaration per option: parsing (`Arguments`), validation and `--help` (`HelpText`) all
/// read it, so what a command accepts and what its help lists cannot drift apart.
public struct OptionSpec: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Present or not; `--flag=value` is a usage error.
        case flag
        /// Takes one value; giving the option twice is a usage error (which one was meant?).
        case single
        /// Takes a value each time it is given; the values are kept in order.
        case repeated
    }

    /// How a value is compared with `choices`.
    public enum Matching: Sendable, Equatable {
        case exact
        /// Case and `-` ignored: `UTF-8` is `utf8`. The parsed value is the choice as declared.
        case looseCaseAndDash
    }

    /// `--rules` (with the dashes).
    public var name: String
    /// `-h` (with the dash), if the option has one.
    public var short: String?
    public var kind: Kind
    /// What the value is called in the help (`文件`, `FILE`); unused when there are `choices`.
    public var valueName: Message
    /// The only values allowed, in the order the help lists them; empty: any value.
    public var choices: [String]
    public var matching: Matching
    /// The default as the help shows it (`brief`, `全部 CPU 核`), if the help should show one.
    public var defaultShown: Message?
    public var help: Message

    public init(_ name: String, short: String? = nil, _ kind: Kind, value: Message = Message(both: ""), choices: [String] = [],
                matching: Matching = .exact, default defaultShown: Message? = nil, help: Message) {
        precondition(name.hasPrefix("--") && name.count > 2, "an option's name starts with --: \(name)")
        precondition(short.map { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.count == 2 } ?? true, "a short alias is -x: \(short!)")
        precondition(kind != .flag || (choices.isEmpty && value.zh.isEmpty), "a flag takes no value: \(name)")
        precondition(kind == .flag || !choices.isEmpty || !value.zh.isEmpty, "an option with a value names it: \(name)")
        self.name = name
        self.short = short
        self.kind = kind
        self.valueName = value
        self.choices = choices
        self.matching = matching
        self.defaultShown = defaultShown
        self.help = help
    }

    /// The same option with another help text (a shared option whose effect differs per command).
    public func helping(_ zh: String, _ en: String, default shown: Message? = nil) -> OptionSpec {
        var o = self
        o.help = Message(zh, en)
        if let shown { o.defaultShown = shown }
        return o
    }

    /// The same option with another default shown in the help.
    public func defaulting(_ shown: Message?) -> OptionSpec {
        var o = self
        o.defaultShown = shown
        return o
    }

    /// The declared choice `value` stands for, or nil if it is not allowed.
    func choice(for value: String) -> String? {
        switch matching {
        case .exact: return choices.first { $0 == value }
        case .looseCaseAndDash:
            let key = value.lowercased().replacingOccurrences(of: "-", with: "")
            return choices.first { $0.lowercased().replacingOccurrences(of: "-", with: "") == key }
        }
    }
}

/// The options of one command: an enum whose cases are exactly the options it declares. A
/// command reads parsed values by case (`args.value(.rules)`), never by a string, so it cannot
/// read an option its spec does not declare: the compiler checks it.
public protocol OptionKey: CaseIterable, Hashable, Sendable {
    var spec: OptionSpec { get }
}

/// A positional argument as the help describes it.
public struct Positional: Sendable, Equatable {
    public var name: Message
    public var help: Message

    public init(_ name: Message, _ help: Message) {
        self.name = name
        self.help = help
    }
}

/// An example command line with what it does.
public struct Example: Sendable, Equatable {
    public var command: String
    public var comment: Message?

    public init(_ command: String, _ comment: Message? = nil) {
        self.command = command
        self.comment = comment
    }
}

/// Everything `--help` says about a command, and the options it accepts (`Key.allCases` plus
/// `--help`). `HelpText` renders it; `Arguments` parses against it.
public struct CommandSpec<Key: OptionKey>: Sendable {
    /// `nuan check`, `nuan-fuzz`: how messages and the help name the command.
    public var name: String
    public var summary: Message
    /// Usage lines without the `用法：` label, e.g. `nuan check 文件或目录… [选项]`.
    public var usage: [Message]
    /// Paragraphs under the summary (wrapped by the help; `\n` forces a line break).
    public var description: [Message]
    public var positionals: [Positional]
    /// Paragraphs after the options.
    public var notes: [Message]
    /// Subcommands (the top-level `nuan` only).
    public var subcommands: [(name: String, summary: Message)]
    public var exitCodes: Message?
    public var examples: [Example]
    /// The language of the help and of usage errors without `--lang`.
    public var defaultLanguage: Language

    public init(name: String, summary: Message, usage: [Message], description: [Message] = [], positionals: [Positional] = [],
                notes: [Message] = [], subcommands: [(name: String, summary: Message)] = [], exitCodes: Message? = nil,
                examples: [Example] = [], defaultLanguage: Language = .chinese) {
        self.name = name
        self.summary = summary
        self.usage = usage
        self.description = description
        self.positionals = positionals
        self.notes = notes
        self.subcommands = subcommands
        self.exitCodes = exitCodes
        self.examples = examples
        self.defaultLanguage = defaultLanguage
    }

    /// Every option the command accepts, in the order of the help: its own, then `--help`.
    public var options: [OptionSpec] { Key.allCases.map(\.spec) + [CommonOptions.help] }

    /// The command's `--help` in `language`.
    public func help(_ language: Language) -> String { HelpText.render(self, language) }

    /// Parses `argv`. `--help` prints the help and ends with success; a usage error is printed
    /// (in the language `--lang` asks for, if it can be read) and ends with `.usage`.
    public func parse(_ argv: [String], io: IO) -> ParseOutcome<Key> {
        do {
            let args = try Arguments(argv, spec: self)
            if args.help {
                io.out(help(args.language))
                return .exit(.success)
            }
            return .parsed(args)
        } catch let e as Arguments<Key>.UsageError {
            let language = Arguments<Key>.requestedLanguage(argv, spec: self)
            io.err(usageError(e.message.text(language), language))
            return .exit(.usage)
        } catch {
            io.err("\(name)：\(error)\n")
            return .exit(.usage)
        }
    }

    /// A usage error as every command prints it: `nuan check：…（--help 查看用法）`. The message
    /// is masked (an ID number typed as an option stays hidden) and on one line.
    public func usageError(_ message: String, _ language: Language) -> String {
        let m = Disclosure.masked.line(message)
        return language == .english ? "\(name): \(m) (see --help)\n" : "\(name)：\(m)（--help 查看用法）\n"
    }
}

/// What `CommandSpec.parse` found: arguments to run with, or an exit (help shown, usage error).
public enum ParseOutcome<Key: OptionKey> {
    case parsed(Arguments<Key>)
    case exit(ExitCode)
}
