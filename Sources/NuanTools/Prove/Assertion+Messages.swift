import NuanSupport
/// `nuan prove`'s messages for the file's own assertions (`断言`).
extension ProveMessage {
    static func assertionTotal(_ total: Rational, _ cap: Rational) -> Message {
        Message("合计 \(total.formatted()) 元，超过断言的 \(cap.formatted()) 元",
                "total \(total.formatted()) 元 exceeds the asserted \(cap.formatted()) 元")
    }

    static func assertionFund(benefit: String, fund: String) -> Message {
        Message("福利 \(benefit) 可由资金 \(fund) 支付，断言不允许", "benefit \(benefit) may be paid from fund \(fund), which the assertion excludes")
    }

    static func assertionsHeld(_ names: [String]) -> Message {
        Message("（\(names.joined(separator: "、"))）", " (\(names.joined(separator: ", ")))")
    }
}
