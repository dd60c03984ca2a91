import Foundation
import XCTest
@testable import NuanCLI
@testable import NuanSupport
@testable import NuanSyntax
@testable import NuanProgram
@testable import NuanExplain
@testable import NuanTools

/// `nuan screen --interactive`: what it asks, in which order, how it reads answers, and the
/// decisions the issue found wrong (defaulted fields never asked).
final class InterviewCommandTests: XCTestCase {
    static let root = InterviewDriver.root
    func rules(_ name: String) -> String { Self.root.appendingPathComponent("Rules/\(name)").path }

    func run(_ rules: String, _ script: String) -> (ExitCode, String, String) {
        let (io, out, err) = IO.capture(input: script)
        let code = CLI.main(["screen", "--rules", rules, "--interactive", "--format", "json", "--explain", "none"], io: io)
        return (code, out(), err())
    }

    func interview(_ file: String, _ json: String) throws -> InterviewDriver.Run {
        let path = rules(file)
        let program = try XCTUnwrap(Nuan.compile(path: path).0)
        guard case .success(let pairs) = JSONRecordReader.parseObject(Array(json.utf8)) else { throw XCTSkip("bad JSON") }
        return InterviewDriver(program: program, rulesPath: path).interview(pairs)
    }

    func asked(_ run: InterviewDriver.Run, _ file: String) throws -> [String] {
        let program = try XCTUnwrap(Nuan.compile(path: rules(file)).0)
        return run.asked.map { program.fields[$0].key }
    }

    /// A key a closed table has no row for is asked again, naming the rows; a short form that
    /// reaches a row is taken.
    func testAClosedTableKeyIsAskedAgain() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-closed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("closed.rules").path
        try """
        规则 "封闭表"
          生效 2022-01-01 至 2022-12-31
        字段 id 申请编号 : 文本
        字段 name 姓名 : 文本
        字段 region 所属地区 : 文本
        资金 central_aid "中央财政专项帮扶资金"
        参数 地区补贴 : 元/户 按 所属地区 封闭 {
          蚌埠市 | 340300 = 500 元/户 依据 "测试"
        }
        福利 地区补助 = 地区补贴 资金 [central_aid] 依据 "测试"

        """.write(toFile: path, atomically: true, encoding: .utf8)
        let (code, out, err) = run(path, "A-1\n张三\n合肥市\n蚌埠\n")
        XCTAssertEqual(code, .success, err)
        XCTAssertTrue(err.contains("不在封闭的表 地区补贴 中（表中有：蚌埠市 | 340300），请重新输入。"), err)
        XCTAssertTrue(out.contains(#""total_amount": "500.00""#), out)
    }

    func testAsksDefaultedFieldsOfferingTheDefaultAndAnEmptyAnswerTakesIt() {
        // id, name, 建档类型 = 1 未建档, then 本年度退档 and 脱困渐退期 (defaulted: empty takes 否),
        // 建档层级 = 1 未建档 (asked: a level with no type would make the record invalid), 致困原因 1 大病, 家庭月收入 1200, 家庭人口 2, 所属地区, then empty lines for what may
        // follow (申请日期 when the city's 低保 rows are dated, 人员类别 → 无). Settled.
        let script = "A-1\n张三\n1\n\n\n1\n1\n1200\n2\n蚌埠市\n\n\n"
        let (code, out, err) = run(rules("bengbu-2022.rules"), script)
        XCTAssertEqual(code, .success, err)
        XCTAssertTrue(err.contains("本年度退档（是/否，默认 否）："), err)
        XCTAssertTrue(err.contains("脱困渐退期（是/否，默认 否）："), err)
        XCTAssertTrue(err.contains("人员类别（") && err.contains("默认 无）："), err)
        XCTAssertTrue(err.contains("已可判定，不再询问"), err)
        XCTAssertTrue(out.contains("\"status\": \"eligible\""), out)
        XCTAssertTrue(out.contains("未建档困难职工家庭一次性送温暖资金"), out)
        // Not archived: the provincial visit cannot matter; the archive level is asked, since
        // a level without a type contradicts it (national-base 无效 建档信息矛盾).
        XCTAssertTrue(err.contains("建档层级（"), err)
        XCTAssertFalse(err.contains("省总领导走访（"), err)
        XCTAssertFalse(err.contains("身份证号（"), err)
    }

    /// `无` answers a list question as "none" (given, empty), as the prompt offers; the record
    /// reader's own reading of `无` (CSV cells) does not change that.
    /// A region the 低保 table has no row for: the interview says so before it asks for a figure.
    func testARegionWithNoRowIsExplainedBeforeTheFigureIsAsked() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nuan-iv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let record = dir.appendingPathComponent("r.json").path
        let json = #"{"id":"QH-1","name":"马","region":"海东市","application_date":"2020-01-08","household_size":3,"household_monthly_income":2500,"rigid_monthly_expenses":0,"receives_dibao":false,"hardship_causes":["serious_illness"],"archive_type":"none","archive_level":"none","archive_exited_this_year":false,"in_transition_period":false,"groups":[]}"#
        XCTAssertTrue(FileManager.default.createFile(atPath: record, contents: Data(json.utf8)))
        let (io, _, err) = IO.capture(input: "\n")
        _ = CLI.main(["screen", "--rules", rules("qinghai-2020.rules"), "--interactive", "--format", "json", "--explain", "none", record], io: io)
        let text = err()
        let warned = try XCTUnwrap(text.range(of: "“海东市” 不在 低保标准 表中"), text)
        let asked = try XCTUnwrap(text.range(of: "请输入 低保标准"), text)
        XCTAssertLessThan(warned.lowerBound, asked.lowerBound)
    }

