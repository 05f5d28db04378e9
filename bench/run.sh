#!/usr/bin/env bash
# segfilter benchmark: throughput, peak RSS and start-up of segfilter against a CLD2 pipeline.
# See bench/README.md. Usage: bash bench/run.sh   (settings through the BENCH_* variables below)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"

BENCH_MB="${BENCH_MB:-100}"                 # size of the JSONL input (10^6 bytes)
BENCH_LID_MB="${BENCH_LID_MB:-30}"          # size of the language-ID input
BENCH_BIG_MB="${BENCH_BIG_MB:-1000}"        # size of the peak-RSS input; 0 skips that run
BENCH_REPEAT="${BENCH_REPEAT:-3}"           # best of this many runs
BENCH_STARTUP_REPEAT="${BENCH_STARTUP_REPEAT:-10}"
BENCH_UNSEEN_REPEAT="${BENCH_UNSEEN_REPEAT:-10}"   # runs of each unseen-text command
BENCH_SCRATCH="${BENCH_SCRATCH:-/tmp/segfilter-bench}"
BENCH_DATA="${BENCH_DATA:-/work/shared/data/dev}"   # docs.jsonl and paragraphs.jsonl
BENCH_JOBS="${BENCH_JOBS:-$(nproc)}"        # N for the --jobs N run
BENCH_RESULTS="${BENCH_RESULTS:-$BENCH_DIR/results}"
BENCH_BINARY="${BENCH_BINARY:-}"            # a segfilter binary: skips the build
BENCH_PYTHON="${BENCH_PYTHON:-python3}"     # makes the venv and runs the helpers

DOCS_SRC="$BENCH_DATA/docs.jsonl"
PARA_SRC="$BENCH_DATA/paragraphs.jsonl"

say() { printf '== %s\n' "$*" >&2; }
die() { printf 'bench/run.sh: error: %s\n' "$*" >&2; exit 1; }
trap 'rc=$?; [ $rc -eq 0 ] || printf "bench/run.sh: failed (exit %s) at line %s: %s\n" "$rc" "$LINENO" "$BASH_COMMAND" >&2' ERR

is_number() { [[ "$1" =~ ^[0-9]+([.][0-9]+)?$ ]]; }
for v in BENCH_MB BENCH_LID_MB BENCH_BIG_MB; do is_number "${!v}" || die "$v must be a number of megabytes, not '${!v}'"; done
for v in BENCH_REPEAT BENCH_STARTUP_REPEAT BENCH_UNSEEN_REPEAT BENCH_JOBS; do
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer, not '${!v}'"
done
is_zero() { [[ "$1" =~ ^0+([.]0+)?$ ]]; }
is_zero "$BENCH_MB" && die "BENCH_MB must be positive"
is_zero "$BENCH_LID_MB" && die "BENCH_LID_MB must be positive"

[ -x /usr/bin/time ] || die "/usr/bin/time is missing (apt-get install time)"
command -v "$BENCH_PYTHON" >/dev/null || die "$BENCH_PYTHON not found (set BENCH_PYTHON)"
[ -r "$DOCS_SRC" ] || die "cannot read $DOCS_SRC (set BENCH_DATA to the folder with docs.jsonl and paragraphs.jsonl)"
[ -r "$PARA_SRC" ] || die "cannot read $PARA_SRC (set BENCH_DATA)"
mkdir -p "$BENCH_SCRATCH" "$BENCH_RESULTS" || die "cannot create $BENCH_SCRATCH or $BENCH_RESULTS"

# One benchmark at a time per scratch folder: two would share inputs and disturb each other's timings.
command -v flock >/dev/null || die "flock is missing (apt-get install util-linux)"
exec 9> "$BENCH_SCRATCH/.lock"
flock -n 9 || die "another bench/run.sh is running with BENCH_SCRATCH=$BENCH_SCRATCH"

