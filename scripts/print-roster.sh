#!/usr/bin/env bash
# Prints a roster page (`nuan roster … --out ROSTER.html`) to PDF with headless Chromium and
# saves a PNG of its first page, to check in a real browser that the roster fits A4 and that
# the column headers repeat on every page.
#
#   scripts/print-roster.sh ROSTER.html OUT.pdf [PAGE1.png]
#   scripts/print-roster.sh --demo [OUT-DIR]     # a 60-line roster (3+ pages) from a generated
#                                                # archive; writes roster.pdf and docs/roster-page1.png
#
# Needs chromium, a CJK font and pdftoppm (Debian: `apt-get install -y chromium
# fonts-wqy-microhei poppler-utils`); installs them when run as root. Networking is pointed
# nowhere (--proxy-server): the page must need nothing from outside. Prints the page count
# and, with pdftotext, checks that the header row is on every page.
set -euo pipefail

usage() { echo "usage: $0 ROSTER.html OUT.pdf [PAGE1.png] | $0 --demo [OUT-DIR]" >&2; exit 2; }
[ $# -ge 1 ] || usage
root="$(cd "$(dirname "$0")/.." && pwd)"

need() {
    if ! command -v chromium >/dev/null || ! command -v pdftoppm >/dev/null || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-wqy-microhei poppler-utils >/dev/null \
                || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-wqy-microhei poppler-utils >/dev/null; }
        else
            echo "needs chromium, fonts-wqy-microhei and poppler-utils" >&2; exit 1
        fi
    fi
}
need

if [ "$1" = "--demo" ]; then
    dir="${2:-$(mktemp -d)}"; mkdir -p "$dir"
    nuan="${NUAN:-$root/.build/debug/nuan}"
    [ -x "$nuan" ] || (cd "$root" && swift build --product nuan >/dev/null)
    # 60 households: the sample archive's first record with new numbers and names.
    archive="$dir/archive.csv"
    head -1 "$root/Rules/examples/bengbu-archive.csv" > "$archive"
    python3 - "$root/Rules/examples/bengbu-archive.csv" >> "$archive" <<'PY'
import sys
row = open(sys.argv[1], encoding="utf-8").read().splitlines()[1].split(",")
w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
names = "张王李赵刘陈杨黄吴周徐孙马朱胡郭何高林罗"
for i in range(60):
    body = "3403021975031" + "%04d" % (2000 + i)
    check = "10X98765432"[sum(int(c) * k for c, k in zip(body, w)) % 11]
    r = list(row)
    r[0], r[1], r[2], r[4] = "BB-2022-%04d" % (i + 1), names[i % 20] + "小" + "明红华"[i % 3], body + check, "139%08d" % i
    print(",".join(r))
PY
    "$nuan" allocate --rules "$root/Rules/bengbu-2022.rules" --in "$archive" --budget central_aid=60000 --out "$dir/allocation.json" >/dev/null
    "$nuan" roster --rules "$root/Rules/bengbu-2022.rules" --in "$archive" --allocation "$dir/allocation.json" --out "$dir/roster.html" >/dev/null
    set -- "$dir/roster.html" "$dir/roster.pdf" "$root/docs/roster-page1.png"
fi

html="$1"; pdf="$2"; png="${3:-}"
[ -f "$html" ] || { echo "no such page: $html" >&2; exit 1; }
abs="$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
mkdir -p "$(dirname "$pdf")"
pdf_abs="$(cd "$(dirname "$pdf")" && pwd)/$(basename "$pdf")"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

chromium --headless --no-sandbox --disable-gpu --user-data-dir="$profile" \
    --proxy-server="127.0.0.1:9" --proxy-bypass-list="<-loopback>" \
    --no-pdf-header-footer --print-to-pdf="$pdf_abs" "file://$abs" >/dev/null 2>&1
[ -s "$pdf_abs" ] || { echo "no PDF written" >&2; exit 1; }

pages="$(pdfinfo "$pdf_abs" | awk '/^Pages:/ {print $2}')"
size="$(pdfinfo "$pdf_abs" | awk -F': *' '/^Page size:/ {print $2}')"
echo "$pdf_abs: $pages page(s), $size"
# Every page that holds rows of the table (an amount) starts with the header row; the
# signature lines may fall on a page of their own.
table_pages=0
for p in $(seq 1 "$pages"); do
    text="$(pdftotext -f "$p" -l "$p" "$pdf_abs" -)"
    grep -qE '[0-9]+\.[0-9]{2}' <<<"$text" || continue
    table_pages=$((table_pages + 1))
    grep -q "慰问金额" <<<"$text" || { echo "page $p has rows but no header row" >&2; exit 1; }
done
echo "header row on all $table_pages page(s) with rows"
if [ -n "$png" ]; then
    mkdir -p "$(dirname "$png")"
    pdftoppm -f 1 -l 1 -r 80 -png -singlefile "$pdf_abs" "${png%.png}"
    echo "${png}"
fi
