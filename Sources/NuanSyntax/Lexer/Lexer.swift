import NuanSupport
/// Source text → tokens (+ comments, + diagnostics). Never fails: bad characters become
/// diagnostics and lexing goes on, so every problem in a file is reported at once.
public enum Lexer {
    public struct Output: Sendable {
        public var tokens: [Token]
        public var comments: [Comment]
        public var diagnostics: [Diagnostic]
    }

    public static func tokenize(_ file: SourceFile) -> Output {
        var lx = State(file: file)
        lx.run()
        return Output(tokens: lx.tokens, comments: lx.comments, diagnostics: lx.diagnostics)
    }

    private struct State {
        let file: SourceFile
        let b: [UInt8]
        var i = 0
        var tokens: [Token] = []
        var comments: [Comment] = []
        var diagnostics: [Diagnostic] = []
        var lineHasCode = false
        var unknownCharacters = 0
        static let unknownCharactersShown = 20

        init(file: SourceFile) {
            self.file = file
            self.b = file.bytes
        }

        func range(_ s: Int, _ e: Int) -> SourceRange { SourceRange(file: file, start: s, end: e) }

        mutating func add(_ k: Token.Kind, _ s: Int) {
            tokens.append(Token(kind: k, range: range(s, i)))
            lineHasCode = true
        }

        /// Decodes the scalar at `i` and its byte length.
        func scalar(at j: Int) -> (Unicode.Scalar, Int) {
            let c = b[j]
            if c < 0x80 { return (Unicode.Scalar(c), 1) }   // ASCII: most of a rules file
            var it = b[j...].makeIterator()
            var dec = UTF8()
            switch dec.decode(&it) {
            case .scalarValue(let s): return (s, UTF8.width(s))
            default: return ("\u{FFFD}", 1)
            }
        }

        static func isIdentStart(_ s: Unicode.Scalar) -> Bool {
            // ASCII letters are exactly the Alphabetic scalars below 128
            s == "_" || ((s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A) || (s.value >= 0x2E80 && isWordScalar(s))
        }

        static func isIdentPart(_ s: Unicode.Scalar) -> Bool {
            isIdentStart(s) || (s >= "0" && s <= "9") || s == "·"
        }

        /// CJK letters are word characters; CJK punctuation (，。：（）“” …) is not.
        static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
            let v = s.value
            if v >= 0x4E00 && v <= 0x9FFF { return true }   // CJK Unified Ideographs, every one assigned
            if (0x3000...0x303F).contains(v) || (0xFF00...0xFF65).contains(v) || (0x2010...0x206F).contains(v) { return false }
            return s.properties.isAlphabetic || s.properties.isIdeographic
        }

