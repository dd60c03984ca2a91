import NuanSupport
import NuanSyntax
/// Applies a checked program's field types to raw input values: the boundary where a record
/// becomes facts, or becomes `invalid` with a message naming the field and the value.
package struct RecordDecoder: Sendable {
    package let program: CheckedProgram
    /// English keys, Chinese labels and the contract's aliases (`HeaderAliases`) → field slot,
    /// as written.
    package let slotByName: [String: Int]
    /// The same names in `HeaderAliases.normalised` form, for a name not found as written.
    let slotByNormalisedName: [String: Int]
    /// Echo values in full in record errors (`--unmask`); otherwise a personal field's value is
    /// masked whole and any other value's ID- and phone-shaped parts are masked.
    package var unmask: Bool
    /// The language of record errors (the decision's).
    package var language: Language
    /// The `封闭` tables a record's key must reach.
    package let closedTables: ClosedTables

    package init(program: CheckedProgram, unmask: Bool = false, language: Language = .chinese) {
        self.program = program
        self.unmask = unmask
        self.language = language
        closedTables = ClosedTables(program)
        // Keys and labels first, so that an alias never takes a name a field declares.
        var m: [String: Int] = [:]
        for (i, f) in program.fields.enumerated() {
            m[f.key] = i
            if let l = f.label { m[l] = i }
        }
        for (i, f) in program.fields.enumerated() {
            for a in HeaderAliases.names(of: f.key) where m[a] == nil { m[a] = i }
        }
        slotByName = m
        var n: [String: Int] = [:]
        for (name, i) in m.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
            let k = HeaderAliases.normalised(name)
            if n[k] == nil || m[k] == i { n[k] = i }
        }
        slotByNormalisedName = n
    }

    /// The field a column header or JSON key names: its English key, its Chinese label or an
    /// alias, as written or in `HeaderAliases.normalised` form (`ID_NUMBER`, `身份证号码`).
    package func slot(forName name: String) -> Int? {
        slotByName[name] ?? slotByNormalisedName[HeaderAliases.normalised(name)]
    }

    /// Decodes one record's pairs. Unknown keys are returned in `extra`, untouched.
    package func decode(_ pairs: [(String, RawValue)], line: Int? = nil) -> (facts: Facts, errors: [RecordError], extra: [(String, RawValue)]) {
        var facts = Facts(program: program)
        var errors: [RecordError] = []
        var extra: [(String, RawValue)] = []
        for (k, v) in pairs {
            let slot = slot(forName: k)
            if slot.map({ program.fields[$0].key == "id" }) ?? HeaderAliases.isIDName(k) {
                if case .string(let s) = v { facts.id = s }
                if case .number(let s) = v { facts.id = s }
            }
            guard let slot else { extra.append((k, v)); continue }
            if let e = assign(slot, v, into: &facts) { errors.append(withLine(e, line)) }
        }
        errors += finish(&facts).map { withLine($0, line) }
        return (facts, errors, extra)
    }

    func withLine(_ e: RecordError, _ line: Int?) -> RecordError {
        var e = e
        e.line = e.line ?? line
        return e
    }

    /// After all values are assigned: required fields, then defaults, then closed tables.
    package func finish(_ facts: inout Facts) -> [RecordError] {
        var errors: [RecordError] = []
        for (i, f) in program.fields.enumerated() where f.required && !facts.given[i] {
            errors.append(RecordError(field: name(i), value: nil, reason: RecordMessage.required, language: language))
        }
        facts.applyDefaults(program)
        for miss in closedTables.misses(facts) {
            errors.append(RecordError(field: name(miss.slot), value: shown(miss.slot, miss.key),
                                      reason: RecordMessage.notInClosedTable(miss.table, rows: miss.rows), language: language))
        }
        return errors
    }

    package func name(_ slot: Int) -> String {
        let f = program.fields[slot]
        guard let label = f.label else { return f.key }
        return language == .english ? "\(f.key) (\(label))" : "\(label)（\(f.key)）"
    }

    /// The value as a record error may echo it.
    func shown(_ slot: Int, _ text: String) -> String {
        if unmask { return text }
        return program.fields[slot].isPersonal ? Privacy.mask(text) : Privacy.redact(text)
    }

    /// Assigns one raw value to a slot; an empty or null value means "not given".
    /// `cell`: the value is a CSV cell, which may also be written as Excel writes it
    /// (`CellValues`: dates `2022/1/5` and `2022年1月5日`, numbers `1,200.00` and `３０００`,
    /// lists split at `,` and `，` too, `无` for a list given as empty).
    package func assign(_ slot: Int, _ raw: RawValue, into facts: inout Facts, cell: Bool = false) -> RecordError? {
        switch raw {
        case .null: return nil
        case .string(let s) where s.trimmingSpaces.isEmpty: return nil
        default: break
        }
        let f = program.fields[slot]
        func bad(_ text: String, _ reason: Message) -> RecordError {
            RecordError(field: name(slot), value: shown(slot, text), reason: reason, language: language)
        }
        let value: Value
        switch f.type {
        case .number, .money:
            let text: String
            switch raw {
            case .number(let n): text = n
            case .string(let s): text = s.trimmingSpaces
            default: return bad(raw.json, RecordMessage.number)
            }
            guard let plain = cell ? CellValues.plainNumber(text) : text, let r = Rational.parse(plain) else { return bad(text, f.base == .integer ? RecordMessage.integer : RecordMessage.notANumber) }
            if f.base == .integer && !r.isInteger { return bad(text, RecordMessage.integer) }
            if f.type == .money, r.denominator != 1, 100 % r.denominator != 0 { return bad(text, RecordMessage.moneyPlaces) }
            if let lo = f.atLeast, r < lo { return bad(text, RecordMessage.atLeast("\(lo)")) }
            if let hi = f.atMost, r > hi { return bad(text, RecordMessage.atMost("\(hi)")) }
            value = .number(r)
        case .bool:
            switch raw {
            case .bool(let b): value = .bool(b)
            case .number("1"), .string("1"), .string("true"), .string("是"), .string("TRUE"), .string("True"): value = .bool(true)
            case .number("0"), .string("0"), .string("false"), .string("否"), .string("FALSE"), .string("False"): value = .bool(false)
            default: return bad(raw.json, RecordMessage.yesNo)
            }
        case .text:
            let text: String
            switch raw {
            case .string(let s): text = s.trimmingSpaces
            case .number(let n): text = n
            default: return bad(raw.json, RecordMessage.text)
            }
            if f.base == .idNumber, let p = IDNumber.check(text) { return bad(text, p) }
            if f.base == .idNumber, f.key == "id_number", let code = IDNumberCode.pack(text) { facts.idNumberCode = code }
            value = .text(text)
        case .date:
            guard case .string(let s) = raw else { return bad(raw.json, cell ? RecordMessage.cellDate : RecordMessage.date) }
            guard let d = cell ? CellValues.date(s.trimmingSpaces) : CivilDate.parse(s.trimmingSpaces) else {
                return bad(raw.json, cell ? RecordMessage.cellDate : RecordMessage.date)
            }
            value = .date(d)
        case .choice(let en):
            guard case .string(let s) = raw else { return bad(raw.json, RecordMessage.choice) }
            guard let i = program.enums[en].index(of: s.trimmingSpaces) else { return bad(s, RecordMessage.notAnOption(options(en))) }
            value = .choice(Int32(i))
        case .list(let en):
            var items: [String] = []
            switch raw {
            case .array(let xs):
                for x in xs {
                    guard case .string(let s) = x else { return bad(raw.json, RecordMessage.listOfText) }
                    items.append(s)
                }
            case .string(let s) where cell:
                // `无` is the empty list, unless it is one of the options (the fast path's reading)
                let t = s.trimmingSpaces
                let e = program.enums[en]
                items = t == CellValues.none && e.index(of: t) == nil ? [] : CellValues.listItems(t) { e.index(of: $0) != nil }
            case .string(let s):
                items = s.split(whereSeparator: { $0 == ";" || $0 == "、" || $0 == "；" }).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            default: return bad(raw.json, RecordMessage.list)
            }
            var mask: UInt64 = 0
            for s in items {
                guard let i = program.enums[en].index(of: s) else { return bad(s, RecordMessage.notAnOption(options(en))) }
                mask |= 1 << UInt64(i)
            }
            value = .set(mask)
        case .error:
            return nil
        }
        facts.values[slot] = value
        facts.given[slot] = true
        return nil
    }

    func options(_ en: Int) -> [String] {
        let e = program.enums[en]
        return e.codes.indices.map { i in e.labels[i].map { "\(e.codes[i]) \($0)" } ?? e.codes[i] }
    }
}

extension String {
    package var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\u{3000}" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\u{3000}" || c == "\r" { s.removeLast() }
        return String(s)
    }
}
