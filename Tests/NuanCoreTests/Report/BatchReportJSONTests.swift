import XCTest
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// The `--summary` JSON, byte for byte (figures checked by hand in BatchReportTests).
final class BatchReportJSONTests: XCTestCase {
    func testGoldenJSON() {
        let json = ReportFixtures.report(ReportFixtures.rows[...]).json()
        let expected = """
        {
          "rules": {"name":"测试规则","version":"1","sha256":"abc"},
          "against": {"name":"旧规则","version":null,"sha256":"def"},
          "records": 7,
          "by_status": {"eligible":4,"ineligible":1,"undetermined":1,"invalid":1},
          "by_category": {"deep":1,"relative":1,"accidental":1,"none":2,"undetermined":2},
          "by_warning": {},
          "by_group": [{"group":"全国建档困难职工","records":1,"eligible":1},{"group":"劳模工匠等先进人物","records":1,"eligible":1}],
          "funds": [\
        {"fund":"central_aid","label":"中央财政专项帮扶资金","source":"中央财政","awards":1,"pending_awards":0,"total":"1000.00"},\
        {"fund":"union_own","label":"本级工会经费","source":"工会经费","awards":2,"pending_awards":1,"total":"500.50"},\
        {"fund":"social_donation","label":null,"source":"社会捐助","awards":1,"pending_awards":0,"total":"666.67"},\
        {"fund":null,"label":null,"source":null,"awards":1,"pending_awards":0,"total":"100.00"}],
          "benefits": [\
        {"benefit":"深度困难慰问金","awards":1,"pending_awards":0,"total":"1000.00"},\
        {"benefit":"相对困难慰问金","awards":1,"pending_awards":0,"total":"500.50"},\
        {"benefit":"劳模慰问金","awards":1,"pending_awards":1,"total":"0.00"},\
        {"benefit":"交通补贴","awards":1,"pending_awards":0,"total":"100.00"},\
        {"benefit":"意外致困慰问金","awards":1,"pending_awards":0,"total":"666.67"}],
          "statistics_table": {"table":"送温暖统计表（规则文件未指明通知附表；栏目按梧州2018附件1）","rows":[\
        {"row":"2C","label":"慰问困难家庭总数（户）C=D+E+F","households":3,"counts":"获帮扶（eligible）的建档户（含本年度退档、渐退期）及类别为深度困难、相对困难或意外致困的户数（一条记录为一户）"},\
        {"row":"2D","label":"其中，困难职工（户）","households":1,"counts":"2C中人员类别既非劳动模范也非农民工的户数"},\
        {"row":"2E","label":"其中，困难农民工（户）","households":1,"counts":"2C中人员类别含农民工（且非劳动模范）的户数"},\
        {"row":"2F","label":"其中，困难劳模（户）","households":1,"counts":"2C中人员类别含劳动模范的户数"},\
        {"row":"3A","label":"筹集慰问款物总额（万元）A=B+C+D+E+F","amount":"2167.17","amount_wan_yuan":"0.22","counts":"3B至3F之和：规则确定金额的帮扶款合计（待定金额不计）"},\
        {"row":"3B","label":"其中，中央财政（万元）","amount":"1000.00","amount_wan_yuan":"0.10","counts":"资金 central_aid 的确定金额合计"},\
        {"row":"3C","label":"其中，地方财政（万元）","amount":"0.00","amount_wan_yuan":"0.00","counts":"无对应资金的发放"},\
        {"row":"3D","label":"其中，工会经费（万元）","amount":"500.50","amount_wan_yuan":"0.05","counts":"资金 union_own 的确定金额合计"},\
        {"row":"3E","label":"其中，爱心企业、社会机构等社会捐助（万元）","amount":"666.67","amount_wan_yuan":"0.07","counts":"资金 social_donation 的确定金额合计"},\
        {"row":"3F","label":"其中，其他收入（万元）","amount":"0.00","amount_wan_yuan":"0.00","counts":"无对应资金的发放"}],\
        "other_eligible_households":1,"pending_awards":1,"no_fund_awards":1,"no_fund_total":"100.00"},
          "income_vs_dibao": [\
        {"bucket":"<1","label":"低于1倍低保","records":1,"eligible":1},\
        {"bucket":"1-1.5","label":"1～1.5倍","records":1,"eligible":1},\
        {"bucket":"1.5-2","label":"1.5～2倍","records":1,"eligible":1},\
        {"bucket":"2-3","label":"2～3倍","records":1,"eligible":0},\
        {"bucket":">=3","label":"3倍及以上","records":1,"eligible":1},\
        {"bucket":"unknown","label":"收入或低保标准未知","records":2,"eligible":0}],
          "impact": {"records":7,\
        "transitions":{"deep":{"deep":1},"relative":{"none":1},"accidental":{"accidental":1},"none":{"relative":1,"none":1},"undetermined":{"undetermined":2}},\
        "newly_eligible":{"count":1,"ids":["A2"]},"no_longer_eligible":{"count":1,"ids":["A4"]},"amount_changed":{"count":1,"ids":["A1"]},\
        "cost_by_fund":[\
        {"fund":"central_aid","old_total":"800.00","new_total":"1000.00","delta":"200.00","old_pending_awards":0,"new_pending_awards":0},\
        {"fund":"union_own","old_total":"500.00","new_total":"500.50","delta":"0.50","old_pending_awards":1,"new_pending_awards":1},\
        {"fund":"social_donation","old_total":"666.67","new_total":"666.67","delta":"0.00","old_pending_awards":0,"new_pending_awards":0},\
        {"fund":null,"old_total":"100.00","new_total":"100.00","delta":"0.00","old_pending_awards":0,"new_pending_awards":0}]},
          "near_miss": null,
          "money_overflow": false
        }

        """
        XCTAssertEqual(json, expected)
        if json != expected {
            for (i, (a, b)) in zip(json.split(separator: "\n"), expected.split(separator: "\n")).enumerated() where a != b {
                XCTFail("line \(i + 1):\n got \(a)\nwant \(b)")
                break
            }
        }
    }

    func testWithoutAgainstImpactIsNull() {
        let json = ReportFixtures.report(ReportFixtures.rows[...], against: false).json()
        XCTAssertTrue(json.contains("\n  \"against\": null,\n"))
        XCTAssertTrue(json.contains("\n  \"impact\": null,\n"))
    }
}