T_START=${EPOCHREALTIME/,/.}
RUN_DIR="$(mktemp -d "$BENCH_SCRATCH/run.XXXXXX")"   # this run's measurements and logs
RAW="$RUN_DIR/raw.tsv"      # one row per measured command, read by report.py
META="$RUN_DIR/meta.tsv"    # key<TAB>value facts about the run
: > "$RAW"
: > "$META"
meta() { printf '%s\t%s\n' "$1" "$2" >> "$META"; }
meta loadavg_start "$(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------------------------- 1. binary
if [ -n "$BENCH_BINARY" ]; then
  [ -x "$BENCH_BINARY" ] || die "BENCH_BINARY=$BENCH_BINARY is not an executable file"
  BIN="$(cd "$(dirname "$BENCH_BINARY")" && pwd)/$(basename "$BENCH_BINARY")"
  BUILD="given (BENCH_BINARY)"
  say "binary: $BIN (BENCH_BINARY; no build)"
else
  command -v swift >/dev/null || die "swift not found: install Swift 6.1+ or set BENCH_BINARY"
  say "building: swift build -c release --static-swift-stdlib (in $REPO)"
  BUILD_LOG="$RUN_DIR/build.log"
  if (cd "$REPO" && swift build -c release --static-swift-stdlib) > "$BUILD_LOG" 2>&1; then
    BUILD="release, --static-swift-stdlib"
  else
    tail -n 15 "$BUILD_LOG" >&2
    say "the static-stdlib build failed (log: $BUILD_LOG); falling back to a plain release build"
    (cd "$REPO" && swift build -c release) > "$BUILD_LOG" 2>&1 \
      || { tail -n 30 "$BUILD_LOG" >&2; die "swift build -c release failed; full log: $BUILD_LOG"; }
    BUILD="release (dynamic Swift stdlib: the --static-swift-stdlib build failed)"
  fi
  BIN="$(cd "$REPO" && swift build -c release --show-bin-path)/segfilter"
  [ -x "$BIN" ] || die "the build finished but $BIN is missing"
  say "binary: $BIN ($BUILD)"
fi
meta binary "$BIN"
meta build "$BUILD"
meta binary_bytes "$(stat -c %s "$BIN")"
meta git_commit "$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
meta git_dirty "$( [ -n "$(git -C "$REPO" status --porcelain -- Sources Package.swift rules 2>/dev/null)" ] && echo yes || echo no)"
"$BIN" --help >/dev/null 2>&1 || die "$BIN --help failed: not a working segfilter binary"

# ------------------------------------------------------------------------- 2. CLD2 baseline
VENV="$BENCH_SCRATCH/venv"
if ! "$VENV/bin/python" -c 'import pycld2' >/dev/null 2>&1; then
  say "making $VENV with pycld2 (pip install pycld2)"
  "$BENCH_PYTHON" -m venv "$VENV" || die "python3 -m venv failed (apt-get install python3-venv?)"
  "$VENV/bin/pip" install -q --disable-pip-version-check pycld2 >&2 \
    || die "pip install pycld2 failed into $VENV (see pip's message above)"
  "$VENV/bin/python" -c 'import pycld2' || die "pycld2 installed but does not import"
fi
PY="$VENV/bin/python"
meta pycld2 "pycld2 $("$VENV/bin/pip" show pycld2 2>/dev/null | sed -n 's/^Version: //p')"
meta python "$("$PY" -c 'import sys; print(sys.version.split()[0])')"
BASELINE="$BENCH_DIR/cld2_baseline.py"

