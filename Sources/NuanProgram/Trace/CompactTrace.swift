import NuanSupport
import NuanSyntax
/// The compact trace of a batch run (`nuan batch --trace FILE`): one entry per decision, in
/// input order, from which `nuan explain` renders any view of any decision later, with the
/// rules file. An entry keeps the record's inputs as the rules read them (every field's value
/// and whether the record gave it) and the outcome (status, category, awards by rule index,
/// total, score, counts of missing inputs and warnings): explain decides the record again with
/// the interpreter, the reference, and refuses if the outcome differs from the stored one.
///
/// Privacy: the trace never holds a full ID or phone number. A personal field (身份证号, 电话)
/// is kept masked (`Privacy.mask`, as every view shows it), every other text redacted
/// (`Privacy.redact`); so is the record id and an invalid record's error text.
///
/// Layout (all integers little-endian; `varint` is LEB128, signed ones zig-zag):
///
///     "NUANTRACE\n" version(1)                      magic
///     len(u32) header(len) fnv32(u32)               rules digest, title, version, overrides, fields, benefits
///     'R' len(u32) entry(len) fnv32(u32)            one per decision, in input order
///     …
///     'E' count(u64) fnv32(count)(u32) "NUANEND\n"  the trailer: the trace is whole
///
/// A run that fails leaves no trace file (it is staged with the other outputs).
public enum CompactTrace {
    static let magic: [UInt8] = Array("NUANTRACE\n".utf8)
    static let version: UInt8 = 1
    static let endMagic: [UInt8] = Array("NUANEND\n".utf8)
    static let entryLead: UInt8 = 0x52    // R
    static let endLead: UInt8 = 0x45      // E
    static let trailerSize = 1 + 8 + 4 + 8

    /// What the trace says about the rules that made it.
    public struct Header: Sendable, Equatable {
        /// `CheckedProgram.chainSHA256`: the main file and every file it extends.
        public var digest: String
        public var title: String
        public var rulesVersion: String?
        /// The `--set` overrides of the run, as `name=value` (re-applied by explain).
        public var overrides: [String]
        public var fieldCount: Int
        /// FNV-1a of the field keys, one a line: the record layout the entries are written in.
        public var fieldKeys: UInt64
        public var benefitCount: Int

        public init(program: CheckedProgram) {
            digest = program.chainSHA256
            title = program.title
            rulesVersion = program.version
            overrides = program.overrides
            fieldCount = program.fields.count
            fieldKeys = Self.keysHash(program)
            benefitCount = program.benefits.count
        }

        init(digest: String, title: String, rulesVersion: String?, overrides: [String], fieldCount: Int, fieldKeys: UInt64, benefitCount: Int) {
            self.digest = digest
            self.title = title
            self.rulesVersion = rulesVersion
            self.overrides = overrides
            self.fieldCount = fieldCount
            self.fieldKeys = fieldKeys
            self.benefitCount = benefitCount
        }

        static func keysHash(_ program: CheckedProgram) -> UInt64 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for f in program.fields {
                for b in f.key.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
                h = (h ^ 0x0A) &* 0x100_0000_01b3
            }
            return h
        }

        /// The overrides as `--set` pairs (split at the first `=`).
        public var overridePairs: [(name: String, value: String)] {
            overrides.map { s in
                guard let eq = s.firstIndex(of: "=") else { return (s, "") }
                return (String(s[..<eq]), String(s[s.index(after: eq)...]))
            }
        }
    }

    /// The outcome an entry keeps: enough of the decision to tell whether deciding the record
    /// again gives the same one.
    public struct Outcome: Sendable, Equatable {
        public var status: Decision.Status
        public var category: String
        /// The awards' rule indices (`Decision.Award.benefitIndex`), in order.
        public var awards: [Int]
        public var total: Rational
        public var score: Rational?
        public var missing: Int
        public var warnings: Int

        public init(_ d: Decision) {
            status = d.status
            category = d.category
            awards = d.awards.map(\.benefitIndex)
            total = d.totalAmount
            score = d.score
            missing = d.missing.count
            // a repeated ID number is the batch's own warning, not the rules'
            warnings = d.warnings.count
        }

        init(status: Decision.Status, category: String, awards: [Int], total: Rational, score: Rational?, missing: Int, warnings: Int) {
            self.status = status
            self.category = category
            self.awards = awards
            self.total = total
            self.score = score
            self.missing = missing
            self.warnings = warnings
        }
    }

    /// One decision of the trace.
    public enum Entry: Sendable {
        /// A record that was read and decided: its inputs, ready to decide again.
        case decided(Facts, Outcome)
        /// A record that could not be read (bad JSON, a wrong ID check digit, a broken CSV row):
        /// its id and the errors as the batch found them (line numbers of the archive).
        case unread(id: String?, name: String?, errors: [RecordError], Outcome)

        public var id: String? {
            switch self {
            case .decided(let f, _): return f.id
            case .unread(let id, _, _, _): return id
            }
        }

        public var outcome: Outcome {
            switch self {
            case .decided(_, let o), .unread(_, _, _, let o): return o
            }
        }
    }

    static func statusCode(_ s: Decision.Status) -> UInt8 {
        switch s {
        case .eligible: return 0
        case .ineligible: return 1
        case .undetermined: return 2
        case .invalid: return 3
        }
    }

    static func status(_ c: UInt8) -> Decision.Status? {
        switch c {
        case 0: return .eligible
        case 1: return .ineligible
        case 2: return .undetermined
        case 3: return .invalid
        default: return nil
        }
    }

    /// FNV-1a, 32 bits: each entry's and the header's check.
    @inline(__always)
    static func fnv32(_ p: UnsafeRawBufferPointer) -> UInt32 {
        var h: UInt32 = 0x811c_9dc5
        for b in p { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        return h
    }

    // value tags of an entry's fields (bit 7: the record gave the field)
    enum Tag: UInt8 {
        case unknownSelf = 0, unknown, no, yes, number, text, date, choice, set
    }
    static let givenBit: UInt8 = 0x80
}
