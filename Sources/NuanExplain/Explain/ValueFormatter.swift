import NuanSupport
import NuanSyntax
import NuanProgram
/// Shows runtime values the way a caseworker reads them: money with two places, enum values by
/// their Chinese label. Personal identifiers are masked by `Privacy` (Support/Privacy.swift).
public struct ValueFormatter {
    public let program: CheckedProgram
    public var english = false

    public init(program: CheckedProgram, english: Bool = false) {
        self.program = program
        self.english = english
    }

    public func format(_ v: Value, type: ValueType) -> String {
        switch v {
        case .unknown: return english ? "unknown" : "未知"
        case .failure(let m): return m
        case .bool(let b): return english ? (b ? "yes" : "no") : (b ? "是" : "否")
        case .number(let r): return type == .money ? r.formatted(places: 2) : r.description
        case .text(let s): return s
        case .date(let d): return CivilDate.format(d)
        case .choice(let c):
            guard case .choice(let en) = type, en >= 0, en < program.enums.count else { return String(c) }
            return english ? program.enums[en].codes[Int(c)] : program.enums[en].display(Int(c))
        case .set(let mask):
            guard case .list(let en) = type, en >= 0 else { return String(mask) }
            let e = program.enums[en]
            let items = e.codes.indices.filter { mask & (1 << UInt64($0)) != 0 }.map { english ? e.codes[$0] : e.display($0) }
            return "[" + items.joined(separator: english ? ", " : "、") + "]"
        }
    }
}
