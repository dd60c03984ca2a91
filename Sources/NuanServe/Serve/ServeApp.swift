import Foundation
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain

/// The routes of `nuan serve`: the JSON API (`/v1/…`), the screening page (`/`), its embedded
/// assets and `/healthz`. Every route is a fixed string; nothing in a request names a file.
public final class ServeApp: HTTPHandler, @unchecked Sendable {
    public let menu: RulesMenu
    let limits: ServerLimits

    public init(menu: RulesMenu, limits: ServerLimits = ServerLimits()) {
        self.menu = menu
        self.limits = limits
    }

    static let routes: Set<String> = ["/", "/healthz", "/v1/decide", "/v1/batch", "/v1/rules", "/v1/questions", "/ui/decide", "/notice",
                                      "/assets/app.css", "/assets/app.js", "/favicon.ico"]

    public func respond(_ r: HTTPRequest, body: BodyReader) -> HTTPResponse {
        let get = r.method == "GET" || r.method == "HEAD"
        func only(_ ok: Bool, _ allow: String, _ f: () -> HTTPResponse) -> HTTPResponse {
            guard ok else {
                var resp = HTTPResponse.error(405, ServeMessage.methodNotAllowed)
                resp.headers.append(("Allow", allow))
                return resp
            }
            return f()
        }
        switch r.path {
        case "/healthz": return only(get, "GET, HEAD") { health() }
        case "/v1/rules": return only(get, "GET, HEAD") { rules(r) }
        case "/v1/decide": return only(r.method == "POST", "POST") { decide(r, body) }
        case "/v1/batch": return only(r.method == "POST", "POST") { batch(r, body) }
        case "/v1/questions": return only(r.method == "POST", "POST") { questions(r, body) }
        case "/": return only(get || r.method == "POST", "GET, HEAD, POST") { page(r, body) }
        case "/ui/decide": return only(r.method == "POST", "POST") { live(r, body) }
        case "/notice": return only(r.method == "POST", "POST") { notice(r, body) }
        case "/assets/app.css": return only(get, "GET, HEAD") { HTTPResponse(status: 200, contentType: "text/css; charset=utf-8", text: Assets.css) }
        case "/assets/app.js": return only(get, "GET, HEAD") { HTTPResponse(status: 200, contentType: "text/javascript; charset=utf-8", text: Assets.js) }
        case "/favicon.ico": return HTTPResponse(status: 404, contentType: "text/plain", text: "")
        default: return HTTPResponse.error(404, ServeMessage.notFound)
        }
    }

    // MARK: request options

    enum Refusal: Error { case response(HTTPResponse) }

    func entry(_ r: HTTPRequest) throws -> RulesMenu.Entry {
        switch menu.pick(r.query["rules"]) {
        case .found(let e): return e
        case .unknown(let keys): throw Refusal.response(.error(404, ServeMessage.unknownRules(SafeText.line(r.query["rules"] ?? ""), keys)))
        case .ambiguous(let keys): throw Refusal.response(.error(400, ServeMessage.chooseRules(keys)))
        }
    }

    func language(_ r: HTTPRequest) throws -> Language {
        switch r.query["lang"] {
        case nil, "zh": return .chinese
        case "en": return .english
        default: throw Refusal.response(.error(400, ServeMessage.badLang))
        }
    }

    func explain(_ r: HTTPRequest, default d: ExplainLevel) throws -> ExplainLevel {
        guard let x = r.query["explain"] else { return d }
        guard let level = ExplainLevel(rawValue: x) else { throw Refusal.response(.error(400, ServeMessage.badExplain)) }
        return level
    }

    /// `NAME=true|false` (absent: false).
    func flag(_ r: HTTPRequest, _ name: String) throws -> Bool {
        switch r.query[name] {
        case nil, "false", "0": return false
        case "true", "1", "": return true
        default: throw Refusal.response(.error(400, ServeMessage.badFlag(name)))
        }
    }

    func read(_ body: BodyReader) throws -> [UInt8] {
        do { return try body.readAll() } catch BodyReader.Failure.timeout {
            throw Refusal.response(.error(408, ServeMessage.bodyTimeout))
        } catch BodyReader.Failure.tooLarge {
            throw Refusal.response(.error(413, ServeMessage.bodyTooLarge(limits.maxBodyBytes)))
        } catch { throw Refusal.response(.error(400, ServeMessage.bodyClosed)) }
    }

    /// The record as key/value pairs, or a 400 naming what is wrong with its JSON.
    func record(_ bytes: [UInt8], _ language: Language) throws -> [(String, RawValue)] {
        switch JSONRecordReader.parseObject(bytes) {
        case .success(let pairs): return pairs
        case .failure(let e): throw Refusal.response(.error(400, ServeMessage.badJSON(Disclosure.masked.line(e.describe(in: bytes, language: language)))))
        }
    }

    /// `set=NAME=VALUE` (repeatable): a parameter the office sets, as `--set` does.
    func sets(_ r: HTTPRequest) throws -> [(name: String, value: String)] {
        try r.queryPairs.filter { $0.0 == "set" }.map { kv in
            guard let eq = kv.1.firstIndex(of: "="), eq != kv.1.startIndex else { throw Refusal.response(.error(400, ServeMessage.badSet)) }
            return (String(kv.1[..<eq]), String(kv.1[kv.1.index(after: eq)...]))
        }
    }

    /// The entry's program, or — with parameters set — the same text compiled again with them.
    func program(_ e: RulesMenu.Entry, _ sets: [(name: String, value: String)], _ lang: Language) throws -> CheckedProgram {
        switch compiled(e, sets, lang) {
        case .success(let p): return p
        case .failure(let problem): throw Refusal.response(.error(problem.status, problem.message))
        }
    }

