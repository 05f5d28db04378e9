#!/usr/bin/env bash
# Builds the SegmentFilter library's DocC documentation with the toolchain's own `docc` (no
# plugin dependency): symbol graphs from the compiler, then `docc convert` over the catalogue.
# Warnings (broken symbol links, undocumented topics the catalogue names) fail the build.
#
# usage: tools/docs/build.sh [OUTPUT]   (default .build/docs/SegmentFilter.doccarchive)
# View:  docc preview Sources/SegmentFilter/SegmentFilter.docc --additional-symbol-graph-dir .build/symbol-graphs
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-.build/docs/SegmentFilter.doccarchive}"
graphs=.build/symbol-graphs
rm -rf "$graphs" && mkdir -p "$graphs" "$(dirname "$out")"
swift build --target SegmentFilter \
  -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$PWD/$graphs" \
  -Xswiftc -symbol-graph-minimum-access-level -Xswiftc public >/dev/null
# Only the library's own graph (not its C dependencies').
find "$graphs" -name '*.symbols.json' ! -name 'SegmentFilter*' -delete
docc_bin="$(command -v docc || echo "$(dirname "$(command -v swift)")/docc")"
"$docc_bin" convert Sources/SegmentFilter/SegmentFilter.docc \
  --additional-symbol-graph-dir "$graphs" \
  --fallback-display-name SegmentFilter --fallback-bundle-identifier org.segfilter.SegmentFilter \
  --output-path "$out" --warnings-as-errors
echo "docs: $out"
