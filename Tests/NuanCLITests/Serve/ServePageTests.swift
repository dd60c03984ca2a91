import Foundation
import XCTest
@testable import NuanCLI
@testable import NuanProgram
@testable import NuanServe

/// The screening page: generated from the rules file's fields, working without script (form
/// POST → decision page) and with it (`/ui/decide`), deciding exactly as the API does.
final class ServePageTests: XCTestCase {
    var server: TestServer!

    override func setUpWithError() throws { server = try TestServer(rules: [ServeAPITests.rulesDir]) }
    override func tearDown() { server.stop(); server = nil }

    func form(_ pairs: [(String, String)]) -> [UInt8] {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return Array(pairs.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&").utf8)
    }

    /// A record file as the form would send it: one input per value, lists as repeated boxes.
    func formPairs(_ json: [UInt8]) throws -> [(String, String)] {
        guard case .success(let pairs) = JSONRecordReader.parseObject(json) else { XCTFail("example is JSON"); return [] }
        var out: [(String, String)] = []
        for (k, v) in pairs {
            switch v {
            case .string(let s): out.append((k, s))
            case .number(let n): out.append((k, n))
            case .bool(let b): out.append((k, b ? "true" : "false"))
            case .array(let xs):
                if xs.isEmpty { out.append((k, FormRecord.noneMarker)) }
                for x in xs { if case .string(let s) = x { out.append((k, s)) } }
            default: break
            }
        }
        return out
    }

    func testMenuListsEveryRulesFile() throws {
        let r = try server.request("GET", "/")
        XCTAssertEqual(r.status, 200)
        XCTAssertEqual(r.headers["content-type"], "text/html; charset=utf-8")
        for e in server.app.menu.all { XCTAssertTrue(r.text.contains("/?rules=\(e.key)&amp;lang=zh"), e.key) }
        XCTAssertTrue(r.text.contains("选择规则"))
        XCTAssertTrue(try server.request("GET", "/?lang=en").text.contains("Choose the rules"))
    }

    func testTheFormIsGeneratedFromTheFields() throws {
        let r = try server.request("GET", "/?rules=bengbu-2022")
        XCTAssertEqual(r.status, 200)
        let csp = try XCTUnwrap(r.headers["content-security-policy"])
        XCTAssertTrue(csp.contains("script-src 'self'"))
        let program = try XCTUnwrap(server.app.menu.all.first { $0.key == "bengbu-2022" }).program
        for f in program.fields { XCTAssertTrue(r.text.contains("name=\"\(f.key)\""), f.key) }
        XCTAssertTrue(r.text.contains("<option value=\"deep\">深度困难</option>"))
        XCTAssertTrue(r.text.contains("家庭月收入"))
        XCTAssertTrue(r.text.contains("<span class=\"unit\">元</span>"))
        XCTAssertTrue(r.text.contains("method=\"post\""), "works without script: a plain form")
        XCTAssertFalse(r.text.contains("http://") || r.text.contains("https://"), "nothing loaded from elsewhere")
        let en = try server.request("GET", "/?rules=bengbu-2022&lang=en")
        XCTAssertTrue(en.text.contains(">Decide</button>"))
        XCTAssertTrue(en.text.contains("household_monthly_income"))
    }

    func testAssetsAreEmbedded() throws {
        let css = try server.request("GET", "/assets/app.css")
        XCTAssertEqual(css.status, 200)
        XCTAssertEqual(css.headers["content-type"], "text/css; charset=utf-8")
        XCTAssertTrue(css.text.contains("@media print"))
        let js = try server.request("GET", "/assets/app.js")
        XCTAssertEqual(js.headers["content-type"], "text/javascript; charset=utf-8")
        XCTAssertTrue(js.text.contains("/ui/decide") || js.text.contains("data-live"))
        for body in [css.text, js.text] { XCTAssertFalse(body.contains("http://") || body.contains("https://")) }
    }

    /// The form's record decides exactly as the record file does through the API.
    func testFormDecidesAsTheAPIForEveryExample() throws {
        let dir = ServeAPITests.path("Rules/examples")
        let examples = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") }.sorted()
        for name in examples {
            let e = try XCTUnwrap(server.app.menu.all.first { name.hasPrefix($0.key.split(separator: "-")[0] + "-") })
            let json = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)))
            let pairs = FormRecord.pairs(e.program, try formPairs(json))
            let viaForm = ServeApp.decisionJSON(e.program, Array(FormRecord.json(pairs).utf8))
            let viaAPI = try server.request("POST", "/v1/decide?rules=\(e.key)", body: json).text
            XCTAssertEqual(viaForm, viaAPI, name)
        }
    }

    func testPlainFormPostShowsTheDecision() throws {
        let json = try [UInt8](Data(contentsOf: URL(fileURLWithPath: ServeAPITests.path("Rules/examples/bengbu-deep-national.json"))))
        let pairs = try formPairs(json)
        let r = try server.request("POST", "/?rules=bengbu-2022", body: form(pairs), headers: ["Content-Type: application/x-www-form-urlencoded"])
        XCTAssertEqual(r.status, 200)
        XCTAssertTrue(r.text.contains("status-eligible"), r.text)
        XCTAssertTrue(r.text.contains("1000.00 元"))
        XCTAssertTrue(r.text.contains("<strong>中央财政专项帮扶资金</strong>"))
        XCTAssertTrue(r.text.contains("判定过程"))
        XCTAssertTrue(r.text.contains("告知单"))
        // the form is filled in again, personal numbers excepted (shown masked)
        XCTAssertTrue(r.text.contains("value=\"BB-2022-0001\""))
        for (k, v) in pairs where k == "id_number" || k == "phone" {
            XCTAssertFalse(r.text.contains(v), "\(k) is never echoed in full")
        }
        let en = try server.request("POST", "/?rules=bengbu-2022&lang=en", body: form(pairs))
        XCTAssertTrue(en.text.contains("Awards"))
    }

    func testLiveUpdateGivesTheDecisionAndTheQuestionsToShow() throws {
        let empty = try server.request("POST", "/ui/decide?rules=bengbu-2022", body: [])
        XCTAssertEqual(empty.status, 200)
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(empty.body)) as? [String: Any])
        XCTAssertTrue((obj["decision_html"] as? String)?.contains("waiting") == true)
        let shown = try XCTUnwrap(obj["show"] as? [String])
        XCTAssertTrue(shown.contains("archive_type"))
        XCTAssertFalse(shown.contains("employer"))

        let archived = form([("id", "A-1"), ("name", "张三"), ("archive_type", "deep"), ("archive_level", "national"), ("region", "蚌埠市"),
                             ("application_date", "2022-01-05"), ("provincial_leader_visit", "false")])
        let r = try server.request("POST", "/ui/decide?rules=bengbu-2022", body: archived)
        let o2 = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.body)) as? [String: Any])
        let html = try XCTUnwrap(o2["decision_html"] as? String)
        XCTAssertTrue(html.contains("status-"), html)
        let shown2 = try XCTUnwrap(o2["show"] as? [String])
        XCTAssertTrue(shown2.contains("archive_type"), "answered questions stay")
        XCTAssertLessThan(shown2.count, server.app.menu.all.first { $0.key == "bengbu-2022" }!.program.fields.count)
    }

    /// A figure the rules lack for the applicant (海东市 has no 低保 row in 青海 2020): the page
    /// asks the office for it, and decides once it is given.
    func testTheOfficeIsAskedForAFigureTheDecisionWaitsOn() throws {
        let base: [(String, String)] = [("id", "Q-1"), ("name", "王"), ("region", "海东市"), ("household_size", "2"), ("household_monthly_income", "1000"),
                                        ("archive_type", "none"), ("archive_level", "none"), ("hardship_causes", "accident")]
        let r = try server.request("POST", "/ui/decide?rules=qinghai-2020", body: form(base))
        let o = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.body)) as? [String: Any])
        XCTAssertEqual(o["params_keys"] as? String, "低保标准")
        XCTAssertTrue((o["params_html"] as? String)?.contains("name=\"set:低保标准\"") == true)
        XCTAssertTrue((o["decision_html"] as? String)?.contains("status-undetermined") == true)
        let r2 = try server.request("POST", "/ui/decide?rules=qinghai-2020", body: form(base + [("set:低保标准", "750")]))
        let o2 = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r2.body)) as? [String: Any])
        let html = try XCTUnwrap(o2["decision_html"] as? String)
        XCTAssertFalse(html.contains("status-undetermined"), html)
        XCTAssertEqual(o2["params_keys"] as? String, "低保标准", "the figure given stays on the form")
        // a bad figure is said, and the decision is the one without it
        let r3 = try server.request("POST", "/ui/decide?rules=qinghai-2020", body: form(base + [("set:低保标准", "很多")]))
        let o3 = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r3.body)) as? [String: Any])
        XCTAssertTrue((o3["decision_html"] as? String)?.contains("set-error") == true)
        // without script: the plain form post shows the input too
        let page = try server.request("POST", "/?rules=qinghai-2020", body: form(base))
        XCTAssertTrue(page.text.contains("name=\"set:低保标准\""))
    }

    /// The print button's 告知单 is `nuan screen --format html`'s, for every example.
    func testNoticeIsTheOneScreenPrints() throws {
        let dir = ServeAPITests.path("Rules/examples")
        for name in try FileManager.default.contentsOfDirectory(atPath: dir).filter({ $0.hasSuffix(".json") }).sorted() {
            let e = try XCTUnwrap(server.app.menu.all.first { name.hasPrefix($0.key.split(separator: "-")[0] + "-") })
            let path = dir + "/" + name
            let json = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            let r = try server.request("POST", "/notice?rules=\(e.key)", body: json, headers: ["Content-Type: application/json"])
            XCTAssertEqual(r.status, 200)
            XCTAssertTrue(r.headers["content-security-policy"]?.contains("default-src 'none'") == true)
            let (io, out, _) = IO.capture()
            _ = CLI.main(["screen", "--rules", ServeAPITests.path("Rules/\(e.key).rules"), path, "--format", "html"], io: io)
            XCTAssertEqual(r.text, out(), name)
            // the same from the form
            let viaForm = try server.request("POST", "/notice?rules=\(e.key)", body: form(try formPairs(json)))
            XCTAssertEqual(viaForm.text, out(), "\(name) (form)")
        }
        let page = try server.request("GET", "/?rules=bengbu-2022")
        XCTAssertTrue(page.text.contains("formaction=\"/notice?rules=bengbu-2022&amp;lang=zh\""))
    }

    func testWhatTheCaseworkerTypesIsEscaped() throws {
        let r = try server.request("POST", "/?rules=bengbu-2022",
                                   body: form([("id", "<script>alert(1)</script>"), ("name", "\"><img src=x onerror=alert(1)>"), ("region", "蚌埠市")]))
        XCTAssertFalse(r.text.contains("<script>alert"))
        XCTAssertFalse(r.text.contains("<img src=x"))
        XCTAssertTrue(r.text.contains("&lt;script&gt;"))
    }

    func testScreeningPageNeedsAKnownRules() throws {
        XCTAssertEqual(try server.request("GET", "/?rules=nope").status, 404)
        XCTAssertEqual(try server.request("GET", "/?rules=bengbu-2022&lang=fr").status, 400)
    }
}

