import NuanSupport

/// `--budget FUND=AMOUNT`: a fund the rules declare, a non-negative amount in yuan with at
/// most two decimals, each fund once.
public enum BudgetOption {
    public struct Problem: Error, Equatable {
        public var message: Message
    }

    public static func parse(_ raw: [String], funds: [String]) -> Result<[Allocator.Budget], Problem> {
        var out: [Allocator.Budget] = []
        for s in raw {
            guard let eq = s.firstIndex(of: "="), eq != s.startIndex else {
                return .failure(Problem(message: Message("--budget 应写成 资金=金额，如 central_aid=500000：\(s)", "--budget is FUND=AMOUNT, e.g. central_aid=500000: \(s)")))
            }
            let code = String(s[..<eq]), text = String(s[s.index(after: eq)...])
            guard funds.contains(code) else {
                return .failure(Problem(message: Message("规则文件没有资金 “\(code)”；可用：\(funds.joined(separator: "、"))",
                                                         "the rules declare no fund \"\(code)\"; they have: \(funds.joined(separator: ", "))")))
            }
            guard !out.contains(where: { $0.fund == code }) else {
                return .failure(Problem(message: Message("资金 \(code) 的预算给了两次", "fund \(code) is budgeted twice")))
            }
            guard let amount = Rational.parse(text), !amount.isNegative, Fen.of(amount) != nil else {
                return .failure(Problem(message: Message("预算应为不小于 0、最多两位小数的金额：\(text)", "a budget is an amount ≥ 0 with at most two decimals: \(text)")))
            }
            out.append(Allocator.Budget(fund: code, amount: amount))
        }
        if out.isEmpty { return .failure(Problem(message: Message("至少给出一个 --budget 资金=金额", "give at least one --budget FUND=AMOUNT"))) }
        return .success(out)
    }
}