        mutating func run() {
            if b.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: "\n") { i += 1; lineHasCode = false; continue }
                if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") { i += 1; continue }
                if c == UInt8(ascii: "#") { comment(); continue }
                if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { numberOrDate(); continue }
                if c == UInt8(ascii: "\"") { string(close: [UInt8(ascii: "\"")], openLength: 1); continue }
                let (s, len) = scalar(at: i)
                if s == "“" { string(close: Array("”".utf8), openLength: len); continue }
                if s == "　" { i += len; continue }  // ideographic space
                if State.isIdentStart(s) { word(); continue }
                if let sym = symbol(s, len) { _ = sym; continue }
                unknownCharacters += 1
                if unknownCharacters <= State.unknownCharactersShown {
                    diagnostics.append(.error("lex.character", .unknownCharacter(s), at: range(i, i + len)))
                }
                i += len
            }
            if unknownCharacters > State.unknownCharactersShown {
                // A binary or foreign file: say so once rather than quote it line after line.
                let blank = SourceRange(file: SourceFile(path: file.path, text: ""), start: 0, end: 0)
                diagnostics.append(.error("lex.character", .moreUnknownCharacters(unknownCharacters - State.unknownCharactersShown), at: blank))
            }
            tokens.append(Token(kind: .endOfFile, range: range(b.count, b.count)))
        }

        mutating func comment() {
            let s = i
            while i < b.count && b[i] != UInt8(ascii: "\n") { i += 1 }
            var text = String(decoding: b[(s + 1)..<i], as: UTF8.self)
            if text.hasSuffix("\r") { text.removeLast() }
            comments.append(Comment(text: text, range: range(s, i), trailing: lineHasCode))
        }

        mutating func numberOrDate() {
            let s = i
            func digits() -> Int {
                let st = i
                while i < b.count && b[i] >= UInt8(ascii: "0") && b[i] <= UInt8(ascii: "9") { i += 1 }
                return i - st
            }
            let n1 = digits()
            // YYYY-MM-DD
            if n1 == 4 && i + 5 < b.count + 0 && i < b.count && b[i] == UInt8(ascii: "-") {
                let save = i
                i += 1
                let n2 = digits()
                if n2 == 2 && i < b.count && b[i] == UInt8(ascii: "-") {
                    i += 1
                    if digits() == 2 {
                        let text = String(decoding: b[s..<i], as: UTF8.self)
                        if let d = CivilDate.parse(text) {
                            add(.date(d), s)
                        } else {
                            diagnostics.append(.error("lex.date", .noSuchDate(text), at: range(s, i)))
                            add(.date(0), s)
                        }
                        return
                    }
                }
                i = save
            }
            if i + 1 < b.count && b[i] == UInt8(ascii: ".") && b[i + 1] >= UInt8(ascii: "0") && b[i + 1] <= UInt8(ascii: "9") {
                i += 1
                _ = digits()
            }
            add(.number(String(decoding: b[s..<i], as: UTF8.self)), s)
        }

        mutating func string(close: [UInt8], openLength: Int) {
            let s = i
            i += openLength
            let contentStart = i
            while i < b.count {
                if b[i] == UInt8(ascii: "\n") { break }
                if b[i...].starts(with: close) {
                    let text = String(decoding: b[contentStart..<i], as: UTF8.self)
                    i += close.count
                    add(.string(text), s)
                    return
                }
                i += 1
            }
            diagnostics.append(.error("lex.unterminated-string", .unterminatedString, at: range(s, i)))
            add(.string(String(decoding: b[contentStart..<i], as: UTF8.self)), s)
        }

        mutating func word() {
            let s = i
            while i < b.count {
                let (sc, len) = scalar(at: i)
                if State.isIdentPart(sc) { i += len } else { break }
            }
            let text = String(decoding: b[s..<i], as: UTF8.self)
            if let k = Keyword.lookup(text) { add(.keyword(k), s) } else { add(.identifier(text), s) }
        }

        /// Symbols, with the full-width and two-character spellings Chinese keyboards produce.
        mutating func symbol(_ sc: Unicode.Scalar, _ len: Int) -> Token.Symbol? {
            let s = i
            let next: Unicode.Scalar? = i + len < b.count ? scalar(at: i + len).0 : nil
            var sym: Token.Symbol?
            var width = len
            switch sc {
            case "(", "（": sym = .leftParen
            case ")", "）": sym = .rightParen
            case "[", "【": sym = .leftBracket
            case "]", "】": sym = .rightBracket
            case "{": sym = .leftBrace
            case "}": sym = .rightBrace
            case ",", "，", "、": sym = .comma
            case ":", "：": sym = .colon
            case "|": sym = .pipe
            case "=", "＝":
                sym = .equal
                if next == "=" { width += 1 }
            case "≠": sym = .notEqual
            case "!" where next == "=": sym = .notEqual; width += 1
            case "<", "＜":
                if next == "=" { sym = .lessEqual; width += 1 } else { sym = .less }
            case ">", "＞":
                if next == "=" { sym = .greaterEqual; width += 1 } else { sym = .greater }
            case "≤": sym = .lessEqual
            case "≥": sym = .greaterEqual
            case "+", "＋": sym = .plus
            case "-", "－": sym = .minus
            case "*", "×", "＊": sym = .times
            case "/", "÷", "／": sym = .divide
            default: sym = nil
            }
            guard let sym else { return nil }
            i += width
            add(.symbol(sym), s)
            return sym
        }
    }
}
