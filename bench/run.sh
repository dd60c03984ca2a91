#!/usr/bin/env bash
# bench/run.sh — the one benchmark command for nuan (see BENCHMARKS.md).
#
#   bash bench/run.sh [N]          N records (default 1000000)
#
# Builds nuan and nuan-bench (release), generates N synthetic applicant records as JSON Lines
# and CSV, builds the shared measuring sticks (floor.swift, limit.swift) and measures, on the
# same files in the same run, every row of issue 15's target table:
#   floor, limit                             POLICY.md over the JSONL file, -j $JOBS
#   nuan batch … --explain none|brief|full   JSONL in; CSV in with --explain none
#   nuan batch … --trace FILE                the compact trace kept per decision (when the
#                                            binary has --trace; "not available" otherwise)
#   nuan batch … --stage parse|eval          stage timings (JSONL, --explain none)
#   memory run on BIG_N records              peak RSS of every mode (brief/full written to /dev/null)
#   nuan screen, cold process                median wall time of SCREEN_RUNS fresh processes
# Each batch row is timed for wall seconds and peak RSS (GNU time %M), best of $REPEAT. Markdown
# tables (the measurements and the targets) and the machine are printed for BENCHMARKS.md;
# nothing is written to the repository.
#
# Environment:
#   BENCH_DIR     scratch directory (default <repo>/bench-out, gitignored)
#   SHARED_BENCH  directory holding floor.swift and limit.swift (default <repo>/../shared/bench)
#   REPEAT        runs per measurement, best kept (default 3); a run slower than SLOW_SECS
#   SLOW_SECS     (default 30) is not repeated
#   JOBS          --jobs / -j for every program (default: every core, nproc)
#   SEED          generator seed (default 20220101)
#   RULES         rules file (default <repo>/Rules/bengbu-2022.rules)
#   SCREEN_RECORD the applicant for the screen row (default <repo>/Rules/examples/bengbu-deep-national.json)
#   SCREEN_RUNS   fresh processes for the screen row (default 21)
#   NUAN_BIN      use this nuan binary instead of building one (e.g. to compare builds)
#   SCRATCH       swift build --scratch-path (default: the package's .build)
#   STATIC        1 (default): swift build --static-swift-stdlib; 0: against the shared Swift libraries
#   BENCH_BIG     1 (default): the memory run on BIG_N records (default 5000000), one run each; 0 skips it
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${1:-1000000}
BENCH_DIR=${BENCH_DIR:-$ROOT/bench-out}
SHARED_BENCH=${SHARED_BENCH:-$ROOT/../shared/bench}
REPEAT=${REPEAT:-3}
SLOW_SECS=${SLOW_SECS:-30}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
SEED=${SEED:-20220101}
RULES=${RULES:-$ROOT/Rules/bengbu-2022.rules}
BIG_N=${BIG_N:-5000000}
SCREEN_RECORD=${SCREEN_RECORD:-$ROOT/Rules/examples/bengbu-deep-national.json}
SCREEN_RUNS=${SCREEN_RUNS:-21}
# The Swift runtime and Foundation linked in (--static-swift-stdlib): a cold process skips resolving
# the shared libraries' symbols (a quarter of `nuan screen`'s instructions). STATIC=0
# builds against the shared libraries, as a plain `swift build` does.
STATIC=${STATIC:-1}
SWIFT_BUILD=(swift build -c release ${SCRATCH:+--scratch-path "$SCRATCH"})
[ "$STATIC" = 1 ] && SWIFT_BUILD+=(--static-swift-stdlib)

case "$N" in ''|*[!0-9]*) echo "usage: bash bench/run.sh [N]   (N = number of records)" >&2; exit 2 ;; esac
mkdir -p "$BENCH_DIR" || exit 1
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
say() { printf '%s\n' "$*" >&2; }

