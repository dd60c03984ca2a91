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
