#!/usr/bin/env bash
# Runs the fuzzer for a fixed budget (seconds, default 600). Not part of CI.
set -euo pipefail
cd "$(dirname "$0")"
budget="${1:-600}"
swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
mkdir -p corpus
cp -n ../Tests/Fixtures/*.txt corpus/ 2>/dev/null || true
.build/debug/SegfilterFuzz corpus -max_total_time="$budget" -max_len=65536 -timeout=10 -print_final_stats=1
