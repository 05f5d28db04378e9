#!/usr/bin/env python3
"""Run a segfilter binary over a split corpus (docs.jsonl with the true split) and print the
split figures the development corpus's scorer prints: exact boundary (overall, per kind, per
language), false splits on documents with nothing appended, primary characters lost.

usage: python3 tools/validate/score.py DOCS.jsonl [--binary B] [--rules NAME] [--misses N]

Comparisons are made on whitespace-normalised text, as ../shared/tools/eval_split.py makes them.
"""
import argparse
import collections
import json
import os
import re
import subprocess

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docs")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "segfilter"))
    ap.add_argument("--rules", default="default")
    ap.add_argument("--misses", type=int, default=0, help="print this many wrong decisions")
    a = ap.parse_args()
    docs = [json.loads(l) for l in open(a.docs, encoding="utf-8") if l.strip()]
    inp = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    out = subprocess.run([a.binary, "--jsonl", "-q", "--rules", a.rules, "--no-paragraphs"], input=inp.encode(),
                         capture_output=True, check=True).stdout.decode().splitlines()
    assert len(out) == len(docs), "one output line per document"
    kinds, langs = collections.defaultdict(lambda: [0, 0]), collections.defaultdict(lambda: [0, 0])
    exact = lost = kept = 0
    misses = []
    for d, line in zip(docs, out):
        o = json.loads(line)
        assert o["text"] + o["segfilter"].get("appended", "") == d["text"], "primary + appended = input"
        truth, got = norm(d["text"][:d["split"]]), norm(o["text"])
        ok = truth == got
        exact += ok
        for table, key in ((kinds, d["appended_kind"]), (langs, d["primary_lang"])):
            table[key][0] += ok
            table[key][1] += 1
        common = os.path.commonprefix([got, norm(d["text"])])
        lost += len(truth) - min(len(common), len(truth))
        kept += len(truth)
        if not ok:
            misses.append((d["id"], d["appended_kind"], d["primary_lang"], len(truth), len(got)))
    n = len(docs)
    none = kinds.get("none", [0, 0])
    print(f"documents {n}: exact boundary {100 * exact / n:.1f}%, false splits {100 * (none[1] - none[0]) / max(1, none[1]):.1f}% "
          f"({none[1] - none[0]} of {none[1]}), primary characters lost {100 * lost / max(1, kept):.2f}%")
    print("by kind: " + ", ".join(f"{k} {100 * v[0] / v[1]:.1f}% ({v[0]}/{v[1]})" for k, v in sorted(kinds.items())))
    print("by language: " + ", ".join(f"{k} {100 * v[0] / v[1]:.0f}%" for k, v in sorted(langs.items())))
    for m in misses[:a.misses]:
        print("miss %s %s %s: true primary %d chars, kept %d" % m)


if __name__ == "__main__":
    main()