/// The decision panel renders the contract's fields from JSON — `reasons` and `recourse`
/// included, as soon as the engine gives them.
final class DecisionHTMLTests: XCTestCase {
    func testReasonsAndRecourseAreShown() throws {
        let (program, _) = Nuan.compile(path: ServeAPITests.path("Rules/bengbu-2022.rules"))
        let p = try XCTUnwrap(program)
        let json = #"""
        {"id":"A-1","status":"ineligible","category":"none","awards":[],"total_amount":"0.00","score":12.5,"missing":[],"errors":[],
         "warnings":[{"code":"period","message":"申请日期不在施行期内"}],
         "reasons":["人均月收入 2100.00 元，超过低保标准 3 倍（1980.00 元）"],
         "recourse":[{"changes":[{"field":"household_monthly_income","from":4200,"to":3960}],"result":{"status":"eligible","total_amount":"1000.00"}}],
         "explanation":[{"kind":"benefit","rule":"<b>规则</b>","source":"蚌埠2022通知 二（三）","outcome":"not_met","values":["人均 2100.00 > 1980.00 ✗"]}],
         "rules":{"name":"蚌埠","version":"2022.1","sha256":"abc"}}
        """#
        let html = DecisionHTML(program: p, english: false).render(json: json, name: "张三")
        XCTAssertTrue(html.contains("status-ineligible"))
        XCTAssertTrue(html.contains("超过低保标准 3 倍"), "reasons")
        XCTAssertTrue(html.contains("差什么才符合"))
        XCTAssertTrue(html.contains("家庭月收入：4200 元 → <strong>3960 元</strong>"), html)
        XCTAssertTrue(html.contains("符合条件"))
        XCTAssertTrue(html.contains("12.5"), "the score as written, not through a float")
        XCTAssertTrue(html.contains("申请日期不在施行期内"))
        XCTAssertTrue(html.contains("&lt;b&gt;规则&lt;/b&gt;"), "escaped")
        XCTAssertTrue(html.contains("张三"))
        let en = DecisionHTML(program: p, english: true).render(json: json, name: nil)
        XCTAssertTrue(en.contains("What would change the outcome"))
        XCTAssertTrue(en.contains("household_monthly_income (家庭月收入): 4200 yuan"), en)
        // options by their labels, as the caseworker chose them on the form
        let choice = json.replacingOccurrences(of: #"{"field":"household_monthly_income","from":4200,"to":3960}"#,
                                               with: #"{"field":"archive_type","from":"none","to":"deep"}"#)
        XCTAssertTrue(DecisionHTML(program: p, english: false).render(json: choice, name: nil).contains("建档类型：未建档 → <strong>深度困难</strong>"))
    }
}