# ------------------------------------------------------------------------------- 3. inputs
make_input() {  # kind src out mb -> prints "bytes records"
  local json
  json="$("$BENCH_PYTHON" "$BENCH_DIR/make_inputs.py" "$@")" || die "making $3 failed"
  "$BENCH_PYTHON" -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["bytes"], d["records"], "reused" if d["reused"] else "made")' "$json"
}
DOCS="$BENCH_SCRATCH/docs-${BENCH_MB}MB.jsonl"
PARA="$BENCH_SCRATCH/paragraphs-${BENCH_LID_MB}MB.txt"
say "input: $DOCS"
r="$(make_input docs "$DOCS_SRC" "$DOCS" "$BENCH_MB")"
read -r DOCS_BYTES DOCS_RECORDS how <<< "$r"
say "  $DOCS_BYTES bytes, $DOCS_RECORDS records ($how)"
say "input: $PARA"
r="$(make_input paragraphs "$PARA_SRC" "$PARA" "$BENCH_LID_MB")"
read -r PARA_BYTES PARA_RECORDS how <<< "$r"
say "  $PARA_BYTES bytes, $PARA_RECORDS lines ($how)"
# The unseen-text runs' inputs: half the development corpus (every other record), and that half
# followed by the other.
unseen_input() {  # kind src half halves -> sets UNSEEN_BYTES UNSEEN_RECORDS (the second half's)
  local r how half_bytes half_records both_bytes both_records
  r="$(make_input "$1" "$2" "$3" half)"; read -r half_bytes half_records how <<< "$r"
  r="$(make_input "$1" "$2" "$4" halves)"; read -r both_bytes both_records how <<< "$r"
  UNSEEN_BYTES=$((both_bytes - half_bytes)); UNSEEN_RECORDS=$((both_records - half_records))
}
DOCS_HALF="$BENCH_SCRATCH/docs-half.jsonl"; DOCS_HALVES="$BENCH_SCRATCH/docs-halves.jsonl"
unseen_input docs "$DOCS_SRC" "$DOCS_HALF" "$DOCS_HALVES"
DOCS_UNSEEN_BYTES=$UNSEEN_BYTES; DOCS_UNSEEN_RECORDS=$UNSEEN_RECORDS
PARA_HALF="$BENCH_SCRATCH/paragraphs-half.txt"; PARA_HALVES="$BENCH_SCRATCH/paragraphs-halves.txt"
unseen_input paragraphs "$PARA_SRC" "$PARA_HALF" "$PARA_HALVES"
PARA_UNSEEN_BYTES=$UNSEEN_BYTES; PARA_UNSEEN_RECORDS=$UNSEEN_RECORDS
say "unseen-text inputs: $DOCS_HALF, $DOCS_HALVES, $PARA_HALF, $PARA_HALVES"
BIG=""
if ! is_zero "$BENCH_BIG_MB"; then
  need_kb=$(awk -v mb="$BENCH_BIG_MB" 'BEGIN { printf "%d", mb * 1000 * 1.1 }')
  have_kb=$(df -Pk "$BENCH_SCRATCH" | awk 'NR == 2 { print $4 }')
  BIG="$BENCH_SCRATCH/docs-${BENCH_BIG_MB}MB.jsonl"
  if [ ! -e "$BIG" ] && [ "$have_kb" -lt "$need_kb" ]; then
    die "not enough space in $BENCH_SCRATCH for a ${BENCH_BIG_MB} MB input (set BENCH_BIG_MB=0 to skip)"
  fi
  say "input: $BIG"
  r="$(make_input docs "$DOCS_SRC" "$BIG" "$BENCH_BIG_MB")"
  read -r BIG_BYTES BIG_RECORDS how <<< "$r"
  say "  $BIG_BYTES bytes, $BIG_RECORDS records ($how)"
fi

# ----------------------------------------------------------------------------- sanity check
# Before timing anything: both pipelines write one line per record on the development corpus.
say "checking both pipelines on $DOCS_SRC"
src_lines=$(grep -c . "$DOCS_SRC")
check() {  # name, command...; stdin is the dev corpus
  local name=$1; shift
  local out="$RUN_DIR/check-$name.jsonl" err="$RUN_DIR/check-$name.err"
  "$@" < "$DOCS_SRC" > "$out" 2> "$err" || { tail -n 20 "$err" >&2; die "$name failed on $DOCS_SRC"; }
  local n; n=$(wc -l < "$out")
  [ "$n" -eq "$src_lines" ] || die "$name wrote $n lines for $src_lines records (output: $out)"
}
check segfilter "$BIN" --jsonl --jobs 1 -q
check cld2 "$PY" "$BASELINE"

