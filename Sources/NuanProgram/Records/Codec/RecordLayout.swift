#if canImport(Glibc)
import Glibc
#endif
import NuanSupport
import NuanSyntax

/// A checked program's fields as the byte-level readers see them: per field its kind, bounds,
/// whether any rule reads it, and the bytes of its key, label and option names. Built once per
/// program (per run in batch); immutable and shared by every reader.
package final class RecordLayout: Sendable {
    package enum Kind: Sendable {
        case text, idNumber, number, integer, money, bool, date
        case choice(Int), list(Int)
        case ignored
    }

    package struct FieldInfo: Sendable {
        package var slot: Int
        package var kind: Kind
        /// Whether any rule (or the table lookup / date choice / 辖区 guard) reads the value; a
        /// field no rule reads is validated but its text is not materialised.
        package var referenced: Bool
        package var atLeast: Rational?
        package var atMost: Rational?
        package var required: Bool
    }

    package struct EnumBytes: Sendable {
        /// codes first, then labels; `index` gives the option index of each entry
        package var names: [[UInt8]]
        package var index: [Int]
    }

    package let program: CheckedProgram
    /// The general decoder: the fallback for every value the byte-level readers decline, and
    /// the author of every record error's wording.
    package let decoder: RecordDecoder
    /// Trivial values only (no reference counting when read on the hot path).
    package let fields: [FieldInfo]
    package let keyBytes: [[UInt8]]
    package let labelBytes: [[UInt8]?]
    /// `"key":` for matching JSON keys in their expected order.
    package let patterns: [[UInt8]]
    package let enums: [EnumBytes]
    package let idSlot: Int?
    /// The contract's 身份证号: its code goes to `Facts.idNumberCode`.
    package let idNumberSlot: Int?
    package let requiredSlots: [Int]

    /// `everyValue`: materialise every text value, read by a rule or not (one record on screen
    /// shows its name; batch skips what no rule reads).
    package init(_ program: CheckedProgram, unmask: Bool, everyValue: Bool = false, language: Language = .chinese) {
        self.program = program
        decoder = RecordDecoder(program: program, unmask: unmask, language: language)
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
            fs.append(FieldInfo(slot: i, kind: kind, referenced: everyValue || referenced.contains(i),
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
        idNumberSlot = program.fields.firstIndex { $0.key == "id_number" }
    }

    /// The slot p[0..<n] names: an English key or Chinese label exactly, else whatever
    /// `RecordDecoder.slot(forName:)` finds (an alias, `ID_NUMBER`), so both paths read a key
    /// alike; only a key that is none of these costs a String.
    package func slot(named p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        for (i, k) in keyBytes.enumerated() {
            if k.count == n, k.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, n) == 0 }) { return i }
        }
        for (i, l) in labelBytes.enumerated() {
            if let l, l.count == n, l.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, n) == 0 }) { return i }
        }
        return decoder.slot(forName: String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
    }

    /// Option index of p[0..<n] in enum `e` (code first, then label), as `EnumInfo.index(of:)`.
    @inline(__always) package func option(_ e: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        let t = enums[e]
        for k in t.names.indices {
            let name = t.names[k]
            if name.count == n, name.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, n) == 0 }) { return t.index[k] }
        }
        return nil
    }
}
