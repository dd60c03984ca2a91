import NuanSupport
import NuanProgram

/// Options several commands share, declared once: the same name, choices and validation
/// everywhere (`--lang fr` is the same usage error in every command). A command whose use of
/// one differs says so with `helping(_:_:)`; the choices stay the same.
public enum CommonOptions {
    /// Every command has it; `CommandSpec.options` adds it, so a command does not declare it.
    public static let help = OptionSpec("--help", short: "-h", .flag, help: Message("显示本帮助", "show this help"))

    /// The language of the command's messages and help.
    public static let lang = OptionSpec("--lang", .single, choices: ["zh", "en"], default: Message("zh", "zh"),
                                        help: Message("语言：中文或英文", "language: Chinese or English"))

    public static let rules = OptionSpec("--rules", .single, value: Message("规则文件", "RULES-FILE"),
                                         help: Message("规则文件（必填），如 Rules/bengbu-2022.rules",
                                                         "the rules file (required), e.g. Rules/bengbu-2022.rules"))

    /// `--format`: every command has its own formats, all checked the same way.
    public static func format(_ choices: [String], default shown: Message?, help: Message) -> OptionSpec {
        OptionSpec("--format", .single, choices: choices, default: shown, help: help)
    }

    public static func explain(default level: String) -> OptionSpec {
        OptionSpec("--explain", .single, choices: ExplainLevel.allCases.map(\.rawValue), default: Message(both: level),
                   help: Message("说明的详细程度", "how much of the decision is explained"))
    }

    public static let set = OptionSpec("--set", .repeated, value: Message("名称=值", "NAME=VALUE"),
                                       help: Message("临时改一个参数，如 --set 低保标准=750",
                                                       "overrides a parameter, e.g. --set 低保标准=750"))

    public static let unmask = OptionSpec("--unmask", .flag,
                                          help: Message("显示完整的身份证号和电话号码（默认遮蔽，如 110105********002X）",
                                                          "show full ID and phone numbers (masked by default, e.g. 110105********002X)"))
}
