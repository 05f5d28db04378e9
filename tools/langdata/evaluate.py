#!/usr/bin/env python3
"""Accuracy of `segfilter identify` on a labelled JSONL file ({"text", "lang"} per line).

usage: python3 tools/langdata/evaluate.py FILE.jsonl [--binary B] [--worst 15]

Prints accuracy overall and for short (< 80 characters) lines, macro-F1, the worst languages by
F1 with their most frequent confusions, and accuracy per score decile (reliability).
"""
import argparse
import collections
import json
import os
import subprocess

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "segfilter"))
    ap.add_argument("--worst", type=int, default=15)
    a = ap.parse_args()
    rows = [json.loads(l) for l in open(a.file, encoding="utf-8") if l.strip()]
    text = "".join(r["text"].replace("\n", " ").replace("\r", " ") + "\n" for r in rows)
    out = subprocess.run([a.binary, "identify"], input=text.encode("utf-8"), capture_output=True, check=True).stdout.decode().splitlines()
    tp, fp, fn, n = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
    conf = collections.defaultdict(collections.Counter)
    ok = short_ok = short_n = 0
    dec = [[0, 0] for _ in range(10)]
    for r, line in zip(rows, out):
        code, score = line.split("\t")[:2]
        y = r["lang"]
        n[y] += 1
        good = code == y
        ok += good
        if len(r["text"]) < 80:
            short_n += 1
            short_ok += good
        b = min(9, int(float(score) * 10))
        dec[b][0] += 1
        dec[b][1] += good
        if good:
            tp[y] += 1
        else:
            fn[y] += 1
            fp[code] += 1
            conf[y][code] += 1
    f1 = {}
    for l in n:
        p = tp[l] / (tp[l] + fp[l]) if tp[l] + fp[l] else 0
        rc = tp[l] / n[l]
        f1[l] = 2 * p * rc / (p + rc) if p + rc else 0
    print("lines %d, languages %d: accuracy %.2f%%, short %.2f%% (%d), macro-F1 %.2f%%" % (
        len(rows), len(n), 100 * ok / len(rows), 100 * short_ok / max(1, short_n), short_n, 100 * sum(f1.values()) / len(f1)))
    print("worst by F1:")
    for l in sorted(f1, key=lambda l: f1[l])[:a.worst]:
        print("  %-5s F1 %5.1f%%  n %4d  confusions: %s" % (l, 100 * f1[l], n[l], ", ".join("%s:%d" % kv for kv in conf[l].most_common(4))))
    print("reliability (score decile: lines, accuracy):")
    for i, (k, g) in enumerate(dec):
        if k:
            print("  %.1f-%.1f %6d %6.1f%%" % (i / 10, (i + 1) / 10, k, 100 * g / k))


if __name__ == "__main__":
    main()
