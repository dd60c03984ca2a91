import NuanSupport
/// The lexer's messages, in Chinese and English.
extension Diagnostic.Message {
    /// `lex.character`
    static func unknownCharacter(_ s: Unicode.Scalar) -> Self {
        let code = String(s.value, radix: 16, uppercase: true)
        let shown = EchoText.excerpt(String(s))
        return Self(zh: "无法识别的字符 “\(shown)”",
                    en: "unrecognised character “\(shown)” (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code))")
    }

    /// `lex.character`, once, after the first 20.
    static func moreUnknownCharacters(_ n: Int) -> Self {
        Self(zh: "另有 \(n) 个无法识别的字符未列出；这个文件像不是规则文件",
             en: "\(n) more unrecognised characters are not listed; this file does not look like a rules file")
    }

    /// `lex.date`
    static func noSuchDate(_ text: String) -> Self {
        Self(zh: "日期 \(text) 不存在", en: "there is no such date as \(text)")
    }

    /// `lex.unterminated-string`
    static var unterminatedString: Self {
        Self(zh: "字符串没有结束引号", en: "the string has no closing quote")
    }
}

extension Token {
    /// How the token reads in an English message: quoted as written, or “the end of the file”.
    var englishDisplay: String {
        switch kind {
        case .endOfFile: return "the end of the file"
        case .keyword: return "the keyword “\(display)”"
        case .string(let text): return "the text \"\(EchoText.excerpt(text))\""
        default: return "“\(EchoText.excerpt(display))”"
        }
    }

    /// How the token reads in a Chinese message (`“…”`), as the parser has always quoted it.
    var chineseDisplay: String { "“\(EchoText.excerpt(display))”" }
}
