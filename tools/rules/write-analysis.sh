#!/bin/sh
# Writes rules/prefilter.analysis: the literal analysis of every built-in rule set's patterns,
# and each built-in set's prefilter as an image, which the binary embeds so that start-up does
# not analyse them (see Sources/SegmentFilter/Rules/LiteralAnalysis.swift and
# PrefilterImage.swift). Run it after editing a file in rules/;
# the test `embeddedAnalysisIsCurrent` fails until you do. A pattern the file does not hold
# is analysed at start-up, so a stale file costs time, never a wrong answer.
set -e
cd "$(dirname "$0")/../.."
# (The binary must embed the edited rule files first: .incbin is invisible to SwiftPM.)
touch Sources/SegfilterData/data.c
swift build -c release --product segfilter >/dev/null
.build/release/segfilter rules analysis > rules/prefilter.analysis.tmp
mv rules/prefilter.analysis.tmp rules/prefilter.analysis
touch Sources/SegfilterData/data.c   # .incbin is invisible to SwiftPM's dependency tracking
swift build -c release --product segfilter >/dev/null
echo "rules/prefilter.analysis: $(wc -c < rules/prefilter.analysis) bytes"
