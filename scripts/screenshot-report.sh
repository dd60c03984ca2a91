#!/usr/bin/env bash
# Renders a batch HTML report (`nuan batch … --report REPORT.html`) in headless Chromium and
# saves a PNG screenshot, to check in a real browser that the page and its inline SVG charts
# render offline.
#
#   scripts/screenshot-report.sh REPORT.html OUT.png [WIDTHxHEIGHT]
#   scripts/screenshot-report.sh --demo OUT.png      # renders the test suite's demo report first
#
# Needs chromium and a CJK font; installs them with apt-get when missing (Debian:
# `apt-get install -y chromium fonts-wqy-microhei`). The browser runs with networking
# pointed nowhere (--proxy-server) so a report that tried to load anything from outside
# would show it as broken.
set -euo pipefail

usage() { echo "usage: $0 REPORT.html OUT.png [WIDTHxHEIGHT] | $0 --demo OUT.png" >&2; exit 2; }
[ $# -ge 2 ] || usage

root="$(cd "$(dirname "$0")/.." && pwd)"
size="${3:-1200x2000}"

if [ "$1" = "--demo" ]; then
    report="$(mktemp -d)/report.html"
    # HTMLReportTests.testWriteDemoReportWhenAsked writes the demo report when NUAN_WRITE_REPORT is set.
    log="$(dirname "$report")/swift-test.log"
    (cd "$root" && NUAN_WRITE_REPORT="$report" swift test --scratch-path "${SCRATCH:-/tmp/build-report}" \
        --filter HTMLReportTests.testWriteDemoReportWhenAsked >"$log" 2>&1) || { cat "$log" >&2; exit 1; }
    [ -s "$report" ] || { echo "demo report was not written" >&2; exit 1; }
else
    report="$1"
fi
out="$2"
[ -f "$report" ] || { echo "no such report: $report" >&2; exit 1; }

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

abs="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
mkdir -p "$(dirname "$out")"
out_abs="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$profile" --proxy-server="127.0.0.1:9" --proxy-bypass-list="<-loopback>" \
    --window-size="${size/x/,}" --screenshot="$out_abs" "file://$abs" >/dev/null 2>&1

[ -s "$out_abs" ] || { echo "no screenshot written" >&2; exit 1; }
echo "$out_abs"
