#!/usr/bin/env python3
"""Fit the language model's temperature on held-out text and write it into lid.bin.

usage: python3 tools/langdata/calibrate.py [--binary B] [--heldout F] [--model M]

The probability of a language is a softmax over the candidates' log-likelihoods S_i with
temperature tau = slope / F**exponent (F: the paragraph's feature count). This script runs
`segfilter identify --raw-scores` over the held-out sample that train.py set aside (never the
evaluation corpora), picks (slope, exponent) by maximum likelihood of the true labels, patches
bytes 56-59 and 64-67 of the model, and prints a reliability table (accuracy per score decile).
It also writes each language's typical score per feature (`write_typicality`), which tells text
in a language the model has no profile for.
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
    write_typicality(a.model, data)


# Out-of-model text: a paragraph whose best language explains its features far worse than that
# language's own held-out text (its score per feature more than TYPICALITY_GAP below the
# language's mean, from at least TYPICALITY_MIN_FEATURES features) is in a language the model
# has no profile for. An absolute gap rather than a z-score: the held-out text is narrow (a
# language's sd is small), and news or recipes in a known language sit up to ~1.3 below the
# mean; text in languages without a profile sits 1.8-4 below.
TYPICALITY_GAP = -2.2
TYPICALITY_MIN_FEATURES = 40


def write_typicality(model, data):
    """Per language, the mean and standard deviation of the winning score per feature on the
    held-out paragraphs it wins rightly (bytes 80-91 of the header point at them; a language
    with fewer than 20 such paragraphs gets sd 0, which turns the test off for it)."""
    with open(model, "rb") as fh:
        blob = bytearray(fh.read())
    n_langs = struct.unpack_from("<I", blob, 8)[0]
    meta_off, meta_len = struct.unpack_from("<II", blob, 24)
    codes = [line.split("\t")[0] for line in blob[meta_off:meta_off + meta_len].decode("utf-8").split("\n") if line]
    assert len(codes) == n_langs
    old = struct.unpack_from("<I", blob, 80)[0]
    if old:
        del blob[old:]   # a previous run's section
    per = {}
    for gold, feats, scores in data:
        if feats >= TYPICALITY_MIN_FEATURES and scores[0][0] == gold:
            per.setdefault(gold, []).append(scores[0][1] / feats)
    while len(blob) % 4:
        blob.append(0)
    offset = len(blob)
    covered = 0
    for code in codes:
        v = per.get(code, [])
        if len(v) >= 20:
            mean = sum(v) / len(v)
            sd = (sum((x - mean) ** 2 for x in v) / len(v)) ** 0.5
            covered += 1
        else:
            mean, sd = 0.0, 0.0
        blob += struct.pack("<ff", mean, sd)
    struct.pack_into("<IfI", blob, 80, offset, TYPICALITY_GAP, TYPICALITY_MIN_FEATURES)
    with open(model, "wb") as fh:
        fh.write(blob)
    print("typicality: %d of %d languages (a score per feature %.1f below the mean, from %d features, is out of model)" % (covered, n_langs, TYPICALITY_GAP, TYPICALITY_MIN_FEATURES))


if __name__ == "__main__":
    main()
