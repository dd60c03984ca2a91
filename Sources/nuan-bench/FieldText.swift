/// How one field of a `Record` is spelled, shared by the JSON Lines and CSV encoders.
///
/// Scalar values are written without quotes; the encoders add JSON quotes where `isString` says
/// so. No generated value contains a comma, quote, backslash or newline, so neither JSON
/// escaping nor CSV quoting is ever needed.
enum FieldText {
    /// The JSON shape of a field's value.
    enum Shape { case string, number, boolean, list }

    /// The shape of `field`'s value.
    static func shape(_ field: Field) -> Shape {
        switch field {
        case .id, .name, .idNumber, .employer, .phone, .region, .applicationDate, .archiveType, .archiveLevel:
            return .string
        case .householdSize, .householdMonthlyIncome, .rigidMonthlyExpenses:
            return .number
        case .receivesDibao, .archiveExitedThisYear, .inTransitionPeriod:
            return .boolean
        case .hardshipCauses, .groups:
            return .list
        }
    }

    /// Appends the unquoted text of a `.string` or `.number` field.
    static func scalar(_ field: Field, of r: Record, to w: ByteWriter) {
        switch field {
        case .id:
            w.append("BB-2022-")
            if r.serial < 10_000_000 { w.appendPadded(r.serial, width: 7) } else { w.appendInt(r.serial) }
        case .name:
            w.append(Names.surnames[r.surname])
            w.append(Names.given[r.given1])
            if r.given2 >= 0 { w.append(Names.given[r.given2]) }
        case .idNumber:
            IDNumber.write(area: r.idArea, birth: r.idBirth, seq: r.idSeq, corrupt: r.bad == .checkDigit, to: w)
        case .employer:
            w.append(Region.all[r.employerRegion].short)
            w.append(Names.employerKinds[r.employerKind])
        case .phone:
            w.append(0x31)
            w.appendPadded(r.phoneTail, width: 10)
        case .region:
            let region = Region.all[r.region]
            if r.regionAsCode { w.appendInt(region.code) } else { w.append(region.name) }
        case .applicationDate:
            w.appendPadded(r.applicationDate / 10_000, width: 4)
            w.append(0x2D)
            w.appendPadded(r.applicationDate / 100 % 100, width: 2)
            w.append(0x2D)
            w.appendPadded(r.applicationDate % 100, width: 2)
        case .householdSize:
            w.appendInt(r.householdSize)
        case .householdMonthlyIncome:
            w.appendYuan(fen: r.incomeFen, decimals: r.incomeDecimals)
        case .rigidMonthlyExpenses:
            w.appendYuan(fen: r.rigidFen, decimals: r.rigidDecimals)
        case .archiveType:
            w.append(Vocabulary.archiveTypes[r.archiveType])
        case .archiveLevel:
            w.append(Vocabulary.archiveLevels[r.archiveLevel])
        case .receivesDibao, .archiveExitedThisYear, .inTransitionPeriod, .hardshipCauses, .groups:
            // Not scalars: the writers take them through `boolean` and the list writers, and
            // never ask here (the generator's own fields, no input reaches this).
            break
        }
    }

    /// The value of a `.boolean` field.
    static func boolean(_ field: Field, of r: Record) -> Bool {
        switch field {
        case .receivesDibao: return r.receivesDibao
        case .archiveExitedThisYear: return r.exitedThisYear
        default: return r.inTransition
        }
    }

    /// The codes of a `.list` field, calling `body` once per element in order.
    @inline(__always)
    static func forEachItem(_ field: Field, of r: Record, _ body: ([UInt8]) -> Void) {
        if field == .hardshipCauses {
            for i in 0..<r.causeCount { body(Vocabulary.causes[r.cause(i)]) }
        } else {
            for i in 0..<r.groupCount { body(Vocabulary.groups[r.group(i)]) }
        }
    }
}
