import NuanSupport

/// What a trace reader says when it refuses, in Chinese and English side by side.
enum TraceMessage {
    static let notATrace = Message("不是 nuan 的判定轨迹文件（应由 nuan batch --trace 写出）",
                                   "not a nuan trace file (one written by nuan batch --trace)")
    static func unsupportedVersion(_ v: Int) -> Message {
        Message("判定轨迹文件的格式版本 \(v) 不受支持（本版本读版本 1）", "trace format version \(v) is not supported (this nuan reads version 1)")
    }
    static let damagedHeader = Message("判定轨迹文件的文件头已损坏", "the trace file's header is damaged")
    static let truncated = Message("判定轨迹文件不完整（被截断，或写入未完成）", "the trace file is incomplete (truncated, or its run did not finish)")
    static func damagedEntry(_ row: Int) -> Message {
        Message("判定轨迹文件已损坏：第 \(row) 条记录的校验不符", "the trace file is damaged: entry \(row) fails its check")
    }
    static func badValue(_ row: Int, _ field: String) -> Message {
        Message("判定轨迹文件已损坏：第 \(row) 条记录中 \(field) 的值不合规则文件的类型或范围",
                "the trace file is damaged: in entry \(row) the value of \(field) does not fit the rules file's type or range")
    }
    static func rulesDiffer(trace: String, rules: String) -> Message {
        Message("规则文件与判定轨迹不符：轨迹由规则摘要 sha256 \(trace.prefix(16))… 写出，现在的规则是 \(rules.prefix(16))…（规则文件或其继承的文件已修改，或 --set 不同）；请使用写出轨迹时的规则文件",
                "the rules file does not match the trace: the trace was written under rules digest sha256 \(trace.prefix(16))…, these rules are \(rules.prefix(16))… (the file or a file it extends changed, or the --set differ); use the rules the trace was written with")
    }
    static func rowOutOfRange(_ row: Int, _ count: Int) -> Message {
        Message("第 \(row) 条不存在：判定轨迹共有 \(count) 条（从 1 数起）", "there is no entry \(row): the trace holds \(count) (counted from 1)")
    }
    static func idNotFound(_ id: String) -> Message {
        Message("判定轨迹中没有申请编号为 \(id) 的记录", "the trace holds no record with id \(id)")
    }
    static func outcomeDiffers(_ row: Int) -> Message {
        Message("第 \(row) 条重新判定的结果与轨迹中保存的不一致，拒绝给出说明（轨迹已损坏，或不是这份规则写出的）",
                "deciding entry \(row) again does not give the decision the trace holds; no explanation is given (the trace is damaged, or was not written under these rules)")
    }
}
