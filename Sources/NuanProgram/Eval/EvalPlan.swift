import NuanSupport
import NuanSyntax
/// The evaluator's view of a checked program: the same rules laid out as flat arrays of plain
/// values (indices, no strings, no nested arrays), built once per program. Reading them costs
/// no reference counting and no exclusivity checks, which is what keeps the batch hot loop lean.
final class EvalPlan: @unchecked Sendable {
    struct Benefit {
        var recipient: Int32       // group index, or -1
        var condition: Int32       // node, or -1
        var amount: Amount
        var exceptionStart: Int32
        var exceptionCount: Int32
    }

    struct Exception {
        var condition: Int32
        var amount: Amount
    }

    enum Amount {
        case fixed(Int32)
        case unset
        case withhold
    }

    struct Group {
        var start: Int
        var count: Int
        var policy: HitPolicy
    }

    struct ScorePart {
        var weight: Int32
        var expr: Int32
        var condition: Int32
    }

    struct Parameter {
        var keyField: Int32        // -1 for a single value
        var scalar: Rational?
    }

    let nodes: [CheckedProgram.Node]
    let constants: [Value]
    let arguments: [Int32]
    let definitionRoots: [Int32]
    let groupRoots: [Int32]
    let categoryRoots: [Int32]
    /// Each category's index in the category enum.
    let categoryCodes: [Int32]
    let parameters: [Parameter]
    /// Per table parameter: key → row indices sorted by start date.
    let rowIndex: [[String: [Int]]]
    /// Per parameter: keyed by 所属地区, so a short form or a district code finds its city's row.
    let regionKeyed: [Bool]
    let rowValues: [[Rational?]]
    let rowFrom: [[Int32?]]
    let benefits: [Benefit]
    let exceptions: [Exception]
    let benefitGroups: [Group]
    let scoreParts: [ScorePart]
    let hasScore: Bool
    /// Per parameter and row: whether the figure is 未确认 (the decision then warns).
    let rowUnconfirmed: [[Bool]]
    let parameterUnconfirmed: [Bool]
    /// Slot of 所属地区, or -1; and every name, alias and code of a division inside the 辖区
    /// (empty when the file declares no `地区`), so a record in it is checked by one lookup.
    let regionField: Int32
    let jurisdictionKeys: Set<String>
    let validityRoots: [Int32]
    /// Each benefit's award as a decision shows it, the amount left out (set per record).
    let awards: [Decision.Award]

    init(_ p: CheckedProgram) {
        nodes = p.nodes
        constants = p.constants
        arguments = p.arguments
        definitionRoots = p.definitions.map(\.root)
        groupRoots = p.groups.map(\.root)
        categoryRoots = p.categories.map(\.root)
        categoryCodes = p.categories.map { Int32(p.enums[p.categoryEnum].index(of: $0.code) ?? 0) }
        parameters = p.parameters.map { Parameter(keyField: Int32($0.keyField ?? -1), scalar: $0.value) }
        // Tables keyed by 所属地区 also answer short forms and district or county codes.
        rowIndex = p.parameters.map { param in
            guard let kf = param.keyField, p.fields[kf].key == "region" else { return param.rowIndex }
            return Gazetteer.widenRegionIndex(param.rowIndex)
        }
        regionKeyed = p.parameters.map { $0.keyField.map { p.fields[$0].key == "region" } ?? false }
        rowValues = p.parameters.map { $0.rows.map(\.value) }
        rowFrom = p.parameters.map { $0.rows.map(\.from) }
        func amount(_ a: CheckedProgram.Amount) -> Amount {
            switch a {
            case .fixed(let n): return .fixed(n)
            case .unset: return .unset
            case .withhold: return .withhold
            }
        }
        var benefits: [Benefit] = []
        var exceptions: [Exception] = []
        var groups: [Group] = []
        for g in p.benefitGroups {
            groups.append(Group(start: benefits.count, count: g.benefits.count, policy: g.policy))
            for b in g.benefits {
                benefits.append(Benefit(recipient: Int32(b.recipient ?? -1), condition: b.condition ?? -1, amount: amount(b.amount),
                                        exceptionStart: Int32(exceptions.count), exceptionCount: Int32(b.exceptions.count)))
                exceptions += b.exceptions.map { Exception(condition: $0.condition, amount: amount($0.amount)) }
            }
        }
        self.benefits = benefits
        self.exceptions = exceptions
        benefitGroups = groups
        scoreParts = (p.score?.parts ?? []).map { ScorePart(weight: $0.weight ?? -1, expr: $0.expr ?? -1, condition: $0.condition ?? -1) }
        hasScore = p.score != nil
        rowUnconfirmed = p.parameters.map { $0.rows.map(\.unconfirmed) }
        parameterUnconfirmed = p.parameters.map(\.unconfirmed)
        regionField = Int32(p.fields.firstIndex { $0.key == "region" } ?? -1)
        var keys = Set<String>()
        for d in Gazetteer.all where p.regionCodes.contains(where: { Gazetteer.contains($0, d.code) }) {
            keys.insert(d.code)
            keys.insert(d.name)
            for a in d.aliases { keys.insert(a) }
        }
        for c in p.regionCodes { keys.insert(c) }
        jurisdictionKeys = keys
        validityRoots = p.validityRules.map(\.root)
        awards = p.benefits.enumerated().map { flat, b in
            let codes = b.funds.map { p.funds[$0].code }
            return Decision.Award(benefit: b.name, amount: nil, unit: b.unit, fund: codes.first, allowedFunds: codes, citation: b.citation,
                                  benefitIndex: flat)
        }
    }
}
