import NuanSupport
import NuanSyntax
import NuanProgram

/// A recourse item in words: `家庭月收入 15000.00 元 → 5940.00 元：符合条件，合计 1000.00 元`;
/// for a missing input, `家庭月收入为 5940.00 元：…`. Options by their labels (codes in English).
public struct RecourseText {
    public let program: CheckedProgram
    public var english: Bool

    public init(program: CheckedProgram, english: Bool) {
        self.program = program
        self.english = english
    }

    func t(_ m: Message) -> String { m.text(english: english) }

    public func value(_ v: Value, slot: Int) -> String {
        let type = program.fields[slot].type
        var s = ValueFormatter(program: program, english: english).format(v, type: type)
        if case .set(0) = v { s = t(ReasonText.none) }
        return type == .money ? s + t(ReasonText.yuan) : s
    }

    public func describe(_ item: RecourseItem) -> String {
        let changes = item.changes.map { c -> String in
            let name = english ? program.fields[c.slot].key : program.fields[c.slot].display
            guard let from = c.from else { return t(ReasonText.answer(name, value(c.to, slot: c.slot))) }
            return t(ReasonText.change(name, value(from, slot: c.slot), value(c.to, slot: c.slot)))
        }.joined(separator: t(ReasonText.alsoSeparator))
        let status = DecisionText.statusText(item.status, english: english)
        guard item.status == .eligible else { return changes + t(ReasonText.then) + status }
        let total = item.totalAmount == .zero ? nil : item.totalAmount.formatted(places: 2)
        return changes + t(ReasonText.then) + t(ReasonText.result(status, item.benefits.joined(separator: t(ReasonText.listSeparator)), total))
    }
}