# ---------------------------------------------------------------- the stopwatch
# GNU time gives peak RSS; without it, VmHWM is sampled from /proc while the program runs.
TIME_BIN=""
if [ -x /usr/bin/time ] && /usr/bin/time -f '%M' true 2>/dev/null; then
    TIME_BIN=/usr/bin/time
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "GNU time missing; installing it with apt-get"
    apt-get install -y -qq time >/dev/null 2>&1 && TIME_BIN=/usr/bin/time
fi
[ -n "$TIME_BIN" ] || say "GNU time not available: peak RSS is sampled from /proc (approximate)"

# run_once OUT.rss CMD... — runs CMD once; sets LAST_NS (wall ns) and LAST_KB (peak RSS KB).
run_once() {
    local rssfile=$1; shift
    local t0 t1 rc
    t0=$(date +%s%N)
    if [ -n "$TIME_BIN" ]; then
        "$TIME_BIN" -f '%M' -o "$rssfile" "$@" >"${RUN_STDOUT:-$BENCH_DIR/last.stdout}" 2>"$BENCH_DIR/last.stderr"
        rc=$?
        t1=$(date +%s%N)
        LAST_KB=$(tail -n 1 "$rssfile" 2>/dev/null)
    else
        "$@" >"${RUN_STDOUT:-$BENCH_DIR/last.stdout}" 2>"$BENCH_DIR/last.stderr" &
        local pid=$! hwm=0 v
        while kill -0 "$pid" 2>/dev/null; do
            v=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null)
            [ -n "$v" ] && [ "$v" -gt "$hwm" ] && hwm=$v
            sleep 0.02
        done
        wait "$pid"; rc=$?
        t1=$(date +%s%N)
        LAST_KB=$hwm
    fi
    LAST_NS=$((t1 - t0))
    case "$LAST_KB" in ''|*[!0-9]*) LAST_KB=0 ;; esac
    return $rc
}

# measure CMD... — best wall time of $REPEAT runs (BEST_NS) and the largest peak RSS (BEST_KB).
measure() {
    local i
    BEST_NS=0; BEST_KB=0
    for ((i = 1; i <= REPEAT; i++)); do
        run_once "$BENCH_DIR/last.rss" "$@" || return 1
        if [ "$BEST_NS" -eq 0 ] || [ "$LAST_NS" -lt "$BEST_NS" ]; then BEST_NS=$LAST_NS; fi
        if [ "$LAST_KB" -gt "$BEST_KB" ]; then BEST_KB=$LAST_KB; fi
        [ "$LAST_NS" -gt $((SLOW_SECS * 1000000000)) ] && break
    done
    return 0
}

# ---------------------------------------------------------------- results table
ROWS=()
LIMIT_RATE=""; FLOOR_RATE=""
# add_row PROGRAM INPUT EXPLAIN RECORDS — appends the last measurement as a table row.
add_row() {
    local rate
    rate=$(( $4 * 1000000000 / (BEST_NS > 0 ? BEST_NS : 1) ))
    ROWS+=("$1|$2|$3|$4|$BEST_NS|$rate|$BEST_KB")
}
# add_na PROGRAM INPUT EXPLAIN NOTE — a row for a run that could not be made.
add_na() { ROWS+=("$1|$2|$3|-|-|-|-|$4"); }

print_table() {
    local limit_rate=$1 floor_rate=$2; shift 2
    echo "| program | input | explain | records | wall s | records/s | peak RSS MB | × limit | × floor |"
    echo "|---|---|---|---:|---:|---:|---:|---:|---:|"
    local row
    for row in "$@"; do
        IFS='|' read -r prog input explain recs ns rate kb note <<<"$row"
        if [ "$ns" = "-" ]; then
            echo "| $prog | $input | $explain | — | — | ${note:-not available} | — | — | — |"
            continue
        fi
        awk -v p="$prog" -v i="$input" -v e="$explain" -v r="$recs" -v ns="$ns" -v rate="$rate" \
            -v kb="$kb" -v lr="$limit_rate" -v fr="$floor_rate" 'BEGIN {
            lx = (lr > 0) ? sprintf("%.3f", rate / lr) : "—"
            fx = (fr > 0) ? sprintf("%.2f", rate / fr) : "—"
            printf "| %s | %s | %s | %d | %.3f | %d | %.1f | %s | %s |\n", p, i, e, r, ns / 1e9, rate, kb / 1024, lx, fx
        }'
    done
}

