import Foundation
import NuanSupport

/// What `nuan batch` itself says (usage errors, the last lines of a run), in Chinese and
/// English side by side; the run's own messages come from `Batch+Messages`.
enum BatchCommandMessage {
    static let missingInput = Message("缺少 --in 档案文件", "--in ARCHIVE is missing")
    static let missingOutput = Message("缺少 --out 决定文件", "--out DECISIONS is missing")
    static func unknownExtension(_ input: String) -> Message {
        Message("无法从扩展名判断 \(input) 的格式；请用 --in-format jsonl|csv|xlsx",
                "cannot tell the format of \(input) from its extension; use --in-format jsonl|csv|xlsx")
    }
    static let jobs = Message("--jobs 应为 1 到 256 的整数", "--jobs takes a whole number from 1 to 256")
    static let workbookFromStandardInput = Message("工作簿不能从标准输入读取；请给出 .xlsx 文件", "a workbook cannot be read from standard input; name the .xlsx file")
    static func nearMiss(_ v: String) -> Message {
        Message("--near-miss 应为不小于 0 的金额（元，至多两位小数），而不是 “\(v)”", "--near-miss takes an amount of yuan (0 or more, at most two decimals), not “\(v)”")
    }
    static let blockSize = Message("--block-size 应为正整数（字节）", "--block-size takes a positive whole number (bytes)")
    static let maxLine = Message("--max-line 应为不小于 64 的整数（字节）", "--max-line takes a whole number of at least 64 (bytes)")
    static func notToStandardOutput(_ option: String) -> Message { Message("\(option) 不能写到标准输出", "\(option) cannot go to standard output") }
    static func failed(_ why: String) -> Message { Message("nuan batch：\(why)；未替换任何输出文件\n", "nuan batch: \(why); no output was replaced\n") }
    static func stopped(_ recordsIn: Int) -> Message {
        Message("读入 \(recordsIn) 条，输出 0 条（运行中止）\n", "\(recordsIn) records read, 0 written (run stopped)\n")
    }
    static func cannotWrite(_ path: String, _ reason: String) -> Message {
        Message("nuan batch：无法写入 \(path)：\(reason)\n", "nuan batch: cannot write \(path): \(reason)\n")
    }
    static let abandoned = Message("nuan batch：运行中止；未替换任何输出文件\n", "nuan batch: run stopped; no output was replaced\n")
    static func commitFailed(_ why: String) -> Message { Message("nuan batch：\(why)\n", "nuan batch: \(why)\n") }
    static func progress(_ done: Int, _ rate: String, _ secondsLeft: String?) -> Message {
        Message("\r已处理 \(done) 条，\(rate) 条/秒" + (secondsLeft.map { "，约剩 \($0) 秒" } ?? "") + "   ",
                "\r\(done) records, \(rate) a second" + (secondsLeft.map { ", about \($0) s left" } ?? "") + "   ")
    }
    static func done(_ recordsIn: Int, _ recordsOut: Int, seconds: String, rate: String, gb18030Rows: Int, gb18030: Bool) -> Message {
        let zh = gb18030Rows > 0 ? "，\(gb18030Rows) 行按 GB18030 读入" : gb18030 ? "，输入编码 GB18030" : ""
        let en = gb18030Rows > 0 ? ", \(gb18030Rows) rows read as GB18030" : gb18030 ? ", input encoding GB18030" : ""
        return Message("读入 \(recordsIn) 条，输出 \(recordsOut) 条（\(seconds) 秒，\(rate) 条/秒\(zh)）\n",
                       "\(recordsIn) records read, \(recordsOut) written (\(seconds) s, \(rate) a second\(en))\n")
    }
}
