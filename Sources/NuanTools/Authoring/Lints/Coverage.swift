import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// Gaps in what the rules cover.
///
/// - `lint.income-gap`: the categories bound the same money value (e.g. 扣除刚性支出后人均月收入)
///   with thresholds, and a band of it lies between two categories' bands with no category
///   covering it. Only the thresholds are read: every other condition of
///   a category can only make it narrower, so a gap found this way is certain; overlaps are not
///   reported, since categories are tried in order. Thresholds over a named line are compared as
///   multiples of it, assuming the line is positive.
/// - `lint.region-missing`: a region the checked file names (`所属地区 = "X"`, `属于 [..]`, or
///   the city of its `辖区`) has no row in a table keyed by region (the 低保 line), so every
///   applicant from there finds no figure.
enum Coverage {
    static func run(_ c: inout LintContext) {
        incomeGaps(&c)
        regions(&c)
    }

    static func bound(_ value: Rational, _ base: [String]) -> String {
        if base.isEmpty { return value.description }
        let b = base.joined(separator: " × ")
        return value == .one ? b : "\(value) × \(b)"
    }

    static func incomeGaps(_ c: inout LintContext) {
        let cats = c.program.categories
        guard cats.count > 1, cats.contains(where: { c.inMain($0.range) }) else { return }
        var keys = Set(c.conditions.boundKeys(cats[0].root))
        for cat in cats.dropFirst() { keys.formIntersection(c.conditions.boundKeys(cat.root)) }
        for key in keys.sorted() {
            var base: [String]?
            var bands: [(Conditions.Interval, Int)] = []
            var ok = true
            for (i, cat) in cats.enumerated() {
                guard let iv = c.conditions.interval(of: cat.root, key: key, base: &base) else { ok = false; break }
                if !iv.isEmpty { bands.append((iv, i)) }
            }
            guard ok, let base, !bands.isEmpty else { continue }
            bands.sort { a, b in
                guard let x = a.0.low else { return b.0.low != nil }
                guard let y = b.0.low else { return false }
                return x < y || (x == y && a.0.lowIncluded && !b.0.lowIncluded)
            }
            var gaps: [(zh: String, en: String, below: Int, above: Int)] = []
            var cover = bands[0].0, coverBy = bands[0].1
            for (iv, i) in bands.dropFirst() {
                guard let high = cover.high else { break }  // the bands so far reach every higher value
                if let low = iv.low, low > high || (low == high && !cover.highIncluded && !iv.lowIncluded) {
                    let band = low == high
                        ? (zh: "恰为 \(bound(low, base))", en: "exactly \(bound(low, base))")
                        : { let t = (cover.highIncluded ? "(" : "[") + bound(high, base) + ", " + bound(low, base) + (iv.lowIncluded ? ")" : "]")
                            return (zh: "在 \(t) 之间", en: "in \(t)") }()
                    gaps.append((band.zh, band.en, coverBy, i))
                }
                if iv.high == nil || iv.high! > high || (iv.high! == high && iv.highIncluded) {
                    cover.high = iv.high
                    cover.highIncluded = iv.highIncluded
                    coverBy = i
                }
            }
            for gap in gaps {
                let at = [gap.above, gap.below].first { c.inMain(cats[$0].range) } ?? cats.firstIndex { c.inMain($0.range) }!
                let b = gap.below
                var notes: [(LintText, SourceRange?)] = [(LintText(zh: "低于缺口的类别 \(cats[b].code) 在这里", en: "the category below the gap, \(cats[b].code), is here"), cats[b].range)]
                notes.append((LintText(zh: "高于缺口的类别 \(cats[gap.above].code) 在这里", en: "the category above the gap, \(cats[gap.above].code), is here"), cats[gap.above].range))
                let unit = base.joined(separator: " × ")
                notes.append((LintText(zh: "只比较了各类别对 \(key) 的门槛（其他条件只会让类别更窄，所以这一缺口一定存在）" + (base.isEmpty ? "" : "；按 \(unit) 的倍数比较，假定它为正数"),
                                       en: "only the thresholds on \(key) were compared (other conditions only narrow a category, so the gap is certain)" + (base.isEmpty ? "" : "; compared as multiples of \(unit), assumed positive")), nil))
                c.warn("lint.income-gap",
                       LintText(zh: "没有任何类别覆盖 \(key) \(gap.zh)的家庭：收入落在这里的家庭不会被认定为任何类别",
                                en: "no category covers households whose \(key) is \(gap.en): they are given no category"),
                       at: cats[at].range, notes: notes)
            }
        }
    }

    static func regions(_ c: inout LintContext) {
        let p = c.program
        for param in p.parameters where param.keyField != nil && c.used.contains(param.name) {
            let kf = param.keyField!
            var named: [(String, SourceRange)] = []
            for (i, n) in p.nodes.enumerated() where c.inMain(p.nodeRanges[i]) {
                func isKey(_ x: Int32) -> Bool { p.nodes[Int(x)].op == .field && Int(p.nodes[Int(x)].a) == kf }
                switch n.op {
                case .equal, .notEqual, .inSet, .notInSet:
                    let (key, other) = isKey(n.a) ? (n.a, n.b) : isKey(n.b) ? (n.b, n.a) : (-1, -1)
                    guard key >= 0, let members = c.conditions.members(other) else { continue }
                    for m in members.sorted() { named.append((m, p.nodeRanges[Int(other)])) }
                default: continue
                }
            }
            if let j = c.main.header.jurisdiction, let city = city(of: j) {
                named.append((city, rangeOf("\"\(j)\"", in: c.main.file) ?? c.main.header.titleRange))
            }
            var reported: Set<String> = []
            for (name, range) in named where param.rowIndex[name] == nil && reported.insert(name).inserted {
                c.warn("lint.region-missing",
                       LintText(zh: "本文件提到地区 “\(name)”，但参数 \(param.name) 的表中没有这一地区的行：这一地区的申请人查不到 \(param.name)",
                                en: "this file names the region ‘\(name)’, but the table \(param.name) has no row for it: applicants from there find no \(param.name)"),
                       at: range, notes: [(LintText(zh: "表 \(param.name) 在这里；没有数字时可写一行 \(name) = 待定", en: "the table \(param.name) is here; with no figure yet, add the row \(name) = 待定"), param.range)])
            }
        }
    }

    /// The city of a 辖区 such as “蚌埠市总工会” → 蚌埠市; nil for a province or the nation.
    static func city(of jurisdiction: String) -> String? {
        var s = jurisdiction
        for suffix in ["总工会", "工会"] where s.hasSuffix(suffix) { s.removeLast(suffix.count); break }
        for end in ["市", "州", "盟", "地区"] where s.hasSuffix(end) && s.count >= 2 && !s.contains("省") && !s.contains("自治区") {
            return s
        }
        return nil
    }

    static func rangeOf(_ needle: String, in file: SourceFile) -> SourceRange? {
        let n = Array(needle.utf8), b = file.bytes
        guard n.count <= b.count else { return nil }
        for i in 0...(b.count - n.count) where b[i] == n[0] && Array(b[i..<i + n.count]) == n {
            return SourceRange(file: file, start: i, end: i + n.count)
        }
        return nil
    }
}
