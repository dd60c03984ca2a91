import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
/// `nuan test`: runs the worked examples (`例子 … 输入 { … } 期望 { … }`) of a rules file.
///
/// Each example's inputs go through `RecordCodec` exactly as a real record's would, the
/// record is decided with a full explanation, and every expectation is compared with the
/// decision. The runner only returns values; rendering is `ExampleReport`'s job.
public enum ExampleRunner {
    /// One expectation that did not hold.
    public struct Mismatch: Sendable, Equatable {
        public enum Aspect: String, Sendable { case status, category, total, score, awards, missing, warnings }
        public var aspect: Aspect
        /// What the example expected, and what the decision says, as text for the author.
        public var expected: String
        public var actual: String
        /// Detail lines (for awards: each award missing, extra or different).
        public var details: [String]
        /// Rules whose explanation entries explain the difference (`福利 X`, `类别 …`).
        public var rules: [String]
    }

    public struct ExampleResult: Sendable {
        public var title: String
        /// Where the example is written (`file:line:col` via `range.position`).
        public var range: SourceRange
        public var citation: String?
        /// Problems with the example itself (an input naming no field, a value that is not a
        /// literal, an expectation naming an unknown benefit): the example cannot be judged.
        public var errors: [Diagnostic]
        public var mismatches: [Mismatch]
        /// The decision the rules reached (nil when the example had errors).
        public var decision: Decision?
        /// What the evaluation observed, node by node (for `--coverage`).
        public var trace: Evaluator.Trace?
        public var passed: Bool { errors.isEmpty && mismatches.isEmpty }
    }

    public struct FileResult: Sendable {
        public var path: String
        /// Load, syntax and type errors (the rules could not be compiled: exit 2).
        public var diagnostics: [Diagnostic]
        public var program: CheckedProgram?
        public var examples: [ExampleResult]
        public var rulesError: Bool { program == nil }
        public var failed: Int { examples.filter { !$0.passed }.count }
        public var passed: Int { examples.count - failed }
    }

    /// Compiles the file at `path` (reading its `继承` chain) and runs its examples. With
    /// `english`, the decisions' explanations and the mismatches are in English.
    public static func run(path: String, english: Bool = false) -> FileResult {
        let (program, diags) = Nuan.compile(path: path)
        return run(path: path, program: program, diagnostics: diags, english: english)
    }

    /// Runs the examples of rules text held in memory.
    public static func run(path: String, text: String, english: Bool = false) -> FileResult {
        let (program, diags) = Nuan.compile(path: path, text: text)
        return run(path: path, program: program, diagnostics: diags, english: english)
    }

    static func run(path: String, program: CheckedProgram?, diagnostics: [Diagnostic], english: Bool = false) -> FileResult {
        guard let program else { return FileResult(path: path, diagnostics: diagnostics.filter { $0.severity == .error }, program: nil, examples: []) }
        var evaluator = Evaluator(program: program)
        let results = program.examples.map { run($0, program: program, evaluator: &evaluator, english: english) }
        return FileResult(path: path, diagnostics: [], program: program, examples: results)
    }

    // MARK: one example

    /// Decides one example; `evaluator` is reused across the examples of a file.
    public static func run(_ ex: ExampleDecl, program: CheckedProgram, evaluator: inout Evaluator, english: Bool = false) -> ExampleResult {
        var result = ExampleResult(title: ex.title, range: ex.titleRange, citation: ex.citation?.text, errors: [], mismatches: [],
                                   decision: nil, trace: nil)
        let (pairs, inputErrors) = rawPairs(ex, program: program)
        result.errors = inputErrors + expectationErrors(ex, program: program)
        guard result.errors.isEmpty else { return result }
        let (facts, recordErrors, _) = RecordCodec(program: program, language: english ? .english : .chinese).decode(pairs: pairs)
        let decision: Decision
        if !recordErrors.isEmpty {
            decision = .invalid(id: facts.id, errors: recordErrors)
        } else {
            decision = evaluator.decide(facts, explain: .full, language: english ? .english : .chinese)
            result.trace = evaluator.trace
        }
        result.decision = decision
        result.mismatches = compare(ex, decision, program: program, english: english)
        return result
    }

    /// Turns the example's inputs into the raw values a JSON record would carry.
    public static func rawPairs(_ ex: ExampleDecl, program: CheckedProgram) -> ([(String, RawValue)], [Diagnostic]) {
        var pairs: [(String, RawValue)] = []
        var errors: [Diagnostic] = []
        var seen: [Int: SourceRange] = [:]
        for input in ex.inputs {
            guard let slot = program.fieldIndex(named: input.name) else {
                let names = program.fields.flatMap { [$0.key] + ($0.label.map { [$0] } ?? []) }
                errors.append(.error("test.unknown-input", M.unknownInput(input.name).with(M.didYouMean(Suggest.closest(to: input.name, in: names))),
                                     at: input.range))
                continue
            }
            if let prev = seen[slot] {
                errors.append(.error("test.duplicate-input", M.duplicateInput(input.name), at: input.range,
                                     notes: [.init(M.givenBefore, range: prev)]))
                continue
            }
            seen[slot] = input.range
            let field = program.fields[slot]
            switch raw(input.value, field: field) {
            case .success(let v): pairs.append((field.key, v))
            case .failure(let e): errors.append(.error("test.input-value", M.inputValue(input.name, e.message), at: input.value.range))
            }
        }
        return (pairs, errors)
    }