# rate_of PROGRAM INPUT — records/s of a recorded row (empty if none).
rate_of() {
    local row
    for row in "${ROWS[@]}"; do
        IFS='|' read -r prog input _ _ ns rate _ <<<"$row"
        if [ "$prog" = "$1" ] && [ "$input" = "$2" ] && [ "$ns" != "-" ]; then echo "$rate"; return; fi
    done
}

# ---------------------------------------------------------------- build
cd "$ROOT" || exit 1
say "== building (${SWIFT_BUILD[*]})"
NUAN_BENCH=""
if "${SWIFT_BUILD[@]}" --product nuan-bench >"$BENCH_DIR/build-nuan-bench.log" 2>&1; then
    NUAN_BENCH=$("${SWIFT_BUILD[@]}" --product nuan-bench --show-bin-path)/nuan-bench
else
    say "   swift build of nuan-bench failed (see $BENCH_DIR/build-nuan-bench.log); building it standalone"
    swiftc -O "$ROOT"/Sources/nuan-bench/*.swift -o "$BENCH_DIR/nuan-bench" || { say "cannot build nuan-bench"; exit 1; }
    NUAN_BENCH=$BENCH_DIR/nuan-bench
fi
NUAN=${NUAN_BIN:-}
if [ -n "$NUAN" ]; then
    say "   using NUAN_BIN=$NUAN"
elif "${SWIFT_BUILD[@]}" --product nuan >"$BENCH_DIR/build-nuan.log" 2>&1; then
    NUAN=$("${SWIFT_BUILD[@]}" --product nuan --show-bin-path)/nuan
else
    say "   swift build of nuan failed (see $BENCH_DIR/build-nuan.log)"
fi

# sticks: build once, again only when the source is newer
for stick in floor limit; do
    src=$SHARED_BENCH/$stick.swift
    [ -f "$src" ] || { say "missing $src (set SHARED_BENCH)"; exit 1; }
    if [ ! -x "$BENCH_DIR/$stick" ] || [ "$src" -nt "$BENCH_DIR/$stick" ]; then
        swiftc -O "$src" -o "$BENCH_DIR/$stick" >"$BENCH_DIR/build-$stick.log" 2>&1 \
            || { say "cannot build $src (see $BENCH_DIR/build-$stick.log)"; exit 1; }
    fi
done

# ---------------------------------------------------------------- inputs
# gen COUNT FORMAT FILE — (re)generates FILE unless it is newer than the generator's sources.
gen() {
    local count=$1 format=$2 file=$3
    if [ -s "$file" ] && [ -z "$(find "$ROOT/Sources/nuan-bench" -newer "$file" -print -quit)" ]; then
        return 0
    fi
    say "== generating $count records ($format) → $file"
    run_once "$BENCH_DIR/last.rss" "$NUAN_BENCH" gen --count "$count" --format "$format" --seed "$SEED" --out "$file" \
        || { say "generator failed: $(head -c 500 "$BENCH_DIR/last.stderr")"; exit 1; }
    awk -v n="$count" -v ns="$LAST_NS" -v b="$(stat -c %s "$file")" \
        'BEGIN { printf "   %d records, %.0f MB, in %.2f s\n", n, b / 1048576, ns / 1e9 }' >&2
}
JSONL=$BENCH_DIR/applicants-$N-s$SEED.jsonl
CSV=$BENCH_DIR/applicants-$N-s$SEED.csv
gen "$N" jsonl "$JSONL"
gen "$N" csv "$CSV"
cat "$JSONL" "$CSV" >/dev/null   # into the page cache before anything is timed

# ---------------------------------------------------------------- runs
# sticks COUNT FILE LABEL — floor and limit on FILE; checks their outputs agree.
sticks() {
    local count=$1 file=$2 label=$3 s
    for s in floor limit; do
        say "== $s on $label ($count records)"
        if measure "$BENCH_DIR/$s" "$file" "$BENCH_DIR/out-$s.jsonl" -j "$JOBS"; then
            add_row "$s.swift" "$label" "—" "$count"
        else
            add_na "$s.swift" "$label" "—" "failed: $(head -c 200 "$BENCH_DIR/last.stderr" | tr '\n|' '  ')"
        fi
    done
    if cmp -s "$BENCH_DIR/out-floor.jsonl" "$BENCH_DIR/out-limit.jsonl"; then
        say "   floor and limit outputs are identical"
    else
        say "   WARNING: floor and limit outputs differ"
    fi
    rm -f "$BENCH_DIR/out-floor.jsonl" "$BENCH_DIR/out-limit.jsonl"
}

# nuan_run COUNT FILE LABEL EXPLAIN [EXTRA...] — one nuan batch measurement, written to
# $BENCH_DIR/out-nuan.EXT (or, with OUT=-, to standard output sent to /dev/null).
nuan_run() {
    local count=$1 file=$2 label=$3 explain=$4; shift 4
    local name="nuan batch${*:+ $*}"
    local ext=jsonl out
    [ "${OUT:-}" = - ] && name="$name (to /dev/null)"
    name=${name//$BENCH_DIR\//}
    say "== $name on $label ($count records), --explain $explain"
    out=$BENCH_DIR/out-nuan.$ext
    rm -f "$out"
    local saved=${RUN_STDOUT:-}
    if [ "${OUT:-}" = - ]; then out=-; RUN_STDOUT=/dev/null; fi
    if measure "$NUAN" batch --rules "$RULES" --in "$file" --out "$out" \
        --explain "$explain" --jobs "$JOBS" "$@"; then
        add_row "$name" "$label" "$explain" "$count"
        if [ "$out" != - ] && ! printf '%s\n' "$@" | grep -q -- '--stage'; then   # one line a record
            local lines=0
            [ -f "$out" ] && lines=$(wc -l <"$out")
            [ "$lines" -eq "$count" ] || say "   WARNING: $lines output lines for $count records"
        fi
    else
        say "   failed: $(head -c 300 "$BENCH_DIR/last.stderr")"
        add_na "$name" "$label" "$explain" "failed (exit status ≠ 0)"
    fi
    RUN_STDOUT=$saved
    rm -f "$BENCH_DIR/out-nuan.$ext"
}

# nuan_available — probes `nuan batch` on a 100-record sample: it must succeed and write
# one output line a record.
nuan_available() {
    [ -n "$NUAN" ] && [ -x "$NUAN" ] || return 1
    head -n 100 "$JSONL" >"$BENCH_DIR/probe.jsonl"
    rm -f "$BENCH_DIR/probe-out.jsonl"
    "$NUAN" batch --rules "$RULES" --in "$BENCH_DIR/probe.jsonl" --out "$BENCH_DIR/probe-out.jsonl" \
        --explain none --jobs "$JOBS" >"$BENCH_DIR/probe.log" 2>&1 || return 1
    [ -f "$BENCH_DIR/probe-out.jsonl" ] && [ "$(wc -l <"$BENCH_DIR/probe-out.jsonl")" -eq 100 ] || {
        echo "the probe wrote no output or the wrong number of lines" >>"$BENCH_DIR/probe.log"
        return 1
    }
}

# has_trace — the binary knows `nuan batch --trace FILE` (another change adds it).
has_trace() { "$NUAN" batch --help 2>&1 | grep -q -- '--trace'; }

# trace_run COUNT FILE LABEL — the compact trace kept per decision: `--explain none --trace`;
# sets TRACE_BPR (trace bytes a record).
TRACE_BPR=""
trace_run() {
    local count=$1 file=$2 label=$3 t=$BENCH_DIR/out-nuan.trace
    if ! has_trace; then
        add_na "nuan batch --trace" "$label" "none" "not available (this nuan has no --trace)"
        return
    fi
    nuan_run "$count" "$file" "$label" none --trace "$t"
    if [ -f "$t" ]; then
        TRACE_BPR=$(awk -v b="$(stat -c %s "$t")" -v n="$count" 'BEGIN { printf "%.0f", b / n }')
        say "   trace: $(stat -c %s "$t") bytes, $TRACE_BPR bytes a record"
        rm -f "$t"
    fi
}

sticks "$N" "$JSONL" "JSONL"
LIMIT_RATE=$(rate_of limit.swift JSONL); FLOOR_RATE=$(rate_of floor.swift JSONL)

NUAN_OK=0
if nuan_available; then
    NUAN_OK=1
    for explain in none brief full; do nuan_run "$N" "$JSONL" "JSONL" "$explain"; done
    nuan_run "$N" "$CSV" "CSV" none
    trace_run "$N" "$JSONL" "JSONL"
    nuan_run "$N" "$JSONL" "JSONL" none --stage parse
    nuan_run "$N" "$JSONL" "JSONL" none --stage eval
else
    say "nuan batch not available${NUAN:+: $(tail -c 300 "$BENCH_DIR/probe.log" 2>/dev/null)}"
    add_na "nuan batch" "JSONL, CSV" "none/brief/full" "nuan batch not available"
fi
MAIN_ROWS=("${ROWS[@]}")

# ---------------------------------------------------------------- nuan screen, cold process
# Each run is a fresh process: start-up (dynamic loading, Foundation), reading and checking the
# rules file and every file it extends, deciding (with recourse) and rendering the JSON decision.
SCREEN_MEDIAN_US=""; SCREEN_MIN_US=""; SCREEN_MAX_US=""
if [ "$NUAN_OK" = 1 ] && [ -f "$SCREEN_RECORD" ]; then
    say "== nuan screen, $SCREEN_RUNS cold processes"
    "$NUAN" screen --rules "$RULES" "$SCREEN_RECORD" --format json >/dev/null 2>&1   # files into the page cache
    times=()
    for ((i = 0; i < SCREEN_RUNS; i++)); do
        t0=$(date +%s%N)
        "$NUAN" screen --rules "$RULES" "$SCREEN_RECORD" --format json >/dev/null 2>&1
        t1=$(date +%s%N)
        times+=($(( (t1 - t0) / 1000 )))
    done
    read -r SCREEN_MEDIAN_US SCREEN_MIN_US SCREEN_MAX_US < <(printf '%s\n' "${times[@]}" | sort -n |
        awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)], v[1], v[NR] }')
    say "   median $SCREEN_MEDIAN_US µs (min $SCREEN_MIN_US, max $SCREEN_MAX_US)"
fi

# ---------------------------------------------------------------- memory run
BIG_ROWS=()
if [ "${BENCH_BIG:-1}" = 1 ]; then
    ROWS=()
    BIG=$BENCH_DIR/applicants-$BIG_N-s$SEED.jsonl
    BIGCSV=$BENCH_DIR/applicants-$BIG_N-s$SEED.csv
    gen "$BIG_N" jsonl "$BIG"
    gen "$BIG_N" csv "$BIGCSV"
    SAVED_REPEAT=$REPEAT; REPEAT=1
    sticks "$BIG_N" "$BIG" "JSONL"
    if [ "$NUAN_OK" = 1 ]; then
        nuan_run "$BIG_N" "$BIG" "JSONL" none
        nuan_run "$BIG_N" "$BIGCSV" "CSV" none
        # brief and full write 5–10 KB a record (25–50 GB for 5M): written, but to /dev/null
        OUT=- nuan_run "$BIG_N" "$BIG" "JSONL" brief
        OUT=- nuan_run "$BIG_N" "$BIG" "JSONL" full
        trace_run "$BIG_N" "$BIG" "JSONL"
    else
        add_na "nuan batch" "JSONL" "every mode" "nuan batch not available"
    fi
    REPEAT=$SAVED_REPEAT
    BIG_ROWS=("${ROWS[@]}")
    BIG_LIMIT=$(rate_of limit.swift JSONL); BIG_FLOOR=$(rate_of floor.swift JSONL)
    rm -f "$BENCH_DIR/out-nuan.jsonl"
fi

# ---------------------------------------------------------------- report
# row_field NAME INPUT EXPLAIN FIELD ROWS... — a field (ns, rate, kb) of the first matching row.
row_field() {
    local want=$1 win=$2 wex=$3 field=$4; shift 4
    local row
    for row in "$@"; do
        IFS='|' read -r prog input explain recs ns rate kb note <<<"$row"
        if [ "$prog" = "$want" ] && [ "$input" = "$win" ] && [ "$explain" = "$wex" ] && [ "$ns" != "-" ]; then
            case $field in ns) echo "$ns" ;; rate) echo "$rate" ;; kb) echo "$kb" ;; esac
            return
        fi
    done
}

# ratio_cell RATE BASE TARGET — "0.123× (target ≥ 0.3×) | yes/no".
ratio_cell() {
    awk -v r="${1:-0}" -v b="${2:-0}" -v t="$3" 'BEGIN {
        if (r <= 0 || b <= 0) { printf "not measured | —"; exit }
        x = r / b
        printf "%.3f× (%d records/s) | %s", x, r, (x >= t) ? "yes" : "**no**"
    }'
}

MACHINE_NPROC=$(nproc)
MACHINE_CPU=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo 'none')
DIRTY=$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null | head -c 1)
[ -n "$DIRTY" ] && COMMIT="$COMMIT (with uncommitted changes)"

echo
echo "Machine: $MACHINE_NPROC × $MACHINE_CPU; commit $COMMIT; $(date -u '+%Y-%m-%d %H:%M UTC'); load average before the run: $LOAD_BEFORE"
echo
echo "### Targets (issue 15): $N records, --jobs $JOBS, ratios within this run"
echo
echo "| row | target | measured | met? |"
echo "|---|---|---|---|"
R_NONE=$(row_field "nuan batch" JSONL none rate "${MAIN_ROWS[@]}")
R_CSV=$(row_field "nuan batch" CSV none rate "${MAIN_ROWS[@]}")
R_BRIEF=$(row_field "nuan batch" JSONL brief rate "${MAIN_ROWS[@]}")
R_FULL=$(row_field "nuan batch" JSONL full rate "${MAIN_ROWS[@]}")
R_TRACE=$(for row in "${MAIN_ROWS[@]}"; do IFS='|' read -r prog input explain recs ns rate kb note <<<"$row"
          case $prog in "nuan batch --trace"*) [ "$ns" != "-" ] && echo "$rate" ;; esac; done | head -n 1)
echo "| JSON Lines, \`--explain none\` | ≥ 0.3× limit | $(ratio_cell "$R_NONE" "$LIMIT_RATE" 0.3) |"
echo "| CSV (UTF-8), \`--explain none\` | ≥ 0.2× limit | $(ratio_cell "$R_CSV" "$LIMIT_RATE" 0.2) |"
echo "| \`--explain brief\` (reasons) | ≥ 0.5× floor | $(ratio_cell "$R_BRIEF" "$FLOOR_RATE" 0.5) |"
if [ -n "$R_TRACE" ]; then
    ok=$(awk -v r="$R_TRACE" -v b="$FLOOR_RATE" -v s="${TRACE_BPR:-999999}" 'BEGIN { print (b > 0 && r / b >= 0.5 && s <= 400) ? "yes" : "**no**" }')
    echo "| compact trace kept per decision | ≥ 0.5× floor, ≤ 400 bytes a record | $(awk -v r="$R_TRACE" -v b="$FLOOR_RATE" 'BEGIN { printf "%.3f× (%d records/s)", r / b, r }'), ${TRACE_BPR:-?} bytes a record | $ok |"
else
    echo "| compact trace kept per decision | ≥ 0.5× floor, ≤ 400 bytes a record | not available (this nuan has no \`--trace\`) | — |"
fi
echo "| \`--explain full\` (auditor's text) | ≥ 0.1× floor | $(ratio_cell "$R_FULL" "$FLOOR_RATE" 0.1) |"
if [ ${#BIG_ROWS[@]} -gt 0 ]; then
    PEAK=$(for row in "${BIG_ROWS[@]}"; do IFS='|' read -r prog input explain recs ns rate kb note <<<"$row"
           case $prog in "nuan batch"*) [ "$ns" != "-" ] && echo "$kb|$prog, $input, $explain" ;; esac; done | sort -t'|' -k1 -n | tail -n 1)
    PEAK_KB=${PEAK%%|*}; PEAK_WHAT=${PEAK#*|}
    echo "| peak RSS on $BIG_N records, any mode | < 200 MB | $(awk -v k="${PEAK_KB:-0}" 'BEGIN { printf "%.1f MB", k / 1024 }') (largest: $PEAK_WHAT) | $(awk -v k="${PEAK_KB:-0}" 'BEGIN { print (k > 0 && k < 200 * 1024) ? "yes" : "**no**" }') |"
else
    echo "| peak RSS on $BIG_N records, any mode | < 200 MB | not measured (BENCH_BIG=0) | — |"
fi
if [ -n "$SCREEN_MEDIAN_US" ]; then
    echo "| \`nuan screen\` of one applicant, cold process | < 20 ms | $(awk -v m="$SCREEN_MEDIAN_US" -v a="$SCREEN_MIN_US" -v b="$SCREEN_MAX_US" -v n="$SCREEN_RUNS" 'BEGIN { printf "%.1f ms median of %d (min %.1f, max %.1f)", m / 1000, n, a / 1000, b / 1000 }') | $(awk -v m="$SCREEN_MEDIAN_US" 'BEGIN { print (m < 20000) ? "yes" : "**no**" }') |"
else
    echo "| \`nuan screen\` of one applicant, cold process | < 20 ms | not measured | — |"
fi
echo
echo "### Benchmark: $N records, --jobs $JOBS, best of $REPEAT (files in the page cache)"
echo
print_table "${LIMIT_RATE:-0}" "${FLOOR_RATE:-0}" "${MAIN_ROWS[@]}"
if [ ${#BIG_ROWS[@]} -gt 0 ]; then
    echo
    echo "### Memory run: $BIG_N records, --jobs $JOBS, one run each"
    echo
    print_table "${BIG_LIMIT:-0}" "${BIG_FLOOR:-0}" "${BIG_ROWS[@]}"
fi
echo
echo "Records/s is records ÷ wall seconds of the whole process (start-up, reading, evaluating,"
echo "writing, fsync and rename of the output). × limit and × floor are ratios of records/s measured"
echo "in this same run (the CSV rows against the sticks' JSON Lines figures; the sticks read JSON Lines only)."
echo "Input: \`nuan-bench gen --seed $SEED\` ($(stat -c %s "$JSONL" | awk '{printf "%.0f", $1/1048576}') MB JSONL," \
     "$(stat -c %s "$CSV" | awk '{printf "%.0f", $1/1048576}') MB CSV). Rules: ${RULES#"$ROOT"/}." \
     "Screen: \`nuan screen --rules ${RULES#"$ROOT"/} ${SCREEN_RECORD#"$ROOT"/} --format json\`."
echo
echo "Machine:"
echo
echo '```'
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "commit:  $COMMIT"
echo "nproc:   $MACHINE_NPROC"
echo "cpu:     $MACHINE_CPU"
echo "kernel:  $(uname -sr)"
echo "swift:   $(swift --version 2>&1 | head -n 1)"
echo "build:   ${NUAN_BIN:+NUAN_BIN=$NUAN_BIN (not built here); }${SWIFT_BUILD[*]}"
echo "timer:   ${TIME_BIN:-/proc VmHWM sampling} + date +%s%N"
echo "load:    before $LOAD_BEFORE; after $(cut -d' ' -f1-3 /proc/loadavg)"
free -g
echo '```'
