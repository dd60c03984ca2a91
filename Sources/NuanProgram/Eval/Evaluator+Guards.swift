import NuanSupport
import NuanSyntax
/// The guards around a decision: the 辖区 (a record from outside is invalid), the record-
/// validity rules (`无效`), and the warnings that leave the decision as it is (an application
/// date outside `生效`, a 未确认 figure used). Nothing here allocates for a record that passes.
extension Evaluator {
    mutating func checkGuards(_ decision: inout Decision, language: Language) {
        let before = decision.errors.count
        defer { guardFailed = decision.errors.count > before }
        checkJurisdiction(&decision, language: language)
        for (k, root) in plan.validityRoots.enumerated() {
            // Unknown has no effect: only a condition that holds makes the record invalid.
            guard case .bool(true) = eval(root) else { continue }
            decision.errors.append(validityError(k, language: language))
        }
    }

    /// The error of validity rule `k` (`无效`), which holds for the record: worded once per
    /// rule and language (the same texts, so a writer can recognise them).
    mutating func validityError(_ k: Int, language: Language) -> RecordError {
        let slot = 2 * k + (language == .chinese ? 0 : 1)
        if slot < validityErrors.count, let e = validityErrors[slot] { return e }
        let rule = program.validityRules[k]
        let names = rule.fields.map { program.fields[$0].display }
        let e = RecordError(field: names.joined(separator: language == .chinese ? "、" : ", "), value: nil,
                            reason: EvalMessage.validityRule(rule.message, rule: rule.name, citation: rule.citation), language: language)
        if slot < validityErrors.count { validityErrors[slot] = e }
        return e
    }

    /// A region that lies outside the 辖区, or that no division table can place, is invalid;
    /// a missing region is left to the rules that need it (unknown is not invalid).
    mutating func checkJurisdiction(_ decision: inout Decision, language: Language) {
        checkJurisdiction(errors: &decision.errors, language: language)
    }

    /// `checkJurisdiction`, its error appended to `errors`.
    mutating func checkJurisdiction(errors: inout [RecordError], language: Language) {
        guard plan.regionField >= 0, !plan.jurisdictionKeys.isEmpty,
              case .text(let region) = facts.values[Int(plan.regionField)] else { return }
        // An archive repeats its regions: the last few are compared byte for byte, not hashed.
        let lang = language == .chinese ? 0 : 1
        if let known = recentRegions[lang].find(region) {
            if known >= 0 { errors.append(regionErrors[Int(known)]) }
            return
        }
        let error = jurisdictionError(region, language: language)
        var index: Int32 = -1
        if let error {
            // an archive of many refused regions: the errors kept start again (and what refers to them)
            if regionErrors.count >= 4 * RecentTexts<Int32>.capacity {
                regionErrors.removeAll()
                recentRegions = [RecentTexts(), RecentTexts()]
            }
            index = Int32(regionErrors.count)
            regionErrors.append(error)
            errors.append(error)
        }
        recentRegions[lang].add(region, index)
    }

    /// The error of a record from `region` (nil: inside the 辖区).
    mutating func jurisdictionError(_ region: String, language: Language) -> RecordError? {
        guard !plan.jurisdictionKeys.contains(region), !regionsInside.contains(region) else { return nil }
        let cacheKey = language == .chinese ? region : "en\u{1F}" + region
        if let e = jurisdictionCache[cacheKey] { return e }
        let code = Gazetteer.code(of: region)
        if let code, program.regionCodes.contains(where: { Gazetteer.contains($0, code) }) {
            if regionsInside.count < 4096 { regionsInside.insert(region) }
            return nil
        }
        let field = program.fields[Int(plan.regionField)].display
        // `所属地区：哈尔滨市 不在本规则辖区（蚌埠市）内`
        let reason = code == nil ? EvalMessage.unknownRegion(region, scope: program.regionNames)
                                 : EvalMessage.outsideJurisdiction(region, scope: program.regionNames)
        let error = RecordError(field: field, value: nil, reason: reason, language: language)
        if jurisdictionCache.count < 4096 { jurisdictionCache[cacheKey] = error }
        return error
    }

    mutating func addWarnings(_ decision: inout Decision, language: Language) {
        addWarnings(to: &decision.warnings, language: language)
    }

    /// The warnings of the record just evaluated, appended to `warnings` (a decision's, or a
    /// `DecisionLine`'s kept from record to record).
    mutating func addWarnings(to warnings: inout [DecisionWarning], language: Language) {
        let lang: Int64 = language == .chinese ? 0 : 1
        if let slot = program.applicationDateField, facts.given[slot], case .date(let d) = facts.values[slot],
           let from = program.inForceFrom, let to = program.inForceTo, d < from || d > to {
            let key = lang << 62 | Int64(d) & 0xFFFF_FFFF
            if let w = warningCache[key] { warnings.append(w) } else {
                let (a, f, t) = (CivilDate.format(d), CivilDate.format(from), CivilDate.format(to))
                let w = DecisionWarning(code: "period", message: EvalMessage.outsidePeriod(a, from: f, to: t).text(language))
                remember(w, key)
                warnings.append(w)
            }
        }
        if missingRowParameter >= 0, Int(missingRowParameter) < program.parameters.count {
            let p = program.parameters[Int(missingRowParameter)]
            let field = p.keyField.map { program.fields[$0].display } ?? ""
            warnings.append(DecisionWarning(code: "no_table_row",
                message: EvalMessage.noTableRow(field: field, key: missingRowKey, table: p.name).text(language)))
        }
        if unconfirmedParameter >= 0 {
            let (pi, ri) = (unconfirmedParameter, unconfirmedRow)
            let key = lang << 62 | 1 << 61 | Int64(pi) << 32 | Int64(UInt32(bitPattern: ri))
            if let w = warningCache[key] { warnings.append(w) } else {
                let p = program.parameters[Int(pi)]
                var what = Message(both: p.name)
                if ri >= 0, Int(ri) < p.rows.count {
                    let row = p.rows[Int(ri)]
                    what = what + EvalMessage.row(row.keys.first ?? "", from: row.from.map { CivilDate.format($0) })
                }
                let w = DecisionWarning(code: "unconfirmed", message: EvalMessage.unconfirmed(what).text(language))
                remember(w, key)
                warnings.append(w)
            }
        }
    }

    /// Keeps a worded warning (bounded: an archive of many distinct dates stops caching).
    mutating func remember(_ w: DecisionWarning, _ key: Int64) {
        if warningCache.count < 4096 { warningCache[key] = w }
    }
}

extension Evaluator {
    /// The inputs the validity rules still wait on (their conditions unknown), for the
    /// interview: a field that could make the record invalid is worth asking.
    mutating func validityWaitingOn() -> InputSet {
        var m = InputSet.empty
        for root in plan.validityRoots {
            let v = eval(root)
            if case .unknown(let x) = v { m = m.union(x) }
        }
        return m
    }
}
