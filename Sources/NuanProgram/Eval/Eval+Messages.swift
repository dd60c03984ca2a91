import NuanSupport

/// Every text the evaluator writes into a decision (errors from the guards and from figures
/// that cannot be computed, warnings), in Chinese and English side by side.
enum EvalMessage {
    static func validityRule(_ message: String, rule: String, citation: String?) -> Message {
        Message(message + "（无效规则 \(rule)" + (citation.map { "，依据 \($0)" } ?? "") + "）",
                message + " (validity rule \(rule)" + (citation.map { ", per \($0)" } ?? "") + ")")
    }
    static func unknownRegion(_ region: String, scope: [String]) -> Message {
        Message("\(region) 无法识别，不能判断是否在本规则辖区（\(scope.joined(separator: "、"))）内；请写地级市全称或六位行政区划代码（如 340300）",
                "the region \(region) is not a known division, so it cannot be placed within this file's jurisdiction (\(scope.joined(separator: ", "))); write the city's full name or its six-digit division code (e.g. 340300)")
    }
    static func outsideJurisdiction(_ region: String, scope: [String]) -> Message {
        Message("\(region) 不在本规则辖区（\(scope.joined(separator: "、"))）内",
                "the region \(region) lies outside this file's jurisdiction (\(scope.joined(separator: ", ")))")
    }
    static func outsidePeriod(_ date: String, from: String, to: String) -> Message {
        Message("申请日期 \(date) 不在本规则生效期（\(from) 至 \(to)）内：请确认适用的是哪一年的通知",
                "the application date \(date) lies outside the period these rules are in force (\(from) to \(to)): check which year's notice applies")
    }
    static func row(_ key: String, from: String?) -> Message {
        Message("（" + key + (from.map { "，自 " + $0 } ?? "") + "）", " (" + key + (from.map { ", from " + $0 } ?? "") + ")")
    }
    static func unconfirmed(_ what: Message) -> Message {
        Message("所用 \(what.zh) 为未确认的数值，请向当地核实后再发放", "the figure used for \(what.en) is unconfirmed: check it locally before paying")
    }
    static func noTableRow(field: String, key: String, table: String) -> Message {
        Message("\(field) “\(key)” 不在 \(table) 表中：须在规则文件的 \(table) 表中加入这一行，或由经办单位用 --set \(table)=… 设定，才能判定用到它的条件",
                "\(field) ‘\(key)’ has no row in the table \(table): add the row to the rules file's table, or the office sets it with --set \(table)=…, before the conditions that use it can be decided")
    }
    static let totalOverflow = Message("合计金额超出可计算的范围：各项发放之和溢出", "the total is beyond what can be computed: the sum of the awards overflows")
    static func uniqueClash(group: String, _ names: [String]) -> Message {
        Message("福利组 \(group) 为唯一命中，但 \(names.map { "“\($0)”" }.joined(separator: "与")) 同时适用；请修正规则文件",
                "benefit group \(group) allows a unique match, but \(names.map { "‘\($0)’" }.joined(separator: " and ")) apply together; correct the rules file")
    }
    static let scoreOverflow = Message("评分超出可计算的范围：各项之和溢出", "the score is beyond what can be computed: the sum of its parts overflows")
    static let scorePartOverflow = Message("评分项超出可计算的范围：权重 × 数值溢出", "a score part is beyond what can be computed: weight × value overflows")
}

extension EvalMessage {
    static func divisionByZero(_ divisor: String) -> Message { Message("除数为零：\(divisor) = 0", "division by zero: \(divisor) = 0") }
    static func beyondRange(_ expression: String) -> Message {
        Message("数值超出可计算的范围：\(expression)", "a figure beyond what can be computed: \(expression)")
    }
    static let typeError = Message("类型错误", "type error")
}
