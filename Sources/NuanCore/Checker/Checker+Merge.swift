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
        case .example: return nil
        }
    }

    /// Applies the `继承` chain: parents' declarations first; `覆盖` replaces in place.
    mutating func merge(_ files: [RulesFile]) -> [Declaration] {
        var out: [Declaration] = []
        var position: [String: [Int]] = [:]
        var origin: [String: Int] = [:]  // which file declared it
        for (fi, file) in files.enumerated() {
            var replacedHere: Set<String> = []
            for d in file.declarations {
                guard let key = Checker.mergeKey(d) else { continue }
                let isCategory: Bool = { if case .category = d.kind { return true } else { return false } }()
                if let existing = position[key] {
                    let fromParent = origin[key]! < fi
                    if d.isOverride && fromParent {
                        if replacedHere.contains(key) {
                            out.append(d)
                            position[key]!.append(out.count - 1)
                        } else {
                            out[existing[0]] = d
                            for extra in existing.dropFirst() { out[extra] = tombstone(out[extra]) }
                            position[key] = [existing[0]]
                            replacedHere.insert(key)
                        }
                        continue
                    }
                    if isCategory && !fromParent && !d.isOverride {
                        // The base declares one category code per scheme (`适用`).
                        out.append(d)
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
                position[key] = [out.count - 1]
                origin[key] = fi
            }
        }
        return out.filter { !isTombstone($0) }
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
