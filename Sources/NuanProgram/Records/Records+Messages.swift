import NuanSupport

/// Every text the record boundary writes (record errors, JSON syntax errors), in Chinese and
/// English side by side. The Chinese texts are those the goldens and batch tests hold.
enum RecordMessage {
    // MARK: values

    static let required = Message("必填，但记录中没有", "required, but the record has no value")
    static func notInClosedTable(_ table: String, rows: [String]) -> Message {
        Message("不在封闭的表 \(table) 中（表中有：\(rows.joined(separator: "、"))）",
                "not in the closed table \(table) (its rows: \(rows.joined(separator: ", ")))")
    }
    static let number = Message("应为数值", "should be a number")
    static let integer = Message("应为整数", "should be a whole number")
    static let notANumber = Message("不是有效的数值", "is not a valid number")
    static let moneyPlaces = Message("金额最多两位小数", "an amount has at most two decimal places")
    static func atLeast(_ lo: String) -> Message { Message("不能小于 \(lo)", "cannot be less than \(lo)") }
    static func atMost(_ hi: String) -> Message { Message("不能大于 \(hi)", "cannot be more than \(hi)") }
    static let yesNo = Message("应为 是/否（true/false、1/0）", "should be yes/no (是/否, true/false, 1/0)")
    static let text = Message("应为文本", "should be text")
    static let date = Message("应为日期 YYYY-MM-DD", "should be a date YYYY-MM-DD")
    static let cellDate = Message("应为日期 YYYY-MM-DD（也可写作 YYYY/M/D、YYYY-M-D 或 YYYY年M月D日）",
                                  "should be a date YYYY-MM-DD (or YYYY/M/D, YYYY-M-D, YYYY年M月D日)")
    static let choice = Message("应为选项之一", "should be one of the options")
    static func notAnOption(_ options: [String]) -> Message {
        Message("不是可选值；可选：\(options.joined(separator: "、"))", "is not an option; the options: \(options.joined(separator: ", "))")
    }
    static let listOfText = Message("列表中应为文本", "list items should be text")
    static let list = Message("应为列表", "should be a list")

    // MARK: ID numbers (GB 11643)

    static let idOld15 = Message("15 位旧身份证号不予推算，请填写 18 位号码", "an old 15-digit ID number is not converted; give the 18-digit number")
    static func idLength(_ n: Int) -> Message { Message("身份证号应为 18 位，实际 \(n) 位", "an ID number has 18 characters, this one \(n)") }
    static let idDigits = Message("身份证号前 17 位应全为数字", "the first 17 characters of an ID number are digits")
    static func idCheck(_ expected: Character) -> Message {
        Message("身份证号校验位错误（按 GB 11643 应为 \(expected)）", "wrong ID check character (by GB 11643 it should be \(expected))")
    }
    static func idBirth(_ birth: String) -> Message { Message("身份证号中的出生日期 \(birth) 不存在", "the birth date \(birth) in the ID number does not exist") }

    // MARK: reading the bytes

    static func jsonAtByte(_ message: Message, byte: Int) -> Message {
        Message("JSON 格式错误：\(message.zh)（第 \(byte) 字节）", "JSON syntax error: \(message.en) (byte \(byte))")
    }
    static func jsonAt(_ message: Message, line: Int, column: Int) -> Message {
        Message("JSON 格式错误：\(message.zh)（第 \(line) 行第 \(column) 列）", "JSON syntax error: \(message.en) (line \(line), column \(column))")
    }
    static let moreThanOneRecord = Message("；文件中有不止一条记录，逐条判定整个档案请用 nuan batch",
                                           "; the file holds more than one record: use nuan batch to decide a whole archive")
    static func invalidUTF8(byte: Int) -> Message {
        Message("编码错误：不是有效的 UTF-8 文本（第 \(byte) 字节）", "encoding error: not valid UTF-8 text (byte \(byte))")
    }
    static let invalidCell = Message("编码错误：不是有效的 UTF-8 或 GB18030 文本", "encoding error: neither valid UTF-8 nor GB18030 text")
    static func tooDeep(_ n: Int) -> Message { Message("JSON 嵌套超过 \(n) 层", "JSON nested deeper than \(n) levels") }
    static func loneSurrogate(_ hex: String) -> Message {
        Message("JSON 字符串中有不成对的代理项转义 \\u\(hex)", "a JSON string holds an unpaired surrogate escape \\u\(hex)")
    }

    // MARK: JSON syntax (JSONRecordReader)

    static let trailingContent = Message("对象之后还有多余内容", "more content after the object")
    static func expected(_ what: Message) -> Message { Message("此处应为 \(what.zh)", "expected \(what.en) here") }
    static let anObject = Message("“{”（一个 JSON 对象）", "‘{’ (a JSON object)")
    static func nestedDeeper(_ n: Int) -> Message { Message("嵌套超过 \(n) 层", "nested deeper than \(n) levels") }
    static let quotedKey = Message("此处应为带引号的键名", "expected a quoted key here")
    static let objectNotClosed = Message("对象没有结束（缺少 “}”）", "the object is not closed (no ‘}’)")
    static let commaOrBrace = Message("此处应为 “,” 或 “}”", "expected ‘,’ or ‘}’ here")
    static let aValue = Message("此处应为一个值", "expected a value here")
    static let arrayNotClosed = Message("数组没有结束（缺少 “]”）", "the array is not closed (no ‘]’)")
    static let commaOrBracket = Message("此处应为 “,” 或 “]”", "expected ‘,’ or ‘]’ here")
    static let unknownValue = Message("无法识别的值", "not a value")
    static let controlCharacter = Message("字符串中有控制字符", "a control character inside a string")
    static let unterminatedString = Message("字符串没有结束引号", "the string has no closing quote")
    static let hexDigits = Message("\\u 后应为四位十六进制数", "\\u should be followed by four hexadecimal digits")

    // MARK: the header row (HeaderCheck)

    static func didYouMean(column: Int, header: String, suggestion: String, field: String) -> Message {
        Message("表头第 \(column) 列 “\(header)” 是不是 “\(suggestion)”（\(field)）？它不是已知的列名",
                "header column \(column) “\(header)”: did you mean “\(suggestion)” (\(field))? It is not a known column name")
    }
    static func requiredColumnMissing(label: String, key: String, aliases: [String]) -> Message {
        let names = label == key ? [key] + aliases : [label, key] + aliases
        return Message("表头中没有必填的列 “\(label)”（可写作：\(names.joined(separator: "、"))）",
                       "the header has no column for the required field “\(key)” (written as: \(names.joined(separator: ", ")))")
    }

    // MARK: a record error as one line

    static func value(_ v: String) -> Message { Message("（值：\(v)）", " (value: \(v))") }
    static func line(_ l: Int) -> Message { Message("第 \(l) 行 ", "line \(l): ") }
    static let fieldSeparator = Message("：", ": ")
}