    struct ValueError: Error { var message: Message }

    typealias M = Message.Examples

    /// A literal expression as a raw record value. Numbers keep their written digits.
    static func raw(_ e: Expr, field: CheckedProgram.Field) -> Result<RawValue, ValueError> {
        switch e.kind {
        case .number(_, let unit):
            if let u = unit, u.isMoney, field.type != .money {
                return .failure(ValueError(message: M.notMoney(field.display, unit: u.rawValue)))
            }
            return .success(.number(numberText(e)))
        case .negate(let x):
            guard case .number = x.kind else { return .failure(ValueError(message: M.literalExpected)) }
            return .success(.number("-" + numberText(x)))
        case .string(let s): return .success(.string(s))
        case .date(let d): return .success(.string(CivilDate.format(d)))
        case .bool(let b): return .success(.bool(b))
        case .name(let n): return .success(.string(n))
        case .list(let items):
            var out: [RawValue] = []
            for item in items {
                switch item.kind {
                case .name(let n), .string(let n): out.append(.string(n))
                default: return .failure(ValueError(message: M.optionNameInList))
                }
            }
            return .success(.array(out))
        default:
            return .failure(ValueError(message: M.literalNotExpression(e.range.text)))
        }
    }

    /// The digits of a number literal as written (`1980.00 元` → `1980.00`).
    static func numberText(_ e: Expr) -> String {
        let text = e.range.text
        let digits = text.prefix { ($0 >= "0" && $0 <= "9") || $0 == "." }
        if !digits.isEmpty { return String(digits) }
        if case .number(let r, _) = e.kind { return r.description }
        return text
    }

    /// A money literal's value (`1000 元`, `0`).
    static func money(_ e: Expr) -> Rational? {
        switch e.kind {
        case .number(let r, _): return r
        case .negate(let x): return money(x).map { $0.negated }
        default: return nil
        }
    }

    // MARK: expectations

    static let statuses = ["eligible", "ineligible", "undetermined", "invalid"]

    /// The category code an expectation names (a code or a label; `none`, `undetermined`).
    static func categoryCode(_ name: String, program: CheckedProgram) -> String? {
        if name == "undetermined" { return name }
        let e = program.enums[program.categoryEnum]
        if let i = e.index(of: name) { return e.codes[i] }
        if let c = program.categories.first(where: { $0.label == name }) { return c.code }
        return nil
    }

    /// The input name (record key or parameter name) a 缺少 entry names.
    static func inputName(_ name: String, program: CheckedProgram) -> String? {
        if let i = program.fieldIndex(named: name) { return program.fields[i].key }
        if program.parameters.contains(where: { $0.name == name }) { return name }
        return nil
    }

    static func expectationErrors(_ ex: ExampleDecl, program: CheckedProgram) -> [Diagnostic] {
        var errors: [Diagnostic] = []
        let benefitNames = program.benefits.map(\.name)
        for x in ex.expectations {
            switch x {
            case .status(let s, let r) where !statuses.contains(s):
                errors.append(.error("test.expectation", M.badStatus(s), at: r))
            case .category(let c, let r) where categoryCode(c, program: program) == nil:
                let codes = program.enums[program.categoryEnum].codes + ["undetermined"]
                errors.append(.error("test.expectation", M.unknownCategory(c, options: codes), at: r))
            case .total(let e) where money(e) == nil:
                errors.append(.error("test.expectation", M.totalNotMoney, at: e.range))
            case .score(let e?, _) where money(e) == nil:
                errors.append(.error("test.expectation", M.scoreNotNumber, at: e.range))
            case .awards(let list, _):
                for a in list {
                    if !benefitNames.contains(a.benefit) {
                        errors.append(.error("test.unknown-benefit", M.unknownBenefit(a.benefit).with(M.didYouMean(Suggest.closest(to: a.benefit, in: benefitNames))),
                                             at: a.range))
                    }
                    if let amt = a.amount, money(amt) == nil {
                        errors.append(.error("test.expectation", M.awardNotMoney, at: amt.range))
                    }
                    if let f = a.fund, !program.funds.contains(where: { $0.code == f || $0.label == f }) {
                        errors.append(.error("test.unknown-fund", M.unknownFund(f).with(M.didYouMean(Suggest.closest(to: f, in: program.funds.map(\.code)))),
                                             at: a.range))
                    }
                }
            case .warnings(let codes, _):
                for (c, r) in codes where c != "period" && c != "unconfirmed" {
                    errors.append(.error("test.unknown-warning", M.unknownWarning(c), at: r))
                }
            case .missing(let names, _):
                for (n, r) in names where inputName(n, program: program) == nil {
                    errors.append(.error("test.unknown-input", M.unknownMissing(n), at: r))
                }
            default: break
            }
        }
        return errors
    }

