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
            var gaps: [(band: Message, below: Int, above: Int)] = []
            var cover = bands[0].0, coverBy = bands[0].1
            for (iv, i) in bands.dropFirst() {
                guard let high = cover.high else { break }  // the bands so far reach every higher value
                if let low = iv.low, low > high || (low == high && !cover.highIncluded && !iv.lowIncluded) {
                    let band = low == high
                        ? LintMessage.exactly(bound(low, base))
                        : LintMessage.between((cover.highIncluded ? "(" : "[") + bound(high, base) + ", " + bound(low, base) + (iv.lowIncluded ? ")" : "]"))
                    gaps.append((band, coverBy, i))
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
                var notes: [(Message, SourceRange?)] = [(LintMessage.categoryBelowGap(cats[b].code), cats[b].range)]
                notes.append((LintMessage.categoryAboveGap(cats[gap.above].code), cats[gap.above].range))
                notes.append((LintMessage.onlyThresholdsCompared(key, unit: base.isEmpty ? nil : base.joined(separator: " × ")), nil))
                c.warn("lint.income-gap", LintMessage.incomeGap(key, gap.band),
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
                       LintMessage.regionMissing(name, table: param.name),
                       at: range, notes: [(LintMessage.tableHere(param.name, region: name), param.range)])
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
