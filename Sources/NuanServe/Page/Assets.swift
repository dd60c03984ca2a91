/// The page's style sheet and script, embedded in the binary (no CDN: the office may be offline).
/// The page works without the script (plain form submit); with it, the decision follows the
/// form as it is filled in and only the questions that can still matter are shown.
enum Assets {
    static let css = #"""
    :root { --ink: #1d2430; --muted: #5b6575; --line: #d9dee6; --bg: #f6f7f9; --accent: #b3261e; --ok: #1e7d32; --warn: #a15c00; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.55 "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif; color: var(--ink); background: var(--bg); }
    header.bar { display: flex; align-items: center; gap: 1rem; padding: .6rem 1.2rem; background: var(--accent); color: #fff; }
    header.bar h1 { font-size: 1.15rem; margin: 0; flex: 1; letter-spacing: .05em; }
    header.bar a.lang { color: #fff; }
    header.bar form.switch { display: flex; gap: .4rem; align-items: center; }
    .rules-title { margin: .6rem 1.2rem 0; color: var(--muted); }
    main.menu { max-width: 52rem; margin: 1.5rem auto; background: #fff; padding: 1rem 1.5rem; border: 1px solid var(--line); border-radius: 6px; }
    main.menu li { margin: .6rem 0; }
    main.screen { display: grid; grid-template-columns: minmax(22rem, 34rem) 1fr; gap: 1.2rem; padding: 1rem 1.2rem; align-items: start; }
    @media (max-width: 900px) { main.screen { grid-template-columns: 1fr; } }
    form#screen-form, #decision-panel { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1.1rem; }
    #decision-panel { position: sticky; top: .8rem; }
    h2 { font-size: 1.05rem; margin: .2rem 0 .4rem; }
    h3 { font-size: .98rem; margin: .9rem 0 .3rem; }
    .hint { color: var(--muted); font-size: .85rem; }
    .q { padding: .45rem 0; border-top: 1px solid #eef0f3; }
    .q label, .q legend { display: block; }
    .q fieldset { border: 0; padding: 0; margin: 0; }
    .q .label { font-weight: 600; }
    .q .req { color: var(--accent); font-style: normal; }
    .q input[type=text], .q input[type=date], .q select { width: 100%; padding: .35rem .45rem; font: inherit; border: 1px solid #c3cad5; border-radius: 4px; margin-top: .2rem; }
    .q .num { display: flex; align-items: center; gap: .4rem; }
    .q .num input { max-width: 14rem; }
    .q .opt { display: inline-block; margin: .15rem 1rem .15rem 0; font-weight: normal; }
    .q .opts .opt { display: block; margin: .1rem 0; }
    .q .kept { display: block; color: var(--muted); }
    .idle-note { display: none; color: var(--muted); }
    .q.idle { opacity: .55; }
    .q.idle .idle-note { display: inline; }
    .js .q.idle { display: none; }
    .js.show-all .q.idle { display: block; }
    .js-only { display: none; }
    .js .js-only { display: block; }
    .js .actions { display: none; }
    button { font: inherit; padding: .35rem .9rem; border-radius: 4px; border: 1px solid #9aa4b2; background: #fff; cursor: pointer; }
    button.primary, #print { background: var(--accent); border-color: var(--accent); color: #fff; }
    .waiting { color: var(--muted); }
    #params h3 { margin-top: 1rem; }
    .set-error { color: var(--accent); white-space: pre-wrap; font-size: .85rem; }
    .decision .notice-title, .decision .sign { display: none; }
    .decision .who { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: 0; }
    .decision .who dt { color: var(--muted); }
    .decision .who dd { margin: 0; }
    .decision .status { font-size: 1.25rem; margin: .5rem 0; }
    .decision .status span, .decision .category span, .decision .score span { color: var(--muted); font-size: .9rem; margin-right: .5rem; }
    .status-eligible .status strong { color: var(--ok); }
    .status-ineligible .status strong { color: var(--ink); }
    .status-undetermined .status strong { color: var(--warn); }
    .status-invalid .status strong { color: var(--accent); }
    .decision table { border-collapse: collapse; width: 100%; }
    .decision th, .decision td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
    .decision td.money { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    .decision .warnings li, .decision .missing li { color: var(--warn); }
    .decision .errors li { color: var(--accent); }
    .decision .recourse li { margin: .2rem 0; }
    .decision details.explanation { margin-top: .8rem; }
    .decision details ol { padding-left: 1.2rem; }
    .decision details pre { white-space: pre-wrap; font: .82rem/1.45 "Noto Sans Mono CJK SC", "WenQuanYi Micro Hei Mono", monospace; background: #f7f8fa; padding: .3rem .5rem; margin: .2rem 0; }
    .decision .mark { display: inline-block; width: 1.1em; }
    .outcome-met > .mark { color: var(--ok); }
    .outcome-not_met > .mark { color: var(--accent); }
    .rules-used { color: var(--muted); }
    @page { size: A4; margin: 18mm 16mm; }
    @media print {
      body { background: #fff; font-size: 11pt; }
      header.bar, .rules-title, form#screen-form, .print-row, details.explanation { display: none !important; }
      main.screen { display: block; padding: 0; }
      #decision-panel { border: 0; padding: 0; position: static; }
      .decision .notice-title { display: block; text-align: center; font-size: 16pt; margin: 0 0 8mm; }
      .decision .sign { display: block; margin-top: 14mm; }
    }
    """#

    static let js = #"""
    (function () {
      "use strict";
      var form = document.getElementById("screen-form");
      document.body.classList.add("js");
      var showAll = document.getElementById("show-all");
      if (showAll) showAll.addEventListener("change", function () { document.body.classList.toggle("show-all", showAll.checked); });
      var sw = document.querySelector("form.switch select");
      if (sw) sw.addEventListener("change", function () { sw.form.submit(); });
      if (!form) return;
      var panel = document.getElementById("decision");
      var timer = null, seq = 0;
      // "none of these" and the options of a multiple choice exclude each other
      form.addEventListener("change", function (ev) {
        var t = ev.target;
        if (t.type !== "checkbox") return;
        var boxes = form.querySelectorAll('input[type=checkbox][name="' + t.name + '"]');
        boxes.forEach(function (b) {
          if (t.checked && b !== t && (t.value === "__none__" || b.value === "__none__")) b.checked = false;
        });
      });
      function update() {
        var mine = ++seq;
        var body = new URLSearchParams(new FormData(form)).toString();
        fetch(form.getAttribute("data-live"), {
          method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: body
        }).then(function (r) { return r.json(); }).then(function (d) {
          if (mine !== seq || typeof d.decision_html !== "string") return;
          panel.innerHTML = d.decision_html;
          var show = {};
          (d.show || []).forEach(function (k) { show[k] = true; });
          var params = document.getElementById("params");
          if (params && typeof d.params_html === "string" && params.getAttribute("data-keys") !== d.params_keys) {
            params.innerHTML = d.params_html;
            params.setAttribute("data-keys", d.params_keys);
          }
          form.querySelectorAll(".q").forEach(function (q) { q.classList.toggle("idle", !show[q.getAttribute("data-key")]); });
          document.body.setAttribute("data-status", (panel.querySelector(".decision") || {}).className || "");
        }).catch(function () {});
      }
      function soon() { clearTimeout(timer); timer = setTimeout(update, 250); }
      form.addEventListener("input", soon);
      form.addEventListener("change", soon);
      form.addEventListener("submit", function (ev) {
        if (ev.submitter && ev.submitter.id === "print") return;  // the notice opens in a new tab
        ev.preventDefault();
        update();
      });
      update();
    })();
    """#
}
