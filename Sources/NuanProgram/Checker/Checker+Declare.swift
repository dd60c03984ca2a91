import NuanSupport
import NuanSyntax
extension Checker {
    mutating func addSymbol(_ name: String, _ s: Symbol, _ range: SourceRange) {
        if let prev = symbolRanges[name] {
            error("check.name-clash", .nameInUse(name), range, notes: [.init(.earlierDeclaration, range: prev)])
            return
        }
        symbols[name] = s
        symbolRanges[name] = range
    }

    /// First pass: every name gets a symbol so declarations may refer to each other in any order.
    mutating func declare(_ decls: [Declaration]) {
        program.enums.append(EnumInfo(codes: ["none", "deep", "relative", "accidental"],
                                      labels: ["不符合建档条件", "深度困难", "相对困难", "意外致困"]))
        program.categoryEnum = 0
        symbols["认定类别"] = .category
        symbols["category"] = .category
        // Fields first: a table parameter (`按 所属地区`) may come before the field it is keyed by.
        for d in decls { if case .field(let f) = d.kind { declareField(f) } }
        for d in decls {
            switch d.kind {
            case .parameter(let p): declareParameter(p, overridden: d.isOverride)
            case .definition(let x):
                definitionDecls[x.name] = x
                addSymbol(x.name, .definition(x.name), x.nameRange)
            case .group(let g):
                groupDecls[g.name] = g
                addSymbol(g.name, .group(g.name), g.nameRange)
            default: break
            }
        }
        program.applicationDateField = program.fieldIndex(named: "application_date")
    }

    mutating func declareField(_ f: FieldDecl) {
        var type: ValueType
        switch f.type.base {
        case .integer, .number: type = .number
        case .money: type = .money
        case .boolean: type = .bool
        case .text, .idNumber, .phone: type = .text
        case .date: type = .date
        case .choice, .list:
            var seen: Set<String> = []
            for o in f.type.options {
                if !seen.insert(o.code).inserted || (o.label.map { !seen.insert($0).inserted } ?? false) {
                    error("check.duplicate-option", .duplicateOption(o.code), o.range)
                }
            }
            if f.type.base == .list && f.type.options.count > 64 {
                error("check.too-many-options", .tooManyOptions, f.type.range)
            }
            program.enums.append(EnumInfo(codes: f.type.options.map(\.code), labels: f.type.options.map(\.label),
                                          aliases: f.type.options.map(\.aliases)))
            type = f.type.base == .choice ? .choice(program.enums.count - 1) : .list(program.enums.count - 1)
        }
        if f.undeterminedIfMissing, let other = f.defaultValue != nil ? "默认" : f.required ? "必填" : nil {
            error("check.field-policy", .fieldPolicyClash(f.key, other, "缺失则待定"), f.nameRange)
        }
        let index = program.fields.count
        var field = CheckedProgram.Field(key: f.key, label: f.label, type: type, base: f.type.base, defaultValue: nil,
                                         atLeast: nil, atMost: nil, required: f.required, range: f.nameRange)
        field.notProposable = f.notProposable
        field.atLeast = f.atLeast.flatMap { constantNumber($0, .atLeast) }
        field.atMost = f.atMost.flatMap { constantNumber($0, .atMost) }
        if let dv = f.defaultValue { field.defaultValue = constantValue(dv, type: type) }
        program.fields.append(field)
        addSymbol(f.key, .field(index), f.nameRange)
        if let l = f.label, l != f.key { addSymbol(l, .field(index), f.nameRange) }
    }

    func literalNumber(_ e: Expr) -> (Rational, Unit?)? {
        switch e.kind {
        case .number(let r, let u): return (r, u)
        case .negate(let inner): return literalNumber(inner).map { ($0.0.negated, $0.1) }
        default: return nil
        }
    }

    mutating func constantNumber(_ e: Expr, _ keyword: Keyword) -> Rational? {
        guard let (r, _) = literalNumber(e) else {
            error("check.constant", .expectedConstant(after: keyword), e.range)
            return nil
        }
        return r
    }