# ------------------------------------------------------------------------------ 4. timings
# measure NAME INPUT REPEAT cmd... : runs cmd < INPUT > /dev/null REPEAT times under
# /usr/bin/time -f '%e %M %U %S' (wall s, peak RSS KiB, user s, system s); the wall time is
# also taken with bash's microsecond clock (EPOCHREALTIME), which is what the report uses.
# Appends to $RAW: name, input, then comma-separated per-run walls, %e, %M, %U+%S, and the command.
measure() {
  local name=$1 input=$2 repeat=$3; shift 3
  local tf="$RUN_DIR/time.out" ef="$RUN_DIR/stderr.out" cmd="$*"
  local walls=() es=() rss=() cpu=() i t0 t1 rc e m u s
  say "run: $name: $cmd < $input, best of $repeat"
  for ((i = 1; i <= repeat; i++)); do
    t0=${EPOCHREALTIME/,/.}
    rc=0
    /usr/bin/time -f '%e %M %U %S' -o "$tf" "$@" < "$input" > /dev/null 2> "$ef" || rc=$?
    t1=${EPOCHREALTIME/,/.}
    if [ "$rc" -ne 0 ]; then
      tail -n 20 "$ef" >&2
      die "'$cmd < $input' exited with status $rc (run $i of $name); its stderr is above"
    fi
    # On failure /usr/bin/time writes a "Command exited ..." line first; its numbers are last.
    read -r e m u s < <(tail -n 1 "$tf")
    [[ "$m" =~ ^[0-9]+$ ]] || die "cannot read /usr/bin/time's output in $tf"
    walls+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')")
    es+=("$e"); rss+=("$m"); cpu+=("$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')")
    [ "$repeat" -gt 3 ] || say "  wall ${walls[-1]} s, cpu ${cpu[-1]} s, peak RSS ${m} KiB"
  done
  local IFS=,
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$input" "${walls[*]}" "${es[*]}" "${rss[*]}" "${cpu[*]}" "$cmd" >> "$RAW"
}

