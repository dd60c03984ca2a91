import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain

/// The near-miss list (边缘名单, `--near-miss AMOUNT`): households that one change of a money
/// field within AMOUNT would make eligible — the list offices keep by hand — ranked by how
/// close they are, from each refusal's verified recourse.
extension BatchReport {
    /// One household near the line.
    public struct NearMiss: Sendable, Equatable {
        public var id: String
        public var key: String
        public var label: String
        public var from: Rational
        public var to: Rational
        /// How far the field would have to move (yuan).
        public var gap: Rational
        /// The total the changed record would be granted.
        public var total: Rational
        /// The record's place in the archive (ties keep input order).
        var order: Int
    }

    /// At most this many are kept (the nearest); `nearMissCount` counts them all.
    static let nearMissKept = 1000

    /// The nearest single money change among a refusal's recourse within the margin, if any.
    static func nearMiss(_ d: Decision, program: CheckedProgram, margin: Rational, order: Int) -> NearMiss? {
        guard d.status == .ineligible else { return nil }
        var best: NearMiss?
        for item in d.recourse where item.status == .eligible && item.changes.count == 1 {
            let c = item.changes[0]
            guard program.fields[c.slot].type == .money, case .number(let from)? = c.from, case .number(let to) = c.to,
                  let gap = (from > to ? from.subtracting(to) : to.subtracting(from)), gap <= margin else { continue }
            if let b = best, b.gap <= gap { continue }
            let f = program.fields[c.slot]
            best = NearMiss(id: d.id ?? "—", key: f.key, label: f.display, from: from, to: to, gap: gap, total: item.totalAmount, order: order)
        }
        return best
    }

    mutating func addNearMiss(_ m: NearMiss) {
        nearMissCount += 1
        nearMisses.append(m)
        if nearMisses.count > 2 * Self.nearMissKept { trimNearMisses() }
    }

    mutating func trimNearMisses() {
        nearMisses.sort { ($0.gap, $0.order) < ($1.gap, $1.order) }
        if nearMisses.count > Self.nearMissKept { nearMisses.removeLast(nearMisses.count - Self.nearMissKept) }
    }

    /// Merges another report's list; its records come after this report's `base` records.
    mutating func mergeNearMisses(_ other: BatchReport, base: Int) {
        nearMissCount += other.nearMissCount
        nearMisses += other.nearMisses.map { var m = $0; m.order += base; return m }
        trimNearMisses()
    }

    /// The list, nearest first (after `trimNearMisses`).
    public var nearMissList: [NearMiss] { nearMisses.sorted { ($0.gap, $0.order) < ($1.gap, $1.order) } }

    func nearMissJSON(unmask: Bool) -> String {
        guard let margin = nearMissMargin else { return "null" }
        var o = JSONObjectWriter(pretty: false)
        o.field("margin", JSONText.quote(margin.formatted(places: 2)))
        o.field("households", String(nearMissCount))
        o.field("nearest", "[" + nearMissList.map { m in
            var x = JSONObjectWriter(pretty: false)
            x.field("id", JSONText.quote(Privacy.shown(m.id, unmask: unmask)))
            x.field("field", JSONText.quote(m.key))
            x.field("from", JSONText.quote(m.from.formatted(places: 2)))
            x.field("to", JSONText.quote(m.to.formatted(places: 2)))
            x.field("gap", JSONText.quote(m.gap.formatted(places: 2)))
            x.field("total_amount", JSONText.quote(m.total.formatted(places: 2)))
            return x.close()
        }.joined(separator: ",") + "]")
        return o.close()
    }

    /// `边缘户（差 200.00 元以内即可符合）：3 户；最近：BB-0003 家庭月收入 5000.00 → 4950.00 元（差 50.00 元）…`
    func nearMissLine() -> Message? {
        guard let margin = nearMissMargin else { return nil }
        let shown = nearMissList.prefix(5).map { m in
            Message("\(m.id) \(m.label) \(m.from.formatted(places: 2)) → \(m.to.formatted(places: 2)) 元（差 \(m.gap.formatted(places: 2)) 元）",
                    "\(m.id) \(m.key) \(m.from.formatted(places: 2)) → \(m.to.formatted(places: 2)) (\(m.gap.formatted(places: 2)) yuan)")
        }
        var line = Message("边缘户（差 \(margin.formatted(places: 2)) 元以内即可符合）：\(nearMissCount) 户",
                           "Near misses (eligible within \(margin.formatted(places: 2)) yuan): \(nearMissCount) households")
        if !shown.isEmpty {
            line = line + Message("；最近：", "; nearest: ")
                + shown.dropFirst().reduce(shown[0]) { $0 + Message("；", "; ") + $1 }
        }
        return line
    }
}

extension HTMLReport {
    /// The near-miss table: the nearest households first (100 at most on the page).
    static func nearMissSection(_ r: BatchReport, unmask: Bool, _ t: Words) -> String {
        guard let margin = r.nearMissMargin else { return "" }
        let english = t.english
        var h = "<section>\n<h2>\(t(Message("边缘户（差 \(margin.formatted(places: 2)) 元以内即可符合）", "Near misses (eligible within \(margin.formatted(places: 2)) yuan)")))</h2>\n"
        h += "<p>\(t(Message("共 \(r.nearMissCount) 户；按差距由小到大。", "\(r.nearMissCount) households, nearest first.")))</p>\n"
        guard r.nearMissCount > 0 else { return h + "</section>\n" }
        h += "<table>\n<tr><th>\(t(Message("申请编号", "application")))</th><th>\(t(Message("项目", "field")))</th>"
        h += "<th>\(t(Message("现为", "now")))</th><th>\(t(Message("改为", "would be")))</th><th>\(t(Message("差距（元）", "gap (yuan)")))</th>"
        h += "<th>\(t(Message("可得（元）", "would get (yuan)")))</th></tr>\n"
        for m in r.nearMissList.prefix(100) {
            h += "<tr><td>\(escape(Privacy.shown(m.id, unmask: unmask)))</td><td>\(escape(english ? m.key : m.label))</td>"
            h += "<td class=\"num\">\(m.from.formatted(places: 2))</td><td class=\"num\">\(m.to.formatted(places: 2))</td>"
            h += "<td class=\"num\">\(m.gap.formatted(places: 2))</td><td class=\"num\">\(m.total.formatted(places: 2))</td></tr>\n"
        }
        return h + "</table>\n</section>\n"
    }
}
