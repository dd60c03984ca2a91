import NuanSupport
import NuanSyntax
/// A rules file (with everything it extends) after names are resolved and types checked,
/// compiled into flat arrays, shared read-only by every evaluation thread.
///
/// Only the checker makes one, and only when it found no error (`Checker.check`): the
/// initialiser is private to this file, and so is the step that seals the checker's draft.
/// Immutable after construction — its contents are a `let` value whose setters are internal to
/// the checker's module — so it is `Sendable` with no `@unchecked`. Members read as
/// `program.fields` through `contents` (dynamic member lookup).
@dynamicMemberLookup
public final class CheckedProgram: Sendable {
    /// Everything the checker established.
    public let contents: Contents

    fileprivate init(_ contents: Contents) { self.contents = contents }

    public subscript<T>(dynamicMember path: KeyPath<Contents, T>) -> T { contents[keyPath: path] }

    public func inputSlot(parameter i: Int) -> Int { contents.inputSlot(parameter: i) }
    public func inputName(_ slot: Int) -> String { contents.inputName(slot) }
    public func inputLabel(_ slot: Int) -> String { contents.inputLabel(slot) }
    public func fieldIndex(named name: String) -> Int? { contents.fieldIndex(named: name) }
}

extension Checker {
    /// Syntax trees (parents first) → the checked program, or nil when any diagnostic is an
    /// error; the diagnostics (warnings too) either way, and the names the file uses (for the
    /// unused-name lint). A program with errors never leaves the checker.
    public static func check(_ files: [RulesFile], options: Options = Options()) -> (CheckedProgram?, [Diagnostic], used: Set<String>) {
        var c = Checker()
        c.run(files, options: options)
        let program = c.diagnostics.hasErrors || files.isEmpty ? nil : CheckedProgram(c.program)
        return (program, c.diagnostics, c.used)
    }
}

extension CheckedProgram {
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
        /// `不作建议`: recourse never proposes a change to it (家庭人口 in the shipped files).
        public var notProposable = false
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

    /// `断言 名称 [当 …] 则 …`: a property the file states of its own decisions. `condition`
    /// (nil = every record) and `fields`, the fields it reads (through definitions and groups).
    public struct Assertion: Sendable {
        public enum Claim: Sendable {
            /// The decision's total is at most this amount.
            case totalAtMost(Rational)
            /// No award may be paid from these funds (codes).
            case noFund([String])
            /// Every benefit and exception cites the notice (decided by the checker).
            case cited
            /// The categories leave a gap where the condition holds, on purpose (not checked:
            /// `nuan prove` reports no category gap there).
            case categoryGapAllowed
        }
        public var name: String
        public var condition: Int32?
        public var fields: [Int]
        public var claim: Claim
        public var citation: String?
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

    /// What the checker fills in while it works; sealed into a `CheckedProgram` only by
    /// `Checker.check`.
    public struct Contents: Sendable {
        public internal(set) var title = ""
        public internal(set) var version: String?
        public internal(set) var jurisdiction: String?
        public internal(set) var year: Int?
        public internal(set) var notice: String?
        public internal(set) var inForceFrom: Int32?
        public internal(set) var inForceTo: Int32?
        /// The 辖区's divisions as six-digit codes (`地区 [..]`, the nearest file that declares
        /// them), with the names as written for messages; empty = no jurisdiction check.
        public internal(set) var regionCodes: [String] = []
        public internal(set) var regionNames: [String] = []
        /// The statistics table the notice asks for (`统计表`), the nearest file's.
        public internal(set) var statTable: String?
        /// Record-validity rules (`无效`), in order.
        public internal(set) var validityRules: [ValidityRule] = []
        /// The file's assertions (`断言`), in order.
        public internal(set) var assertions: [Assertion] = []
        /// The main file first, then every file it extends.
        public internal(set) var sources: [SourceText] = []
        /// One SHA-256 for the whole chain: of the per-file digests, main file first, one a line.
        /// Any change to any text that decides changes it.
        public internal(set) var chainSHA256 = ""
        /// `--set` overrides applied, as `name=value` texts (shown in every decision).
        public internal(set) var overrides: [String] = []

        public internal(set) var nodes: [Node] = []
        public internal(set) var constants: [Value] = []
        /// Source range and shown name of every node (for explanations; not used when evaluating).
        public internal(set) var nodeRanges: [SourceRange] = []
        public internal(set) var nodeNames: [String?] = []
        /// List arguments of min/max: ranges in `arguments`.
        public internal(set) var arguments: [Int32] = []

        public internal(set) var enums: [EnumInfo] = []
        public internal(set) var fields: [Field] = []
        public internal(set) var parameters: [Parameter] = []
        public internal(set) var definitions: [Definition] = []
        public internal(set) var groups: [Group] = []
        public internal(set) var funds: [Fund] = []
        public internal(set) var categories: [Category] = []
        public internal(set) var categoryEnum = 0
        public internal(set) var benefitGroups: [BenefitGroup] = [] {
            didSet { benefits = benefitGroups.flatMap(\.benefits) }
        }
        /// Every benefit, the groups' in turn (flat indices: `Decision.Award.benefitIndex`).
        /// Kept, not computed: `nuan prove` reads it for every cell.
        public private(set) var benefits: [Benefit] = []
        public internal(set) var score: Score?
        /// Worked examples of the main file, for `nuan test`.
        public internal(set) var examples: [ExampleDecl] = []
        /// Slot of `application_date`, which picks dated table rows.
        public internal(set) var applicationDateField: Int?

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

        init() {}
    }
}