    static func awardText(_ benefit: String, _ amount: Rational?, _ fund: String?) -> Message {
        M.award(benefit, amount?.formatted(places: 2), fund: fund)
    }

    /// Compares every expectation with the decision (made with the same `english`: the
    /// mismatches name the rules of its explanation).
    public static func compare(_ ex: ExampleDecl, _ d: Decision, program: CheckedProgram, english: Bool = false) -> [Mismatch] {
        func t(_ m: Message) -> String { m.text(english: english) }
        func benefit(_ name: String) -> String { t(M.benefitRule(name)) }
        func category(_ c: CheckedProgram.Category) -> String { t(M.categoryRule(c.code, c.label)) }
        var out: [Mismatch] = []
        let granted = d.awards.map { benefit($0.benefit) }
        for x in ex.expectations {
            switch x {
            case .warnings(let codes, _):
                let want = codes.map(\.0).sorted(), got = d.warnings.map(\.code).sorted()
                if want != got {
                    let show: ([String]) -> String = { t($0.isEmpty ? M.none : .list($0.map(Message.init(both:)))) }
                    out.append(Mismatch(aspect: .warnings, expected: show(want), actual: show(got),
                                        details: d.warnings.map { t(M.warningDetail($0.message)) }, rules: []))
                }
            case .status(let s, _):
                if s != d.status.rawValue {
                    var rules = granted + d.pending.map(benefit)
                    if rules.isEmpty { rules = program.benefits.map { benefit($0.name) } }
                    out.append(Mismatch(aspect: .status, expected: s, actual: d.status.rawValue,
                                        details: d.errors.map { t(M.recordProblem($0.message)) }, rules: rules))
                }
            case .category(let c, _):
                let code = categoryCode(c, program: program) ?? c
                if code != d.category {
                    out.append(Mismatch(aspect: .category, expected: code, actual: d.category, details: [],
                                        rules: program.categories.filter { $0.code == code || $0.code == d.category || d.category == "undetermined" }
                                            .map(category)))
                }
            case .total(let e):
                let want = money(e) ?? .zero
                if want != d.totalAmount {
                    out.append(Mismatch(aspect: .total, expected: t(M.yuan(want.formatted(places: 2))), actual: t(M.yuan(d.totalAmount.formatted(places: 2))),
                                        details: [], rules: granted))
                }
            case .score(let e, _):
                // As decisions show it: two places, or none.
                let want = e.flatMap(money)?.formatted(places: 2), got = d.score?.formatted(places: 2)
                if want != got {
                    out.append(Mismatch(aspect: .score, expected: want ?? t(M.none), actual: got ?? t(M.none), details: [], rules: []))
                }
            case .awards(let list, _):
                var details: [String] = []
                var rules: [String] = []
                for a in list {
                    let want = a.amount.flatMap(money)
                    let fund = a.fund.map { f in program.funds.first { $0.label == f }?.code ?? f }
                    guard let got = d.awards.first(where: { $0.benefit == a.benefit }) else {
                        details.append(t(M.awardMissing(awardText(a.benefit, want, fund))))
                        rules.append(benefit(a.benefit))
                        continue
                    }
                    if got.amount != want || (fund != nil && fund != got.fund) {
                        details.append(t(M.awardDifferent(awardText(a.benefit, want, fund), awardText(got.benefit, got.amount, got.fund))))
                        rules.append(benefit(a.benefit))
                    }
                }
                for got in d.awards where !list.contains(where: { $0.benefit == got.benefit }) {
                    details.append(t(M.awardExtra(awardText(got.benefit, got.amount, got.fund))))
                    rules.append(benefit(got.benefit))
                }
                if !details.isEmpty {
                    let expected = t(list.isEmpty ? M.none : M.awards(list.map { awardText($0.benefit, $0.amount.flatMap(money), $0.fund) }))
                    let actual = t(d.awards.isEmpty ? M.none : M.awards(d.awards.map { awardText($0.benefit, $0.amount, $0.fund) }))
                    out.append(Mismatch(aspect: .awards, expected: expected, actual: actual, details: details, rules: rules))
                }
            case .missing(let names, _):
                let want = Set(names.compactMap { inputName($0.0, program: program) })
                let got = Set(d.missing)
                if want != got {
                    let label: (String) -> String = { k in
                        if let i = program.fieldIndex(named: k), let l = program.fields[i].label { return l }
                        return k
                    }
                    var details: [String] = []
                    let notReported = want.subtracting(got).map(label).sorted()
                    let extra = got.subtracting(want).map(label).sorted()
                    if !notReported.isEmpty { details.append(t(M.notReported(notReported))) }
                    if !extra.isEmpty { details.append(t(M.notExpected(extra))) }
                    let show: ([String]) -> String = { t($0.isEmpty ? M.none : .list($0.map { Message(both: label($0)) })) }
                    out.append(Mismatch(aspect: .missing, expected: show(names.compactMap { inputName($0.0, program: program) }),
                                        actual: show(d.missing), details: details,
                                        rules: d.pending.map(benefit) + (d.category == "undetermined" ? program.categories.map(category) : [])))
                }
            }
        }
        return out
    }
}