    struct SetProblem: Error {
        var status: Int
        var message: String
    }

    func compiled(_ e: RulesMenu.Entry, _ sets: [(name: String, value: String)], _ lang: Language) -> Result<CheckedProgram, SetProblem> {
        if sets.isEmpty { return .success(e.program) }
        let (p, diags) = Nuan.compile(path: e.path, overrides: sets)
        guard let p else {
            let errors = diags.filter { $0.severity == .error }
            return .failure(SetProblem(status: 400, message: Disclosure.masked.report(DiagnosticRenderer.render(errors, english: lang == .english))))
        }
        // the text on disk must be the text served (it changed and --watch refused it, or no --watch)
        guard p.sources.map(\.sha256) == e.program.sources.map(\.sha256) else { return .failure(SetProblem(status: 409, message: ServeMessage.changedOnDisk)) }
        return .success(p)
    }

    func attempt(_ f: () throws -> HTTPResponse) -> HTTPResponse {
        do { return try f() } catch Refusal.response(let r) { return r } catch { return .error(500, "\(error)") }
    }

    // MARK: API

    func health() -> HTTPResponse {
        let files = menu.all.map { "{\"rules\":\(jsonQuote($0.key)),\"sha256\":\(jsonQuote($0.program.chainSHA256))}" }
        return .json(200, "{\"status\":\"ok\",\"rules\":[\(files.joined(separator: ","))]}\n")
    }

    /// `POST /v1/decide`: the decision exactly as `nuan screen --format json` writes it.
    func decide(_ r: HTTPRequest, _ body: BodyReader) -> HTTPResponse {
        attempt {
            let e = try entry(r)
            let lang = try language(r)
            let level = try explain(r, default: .full)
            let program = try program(e, try sets(r), lang)
            let bytes = try read(body)
            _ = try record(bytes, lang)
            return .json(200, Self.decisionJSON(program, bytes, explain: level, language: lang))
        }
    }

    /// The one path from a record's JSON to the decision's JSON (the API and the page).
    static func decisionJSON(_ program: CheckedProgram, _ json: [UInt8], explain: ExplainLevel = .full, language: Language = .chinese) -> String {
        let d = Nuan.screen(program, json: json, explain: explain, recourse: true, language: language)
        return DecisionJSON(program: program).render(d, pretty: true) + "\n"
    }

    /// `POST /v1/batch`: JSON Lines in, one decision a line out, as each line arrives. A line that
    /// is not JSON gets an `invalid` decision naming it; blank lines are skipped.
    func batch(_ r: HTTPRequest, _ body: BodyReader) -> HTTPResponse {
        attempt {
            let e = try entry(r)
            let lang = try language(r)
            let level = try explain(r, default: .brief)
            let program = try program(e, try sets(r), lang)
            let recourse = try flag(r, "recourse")
            let json = DecisionJSON(program: program, compact: level == .none)
            let maxLine = limits.maxBatchLine
            var response = HTTPResponse(status: 200, contentType: "application/x-ndjson; charset=utf-8", body: [])
            response.stream = { w in
                var n = 0
                var out: [UInt8] = []
                do {
                    try body.lines(maxLine: maxLine, beforeWait: { w.write(out); out.removeAll(keepingCapacity: true) }) { line in
                        n += 1
                        let d: Decision
                        if let line {
                            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
                            d = Nuan.screen(program, json: Array(line), source: ServeMessage.lineLabel(n, lang == .english),
                                            explain: level, recourse: recourse, language: lang)
                        } else {
                            d = .invalid(id: nil, errors: [RecordError(field: "", value: nil, reason: ServeMessage.lineTooLong(maxLine).text(lang),
                                                                       line: n, language: lang)])
                        }
                        out += Array((json.render(d) + "\n").utf8)
                        if out.count >= 1 << 16 { w.write(out); out.removeAll(keepingCapacity: true) }
                    }
                    w.write(out)
                } catch {
                    w.abort()
                }
            }
            return response
        }
    }

    /// `POST /v1/questions`: which fields not given could still change the decision (the
    /// interview's relevance), in the order the interview would ask them.
    func questions(_ r: HTTPRequest, _ body: BodyReader) -> HTTPResponse {
        attempt {
            let e = try entry(r)
            let lang = try language(r)
            let program = try program(e, try sets(r), lang)
            let pairs = try record(try read(body), lang)
            let ask = Self.relevant(program, pairs)
            return .json(200, "{\"ask\":[" + ask.map { jsonQuote(program.fields[$0].key) }.joined(separator: ",") + "]}\n")
        }
    }

    /// Field slots, in question order, that are not given and whose answer could still change
    /// the outcome; required fields not given always are.
    static func relevant(_ program: CheckedProgram, _ pairs: [(String, RawValue)]) -> [Int] {
        func given(_ slot: Int) -> Bool {
            let f = program.fields[slot]
            return pairs.contains { ($0.0 == f.key || $0.0 == f.label) && $0.1 != .null }
        }
        var out = program.fields.indices.filter { program.fields[$0].required && !given($0) }
        var relevance = Relevance(program: program)
        for slot in relevance.order where !given(slot) && !out.contains(slot) {
            if relevance.couldMatter(slot, pairs: pairs, asked: []) { out.append(slot) }
        }
        return out
    }

    /// `GET /v1/rules`: what a form or another system needs of each file.
    func rules(_ r: HTTPRequest) -> HTTPResponse {
        attempt {
            let list = r.query["rules"] == nil ? menu.all : [try entry(r)]
            return .json(200, "{\"rules\":[\n" + list.map { RulesJSON.render($0) }.joined(separator: ",\n") + "\n]}\n")
        }
    }
}

