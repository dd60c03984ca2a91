import NuanSupport

/// One problem of a header row, found before any record is read: a value, like a diagnostic,
/// with a stable code and its message in both languages.
public struct HeaderProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Column `column` (1-based) names no field but is close to `suggestion`, a name of the
        /// field `key` that no other column gives (`家庭人数` → `家庭人口`).
        case nearMiss(column: Int, header: String, suggestion: String, key: String)
        /// No column names the required field `key`.
        case requiredMissing(key: String)
    }

    public var kind: Kind
    /// `header.did-you-mean` or `header.required-missing`.
    public var code: String
    public var message: Message

    /// A column the rules do not know (which `--keep-unknown-columns` declares intended).
    public var isUnknownColumn: Bool {
        if case .nearMiss = kind { return true }
        return false
    }
}

/// The header check (spec "Encodings", Headers): a pure function of a header row and the
/// program's fields. A column that is no field's key, label or alias (`HeaderAliases`) but close
/// to one — one edit for names of 3 to 7 characters, two from 8, none below 3 — is reported with
/// a did-you-mean, unless a column for that field is there already (a second phone column,
/// `联系电话2`, is an extra column, not a misspelling). A required field no column names is
/// reported at once, not as one invalid decision per record.
public enum HeaderCheck {
    public static func problems(header: [String], program: CheckedProgram) -> [HeaderProblem] {
        problems(header: header, decoder: RecordDecoder(program: program))
    }

    package static func problems(header: [String], decoder: RecordDecoder) -> [HeaderProblem] {
        let program = decoder.program
        let slots = header.map { decoder.slot(forName: $0) }
        let present = Set(slots.compactMap { $0 })
        // every name a field goes by, normalised, in field order (keys, then labels, then aliases)
        var known: [(name: String, chars: [Character], slot: Int)] = []
        for (i, f) in program.fields.enumerated() {
            for n in [f.key] + (f.label.map { [$0] } ?? []) + HeaderAliases.names(of: f.key) {
                known.append((n, Array(HeaderAliases.normalised(n)), i))
            }
        }
        var out: [HeaderProblem] = []
        for (c, h) in header.enumerated() where slots[c] == nil && !HeaderAliases.isIDName(h) {
            let chars = Array(HeaderAliases.normalised(h))
            var best: (distance: Int, name: String, slot: Int)?
            for k in known where !present.contains(k.slot) {
                let allowed = allowedEdits(min(chars.count, k.chars.count))
                guard allowed > 0, abs(chars.count - k.chars.count) <= allowed else { continue }
                let d = editDistance(chars, k.chars, limit: allowed)
                if d <= allowed, best.map({ d < $0.distance }) ?? true { best = (d, k.name, k.slot) }
            }
            guard let best else { continue }
            let f = program.fields[best.slot]
            let shown = Privacy.maskDigitRuns(h)
            out.append(HeaderProblem(kind: .nearMiss(column: c + 1, header: shown, suggestion: best.name, key: f.key),
                                     code: "header.did-you-mean",
                                     message: RecordMessage.didYouMean(column: c + 1, header: shown, suggestion: best.name,
                                                                       field: best.name == f.key ? f.display : f.key)))
        }
        for (i, f) in program.fields.enumerated() where f.required && !present.contains(i) {
            out.append(HeaderProblem(kind: .requiredMissing(key: f.key), code: "header.required-missing",
                                     message: RecordMessage.requiredColumnMissing(label: f.display, key: f.key,
                                                                                  aliases: HeaderAliases.names(of: f.key))))
        }
        return out
    }

    /// Edits a name of `length` characters may be off by and still be "close".
    static func allowedEdits(_ length: Int) -> Int { length >= 8 ? 2 : length >= 3 ? 1 : 0 }

    /// Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent
    /// transpositions); any value above `limit` means "further than limit".
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                cur[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > limit { return limit + 1 }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[b.count]
    }
}
