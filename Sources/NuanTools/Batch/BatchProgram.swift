/// A checked program prepared for batch work: per-field byte tables for the fast record
/// readers, pre-rendered fragments of the decision JSON, and the slots the summary reads.
/// Built once per run; immutable and shared by every worker.
final class BatchProgram: @unchecked Sendable {
    enum Kind {
        case text, idNumber, number, integer, money, bool, date
        case choice(Int), list(Int)
        case ignored
    }

    struct FieldInfo {
        var slot: Int
        var kind: Kind
        /// Whether any rule (or the table lookup / date choice) reads the value; a field no
        /// rule reads is validated but its text is not materialised.
        var referenced: Bool
        var atLeast: Rational?
        var atMost: Rational?
        var required: Bool
    }

    struct EnumBytes {
        /// codes first, then labels; `index` gives the option index of each entry
        var names: [[UInt8]]
        var index: [Int]
    }

    let program: CheckedProgram
    let decoder: RecordDecoder
    /// Trivial values only (no reference counting when read on the hot path).
    let fields: [FieldInfo]
    let keyBytes: [[UInt8]]
    let labelBytes: [[UInt8]?]
    /// `"key":` for matching JSON keys in their expected order.
    let patterns: [[UInt8]]
    let enums: [EnumBytes]
    let idSlot: Int?
    /// `"rules":{…}` block, rendered once.
    let rulesJSON: [UInt8]
    /// Award JSON of each benefit by its index in the program: bytes before the amount and after it.
    let awardParts: [(prefix: [UInt8], suffix: [UInt8])?]
    /// Compact decisions (`--explain none`): see `DecisionJSON.compact`.
    let compact: Bool
    /// `--unmask`: personal numbers written in full.
    let unmask: Bool
    let requiredSlots: [Int]
    /// Summary inputs: the 人员类别 slot and the option indices of 农民工 / 劳动模范.
    let groupsSlot: Int?
    /// The 建档类型 slot and the index of its `none` option (an archived household is any other).
    let archiveTypeSlot: Int?
    let archiveNone: Int32
    let migrantBit: UInt64
    let modelBit: UInt64
    let incomeSlot: Int?
    let sizeSlot: Int?
    let dibaoParameter: Int?

    init(_ program: CheckedProgram, compact: Bool = false, unmask: Bool = false) {
        self.program = program
        self.compact = compact
        self.unmask = unmask
        decoder = RecordDecoder(program: program, unmask: unmask)
        var referenced = Set<Int>()
        for n in program.nodes where n.op == .field || n.op == .given { referenced.insert(Int(n.a)) }
        for p in program.parameters { if let k = p.keyField { referenced.insert(k) } }
        if let d = program.applicationDateField { referenced.insert(d) }
        // The 辖区 guard reads the region even when no rule does (a `--set` can replace the
        // table keyed by it): a field left undecoded here would read as empty and be refused.
        if !program.regionCodes.isEmpty, let r = program.fields.firstIndex(where: { $0.key == "region" }) { referenced.insert(r) }

        var fs: [FieldInfo] = []
        var req: [Int] = []
        for (i, f) in program.fields.enumerated() {
            let kind: Kind
            switch f.type {
            case .text: kind = f.base == .idNumber ? .idNumber : .text
            case .number: kind = f.base == .integer ? .integer : .number
            case .money: kind = .money
            case .bool: kind = .bool
            case .date: kind = .date
            case .choice(let e): kind = .choice(e)
            case .list(let e): kind = .list(e)
            case .error: kind = .ignored
            }
            fs.append(FieldInfo(slot: i, kind: kind, referenced: referenced.contains(i),
                                atLeast: f.atLeast, atMost: f.atMost, required: f.required))
            if f.required { req.append(i) }
        }
        fields = fs
        keyBytes = program.fields.map { Array($0.key.utf8) }
        labelBytes = program.fields.map { $0.label.map { Array($0.utf8) } }
        patterns = program.fields.map { [0x22] + Array($0.key.utf8) + [0x22, 0x3A] }
        requiredSlots = req
        enums = program.enums.map { e in
            var names: [[UInt8]] = [], index: [Int] = []
            for (i, c) in e.codes.enumerated() { names.append(Array(c.utf8)); index.append(i) }
            for (i, l) in e.labels.enumerated() { if let l { names.append(Array(l.utf8)); index.append(i) } }
            return EnumBytes(names: names, index: index)
        }
        idSlot = program.fields.firstIndex { $0.key == "id" }
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
        incomeSlot = program.fields.firstIndex { $0.key == "household_monthly_income" }
        sizeSlot = program.fields.firstIndex { $0.key == "household_size" }
        dibaoParameter = program.parameters.firstIndex { $0.name == "低保标准" }
    }

    /// The slot whose English key or Chinese label is exactly p[0..<n].
    func slot(named p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        for (i, k) in keyBytes.enumerated() {
            if k.count == n, k.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, n) == 0 }) { return i }
        }
        for (i, l) in labelBytes.enumerated() {
            if let l, l.count == n, l.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, n) == 0 }) { return i }
        }
        return nil
    }

    /// Option index of p[0..<n] in enum `e` (code first, then label), as `EnumInfo.index(of:)`.
    @inline(__always) func option(_ e: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        let t = enums[e]
        for k in t.names.indices {
            let name = t.names[k]
            if name.count == n, name.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, n) == 0 }) { return t.index[k] }
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
#endif
