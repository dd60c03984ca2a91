#!/usr/bin/env bash
# Prints an applicant's notice (告知单, `nuan screen --format html`) the way an office would:
# headless Chromium makes an A4 PDF and a PNG, to check in a real browser that the page fits
# one A4 sheet and reads right.
#
#   scripts/screenshot-notice.sh [RULES RECORD.json] OUT.png [OUT.pdf]
#   (default: Rules/bengbu-2022.rules and Rules/examples/bengbu-high-income.json)
#
# Needs chromium and a CJK font (Debian: `apt-get install -y chromium fonts-wqy-microhei`);
# pdfinfo (poppler-utils), when present, checks the PDF has one page. The browser runs with
# networking pointed nowhere, so a page that tried to load anything from outside would show it.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
if [ $# -ge 3 ] && [ "${1%.rules}" != "$1" ]; then rules="$1"; record="$2"; shift 2
else rules="$root/Rules/bengbu-2022.rules"; record="$root/Rules/examples/bengbu-high-income.json"; fi
[ $# -ge 1 ] || { echo "usage: $0 [RULES RECORD.json] OUT.png [OUT.pdf]" >&2; exit 2; }
png="$1"; pdf="${2:-${png%.png}.pdf}"

command -v chromium >/dev/null || apt-get install -y chromium fonts-wqy-microhei >/dev/null
(cd "$root" && swift build --product nuan >/dev/null)
page="$(mktemp -d)/notice.html"
"$root/.build/debug/nuan" screen --rules "$rules" --format html "$record" > "$page" || true
[ -s "$page" ] || { echo "no notice was written" >&2; exit 1; }

flags=(--headless --no-sandbox --disable-gpu --proxy-server=127.0.0.1:9 --hide-scrollbars)
chromium "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$pdf" "file://$page" 2>/dev/null
chromium "${flags[@]}" --window-size=794,1123 --screenshot="$png" "file://$page" 2>/dev/null
if command -v pdfinfo >/dev/null; then
    pages="$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"
    echo "$pdf: $pages page(s)"
    [ "$pages" = 1 ] || { echo "the notice does not fit one A4 page" >&2; exit 1; }
fi
echo "wrote $png and $pdf"
