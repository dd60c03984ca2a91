import NuanSupport
import NuanSyntax
/// A rules file (with everything it extends) after names are resolved and types checked,
/// compiled into flat arrays. It is immutable and shared read-only by every evaluation thread.
public final class CheckedProgram: @unchecked Sendable {
    /// One compiled expression node. Children are indices into `nodes`; constants into `constants`.
    public struct Node: Sendable {
        public enum Op: UInt8, Sendable {
            case constant, field, parameter, definition, group, category
            case negate, not, add, subtract, multiply, divide
            case less, lessEqual, greater, greaterEqual, equal, notEqual
            case and, or, inSet, notInSet, containsAll, containsAny, isEmpty, given
            case min, max, clamp, conditional, known
        }
        public var op: Op
        public var a: Int32 = -1
        public var b: Int32 = -1
        public var c: Int32 = -1
        public var type: ValueType
    }

    public struct Field: Sendable {
        public var key: String
        public var label: String?
        public var type: ValueType
        public var base: TypeSyntax.Base
        public var defaultValue: Value?
        public var atLeast: Rational?
        public var atMost: Rational?
        public var required: Bool
        public var range: SourceRange
        public var display: String { label ?? key }
        /// Personal identifiers are masked wherever a value is shown.
        public var isPersonal: Bool { base == .idNumber || base == .phone }
    }

    public struct TableRow: Sendable {
        public var keys: [String]
        public var value: Rational?
        public var from: Int32?
        public var unconfirmed: Bool
        public var citation: String?
    }

    public struct Parameter: Sendable {
        public var name: String
        public var unit: Unit?
        public var type: ValueType
        /// For a single-valued parameter; nil = 待定.
        public var value: Rational?
        public var keyField: Int?
        public var rows: [TableRow]
        /// Row indices by key, each list sorted by `from`.
        public var rowIndex: [String: [Int]]
        public var unconfirmed: Bool
        public var citation: String?
        public var overridden: Bool
        public var range: SourceRange
        /// `封闭`: a record whose key reaches no row is invalid (`ClosedTables`).
        public var closed: Bool = false
    }

    public struct Definition: Sendable {
        public var name: String
        public var root: Int32
        public var type: ValueType
        public var citation: String?
        public var range: SourceRange
    }

    public struct Group: Sendable {
        public var name: String
        public var description: String?
        public var root: Int32
        public var citation: String?
        public var range: SourceRange
    }

    public struct Fund: Sendable {
        public var code: String
        public var label: String?
        public var mayPay: [Int]?
        public var citation: String?
        public var range: SourceRange
    }

    public struct Category: Sendable {
        public var code: String
        public var label: String?
        public var root: Int32
        public var citation: String?
        public var range: SourceRange
    }

    public enum Amount: Sendable {
        case fixed(Int32)
        case unset
        case withhold
    }

    public struct Exception: Sendable {
        public var condition: Int32
        public var amount: Amount
        public var citation: String?
    }

    public struct Benefit: Sendable {
        public var name: String
        public var amount: Amount
        public var unit: Unit?
        public var recipient: Int?
        public var condition: Int32?
        public var funds: [Int]
        public var citation: String?
        public var exceptions: [Exception]
        public var range: SourceRange
    }

    public struct BenefitGroup: Sendable {
        public var name: String
        public var policy: HitPolicy
        public var benefits: [Benefit]
        public var implicit: Bool
    }

    public struct ScorePart: Sendable {
        public var name: String
        public var weight: Int32?
        public var expr: Int32?
        public var condition: Int32?
    }

    /// `无效 名称 当 … 提示 "…"`: a record for which `root` holds is invalid; `fields` are the
    /// labels of the fields the condition reads (through definitions and groups too).
    public struct ValidityRule: Sendable {
        public var name: String
        public var root: Int32
        public var message: String
        public var citation: String?
        public var fields: [Int]
        public var range: SourceRange
    }

    public struct Score: Sendable {
        public var name: String
        public var parts: [ScorePart]
        public var citation: String?
    }

    public struct SourceText: Sendable {
        public var path: String
        public var sha256: String
    }

    public var title = ""
    public var version: String?
    public var jurisdiction: String?
    public var year: Int?
    public var notice: String?
    public var inForceFrom: Int32?
    public var inForceTo: Int32?
    /// The 辖区's divisions as six-digit codes (`地区 [..]`, the nearest file that declares
    /// them), with the names as written for messages; empty = no jurisdiction check.
    public var regionCodes: [String] = []
    public var regionNames: [String] = []
    /// The statistics table the notice asks for (`统计表`), the nearest file's.
    public var statTable: String?
    /// Record-validity rules (`无效`), in order.
    public var validityRules: [ValidityRule] = []
    /// The main file first, then every file it extends.
    public var sources: [SourceText] = []
    /// One SHA-256 for the whole chain: of the per-file digests, main file first, one a line.
    /// Any change to any text that decides changes it.
    public var chainSHA256 = ""
    /// `--set` overrides applied, as `name=value` texts (shown in every decision).
    public var overrides: [String] = []

    public var nodes: [Node] = []
    public var constants: [Value] = []
    /// Source range and shown name of every node (for explanations; not used when evaluating).
    public var nodeRanges: [SourceRange] = []
    public var nodeNames: [String?] = []
    /// List arguments of min/max: ranges in `arguments`.
    public var arguments: [Int32] = []

    public var enums: [EnumInfo] = []
    public var fields: [Field] = []
    public var parameters: [Parameter] = []
    public var definitions: [Definition] = []
    public var groups: [Group] = []
    public var funds: [Fund] = []
    public var categories: [Category] = []
    public var categoryEnum = 0
    public var benefitGroups: [BenefitGroup] = []
    public var score: Score?
    /// Worked examples of the main file, for `nuan test`.
    public var examples: [ExampleDecl] = []
    /// Slot of `application_date`, which picks dated table rows.
    public var applicationDateField: Int?

    /// Input slots: fields first, then parameters (a 待定 parameter is an input the office sets).
    public func inputSlot(parameter i: Int) -> Int { fields.count + i }

    /// The record key (or parameter name) of an input slot, for `missing`.
    public func inputName(_ slot: Int) -> String {
        slot < fields.count ? fields[slot].key : parameters[slot - fields.count].name
    }

    public func inputLabel(_ slot: Int) -> String {
        slot < fields.count ? fields[slot].display : parameters[slot - fields.count].name
    }

    public func fieldIndex(named name: String) -> Int? {
        fields.firstIndex { $0.key == name || $0.label == name }
    }

    public var benefits: [Benefit] { benefitGroups.flatMap(\.benefits) }

    public init() {}
}