measure seg_jobs1 "$DOCS" "$BENCH_REPEAT" "$BIN" --jsonl --jobs 1 -q
measure seg_jobsN "$DOCS" "$BENCH_REPEAT" "$BIN" --jsonl --jobs "$BENCH_JOBS" -q
measure cld2_pipeline "$DOCS" "$BENCH_REPEAT" "$PY" "$BASELINE"
measure seg_identify "$PARA" "$BENCH_REPEAT" "$BIN" identify --jobs 1
measure seg_identify_jobsN "$PARA" "$BENCH_REPEAT" "$BIN" identify --jobs "$BENCH_JOBS"
measure cld2_lid "$PARA" "$BENCH_REPEAT" "$PY" "$BASELINE" lid
# Unseen text: the time for half the development corpus after the other half, as the difference
# between a run over both halves and a run over the first. The repeated inputs above meet every
# word again in each copy, and the language identifier keeps, per process, what it computed for
# words it has met (LanguageIdentifier+ScoreCaches.swift); here the second half is text the
# process has not seen, in the same languages, after start-up and the first touches of the
# model's pages are paid (which the difference also takes out of Python's and pycld2's times).
measure seg_jobs1_half "$DOCS_HALF" "$BENCH_UNSEEN_REPEAT" "$BIN" --jsonl --jobs 1 -q
measure seg_jobs1_halves "$DOCS_HALVES" "$BENCH_UNSEEN_REPEAT" "$BIN" --jsonl --jobs 1 -q
measure cld2_pipeline_half "$DOCS_HALF" "$BENCH_UNSEEN_REPEAT" "$PY" "$BASELINE"
measure cld2_pipeline_halves "$DOCS_HALVES" "$BENCH_UNSEEN_REPEAT" "$PY" "$BASELINE"
measure seg_identify_half "$PARA_HALF" "$BENCH_UNSEEN_REPEAT" "$BIN" identify --jobs 1
measure seg_identify_halves "$PARA_HALVES" "$BENCH_UNSEEN_REPEAT" "$BIN" identify --jobs 1
measure cld2_lid_half "$PARA_HALF" "$BENCH_UNSEEN_REPEAT" "$PY" "$BASELINE" lid
measure cld2_lid_halves "$PARA_HALVES" "$BENCH_UNSEEN_REPEAT" "$PY" "$BASELINE" lid
measure startup /dev/null "$BENCH_STARTUP_REPEAT" "$BIN" --jsonl -q
# Start-up with one document: what one process per small file costs. The rule set's patterns are
# analysed on first use and each regex compiled on its first candidate paragraph, so the first
# document pays for them (an empty input does not).
ONE_DOC="$BENCH_SCRATCH/one-doc.jsonl"
head -n 1 "$DOCS_SRC" > "$ONE_DOC"
measure startup_doc "$ONE_DOC" "$BENCH_STARTUP_REPEAT" "$BIN" --jsonl -q
# A small file (the corpus's first 100 documents), and the CLD2 pipeline on it: one process per
# such file is where compiling the regexes the paragraphs need, once per process, weighs most.
SMALL_FILE="$BENCH_SCRATCH/hundred-docs.jsonl"
head -n 100 "$DOCS_SRC" > "$SMALL_FILE"
measure small_file "$SMALL_FILE" "$BENCH_STARTUP_REPEAT" "$BIN" --jsonl --jobs 1 -q
measure cld2_small_file "$SMALL_FILE" "$BENCH_STARTUP_REPEAT" "$PY" "$BASELINE"
measure time_floor /dev/null "$BENCH_STARTUP_REPEAT" /bin/true
if [ -n "$BIG" ]; then
  measure seg_big_jobs1 "$BIG" 1 "$BIN" --jsonl --jobs 1 -q
fi

meta loadavg_end "$(cut -d' ' -f1-3 /proc/loadavg)"
meta nproc "$(nproc)"
meta jobs "$BENCH_JOBS"
meta cpu "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
meta mem_total_kb "$(awk '/^MemTotal/ { print $2 }' /proc/meminfo)"
meta repeat "$BENCH_REPEAT"
meta startup_repeat "$BENCH_STARTUP_REPEAT"
meta docs "$DOCS"$'\t'"$DOCS_BYTES"$'\t'"$DOCS_RECORDS"
meta paragraphs "$PARA"$'\t'"$PARA_BYTES"$'\t'"$PARA_RECORDS"
meta docs_unseen "second half of $DOCS_HALVES"$'\t'"$DOCS_UNSEEN_BYTES"$'\t'"$DOCS_UNSEEN_RECORDS"
meta paragraphs_unseen "second half of $PARA_HALVES"$'\t'"$PARA_UNSEEN_BYTES"$'\t'"$PARA_UNSEEN_RECORDS"
[ -z "$BIG" ] || meta big "$BIG"$'\t'"$BIG_BYTES"$'\t'"$BIG_RECORDS"
meta bench_seconds "$(awk -v a="$T_START" -v b="${EPOCHREALTIME/,/.}" 'BEGIN { printf "%.0f", b - a }')"

# ------------------------------------------------------------------------------- 5. report
"$BENCH_PYTHON" "$BENCH_DIR/report.py" "$RAW" "$META" \
  "$BENCH_RESULTS/latest.json" "$BENCH_RESULTS/latest.md" || die "report.py failed (its input: $RUN_DIR)"
rm -rf "$RUN_DIR"   # kept when a step fails, for its logs
