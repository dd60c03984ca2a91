import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// A small rules prelude for unit tests, so each test states only the rules it is about.
enum TestRules {
    static let prelude = """
    规则 "测试"
      版本 "t1"
      生效 2022-01-01 至 2022-12-31
    字段 id 申请编号 : 文本
    字段 region 所属地区 : 文本
    字段 household_size 家庭人口 : 整数 至少 1
    字段 household_monthly_income 家庭月收入 : 金额 至少 0
    字段 receives_dibao 享受低保 : 是否
    字段 archive_type 建档类型 : 选项 { none 未建档, deep 深度困难, relative 相对困难, accidental 意外致困 }
    字段 hardship_causes 致困原因 : 多选 { serious_illness 大病, disability 残疾, accident 突发意外 }
    字段 id_number 身份证号 : 身份证号
    资金 central_aid "中央财政专项帮扶资金"
    参数 低保标准 : 元/月 按 所属地区 {
      蚌埠市 | 340300 = 660 元/月 依据 "测试"
      西宁市 = 待定
    }
    定义 人均月收入 = 家庭月收入 / 家庭人口 依据 "测试"

    """

    static func compile(_ body: String, file: StaticString = #filePath, line: UInt = #line) -> CheckedProgram {
        let (p, diags) = Nuan.compile(path: "test.rules", text: prelude + body)
        if p == nil { XCTFail(DiagnosticRenderer.render(diags), file: file, line: line) }
        return p ?? TestRules.fallback
    }

    /// What a failed compile hands on so the test can go on failing cleanly: the prelude alone
    /// (a checked program can only come from the checker).
    static var fallback: CheckedProgram { Nuan.compile(path: "fallback.rules", text: prelude).0! }

    static func diagnostics(_ body: String) -> [Diagnostic] {
        Nuan.compile(path: "test.rules", text: prelude + body).1
    }

    static func decide(_ p: CheckedProgram, _ json: String, explain: ExplainLevel = .full) -> Decision {
        Nuan.screen(p, json: Array(json.utf8), explain: explain)
    }
}
