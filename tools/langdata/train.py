#!/usr/bin/env python3
"""Train segfilter's language model from .cache/langdata/text/<code>.txt and write
Sources/SegfilterData/lid.bin (format: Sources/SegmentFilter/Language/ModelFile.swift; the
version 2 layout built here is turned into version 3 by compact.py).

usage: python3 tools/langdata/train.py [--text DIR] [--out FILE] [--heldout FILE]

For each language: the lines are split deterministically into training text and a held-out
sample (written as JSONL for calibration and tuning, never used for training). Features are
counted per distinct token (a token's n-grams are counted once and multiplied by the token's
frequency, which makes the pass fast), smoothed per order with Lidstone's rule, truncated to
the most frequent features of each order and stored as quantised log-probabilities above the
language's floor for that order.
"""
import argparse
import collections
import hashlib
import json
import math
import multiprocessing
import os
import pickle
import random
import struct
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compact  # noqa: E402
import features  # noqa: E402
import wordfreq_lists  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MAX_ORDER = int(os.environ.get("SF_MAX_ORDER", "4"))
# How many features of each order a language keeps (index = order - 1; the last is words).
KEEP = [3000, 6000, 12000, 11000, 11000][:MAX_ORDER] + [7000]
ALPHA = 0.5
# The fewest events a profile's probabilities are spread over, per order (see profile()).
MIN_EVENTS = [int(os.environ.get("SF_MIN_EVENTS", "40000"))] * MAX_ORDER + [int(os.environ.get("SF_MIN_WORDS", "8000"))]
STEP = 1.0 / 16
MAX_POSTINGS = 128
TRAIN_CHARS = 1_500_000
# Everyday vocabulary (wordfreq_lists.py): its tokens' character n-grams are added as a
# pseudo-corpus of this share of the language's training tokens; 0 turns it off. Measured on 880
# everyday phrases written for the tests, against the dev paragraphs' accuracy: 0 → 85.5% / 96.7%,
# 1.0 → 90.2 / 96.5. (Adding the words as word features too gave 92.2 / 96.5, but the word table
# is also the coherence stage's measure of how informative a word is (TermExtractor), and the
# topic-shift weights were fitted on it: "garden" and "pupils" became common words there, two
# news stories among the page fixtures lost their last paragraphs as a shift of topic, three
# more pages were cut elsewhere than before, and two topic-shift tests failed.)
WORDFREQ_SHARE = float(os.environ.get("SF_WORDFREQ_SHARE", "1.0"))
HELDOUT_LINES = 240

NAMES_FALLBACK = {}


def script_of(ch):
    """ISO 15924 name of a letter's script, from its Unicode name (training metadata only)."""
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return None
    first = name.split(" ")[0]
    table = {
        "LATIN": "Latn", "CYRILLIC": "Cyrl", "GREEK": "Grek", "ARABIC": "Arab", "HEBREW": "Hebr",
        "DEVANAGARI": "Deva", "BENGALI": "Beng", "GURMUKHI": "Guru", "GUJARATI": "Gujr", "ORIYA": "Orya",
        "TAMIL": "Taml", "TELUGU": "Telu", "KANNADA": "Knda", "MALAYALAM": "Mlym", "SINHALA": "Sinh",
        "THAI": "Thai", "LAO": "Laoo", "TIBETAN": "Tibt", "MYANMAR": "Mymr", "GEORGIAN": "Geor",
        "HANGUL": "Hang", "ETHIOPIC": "Ethi", "KHMER": "Khmr", "CJK": "Hani", "HIRAGANA": "Hira",
        "KATAKANA": "Kana", "OL": "Olck", "ARMENIAN": "Armn", "TIFINAGH": "Tfng", "SYRIAC": "Syrc",
        "THAANA": "Thaa", "MONGOLIAN": "Mong", "CHEROKEE": "Cher", "CANADIAN": "Cans", "NKO": "Nkoo",
        "ADLAM": "Adlm", "JAVANESE": "Java", "BALINESE": "Bali", "SUNDANESE": "Sund", "COPTIC": "Copt",
    }
    if first == "HALFWIDTH" or first == "FULLWIDTH":
        first = name.split(" ")[1]
    return table.get(first)


def load_lines(path):
    with open(path, encoding="utf-8") as fh:
        return [l.strip() for l in fh if l.strip()]


def split_lines(code, lines):
    """Deterministic held-out sample: lines whose hash falls in the held-out bucket."""
    train, held = [], []
    for l in lines:
        h = int(hashlib.sha1((code + "\0" + l).encode("utf-8")).hexdigest()[:8], 16)
        (held if h % 20 == 0 and len(held) < HELDOUT_LINES else train).append(l)
    return train, held


