import NuanSupport
import NuanProgram
/// A required field (`必填`, no default) is never missing from a real record: record validation
/// refuses one without it. So the partition never tries it "not given", and a cell's record
/// that leaves it open (its decision does not depend on it) gets a placeholder value instead.
/// Without this, prove decided records `nuan test` calls invalid (nuan-fuzz seed 10, case 26:
/// a 所属地区 made 必填).
enum RequiredInputs {
    static func isRequired(_ f: CheckedProgram.Field) -> Bool { f.required && f.defaultValue == nil }

    /// A valid value for a required field the decision does not read.
    static func placeholder(_ f: CheckedProgram.Field, _ program: CheckedProgram) -> Value {
        switch f.type {
        case .text, .error: return .text(f.key == "id" ? "PROVE-1" : "反例")
        case .money, .number: return .number(f.atLeast ?? .zero)
        case .bool: return .bool(false)
        case .date: return .date(program.inForceFrom ?? Int32(CivilDate.days(year: 2022, month: 1, day: 1)))
        case .choice: return .choice(0)
        case .list: return .set(0)
        }
    }
}
