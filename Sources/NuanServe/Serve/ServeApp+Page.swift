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
            var pairs: [(String, RawValue)] = []
            var decision = ""
            var shown = Set(e.program.fields.indices)
            if r.method == "POST" {
                let form = HTTPParse.form(String(decoding: try read(body), as: UTF8.self))
                pairs = FormRecord.pairs(e.program, form)
                (decision, shown) = decide(e, pairs, lang)
            }
            return html(view.screen(e, menu: entries, pairs: pairs, shown: shown, decision: decision))
        }
    }

    /// The decision panel and the questions to show, for the page's script.
    func live(_ r: HTTPRequest, _ body: BodyReader) -> HTTPResponse {
        attempt {
            let lang = try language(r)
            let e = try entry(r)
            let form = HTTPParse.form(String(decoding: try read(body), as: UTF8.self))
            let pairs = FormRecord.pairs(e.program, form)
            let (decision, shown) = decide(e, pairs, lang)
            let keys = shown.sorted().map { jsonQuote(e.program.fields[$0].key) }
            return .json(200, "{\"decision_html\":\(jsonQuote(decision)),\"show\":[\(keys.joined(separator: ","))]}\n")
        }
    }

    /// The form's record decided through the path of `POST /v1/decide`, rendered; and the
    /// fields to show: those given and those that could still change the decision.
    func decide(_ e: RulesMenu.Entry, _ pairs: [(String, RawValue)], _ lang: Language) -> (String, Set<Int>) {
        // nothing filled in yet: no decision to show (the page says what will appear there)
        if pairs.isEmpty { return (ScreeningPage(english: lang == .english).waiting, Set(Self.relevant(e.program, pairs))) }
        let json = Self.decisionJSON(e.program, Array(FormRecord.json(pairs).utf8), explain: .full, language: lang)
        let name = pairs.first { $0.0 == "name" || $0.0 == "姓名" }.flatMap { p -> String? in if case .string(let s) = p.1 { return s }; return nil }
        let html = DecisionHTML(program: e.program, english: lang == .english).render(json: json, name: name)
        var shown = Set(Self.relevant(e.program, pairs))
        for (i, f) in e.program.fields.enumerated() where pairs.contains(where: { $0.0 == f.key }) { shown.insert(i) }
        return (html, shown)
    }

    func html(_ text: String) -> HTTPResponse {
        HTTPResponse(status: 200, contentType: "text/html; charset=utf-8", text: text, headers: [
            ("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
        ])
    }
}
