import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain

/// A checked program prepared for batch work: the record readers' layout, pre-rendered fragments of the decision JSON, and the slots the summary reads.
/// Built once per run; immutable and shared by every worker.
final class BatchProgram: Sendable {
    let program: CheckedProgram
    /// The record readers' view of the program, shared by every worker's codec.
    let layout: RecordLayout
    var decoder: RecordDecoder { layout.decoder }
    /// `"rules":{…}` block, rendered once.
    let rulesJSON: [UInt8]
    /// Award JSON of each benefit by its index in the program: bytes before the amount and after it.
    let awardParts: [(prefix: [UInt8], suffix: [UInt8])?]
    /// Compact decisions (`--explain none`): see `DecisionJSON.compact`.
    let compact: Bool
    /// `--unmask`: personal numbers written in full.
    let unmask: Bool
    /// `--recourse`: decisions carry what would change them.
    let recourse: Bool
    /// `--near-miss`: the margin; recourse is searched for it (and written only with `recourse`).
    let nearMiss: Rational?
    /// Summary inputs: the 人员类别 slot and the option indices of 农民工 / 劳动模范.
    let groupsSlot: Int?
    /// The 建档类型 slot and the index of its `none` option (an archived household is any other).
    let archiveTypeSlot: Int?
    let archiveNone: Int32
    let migrantBit: UInt64
    let modelBit: UInt64
    /// The rules' own 人均月收入 definition: the summary reads the value the rules computed,
    /// never a formula of its own (a file without it leaves the income buckets unknown).
    let perCapitaDefinition: Int?
    let dibaoParameter: Int?

    /// `everyValue`: read every text value, even those no rule reads (`--trace` keeps them).
    init(_ program: CheckedProgram, compact: Bool = false, unmask: Bool = false, recourse: Bool = false, nearMiss: Rational? = nil,
         everyValue: Bool = false) {
        self.program = program
        self.compact = compact
        self.unmask = unmask
        self.recourse = recourse
        self.nearMiss = nearMiss
        layout = RecordLayout(program, unmask: unmask, everyValue: everyValue)
        let dj = DecisionJSON(program: program, compact: compact, unmask: unmask)
        rulesJSON = Array(dj.rules.utf8)
        let marker = Rational(integer: 987_654_321)
        awardParts = program.benefits.map { b in
            let codes = b.funds.map { program.funds[$0].code }
            let a = Decision.Award(benefit: b.name, amount: marker, unit: b.unit, fund: codes.first, allowedFunds: codes, citation: b.citation)
            let text = dj.award(a)
            guard let r = text.range(of: "\"987654321.00\"") else { return nil }
            return (Array(text[..<r.lowerBound].utf8), Array(text[r.upperBound...].utf8))
        }
        let gslot = program.fields.firstIndex { $0.key == "groups" }
        groupsSlot = gslot
        var mig: UInt64 = 0, mod: UInt64 = 0
        if let g = gslot, case .list(let e) = program.fields[g].type {
            if let i = program.enums[e].index(of: "migrant_worker") { mig = 1 << UInt64(i) }
            if let i = program.enums[e].index(of: "model_worker") { mod = 1 << UInt64(i) }
        }
        migrantBit = mig
        modelBit = mod
        let aslot = program.fields.firstIndex { $0.key == "archive_type" }
        archiveTypeSlot = aslot
        if let a = aslot, case .choice(let e) = program.fields[a].type, let i = program.enums[e].index(of: "none") {
            archiveNone = Int32(i)
        } else {
            archiveNone = -1
        }
        perCapitaDefinition = program.definitions.firstIndex { $0.name == "人均月收入" }
        dibaoParameter = program.parameters.firstIndex { $0.name == "低保标准" }
    }
}
