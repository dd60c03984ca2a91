import NuanSupport
import NuanSyntax
extension Checker {
    static func mergeKey(_ d: Declaration) -> String? {
        switch d.kind {
        case .field(let f): return "字段 " + f.key
        case .parameter(let p): return "参数 " + p.name
        case .definition(let x): return "定义 " + x.name
        case .fund(let f): return "资金 " + f.code
        case .group(let g): return "对象 " + g.name
        case .category(let c): return "类别 " + c.code
        case .benefitGroup(let g): return (g.implicit ? "福利 " : "福利组 ") + g.name
        case .score(let s): return "评分 " + s.name
        case .validity(let v): return "无效 " + v.name
        case .assertion(let a): return "断言 " + a.name
        case .example: return nil
        }
    }

    /// Applies the `继承` chain: parents' declarations first; `覆盖` replaces in place.
    mutating func merge(_ files: [RulesFile]) -> [Declaration] {
        var out: [Declaration] = []
        var fileOf: [Int] = []  // the file each entry of `out` comes from
        var position: [String: [Int]] = [:]
        var origin: [String: Int] = [:]  // which file declared it
        for (fi, file) in files.enumerated() {
            var replacedHere: Set<String> = []
            var own: Set<Int> = []  // entries of `out` this file put there
            for var d in file.declarations {
                guard var key = Checker.mergeKey(d) else { continue }
                let isCategory: Bool = { if case .category = d.kind { return true } else { return false } }()
                if case .field(let f) = d.kind, f.defaultOnly {
                    guard d.isOverride else {
                        error("check.default-only", .defaultOnlyWithoutOverride(f.key), d.range)
                        continue
                    }
                    // Only the default changes: the parent's type, options, label and bounds stay.
                    // Named by its key or its label (`覆盖 字段 本年度退档 默认 是`).
                    if let k = position.first(where: { _, at in
                        if case .field(let p) = out[at[0]].kind { return p.key == f.key || p.label == f.key } else { return false }
                    })?.key { key = k }
                    guard let existing = position[key], case .field(var parent) = out[existing[0]].kind else {
                        error("check.override-missing", .overrideMissing(key, suggestion: Suggest.closest(to: key, in: Array(position.keys))), d.range)
                        continue
                    }
                    parent.defaultValue = f.defaultValue
                    if f.citation != nil { parent.citation = f.citation }
                    d.kind = .field(parent)
                }
                if let existing = position[key] {
                    let fromParent = origin[key]! < fi
                    if d.isOverride && fromParent, case .category(let c) = d.kind {
                        overrideCategory(d, c, fi, positions: &position[key]!, own: &own, out: &out, fileOf: &fileOf)
                        continue
                    }
                    if d.isOverride && fromParent {
                        if replacedHere.contains(key) {
                            out.append(d)
                            fileOf.append(fi)
                            position[key]!.append(out.count - 1)
                        } else {
                            out[existing[0]] = d
                            fileOf[existing[0]] = fi
                            for extra in existing.dropFirst() { out[extra] = tombstone(out[extra]) }
                            position[key] = [existing[0]]
                            replacedHere.insert(key)
                        }
                        continue
                    }
                    if isCategory && !fromParent && !d.isOverride {
                        // The base declares one category code per scheme (`适用`).
                        out.append(d)
                        fileOf.append(fi)
                        own.insert(out.count - 1)
                        position[key]!.append(out.count - 1)
                        continue
                    }
                    let first = out[existing[0]]
                    let message: Diagnostic.Message = fromParent ? .declaredInParent(key) : .declaredTwice(key)
                    error("check.duplicate", message, d.range, notes: [.init(.earlierDeclaration, range: first.range)])
                    continue
                }
                if d.isOverride {
                    let candidates = Array(position.keys)
                    error("check.override-missing", .overrideMissing(key, suggestion: Suggest.closest(to: key, in: candidates)), d.range)
                }
                out.append(d)
                fileOf.append(fi)
                own.insert(out.count - 1)
                position[key] = [out.count - 1]
                origin[key] = fi
            }
        }
        orderCategories(&out, fileOf: fileOf)
        return out.filter { !isTombstone($0) }
    }

