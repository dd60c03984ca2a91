import NuanSupport
import NuanSyntax
/// One applicant's inputs, by field slot of a `CheckedProgram`: what the record said, after
/// decoding and validation. A field the record left out is `.unknown` (with its own slot as the
/// missing input) unless the rules declare a default.
public struct Facts: Sendable {
    public var values: [Value]
    /// Whether the record itself gave the field (false for defaults and missing fields).
    public var given: [Bool]
    /// The record's `id` (for the decision), when it had one.
    public var id: String?
    /// The contract's 身份证号 (`id_number`) as one number, 0 when not given or not valid:
    /// batch compares records by it (a repeated ID number) without keeping a String per record.
    package var idNumberCode: UInt64 = 0

    public init(program: CheckedProgram) {
        values = (0..<program.fields.count).map { .unknown(InputSet(slot: $0)) }
        given = Array(repeating: false, count: program.fields.count)
    }

    /// Resets to "nothing given" without reallocating (batch reuses one Facts per worker).
    public mutating func reset() {
        for i in values.indices { values[i] = .unknown(InputSet(slot: i)) }
        for i in given.indices { given[i] = false }
        id = nil
        idNumberCode = 0
    }

    /// Fills every field the record did not give from the rules' defaults.
    public mutating func applyDefaults(_ program: CheckedProgram) {
        for (i, f) in program.fields.enumerated() where !given[i] {
            if let d = f.defaultValue { values[i] = d }
        }
    }
}

/// A problem with one input record: the field, the value as given (masked when personal), and
/// the reason in a caseworker's words.
public struct RecordError: Sendable, Equatable {
    public var field: String
    public var value: String?
    /// In `language`, the language of the decision the error belongs to.
    public var reason: String
    /// Line (and column, for CSV) in the input file, when the record came from one.
    public var line: Int?
    public var language: Language

    public init(field: String, value: String?, reason: String, line: Int? = nil, language: Language = .chinese) {
        self.field = field
        self.value = value
        self.reason = reason
        self.line = line
        self.language = language
    }

    /// The reason given in both languages; kept in `language`.
    public init(field: String, value: String?, reason: Message, line: Int? = nil, language: Language = .chinese) {
        self.init(field: field, value: value, reason: reason.text(language), line: line, language: language)
    }

    public var message: String {
        var s = field.isEmpty ? reason : field + RecordMessage.fieldSeparator.text(language) + reason
        if let v = value { s += RecordMessage.value(v).text(language) }
        if let l = line { s = RecordMessage.line(l).text(language) + s }
        return s
    }
}
