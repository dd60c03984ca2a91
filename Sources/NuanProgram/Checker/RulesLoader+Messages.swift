import NuanSupport
import NuanSyntax
/// The loader's messages (following `继承`), in Chinese and English.
extension Diagnostic.Message {
    /// `load.cycle`; `chain` names the files, `a.rules → b.rules → a.rules`.
    static func extendsCycle(_ chain: String) -> Self {
        Self(zh: "继承关系形成了循环：\(chain)", en: "the 继承 (extends) chain forms a cycle: \(chain)")
    }

    /// `load.missing-file`, for the file asked for.
    static func missingRulesFile(_ path: String) -> Self {
        Self(zh: "找不到规则文件 \(path)", en: "cannot find the rules file \(path)")
    }

    /// `load.missing-file`, for a parent named by `继承`.
    static func missingParentFile(_ path: String, chain: String) -> Self {
        Self(zh: "找不到继承的规则文件 \(path)（继承链：\(chain)）",
             en: "cannot find the parent rules file \(path) (继承 chain: \(chain))")
    }

    /// `load.encoding`
    static func notUTF8(_ path: String) -> Self {
        Self(zh: "规则文件 \(path) 不是 UTF-8 编码", en: "the rules file \(path) is not encoded in UTF-8")
    }
}

extension Diagnostic.Message {
    /// `load.not-a-file`: a directory, a device, a pipe.
    static func notARegularFile(_ path: String) -> Self {
        Self(zh: "\(path) 不是普通文件，不能作为规则文件读取", en: "\(path) is not a regular file and cannot be read as a rules file")
    }

    /// `load.too-large`
    static func rulesFileTooLarge(_ path: String, limit: Int) -> Self {
        Self(zh: "规则文件 \(path) 超过 \(limit >> 20) MiB，不予读取", en: "the rules file \(path) is larger than \(limit >> 20) MiB and is not read")
    }

    /// `load.not-rules`: `继承` names something that is not a `.rules` file.
    static func extendsNotRules(_ path: String) -> Self {
        Self(zh: "只能继承 .rules 规则文件，\(EchoText.excerpt(path, limit: 80)) 不是", en: "only .rules files can be extended (继承), and \(EchoText.excerpt(path, limit: 80)) is not one")
    }

    /// `load.too-deep`
    static func extendsTooDeep(_ limit: Int, chain: String) -> Self {
        Self(zh: "继承链超过 \(limit) 层：\(chain)", en: "the 继承 (extends) chain is more than \(limit) files long: \(chain)")
    }
}
