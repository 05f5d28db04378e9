#!/usr/bin/env python3
"""Lists the CJK and Thai (also Lao, Khmer, Myanmar) words of the rule patterns that fire with
spaces around them but not right after another ideograph or letter of their script.

ICU's default \\b sees no boundary between two ideographs or two Thai letters, so a word inside a
"\\b(...)" group never fires in running CJK or Thai text. Words a pattern anchors at the
paragraph's start ("^\\s*(関連記事|...)") are listed too and are fine; any other listed word
should move out of the \\b group.

Usage: python3 tools/rules/cjk-boundaries.py [rules/default.rules] [path/to/segfilter]
"""
import json
import re
import subprocess
import sys

rules = sys.argv[1] if len(sys.argv) > 1 else "rules/default.rules"
binary = sys.argv[2] if len(sys.argv) > 2 else ".build/release/segfilter"
text = open(rules, encoding="utf-8").read()
patterns = re.findall(r"\nid = (\S+)\n(?:[^\n]*\n)*?regex = ([^\n]*)", text)
run = re.compile(r"[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF・ー]{2,}")
cases = [(pid, word) for pid, regex in patterns for word in sorted(set(run.findall(regex)))]


def fired(lines):
    records = "".join(json.dumps({"id": str(i), "text": "Filler paragraph that says nothing at all.\n" + line},
                                 ensure_ascii=False) + "\n" for i, line in enumerate(lines))
    out = subprocess.run([binary, "--jsonl", "-q", "--rules", rules, "--debug-evidence"], input=records.encode(),
                         capture_output=True, check=True).stdout.decode().splitlines()
    return [json.loads(o)["segfilter"]["paragraphs"][-1]["rules"] for o in out]


spaced = fired([" " + word + " 。" for _, word in cases])
glued = fired(["これは" + word + " 。" for _, word in cases])
for (pid, word), a, b in zip(cases, spaced, glued):
    if pid in a and pid not in b:
        print(pid, word)
