import NuanSupport
/// The texts of `nuan batch` about the run itself — why it stopped, why an output may not be
/// written, and the record problems the batch reader finds on its own — in Chinese and English.
/// The Chinese texts are those `nuan batch` has always printed (the tests under
/// `Tests/NuanCoreTests/Batch` and the CLI goldens hold them). Paths, sizes and the system's
/// error text (`strerror`) are data.
extension Message {
    enum Batch {
        // MARK: Workbooks

        static func cannotReadWorkbook(_ path: String, _ error: String) -> Message {
            Message(zh: "无法读取工作簿 \(path)：\(error)", en: "cannot read the workbook \(path): \(error)")
        }
        static func workbookNotAFile(_ path: String) -> Message {
            Message(zh: "工作簿 \(path) 不是普通文件", en: "the workbook \(path) is not a regular file")
        }
        static func workbookTooLarge(_ path: String, mib: Int) -> Message {
            Message(zh: "工作簿 \(path) 超过 \(mib) MiB；请拆分后再读，或另存为 CSV", en: "the workbook \(path) is larger than \(mib) MiB; split it, or save it as CSV")
        }
        static func badWorkbook(_ path: String, _ problem: String) -> Message {
            Message(zh: "工作簿 \(path)：\(problem)", en: "the workbook \(path): \(problem)")
        }
        static func noScratchFile(_ error: String) -> Message {
            Message(zh: "无法为工作簿准备临时文件：\(error)", en: "cannot make a scratch file for the workbook: \(error)")
        }
        static func scratchReadFailed(_ error: String) -> Message {
            Message(zh: "读取临时文件失败：\(error)", en: "reading the scratch file failed: \(error)")
        }
        static func cannotWriteWorkbook(_ problem: String) -> Message {
            Message(zh: "无法写成工作簿：\(problem)", en: "cannot write the workbook: \(problem)")
        }

        // MARK: Repeated records

        static func repeatedID(firstLine: Int) -> Message {
            Message(zh: "与第 \(firstLine) 行重复：同一档案中申请编号应唯一", en: "the same as line \(firstLine): application ids are unique within an archive")
        }
        static func repeatedIDNumber(firstLine: Int, firstID: String?) -> Message {
            let zhID = firstID.map { "（申请编号 \($0)）" } ?? ""
            let enID = firstID.map { " (application \($0))" } ?? ""
            return Message(zh: "身份证号与第 \(firstLine) 行\(zhID)相同：同一人不应重复发放",
                           en: "the same ID number as line \(firstLine)\(enID): one person is not paid twice")
        }

        // MARK: Input

        static func cannotOpenInput(_ path: String, _ error: String) -> Message {
            Message(zh: "无法打开输入文件 \(path)：\(error)", en: "cannot open the input file \(path): \(error)")
        }
        static func inputIsDirectory(_ path: String) -> Message {
            Message(zh: "输入 \(path) 是一个目录，不是档案文件", en: "the input \(path) is a directory, not an archive file")
        }
        static func cannotReadInput(_ path: String, _ error: String) -> Message {
            Message(zh: "读取输入 \(path) 失败：\(error)", en: "reading the input \(path) failed: \(error)")
        }
        static func inputChanged(_ path: String) -> Message {
            Message(zh: "输入 \(path) 在两遍读取之间被改动，未写出结果；请在文件不再变化后重新运行",
                    en: "the input \(path) changed between its two readings; nothing was written: run again once the file no longer changes")
        }
        static func cannotSpool(_ input: String, _ path: String, _ error: String) -> Message {
            let zhInput = input == "-" ? "标准输入" : "输入 \(input) "
            let enInput = input == "-" ? "the standard input" : "the input \(input)"
            return Message(zh: "无法把\(zhInput)暂存到 \(path)：\(error)；未写出结果（可用 TMPDIR 或 --out 换一个有空间的目录）",
                           en: "cannot keep a copy of \(enInput) in \(path): \(error); nothing was written (point TMPDIR or --out to a folder with room)")
        }
        static func readFailed(_ error: String) -> Message { Message(zh: "读取输入失败：\(error)", en: "reading the input failed: \(error)") }
        static func headerTooLong(_ maxLine: Int) -> Message {
            Message(zh: "CSV 表头行超过 \(maxLine) 字节（--max-line 上限）", en: "the CSV header row is longer than \(maxLine) bytes (the --max-line limit)")
        }
        static let noGB18030 = Message(zh: "本机的 iconv 不支持 GB18030", en: "this machine's iconv does not support GB18030")
        static let noHeader = Message(zh: "CSV 文件没有表头行（或表头的引号不成对）", en: "the CSV file has no header row (or the header's quotes are unbalanced)")
        static let headerNotText = Message(zh: "CSV 表头不是有效的 UTF-8 或 GB18030 文本", en: "the CSV header is not valid UTF-8 or GB18030 text")
        /// The header check's problems (`HeaderCheck`), one a line.
        static func headerProblems(_ problems: [Message], canKeep: Bool) -> Message {
            var m = Message(zh: "表头有误，未判定任何记录：", en: "the header row has problems; no record was decided:")
            for p in problems { m = m + Message(both: "\n  ") + p }
            if canKeep {
                m = m + Message(zh: "\n若这些列确是档案自带的其他列，加 --keep-unknown-columns 照常运行（这些列原样带到输出）。",
                                en: "\nIf these columns are meant as extra columns, add --keep-unknown-columns to run anyway (they are carried to the output unchanged).")
            }
            return m
        }
        static func noLineEnd(_ maxLine: Int, mib: Int) -> Message {
            Message(zh: "一行超过 \(maxLine) 字节（--max-line 上限），其后 \(mib) MiB 内仍没有换行：输入不像逐行的档案，已停止",
                    en: "a line is longer than \(maxLine) bytes (the --max-line limit) and the next \(mib) MiB hold no line end: the input does not look like an archive of lines; stopped")
        }

