#!/usr/bin/env bash
# Starts `nuan serve` on the shipped rules, drives the screening page in headless Chromium and
# saves what a caseworker sees under docs/:
#   docs/serve-menu.png        the menu of rules files (GET /)
#   docs/serve-form.png        the empty screening form of 蚌埠 2022 (only the questions that matter)
#   docs/serve-decision.png    the form filled in for an example applicant and its decision
#   docs/serve-decision-en.png the same in English (?lang=en)
#   docs/serve-recourse.png    an applicant who gets nothing (bengbu-high-income): reasons and 差什么才符合
#   docs/serve-notice.pdf      the 告知单 the page's print button opens (POST /notice), printed to PDF (A4)
# and prints the decision the page shows (status and total), failing if the page shows none.
#
#   scripts/screenshot-serve.sh [EXAMPLE.json] [RULES-KEY]
#       default: Rules/examples/bengbu-not-archived-low-income.json under bengbu-2022
#
# The form is filled in as a browser does it: a page (a data: URL) holding the example's values
# as form inputs is submitted to the server — the page's plain-form path; the page's own script
# then refreshes the decision live. Needs chromium and a CJK font (installed with apt-get when
# missing: `apt-get install -y chromium fonts-wqy-microhei`). The browser's proxy points nowhere,
# so anything the page tried to load from outside this machine would show as broken.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
example="${1:-Rules/examples/bengbu-not-archived-low-income.json}"
key="${2:-bengbu-2022}"

browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ] || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "installing chromium and a CJK font…" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-wqy-microhei >/dev/null \
            || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-wqy-microhei >/dev/null; }
        browser="$(command -v chromium || command -v chromium-browser)"
    else
        echo "chromium (and a CJK font) needed: apt-get install -y chromium fonts-wqy-microhei" >&2
        exit 1
    fi
fi

swift build --product nuan >/dev/null
work="$(mktemp -d)"
port="${PORT:-18090}"
.build/debug/nuan serve --rules Rules/ --port "$port" 2>"$work/serve.log" &
server=$!
trap 'kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.2
done
base="http://127.0.0.1:$port"

chrome() {
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
        --proxy-server="127.0.0.1:9" --virtual-time-budget=8000 "$@" 2>/dev/null
}
shot() { chrome --window-size="$1" --screenshot="$root/$2" "$3" >/dev/null; [ -s "$root/$2" ] && echo "$2"; }

# A page that submits the example's record as the screening form would (lists as ticked boxes).
fill() {
    python3 - "${3:-$example}" "$base${2:-/}?rules=$key&lang=$1" <<'PY'
import html, json, sys, urllib.parse
record = json.load(open(sys.argv[1], encoding="utf-8"))
inputs = []
for k, v in record.items():
    values = v if isinstance(v, list) else [v]
    if isinstance(v, list) and not v:
        values = ["__none__"]
    for x in values:
        if isinstance(x, bool):
            x = "true" if x else "false"
        inputs.append('<input type="hidden" name="%s" value="%s">' % (html.escape(k), html.escape(str(x))))
page = ('<!DOCTYPE html><meta charset="utf-8"><form method="post" action="%s">%s</form>'
        '<script>document.forms[0].submit()</script>') % (html.escape(sys.argv[2]), "".join(inputs))
print("data:text/html;charset=utf-8," + urllib.parse.quote(page))
PY
}

mkdir -p docs
shot 1300,900 docs/serve-menu.png "$base/"
shot 1300,1500 docs/serve-form.png "$base/?rules=$key"
zh="$(fill zh)"
shot 1300,1500 docs/serve-decision.png "$zh"
shot 1300,1500 docs/serve-decision-en.png "$(fill en)"
# an applicant who gets nothing: the panel says why, and what would change it (recourse)
[ -z "${1:-}" ] && shot 1300,1500 docs/serve-recourse.png "$(fill zh / Rules/examples/bengbu-high-income.json)"
chrome --no-pdf-header-footer --print-to-pdf="$root/docs/serve-notice.pdf" "$(fill zh /notice)" >/dev/null
[ -s docs/serve-notice.pdf ] && echo docs/serve-notice.pdf

# What the page shows: the status and the total, read from the rendered page.
chrome --dump-dom "$zh" >"$work/dom.html"
python3 - "$work/dom.html" <<'PY'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
status = re.search(r'class="decision status-(\w+)"', dom)
if not status:
    sys.exit("the page shows no decision")
total = re.search(r'<tfoot><tr><th>[^<]*</th><td class="money">([^<]*)</td>', dom)
print("decision shown:", status.group(1), "· total", total.group(1) if total else "—")
PY
