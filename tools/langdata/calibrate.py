#!/usr/bin/env python3
"""Fit the language model's temperature on held-out text and write it into lid.bin.

usage: python3 tools/langdata/calibrate.py [--binary B] [--heldout F] [--model M]

The probability of a language is a softmax over the candidates' log-likelihoods S_i with
temperature tau = slope / F**exponent (F: the paragraph's feature count). This script runs
`segfilter identify --raw-scores` over the held-out sample that train.py set aside (never the
evaluation corpora), picks (slope, exponent) by maximum likelihood of the true labels, patches
bytes 56-59 and 64-67 of the model, and prints a reliability table (accuracy per score decile).
"""
import argparse
import json
import math
import os
import struct
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def load(binary, heldout):
    rows = [json.loads(l) for l in open(heldout, encoding="utf-8")]
    text = "\n".join(r["text"].replace("\n", " ") for r in rows) + "\n"
    out = subprocess.run([binary, "identify", "--raw-scores"], input=text.encode("utf-8"),
                         capture_output=True, check=True).stdout.decode("utf-8").split("\n")
    data = []
    for r, line in zip(rows, out):
        f = line.split("\t")
        if len(f) < 3:
            continue  # decided by script alone, or no letters
        feats = int(f[0])
        scores = [(f[i], float(f[i + 1])) for i in range(1, len(f) - 1, 2)]
        data.append((r["lang"], feats, scores))
    return data


def probs(scores, tau):
    top = scores[0][1]
    e = [math.exp(tau * (s - top)) for _, s in scores]
    z = sum(e)
    return [x / z for x in e]


def nll(data, slope, expo):
    total = 0.0
    for gold, feats, scores in data:
        tau = slope / max(feats, 1) ** expo
        p = probs(scores, tau)
        pg = next((p[i] for i, (c, _) in enumerate(scores) if c == gold), 1e-6)
        total -= math.log(max(pg, 1e-9))
    return total / len(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "segfilter"))
    ap.add_argument("--heldout", default=os.path.join(ROOT, ".cache", "langdata", "heldout.jsonl"))
    ap.add_argument("--model", default=os.path.join(ROOT, "Sources", "SegfilterData", "lid.bin"))
    a = ap.parse_args()
    data = load(a.binary, a.heldout)
    best = None
    for expo in (0.0, 0.25, 0.5, 0.75, 1.0):
        for k in range(-12, 13):
            slope = 2 ** (k / 2)
            v = nll(data, slope, expo)
            if best is None or v < best[0]:
                best = (v, slope, expo)
    v, slope, expo = best
    # Refine the slope around the best grid point.
    for f in [x / 20 for x in range(14, 29)]:
        nv = nll(data, slope * f, expo)
        if nv < v:
            v, best = nv, (nv, slope * f, expo)
    _, slope, expo = best
    print("temperature: slope %.4f exponent %.2f (held-out NLL %.4f over %d paragraphs)" % (slope, expo, v, len(data)))
    buckets = [[0, 0] for _ in range(10)]
    for gold, feats, scores in data:
        p = probs(scores, slope / max(feats, 1) ** expo)
        b = min(9, int(p[0] * 10))
        buckets[b][0] += 1
        buckets[b][1] += scores[0][0] == gold
    print("reliability (top score decile: paragraphs, accuracy):")
    for i, (n, ok) in enumerate(buckets):
        if n:
            print("  %.1f-%.1f  %6d  %5.1f%%" % (i / 10, (i + 1) / 10, n, 100 * ok / n))
    with open(a.model, "r+b") as fh:
        fh.seek(56)
        fh.write(struct.pack("<f", slope))
        fh.seek(64)
        fh.write(struct.pack("<f", expo))


if __name__ == "__main__":
    main()
