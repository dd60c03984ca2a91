import NuanSupport
import NuanSyntax
extension CheckedProgram.Node.Op {
    /// How the operator is written in the rule language (Chinese spelling), for explanations
    /// and the meaning-level diff.
    public var symbol: String {
        switch self {
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "×"
        case .divide: return "÷"
        case .less: return "<"
        case .lessEqual: return "≤"
        case .greater: return ">"
        case .greaterEqual: return "≥"
        case .equal: return "="
        case .notEqual: return "≠"
        case .and: return "且"
        case .or: return "或"
        case .inSet: return "属于"
        case .notInSet: return "不属于"
        case .containsAll: return "含全部"
        case .containsAny: return "含任一"
        default: return "?"
        }
    }
}
