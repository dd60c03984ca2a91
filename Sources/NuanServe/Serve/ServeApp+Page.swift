import NuanSupport
import NuanProgram
import NuanExplain

/// `GET /` and `POST /` (the form without script) and `POST /ui/decide` (the live update).
extension ServeApp {
    func page(_ r: HTTPRequest, _ body: BodyReader) -> HTTPResponse {
        attempt {
            let lang = try language(r)
            let view = ScreeningPage(english: lang == .english)
            let entries = menu.all
            if r.query["rules"] == nil, entries.count > 1 { return html(view.menu(entries)) }
            let e = try entry(r)
            var screened = Screened(decision: "", shown: Set(e.program.fields.indices), params: [], pairs: [])
            if r.method == "POST" {
                screened = screen(e, HTTPParse.form(String(decoding: try read(body), as: UTF8.self)), lang)
            }
            return html(view.screen(e, menu: entries, pairs: screened.pairs, shown: screened.shown, params: screened.params,
                                    decision: screened.decision))
        }
    }

    /// The decision panel, the questions to show and the office's figures, for the page's script.
    func live(_ r: HTTPRequest, _ body: BodyReader) -> HTTPResponse {
        attempt {
            let lang = try language(r)
            let e = try entry(r)
            let s = screen(e, HTTPParse.form(String(decoding: try read(body), as: UTF8.self)), lang)
            let view = ScreeningPage(english: lang == .english)
            let keys = s.shown.sorted().map { jsonQuote(e.program.fields[$0].key) }
            let paramKeys = s.params.map { jsonQuote(FormRecord.setPrefix + $0.name) }
            return .json(200, "{\"decision_html\":\(jsonQuote(s.decision)),\"show\":[\((keys + paramKeys).joined(separator: ","))],"
                         + "\"params_html\":\(jsonQuote(view.params(e.program, s.params))),\"params_keys\":\(jsonQuote(view.paramKeys(s.params)))}\n")
        }
    }

    /// `POST /notice`: the applicant's 告知单 (the A4 page of `nuan screen --format html`) for the
    /// form's record (the page's print button), or for a record sent as JSON.
    func notice(_ r: HTTPRequest, _ body: BodyReader) -> HTTPResponse {
        attempt {
            let lang = try language(r)
            let e = try entry(r)
            let bytes = try read(body)
            var sets = try self.sets(r)
            let json: [UInt8]
            if r.header("content-type")?.lowercased().hasPrefix("application/json") == true {
                _ = try record(bytes, lang)
                json = bytes
            } else {
                let form = HTTPParse.form(String(decoding: bytes, as: UTF8.self))
                json = Array(FormRecord.json(FormRecord.pairs(e.program, form)).utf8)
                sets += FormRecord.sets(form)
            }
            let program = try program(e, sets, lang)
            let d = Nuan.screen(program, json: json, explain: .full, recourse: true, language: lang)
            // the notice is one self-contained page: its own style, no script, nothing fetched
            return HTTPResponse(status: 200, contentType: "text/html; charset=utf-8", text: NoticeHTML(program: program, english: lang == .english).render(d),
                                headers: [("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")])
        }
    }

    /// What the page shows for one filled-in form.
    struct Screened {
        var decision: String
        var shown: Set<Int>
        /// Figures the office sets (`set:NAME` inputs): the ones the decision waits on, and any given.
        var params: [(name: String, value: String)]
        var pairs: [(String, RawValue)]
    }

    /// The form's record decided through the path of `POST /v1/decide` (with the office's
    /// figures as `set=`), rendered; the fields to show: those given and those that could still
    /// change the decision.
    func screen(_ e: RulesMenu.Entry, _ form: [(String, String)], _ lang: Language) -> Screened {
        let english = lang == .english
        let pairs = FormRecord.pairs(e.program, form)
        let sets = FormRecord.sets(form)
        // nothing filled in yet: no decision to show (the page says what will appear there)
        if pairs.isEmpty && sets.isEmpty {
            return Screened(decision: ScreeningPage(english: english).waiting, shown: Set(Self.relevant(e.program, pairs)), params: [], pairs: [])
        }
        var program = e.program
        var problem = ""
        switch compiled(e, sets, lang) {
        case .success(let p): program = p
        case .failure(let f): problem = "<pre class=\"set-error\">\(h(f.message))</pre>\n"
        }
        let json = Self.decisionJSON(program, Array(FormRecord.json(pairs).utf8), explain: .full, language: lang)
        let name = pairs.first { $0.0 == "name" || $0.0 == "姓名" }.flatMap { p -> String? in if case .string(let s) = p.1 { return s }; return nil }
        let html = problem + DecisionHTML(program: program, english: english).render(json: json, name: name)
        var shown = Set(Self.relevant(program, pairs))
        for (i, f) in program.fields.enumerated() where pairs.contains(where: { $0.0 == f.key }) { shown.insert(i) }
        // a figure the decision still waits on that no field gives: a parameter the office sets
        var params = sets
        let missing = JSONTree.parse(json)?["missing"].array.compactMap(\.string) ?? []
        for m in missing where program.fieldIndex(named: m) == nil && program.parameters.contains(where: { $0.name == m }) && !params.contains(where: { $0.name == m }) {
            params.append((m, ""))
        }
        return Screened(decision: html, shown: shown, params: params, pairs: pairs)
    }

    func html(_ text: String) -> HTTPResponse {
        HTTPResponse(status: 200, contentType: "text/html; charset=utf-8", text: text, headers: [
            ("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
        ])
    }
}