        // MARK: Output

        static let output = Message(zh: "输出", en: "output")
        static func writeFailed(_ error: String) -> Message { Message(zh: "写入输出失败：\(error)", en: "writing the output failed: \(error)") }
        static func injectedFault(_ limit: Int) -> Message {
            Message(zh: "注入的故障（NUAN_FAIL_AFTER=\(limit)）", en: "injected fault (NUAN_FAIL_AFTER=\(limit))")
        }

        // MARK: Internal errors

        static func countMismatch(read: Int, written: Int) -> Message {
            Message(zh: "内部错误：读入 \(read) 条，输出 \(written) 条", en: "internal error: \(read) records read, \(written) written")
        }
        static let noOutputFile = Message(zh: "内部错误：没有为决定准备输出文件", en: "internal error: no output file was prepared for the decisions")
        static func blockLines(line: Int, lines: Int, consumed: Int) -> Message {
            Message(zh: "内部错误：第 \(line) 行起的一块有 \(lines) 个换行，只读到 \(consumed) 个",
                    en: "internal error: the block from line \(line) has \(lines) line ends, but only \(consumed) were read")
        }

        // MARK: Record problems found by the batch reader
        // (kept in the decision's language: batch decisions are Chinese until the evaluator
        // of a batch run is given the run's language)

        static let unbalancedQuote = Message(zh: "引号不成对（带引号的单元格应以引号结束，其后是逗号或行尾）",
                                             en: "unbalanced quotes (a quoted cell must end with a quote followed by a comma or the line end)")
        static func columnCount(header: Int, row: Int) -> Message {
            Message(zh: "列数与表头不符：表头 \(header) 列，本行 \(row) 列", en: "the number of columns does not match the header: the header has \(header), this row \(row)")
        }
        static func lineTooLong(_ maxLine: Int) -> Message {
            Message(zh: "此行超过 \(maxLine) 字节（--max-line 上限），已跳过；下一行照常读取",
                    en: "this line is longer than \(maxLine) bytes (the --max-line limit) and was skipped; the next line is read as usual")
        }

        // MARK: Staged outputs (`StagedOutputs`)

        /// `输出 out.csv：是一个目录`
        static func refused(_ what: Message, _ path: String, _ reason: Message) -> Message {
            Message(zh: "\(what.zh) \(path)：\(reason.zh)", en: "\(what.en) \(path): \(reason.en)")
        }
        static let emptyPath = Message(zh: "路径为空", en: "the path is empty")
        static let danglingLink = Message(zh: "是指向不存在位置的符号链接；不会替换链接本身",
                                          en: "is a symbolic link to nowhere; the link itself is not replaced")
        static let unreadableLink = Message(zh: "无法读取链接指向的文件", en: "the file the link points to cannot be read")
        static let isDirectory = Message(zh: "是一个目录", en: "is a directory")
        static let notRegular = Message(zh: "不是普通文件（设备、管道或套接字），不会替换；写到标准输出请用 -",
                                        en: "is not a regular file (a device, pipe or socket) and is not replaced; use - to write to standard output")
        static let notFileName = Message(zh: "不是文件名", en: "is not a file name")
        static let noDirectory = Message(zh: "所在目录不存在或无法访问", en: "its directory does not exist or cannot be reached")
        static func sameAsInput(_ input: String) -> Message {
            Message(zh: "与输入文件 \(input) 是同一个文件；不会覆盖输入或规则文件",
                    en: "is the same file as the input \(input); an input or rules file is never overwritten")
        }
        static let sameAsOtherOutput = Message(zh: "与另一个输出是同一个文件", en: "is the same file as another output")
        static func cannotWriteIn(_ dir: String, _ error: String) -> Message {
            Message(zh: "无法在 \(dir) 中写入：\(error)", en: "cannot write in \(dir): \(error)")
        }
        static func fsyncFailed(_ path: String, _ error: String) -> Message {
            Message(zh: "写入 \(path) 失败（fsync）：\(error)；未替换任何输出文件",
                    en: "writing \(path) failed (fsync): \(error); no output file was replaced")
        }
        static func renameFailed(_ path: String, _ error: String, replaced: [String]) -> Message {
            Message(zh: "无法生成 \(path)：\(error)", en: "cannot create \(path): \(error)")
                + (replaced.isEmpty ? Message(zh: "；未替换任何输出文件", en: "; no output file was replaced")
                                    : Message(zh: "；已替换：\(replaced.joined(separator: "、"))", en: "; already replaced: \(replaced.joined(separator: ", "))"))
        }
    }
}
