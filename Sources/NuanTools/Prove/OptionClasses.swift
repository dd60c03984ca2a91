import NuanSupport
import NuanSyntax
import NuanProgram
/// The values of a choice or list field that the rules can tell apart.
///
/// Options that every test treats alike (they sit in the same `属于` / `含任一` lists) form one
/// class; one option stands for its class. A list field's distinct values are then the sets of
/// classes, grouped again by the outcomes of all the tests that read the field, with the
/// smallest set kept for each outcome. Exact for the tests `=`, `≠`, `属于`, `不属于`, `含`,
/// `含任一`, `含全部`, `为空` against constants; a field used any other way keeps every option
/// (and, for a list, every subset while that stays small).
enum OptionClasses {
    /// Above this many classes a list field is not enumerated (2^n sets).
    static let maxListClasses = 14

    /// Option indices, one per class (lowest first); nil when the field is not a choice.
    static func choiceValues(_ slot: Int, _ p: CheckedProgram, _ t: ProgramTests) -> [Int]? {
        guard case .choice(let en) = p.fields[slot].type else { return nil }
        let n = p.enums[en].codes.count
        if t.opaque.contains(slot) { return Array(0..<n) }
        return classes(n, t.masks[slot] ?? []).map { $0.first! }
    }

    /// Option masks standing for every distinct value of a list field, or nil when there are
    /// more than `maxListClasses` classes (the caller reports the field as too large).
    static func listValues(_ slot: Int, _ p: CheckedProgram, _ t: ProgramTests) -> [UInt64]? {
        guard case .list(let en) = p.fields[slot].type else { return nil }
        let n = min(p.enums[en].codes.count, 63)
        let tests = t.masks[slot] ?? []
        let groups = t.opaque.contains(slot) ? (0..<n).map { [$0] } : classes(n, tests)
        guard groups.count <= maxListClasses else { return nil }
        let reps = groups.map { UInt64(1) << UInt64($0.first!) }
        var best: [[Bool]: UInt64] = [:]
        var order: [[Bool]] = []
        for subset in 0..<(1 << reps.count) {
            var mask: UInt64 = 0
            for (k, r) in reps.enumerated() where subset & (1 << k) != 0 { mask |= r }
            // Opaque fields: every subset is its own value.
            let key = t.opaque.contains(slot) ? [Bool](repeating: false, count: 1) + bits(mask) : outcome(mask, tests)
            if let old = best[key] {
                if mask.nonzeroBitCount < old.nonzeroBitCount { best[key] = mask }
            } else {
                best[key] = mask
                order.append(key)
            }
        }
        return order.map { best[$0]! }
    }

    static func bits(_ m: UInt64) -> [Bool] { (0..<64).map { m & (1 << UInt64($0)) != 0 } }

    static func outcome(_ s: UInt64, _ tests: [(op: CheckedProgram.Node.Op, mask: UInt64)]) -> [Bool] {
        tests.map { t in
            switch t.op {
            case .containsAny: return s & t.mask != 0
            case .containsAll: return s & t.mask == t.mask
            case .isEmpty: return s == 0
            case .equal, .notEqual: return s == t.mask
            default: return s & t.mask != 0
            }
        }
    }

    /// Options grouped by the tests they appear in, in option order.
    static func classes(_ n: Int, _ tests: [(op: CheckedProgram.Node.Op, mask: UInt64)]) -> [[Int]] {
        var bySignature: [[Bool]: Int] = [:]
        var out: [[Int]] = []
        for o in 0..<n {
            let sig = tests.map { $0.mask & (1 << UInt64(o)) != 0 }
            if let k = bySignature[sig] { out[k].append(o) } else {
                bySignature[sig] = out.count
                out.append([o])
            }
        }
        return out
    }
}
