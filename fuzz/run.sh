#!/usr/bin/env bash
# Runs the fuzzer for a fixed budget (seconds, default 600). Not part of CI.
set -euo pipefail
cd "$(dirname "$0")"
budget="${1:-600}"
swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
mkdir -p corpus
cp -n ../Tests/Fixtures/*.txt corpus/ 2>/dev/null || true
# -timeout: a debug build with ASan runs ~100x slower than release, and on a loaded machine a
# nice'd fuzzer can stall for seconds; 60 s keeps scheduling stalls from stopping the run (a
# 10 s limit once did, on an input that replays in 0.4 s: Tests/Fixtures/fuzz/).
.build/debug/SegfilterFuzz corpus -max_total_time="$budget" -max_len=65536 -timeout=60 -print_final_stats=1