    /// Defaults are literals of the field's type (`默认 0 元`, `默认 否`, `默认 []`, `默认 none`).
    mutating func constantValue(_ e: Expr, type: ValueType) -> Value? {
        switch (type, e.kind) {
        case (.bool, .bool(let b)): return .bool(b)
        case (.money, _), (.number, _):
            if let (r, _) = literalNumber(e) { return .number(r) }
        case (.text, .string(let s)): return .text(s)
        case (.date, .date(let d)): return .date(d)
        case (.choice(let en), .name(let n)):
            if let i = program.enums[en].index(of: n) { return .choice(Int32(i)) }
        case (.list(let en), .list(let items)):
            var mask: UInt64 = 0
            for it in items {
                guard case .name(let n) = it.kind, let i = program.enums[en].index(of: n) else {
                    error("check.default", .defaultNotAnOption(it.range.quoted), it.range)
                    return nil
                }
                mask |= 1 << UInt64(i)
            }
            return .set(mask)
        default: break
        }
        error("check.default", .defaultType(e.range.quoted, type), e.range)
        return nil
    }

    mutating func declareParameter(_ p: ParameterDecl, overridden: Bool) {
        let type: ValueType = (p.unit?.isMoney ?? false) ? .money : .number
        var param = CheckedProgram.Parameter(name: p.name, unit: p.unit, type: type, value: nil, keyField: nil, rows: [],
                                             rowIndex: [:], unconfirmed: p.unconfirmed, citation: p.citation?.text,
                                             overridden: overridden, range: p.nameRange)
        if let v = p.value {
            guard let (r, u) = literalNumber(v) else {
                error("check.parameter", .parameterValue, v.range)
                return
            }
            if let u, u.isMoney != (p.unit?.isMoney ?? false) {
                error("type.unit", .parameterUnit, v.range)
            }
            checkFigure(r, unit: p.unit ?? u, parameter: p.name, v.range)
            param.value = r
        }
        param.closed = p.closed
        if let kf = p.keyField {
            guard case .field(let fi)? = symbols[kf] else {
                let hint = Suggest.closest(to: kf, in: program.fields.flatMap { [$0.key] + ($0.label.map { [$0] } ?? []) })
                error("check.unknown-name", .unknownKeyField(kf, suggestion: hint), p.keyFieldRange ?? p.nameRange)
                return
            }
            guard program.fields[fi].type == .text else {
                error("type.mismatch", .keyFieldNotText(kf), p.keyFieldRange ?? p.nameRange)
                return
            }
            param.keyField = fi
            for row in p.rows {
                var value: Rational?
                if let v = row.value {
                    guard let (r, u) = literalNumber(v) else {
                        error("check.parameter", .tableValue, v.range)
                        continue
                    }
                    if let u, u.isMoney != (p.unit?.isMoney ?? false) {
                        error("type.unit", .rowUnit(u, parameter: p.unit), v.range)
                    }
                    checkFigure(r, unit: p.unit ?? u, parameter: "\(p.name) [\(row.keys.first ?? "")]", v.range)
                    value = r
                }
                param.rows.append(.init(keys: row.keys, value: value, from: row.from, unconfirmed: row.unconfirmed || p.unconfirmed,
                                        citation: row.citation?.text ?? p.citation?.text))
                for k in row.keys { param.rowIndex[k, default: []].append(param.rows.count - 1) }
            }
            for (k, list) in param.rowIndex {
                param.rowIndex[k] = list.sorted { (param.rows[$0].from ?? Int32.min) < (param.rows[$1].from ?? Int32.min) }
                let dates = list.map { param.rows[$0].from }
                if Set(dates.map { $0 ?? Int32.min }).count != dates.count {
                    error("check.duplicate-row", .duplicateRow(k, table: p.name), p.nameRange)
                }
            }
        }
        program.parameters.append(param)
        addSymbol(p.name, .parameter(program.parameters.count - 1), p.nameRange)
    }