    func testNoneAnswersAListQuestion() {
        // as testAsksDefaultedFields…, with 致困原因 answered 无 instead of 1 大病
        let script = "A-1\n张三\n1\n\n\n1\n无\n1200\n2\n蚌埠市\n\n\n"
        let (code, out, err) = run(rules("bengbu-2022.rules"), script)
        XCTAssertEqual(code, .success, err)
        XCTAssertTrue(err.contains("致困原因（"), err)
        XCTAssertFalse(err.contains("✗"), err)
        XCTAssertTrue(out.contains("\"category\": \"relative\""), out)   // an empty answer leaves it undetermined
        XCTAssertFalse(out.contains("hardship_causes"), out)
    }

    func testRepromptsWithTheReasonOnBadAnswers() {
        // 建档类型: a bad answer, then 1; the two defaulted flags empty; 建档层级 1; 致困原因 1; 家庭月收入
        // one bad answer; 家庭人口 two bad answers; then 所属地区 and 人员类别.
        let script = "A-1\n张三\n蚌埠市\n1\n\n\n1\n1\n-5\n1200\n两\n0\n2\n蚌埠市\n\n"
        let (code, out, err) = run(rules("bengbu-2022.rules"), script)
        XCTAssertEqual(code, .success, err)
        XCTAssertTrue(err.contains("✗ 不是可选值"), err)
        XCTAssertTrue(err.contains("✗ 应为整数"), err)
        XCTAssertTrue(err.contains("✗ 不能小于 1"), err)
        XCTAssertTrue(err.contains("✗ 不能小于 0"), err)
        XCTAssertTrue(out.contains("\"total_amount\": \"1000.00\""), out)
    }

    func testTheEnglishInterviewOffersAndTakesYesNo() {
        let (io, out, err) = IO.capture(input: "A-1\nZhang\n2\n\n\n2\nyes\n")
        _ = CLI.main(["screen", "--rules", rules("bengbu-2022.rules"), "--interactive", "--lang", "en", "--format", "json", "--explain", "none"], io: io)
        XCTAssertTrue(err().contains("provincial_leader_visit（yes/no, default no）："), err())
        XCTAssertFalse(err().contains("✗"), err())
        XCTAssertTrue(out().contains("\"total_amount\": \"2000.00\""), out())
    }

    func testARequiredFieldIsNotSkippedByAnEmptyAnswer() {
        let (_, _, err) = run(rules("bengbu-2022.rules"), "\nA-1\n张三\n")
        XCTAssertTrue(err.contains("必填"), err)
        XCTAssertTrue(err.contains("建档类型（"), err)
    }