def count_language(args):
    """Counts, cached in .cache/langdata/counts (keyed by the text file's size and time and the
    counting settings), so that changing the smoothing or the table does not recount."""
    code, path = args
    st = os.stat(path)
    key = "%s-%d-%d-%d-%d-%d" % (code, st.st_size, int(st.st_mtime), MAX_ORDER, TRAIN_CHARS, HELDOUT_LINES)
    cache_dir = os.path.join(ROOT, ".cache", "langdata", "counts")
    cache = os.path.join(cache_dir, key + ".pickle")
    if os.path.exists(cache):
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    result = count_language_uncached(code, path)
    os.makedirs(cache_dir, exist_ok=True)
    with open(cache + ".tmp", "wb") as fh:
        pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(cache + ".tmp", cache)
    return result


def add_everyday_words(counters, wordfreq_path):
    """Adds a language's wordfreq list to its n-gram counts, as if it were WORDFREQ_SHARE of the
    text: a word of frequency f counts f * that many tokens (words under one count are left out).
    The word features, the held-out sample and the script shares stay those of the training text."""
    n_tokens = sum(counters[-1].values())
    budget = WORDFREQ_SHARE * n_tokens
    toks = collections.Counter()
    for w, f in wordfreq_lists.read_cbpack(wordfreq_path):
        c = f * budget
        if c < 1:
            break
        for t in features.tokens(w):
            toks[t] += c
    for tok, c in toks.items():
        for o, g in features.ngrams(tok, MAX_ORDER):
            counters[o][g] += c
    return sum(toks.values())


def count_language_uncached(code, path):
    lines = load_lines(path)
    train, held = split_lines(code, lines)
    total = 0
    used = []
    for l in train:
        if total >= TRAIN_CHARS:
            break
        used.append(l)
        total += len(l) + 1
    text = "\n".join(used)
    toks = collections.Counter(features.tokens(text))
    orders = [collections.Counter() for _ in range(MAX_ORDER)]
    for tok, c in toks.items():
        for o, g in features.ngrams(tok, MAX_ORDER):
            orders[o][g] += c
    words = collections.Counter({t: c for t, c in toks.items() if len(t) <= features.MAX_WORD})
    scripts = collections.Counter()
    for ch in text:
        if unicodedata.category(ch)[0] == "L":
            s = script_of(ch)
            if s:
                scripts[s] += 1
    return code, total, orders + [words], scripts, held


# Languages written in two complete alphabets (Serbian in Cyrillic and Latin, Uzbek, Azerbaijani
# ...). Their training text mixes both, so each script's n-grams would get only that script's
# share of the probability mass and of the profile's slots, and text in either script would
# lose to a one-script neighbour (Serbian Latin to Bosnian and Croatian). Their profiles keep
# more features, and each feature's log-probability is conditioned on its script.
DIGRAPHIC = {"sr", "uz", "az", "kk", "ku", "tt", "ug", "mn", "sd", "pa", "sh"}


def condition_on_script(prof, shares):
    """Adds -log(share of the feature's script) to every feature of a digraphic profile."""
    out = []
    for floor, probs in prof:
        cond = {}
        for g, lp in probs.items():
            s = next((script_of(ch) for ch in g if unicodedata.category(ch)[0] == "L"), None)
            cond[g] = lp - math.log(shares[s]) if s in shares else lp
        out.append((floor, cond))
    return out