    /// `--set 低保标准=750` replaces a parameter (every row of a table); `--set 低保标准[蚌埠市]=750`
    /// one row — the row the key names, under any of its keys (`蚌埠市 | 340300`), its short
    /// form (蚌埠) or a district's code, and every dated version of it. Each figure passes the
    /// checks a figure in a rules file passes (`Checker+Values`).
    mutating func applyOverrides(_ overrides: [(name: String, value: String)]) {
        for (rawName, text) in overrides {
            var name = rawName
            var key: String?
            if let open = rawName.firstIndex(of: "["), rawName.hasSuffix("]") {
                name = String(rawName[..<open])
                key = String(rawName[rawName.index(after: open)..<rawName.index(before: rawName.endIndex)])
            }
            // A figure, optionally with its unit as a rules file writes it (`750`, `750 元/月`,
            // `750元/月`); anything else after the number is refused, not ignored.
            let (numberText, writtenUnit) = Checker.figureAndUnit(text)
            guard let value = Rational.parse(numberText) else {
                error("set.value", .setValueNotNumber(EchoText.excerpt(rawName), EchoText.excerpt(text)), .synthetic)
                continue
            }
            guard let i = program.parameters.firstIndex(where: { $0.name == name }) else {
                let hint = Suggest.closest(to: name, in: program.parameters.map(\.name))
                error("set.unknown", .setUnknownParameter(EchoText.excerpt(name), suggestion: hint), .synthetic)
                continue
            }
            var p = program.parameters[i]
            if let u = writtenUnit, let pu = p.unit, u != pu, u.isMoney != pu.isMoney || !u.isMoney {
                error("set.value", .setWrongUnit(EchoText.excerpt(rawName), EchoText.excerpt(text), pu), .synthetic)
                continue
            }
            if let problem = Checker.problem(value, unit: p.unit) {
                error("set.value", .setBadFigure(rawName, text, .badFigure(problem, what: name, value: value, unit: p.unit, written: numberText)), .synthetic)
                continue
            }
            if let key {
                guard p.keyField != nil else {
                    error("set.row", .setNotATable(name), .synthetic)
                    continue
                }
                // The row a record naming `key` would reach (short forms, district codes: Gazetteer).
                let reach = program.fields[p.keyField ?? 0].key == "region" ? Gazetteer.widenRegionIndex(p.rowIndex) : p.rowIndex
                guard let rows = reach[key] ?? Gazetteer.fallbackKeys(key).lazy.compactMap({ reach[$0] }).first else {
                    error("set.row", .setUnknownRow(name, EchoText.excerpt(key), known: Checker.rowNames(p)), .synthetic)
                    continue
                }
                // The row under all its keys, so a record naming the city by its code finds it too.
                var keys: [String] = []
                for r in rows { for k in p.rows[r].keys where !keys.contains(k) { keys.append(k) } }
                p.rows.append(CheckedProgram.TableRow(keys: keys, value: value, from: nil, unconfirmed: false, citation: "命令行 --set"))
                for k in keys { p.rowIndex[k] = [p.rows.count - 1] }
            } else {
                p.keyField = nil
                p.rows = []
                p.rowIndex = [:]
                p.value = value
                p.citation = "命令行 --set"
                p.unconfirmed = false
            }
            program.parameters[i] = p
            // Exact: the text is read back (nuan explain, nuan replay) and must give this value.
            program.overrides.append("\(rawName)=\(value.exactDecimal)")
        }
    }

    /// A table's rows as a message lists them: each row's keys joined by `|`, once.
    static func rowNames(_ p: CheckedProgram.Parameter) -> [String] {
        var out: [String] = []
        for r in p.rows {
            let name = r.keys.joined(separator: " | ")
            if !out.contains(name) { out.append(name) }
        }
        return out
    }

    /// `text` split into its number and a trailing unit word (`750元/月` → `750`, 元/月).
    static func figureAndUnit(_ text: String) -> (String, Unit?) {
        let t = text.trimmingCharacters(in: .whitespaces)
        for u in Unit.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count }) where t.hasSuffix(u.rawValue) {
            return (String(t.dropLast(u.rawValue.count)).trimmingCharacters(in: .whitespaces), u)
        }
        return (t, nil)
    }
}
