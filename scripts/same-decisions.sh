#!/usr/bin/env bash
# Decisions byte for byte alike between two nuan binaries (issue 15's "decisions identical"):
# every shipped rules file over the benchmark archive and over the fuzzer's seed inputs (every
# .jsonl and .csv under Tests/Fixtures), JSON Lines and CSV out, --explain none and brief.
#
#   bash scripts/same-decisions.sh OLD_NUAN NEW_NUAN [ARCHIVE.jsonl|csv ...]
#
# The archive files default to bench-out/applicants-1000000-s20220101.{jsonl,csv} when present
# (bench/run.sh makes them). FUZZ_DIR=DIR also compares every case folder the fuzzer kept there
# (`nuan-fuzz --keep-all --out DIR`): each of its rules files over each of its .jsonl/.csv files.
# Prints one line per comparison and exits 1 on any difference.
set -uo pipefail
OLD=${1:?usage: same-decisions.sh OLD_NUAN NEW_NUAN [ARCHIVE ...]}
NEW=${2:?usage: same-decisions.sh OLD_NUAN NEW_NUAN [ARCHIVE ...]}
shift 2
cd "$(dirname "$0")/.."
ARCHIVES=("$@")
if [ ${#ARCHIVES[@]} = 0 ]; then
    for f in bench-out/applicants-1000000-s20220101.jsonl bench-out/applicants-1000000-s20220101.csv; do
        [ -f "$f" ] && ARCHIVES+=("$f")
    done
fi
mapfile -t SEEDS < <(find Tests/Fixtures -name '*.jsonl' -o -name '*.csv' | sort)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failed=0
compare() {  # rules input out-extension explain
    local rules=$1 input=$2 ext=$3 explain=$4
    "$OLD" batch --rules "$rules" --in "$input" --out "$WORK/old.$ext" --explain "$explain" --summary "$WORK/old.sum" >/dev/null 2>"$WORK/old.err"
    local oc=$?
    "$NEW" batch --rules "$rules" --in "$input" --out "$WORK/new.$ext" --explain "$explain" --summary "$WORK/new.sum" >/dev/null 2>"$WORK/new.err"
    local nc=$?
    local what="$(basename "$rules") $(basename "$input") → $ext $explain"
    if [ $oc != $nc ]; then
        echo "DIFFERENT exit ($oc vs $nc): $what"; failed=1
    elif [ -e "$WORK/old.$ext" ] || [ -e "$WORK/new.$ext" ]; then
        # Written even when some records are refused (exit 1): compared too.
        if cmp -s "$WORK/old.$ext" "$WORK/new.$ext"; then echo "same: $what (exit $oc)"; else echo "DIFFERENT: $what"; failed=1; fi
    else
        echo "same: $what (exit $oc, no output)"
    fi
    rm -f "$WORK/old.$ext" "$WORK/new.$ext"
}
for input in "${ARCHIVES[@]}"; do
    for rules in Rules/*.rules; do
        compare "$rules" "$input" jsonl none
        compare "$rules" "$input" csv none
    done
    compare Rules/bengbu-2022.rules "$input" jsonl brief
done
for input in "${SEEDS[@]}"; do
    for rules in Rules/*.rules; do
        for explain in none brief full; do compare "$rules" "$input" jsonl "$explain"; done
        compare "$rules" "$input" csv none
    done
done
if [ -n "${FUZZ_DIR:-}" ]; then
    for case in "$FUZZ_DIR"/fuzz-*; do
        [ -d "$case" ] || continue
        mapfile -t rules < <(find "$case" -name '*.rules' | sort)
        mapfile -t inputs < <(find "$case" -name '*.jsonl' -o -name '*.csv' | sort)
        for r in "${rules[@]}"; do
            for input in "${inputs[@]}"; do
                compare "$r" "$input" jsonl none
                compare "$r" "$input" jsonl brief
                compare "$r" "$input" csv none
            done
        done
    done
fi
exit $failed