def profile(counters, keep_factor=1):
    """Per order: (floor, {feature: log-probability}) with Lidstone smoothing and truncation.

    A language with little training text would otherwise get a high floor (unseen features
    cost it little) and win every text it has never seen; its counts are therefore spread over
    at least MIN_EVENTS events, which makes a thin profile humble rather than greedy."""
    out = []
    for o, counter in enumerate(counters):
        n_total = sum(counter.values())
        vocab = len(counter)
        keep = KEEP[o] * keep_factor
        kept = counter.most_common(keep)
        cut = counter.most_common(keep + 1)[-1][1] if vocab > keep else 0
        denom = max(n_total, MIN_EVENTS[o]) + ALPHA * (vocab + 1)
        floor = math.log((cut + ALPHA) / denom) if n_total else math.log(1e-9)
        probs = {g: math.log((c + ALPHA) / denom) for g, c in kept}
        out.append((floor, probs))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--text", default=os.path.join(ROOT, ".cache", "langdata", "text"))
    ap.add_argument("--out", default=os.path.join(ROOT, "Sources", "SegfilterData", "lid.bin"))
    ap.add_argument("--heldout", default=os.path.join(ROOT, ".cache", "langdata", "heldout.jsonl"))
    ap.add_argument("--names", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "languages.tsv"))
    ap.add_argument("--min-chars", type=int, default=500)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args()

    names = {}
    if os.path.exists(a.names):
        for line in open(a.names, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                f = line.rstrip("\n").split("\t")
                names[f[0]] = f[1]
    jobs = []
    for fn in sorted(os.listdir(a.text)):
        if fn.endswith(".txt"):
            code = fn[:-4]
            path = os.path.join(a.text, fn)
            if os.path.getsize(path) >= a.min_chars:
                jobs.append((code, path))
    with multiprocessing.Pool(a.jobs) as pool:
        results = pool.map(count_language, jobs, chunksize=1)
    results.sort(key=lambda r: r[0])
    everyday = wordfreq_lists.lists() if WORDFREQ_SHARE > 0 else {}
    for code, _, counters, _, _ in results:
        if code in everyday:
            n = add_everyday_words(counters, everyday[code])
            print("%-5s + %.0f everyday word tokens (wordfreq)" % (code, n), file=sys.stderr)
    if len(results) > 255:
        sys.exit("train.py: at most 255 languages")

    langs, floors, postings_by_hash = [], [], collections.defaultdict(list)
    held_rows = []
    profiles = [profile(r[2]) for r in results]
    # One floor per order for everyone: the median floor of the well-resourced languages. A
    # language's own floor reflects how much text it had (a small profile would otherwise pay
    # more for every n-gram it never saw and never win); the shared one reflects how rare an
    # n-gram must be to fall out of a profile.
    big = [p for p, r in zip(profiles, results) if r[1] >= 1_000_000] or profiles
    shared_floor = [sorted(p[o][0] for p in big)[len(big) // 2] for o in range(MAX_ORDER + 1)]
    for li, (code, chars, counters, scripts, held) in enumerate(results):
        total_letters = sum(scripts.values()) or 1
        main_scripts = [s for s, c in scripts.most_common() if c / total_letters >= 0.05]
        langs.append((code, names.get(code, code), main_scripts, chars))
        prof = profiles[li]
        if code in DIGRAPHIC and len(main_scripts) > 1:
            main_letters = sum(scripts[s] for s in main_scripts)
            prof = condition_on_script(profile(counters, keep_factor=len(main_scripts)),
                                       {s: scripts[s] / main_letters for s in main_scripts})
        floors.append(list(shared_floor))
        for o, (_, probs) in enumerate(prof):
            floor = floors[-1][o]
            for g, lp in probs.items():
                q = int(round((lp - floor) / STEP))
                if q <= 0:
                    continue
                h = features.word_hash(g) if o == MAX_ORDER else features.ngram_hash(g)
                postings_by_hash[h].append((min(q, 255), li))
        for i, l in enumerate(held):
            held_rows.append({"id": "%s-%04d" % (code, i), "text": l, "lang": code, "chars": len(l)})
        print("%-5s %9d chars  scripts %s" % (code, chars, ",".join(main_scripts)), file=sys.stderr)
    print("shared floors per order: %s" % ", ".join("%.2f" % f for f in shared_floor), file=sys.stderr)

    # The hash table: linear probing over a power-of-two table at most 80% full (the
    # fingerprints make a probe cheap; the model must stay under 30 MB).
    n_feat = len(postings_by_hash)
    slots = 1
    while slots < n_feat / 0.8:
        slots *= 2
    table = [0] * (2 * slots)
    post = []
    for h in sorted(postings_by_hash):
        plist = sorted(postings_by_hash[h], reverse=True)[:MAX_POSTINGS]
        start = len(post)
        for q, li in plist:
            post.append(li | (q << 8))
        fp = ((h >> 32) & 0xFFFFFFFF) | 1
        slot = h & (slots - 1)
        while table[2 * slot] != 0:
            slot = (slot + 1) & (slots - 1)
        table[2 * slot] = fp
        table[2 * slot + 1] = (start << 8) | len(plist)
    if len(post) >= (1 << 24):
        sys.exit("train.py: too many postings")

    meta = "".join("%s\t%s\t%s\t%d\n" % (c, n, ",".join(s), ch) for c, n, s, ch in langs).encode("utf-8")
    case = features.case_table_bmp()

    def align(buf, k=16):
        while len(buf) % k:
            buf.append(0)

    body = bytearray(b"\0" * 128)
    align(body)
    meta_off = len(body); body += meta; align(body)
    floors_off = len(body)
    for fl in floors:
        body += struct.pack("<%df" % len(fl), *fl)
    align(body)
    table_off = len(body); body += struct.pack("<%dI" % len(table), *table); align(body)
    post_off = len(body); body += struct.pack("<%dH" % len(post), *post); align(body)
    case_off = len(body); body += struct.pack("<65536H", *case); align(body)
    header = struct.pack("<4s11I5f", b"SFLM", 2, len(langs), MAX_ORDER, slots, len(post),
                         meta_off, len(meta), floors_off, table_off, post_off, case_off,
                         STEP, 3.0, 1.0, 0.0, 0.5)
    body[0:len(header)] = header
    # The scoring layout (languages grouped by script, dense blocks): compact.py.
    body = compact.convert(bytes(body))
    with open(a.out, "wb") as fh:
        fh.write(body)
    os.makedirs(os.path.dirname(a.heldout), exist_ok=True)
    with open(a.heldout, "w", encoding="utf-8") as fh:
        for r in held_rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote %s: %d languages, %d features, %d postings, %d bytes; held-out %d lines"
          % (a.out, len(langs), n_feat, len(post), len(body), len(held_rows)), file=sys.stderr)


if __name__ == "__main__":
    main()