    func testStopsAtEndOfInputAndSaysWhatIsMissing() {
        let (code, out, err) = run(rules("bengbu-2022.rules"), "A-2\n李四\n")
        XCTAssertEqual(code, .failure)
        XCTAssertTrue(err.contains("输入结束"), err)
        XCTAssertTrue(out.contains("\"status\": \"undetermined\""), out)
        XCTAssertTrue(out.contains("archive_type"), out)
    }

    // MARK: the decisions issue 16 found wrong

    func testBengbuHouseholdRemovedFromTheArchiveThisYearGetsTheOneOff() throws {
        let record = #"{"id":"BB-1","name":"赵六","region":"蚌埠市","household_size":3,"household_monthly_income":6000,"archive_type":"deep","archive_level":"national","archive_exited_this_year":true,"hardship_causes":["serious_illness"]}"#
        let run = try interview("bengbu-2022.rules", record)
        XCTAssertTrue(try asked(run, "bengbu-2022.rules").contains("archive_exited_this_year"), run.transcript)
        XCTAssertEqual(InterviewDriver.outcome(run.decision),
                       "eligible none [本年度退档职工家庭一次性送温暖资金=1000.00@local_finance] 1000.00", run.transcript)
    }

    func testBengbuProvincialLeaderVisitRateIsReachable() throws {
        let record = #"{"id":"BB-2","name":"李四","region":"蚌埠市","household_size":3,"household_monthly_income":1800,"rigid_monthly_expenses":600,"archive_type":"deep","archive_level":"national","hardship_causes":["serious_illness"],"provincial_leader_visit":true}"#
        let run = try interview("bengbu-2022.rules", record)
        XCTAssertTrue(run.transcript.contains("省总领导走访（是/否，默认 否）："), run.transcript)
        XCTAssertEqual(InterviewDriver.outcome(run.decision),
                       "eligible deep [建档困难职工送温暖帮扶金=2000.00@central_aid] 2000.00", run.transcript)
    }

    func testHeilongjiangDeliveryRiderOnHolidayDutyIsAskedWhatDecidesIt() throws {
        let record = #"{"id":"HLJ-1","name":"关二","region":"哈尔滨市","application_date":"2021-01-20","household_size":1,"household_monthly_income":6000,"archive_type":"none","archive_level":"none","hardship_causes":[],"groups":["gig_worker","holiday_frontline"],"provincial_group_visit":true}"#
        let run = try interview("heilongjiang-2021.rules", record)
        let keys = try asked(run, "heilongjiang-2021.rules")
        XCTAssertTrue(keys.contains("groups"), run.transcript)
        XCTAssertTrue(keys.contains("provincial_group_visit"), run.transcript)
        let whole = InterviewDriver.screenJSON(rules("heilongjiang-2021.rules"), try JSONRecordReader.parseObject(Array(record.utf8)).get())
        XCTAssertEqual(InterviewDriver.outcome(run.decision), InterviewDriver.outcome(whole), run.transcript)
        XCTAssertEqual(run.decision["status"] as? String, "eligible", run.transcript)
        let awards = try XCTUnwrap(run.decision["awards"] as? [[String: Any]])
        XCTAssertTrue(awards.contains { ($0["benefit"] as? String ?? "").contains("节日坚守") && $0["amount"] as? String == "1000.00" }, run.transcript)
    }

    func testAQuestionAnsweredEmptyLeavesTheFieldUnknownNotZero() throws {
        // 家庭月收入 left empty: the 3× test cannot be decided — and then neither 家庭人口 nor
        // 所属地区 can change anything, so they are not asked.
        let record = #"{"id":"BB-3","name":"陈三","region":"蚌埠市","household_size":3,"archive_type":"none","archive_level":"none","hardship_causes":["serious_illness"]}"#
        let run = try interview("bengbu-2022.rules", record)
        XCTAssertEqual(run.decision["status"] as? String, "undetermined", run.transcript)
        XCTAssertTrue((run.decision["missing"] as? [String] ?? []).contains("household_monthly_income"), run.transcript)
        let keys = try asked(run, "bengbu-2022.rules")
        XCTAssertTrue(keys.contains("household_monthly_income"), run.transcript)
        XCTAssertFalse(keys.contains("household_size"), run.transcript)
        XCTAssertFalse(keys.contains("region"), run.transcript)
    }
}