    /// The `适用` window of a category version: all time when it has no dates.
    static func window(_ c: CategoryDecl) -> ClosedRange<Int32> {
        let from = c.appliesFrom ?? Int32.min, to = c.appliesTo ?? Int32.max
        return from <= to ? from...to : from...from
    }

    /// `覆盖 类别 X` replaces the parent's versions of X whose `适用` window overlaps its own and
    /// keeps the others (a 2019 override keeps the pre-2019 scheme). When one override stands for
    /// several versions, `check` warns and points at each version it drops.
    mutating func overrideCategory(_ d: Declaration, _ c: CategoryDecl, _ fi: Int, positions: inout [Int], own: inout Set<Int>,
                                   out: inout [Declaration], fileOf: inout [Int]) {
        let w = Checker.window(c)
        let hit = positions.filter { k in
            guard !own.contains(k), case .category(let p) = out[k].kind else { return false }
            return Checker.window(p).overlaps(w)
        }
        guard let first = hit.first else {
            out.append(d)
            fileOf.append(fi)
            own.insert(out.count - 1)
            positions.append(out.count - 1)
            return
        }
        if hit.count > 1 {
            let notes = hit.map { k -> Diagnostic.Note in
                guard case .category(let p) = out[k].kind else { return .init(.droppedVersion(nil, nil), range: out[k].range) }
                return .init(.droppedVersion(p.appliesFrom, p.appliesTo), range: out[k].range)
            }
            diagnostics.append(.warning("check.override-drops-versions", .overrideDropsVersions(c.code, hit.count), at: d.range, notes: notes))
        }
        out[first] = d
        fileOf[first] = fi
        own.insert(first)
        for extra in hit.dropFirst() { out[extra] = tombstone(out[extra]) }
        positions.removeAll { hit.dropFirst().contains($0) }
    }

    /// Categories are tried in declaration order, parents first, except that a child's `优先`
    /// categories go before every category of the files it extends (a grandchild's before a child's).
    func orderCategories(_ out: inout [Declaration], fileOf: [Int]) {
        let slots = out.indices.filter { if case .category = out[$0].kind { return true } else { return false } }
        func rank(_ k: Int) -> Int {
            if case .category(let c) = out[k].kind, c.beforeParents { return -(fileOf[k] + 1) }
            return 0
        }
        let sorted = slots.enumerated().sorted { a, b in
            let ra = rank(a.element), rb = rank(b.element)
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map { out[$0.element] }
        for (k, slot) in slots.enumerated() { out[slot] = sorted[k] }
    }

    func tombstone(_ d: Declaration) -> Declaration {
        var t = d
        t.kind = .example(ExampleDecl(title: "\u{0}removed", titleRange: .synthetic, citation: nil, inputs: [], expectations: []))
        return t
    }

    func isTombstone(_ d: Declaration) -> Bool {
        if case .example(let e) = d.kind { return e.title == "\u{0}removed" }
        return false
    }
}

/// "Did you mean …?" suggestions by edit distance over characters (works for Chinese names).
public enum Suggest {
    public static func closest(to name: String, in candidates: [String]) -> String? {
        let a = Array(name)
        // A name this long is no typo of a declared one (and the distance would be slow).
        guard a.count <= 64 else { return nil }
        var best: (String, Int)?
        for c in candidates where c != name && abs(c.count - a.count) <= max(1, a.count / 2) {
            let d = distance(a, Array(c))
            let limit = max(1, min(a.count, c.count) / 2)
            if d <= limit && (best == nil || d < best!.1) { best = (c, d) }
        }
        return best?.0
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = prev
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
