#!/usr/bin/env python3
"""Lay a language model out for fast scoring: version 2 (as train.py builds it) -> version 3.

usage: python3 tools/langdata/compact.py [IN [OUT]]     (default: lid.bin in place)

train.py calls `convert` on the bytes it writes, so the shipped lid.bin is always version 3;
this script converts a version 2 file by hand. The conversion changes no weight:

1. The languages are reordered so that the languages of each script are contiguous (Cyrillic,
   then Serbian, which is written in both, then Latin ... Chinese, then Japanese, then the
   rest by script), so a paragraph's candidates are one short run of lanes. Ties between
   candidates are still broken by language code (the reader sorts the candidates by code).
2. A feature with at least DENSE_MIN postings (the frequent n-grams, in most languages) gets a
   dense block of LANES u8 weights, one per language (0 where it has none), at the front of
   the postings (LANES / 2 u16 slots); its table entry keeps the form start << 8 | count, with
   start a multiple of LANES / 2. Adding such a feature is then a vector add, not a scatter.
3. A feature with one posting keeps it in its table entry (posting << 8 | 1), so reading it
   costs no second cache miss.

Layout differences from version 2 (Sources/SegmentFilter/Language/ModelFile.swift): version 3
at byte 4; byte 68: u32 DENSE_MIN, byte 72: u32 LANES, byte 76: u32 dense blocks; entries as
above.
"""
import os
import struct
import sys

DENSE_MIN = int(os.environ.get("SF_DENSE_MIN", "8"))
LANES = 128
HEADER = "<4s11I5f"


def language_order(langs):
    """The new order of the language indices: each script's languages in one run.

    Languages written in two scripts sit between the runs of their scripts. The scripts are
    laid out Cyrillic, Latin, Han and the rest by name, which makes every script of the
    shipped model one run (asserted by `runs` below for the scripts with two or more)."""
    first = ["Cyrl", "Latn", "Hani", "Hira", "Kana"]

    def rank(script):
        return (first.index(script), "") if script in first else (len(first), script)

    def key(i):
        code, scripts = langs[i]
        ranks = sorted(rank(s) for s in scripts) or [(99, "")]
        # A two-script language goes after the first script's own languages (the end of its
        # run), which is the start of the next script's run.
        return (ranks[0], 1 if len(ranks) > 1 else 0, code)

    return sorted(range(len(langs)), key=key)


def runs(order, langs):
    """Scripts whose languages are not contiguous in `order` (should be none)."""
    pos = {li: k for k, li in enumerate(order)}
    by_script = {}
    for li, (_, scripts) in enumerate(langs):
        for s in scripts:
            by_script.setdefault(s, []).append(pos[li])
    return {s: sorted(p) for s, p in by_script.items() if max(p) - min(p) + 1 != len(p)}


def convert(b):
    h = list(struct.unpack_from(HEADER, b, 0))
    magic, ver, nl, order, slots, npost, mo, ml, fo, to, po, co = h[:12]
    if magic != b"SFLM" or ver != 2:
        raise ValueError("compact.py: expected a version 2 model, got %r %d" % (magic, ver))
    if nl > LANES:
        raise ValueError("compact.py: more than %d languages" % LANES)
    meta_lines = b[mo:mo + ml].decode("utf-8").rstrip("\n").split("\n")
    langs = []
    for line in meta_lines:
        f = line.split("\t")
        langs.append((f[0], [s for s in f[2].split(",") if s]))
    new_order = language_order(langs)
    bad = runs(new_order, langs)
    if bad:
        print("compact.py: scripts not contiguous: %s" % bad, file=sys.stderr)
    new_index = {old: new for new, old in enumerate(new_order)}

    meta = "".join(meta_lines[old] + "\n" for old in new_order).encode("utf-8")
    width = order + 1
    floors_old = struct.unpack_from("<%df" % (nl * width), b, fo)
    floors = []
    for old in new_order:
        floors.extend(floors_old[old * width:(old + 1) * width])
    table = list(struct.unpack_from("<%dI" % (2 * slots), b, to))
    post = struct.unpack_from("<%dH" % npost, b, po)
    case = b[co:co + 2 * 65536]

    # Entries in table order; dense blocks first, then the sparse postings in their old order
    # (each list keeps its order: heaviest first).
    dense, sparse = [], []
    for s in range(slots):
        if table[2 * s]:
            e = table[2 * s + 1]
            (dense if (e & 0xFF) >= DENSE_MIN else sparse).append(s)
    new_post = []
    for s in dense:
        e = table[2 * s + 1]
        start, count = e >> 8, e & 0xFF
        block = bytearray(LANES)
        for p in post[start:start + count]:
            block[new_index[p & 0xFF]] = p >> 8
        table[2 * s + 1] = (len(new_post) << 8) | count
        new_post.extend(struct.unpack("<%dH" % (LANES // 2), bytes(block)))
    for s in sorted(sparse, key=lambda s: table[2 * s + 1] >> 8):
        e = table[2 * s + 1]
        start, count = e >> 8, e & 0xFF
        lists = [new_index[p & 0xFF] | (p & 0xFF00) for p in post[start:start + count]]
        if count == 1:
            table[2 * s + 1] = (lists[0] << 8) | 1
            continue
        table[2 * s + 1] = (len(new_post) << 8) | count
        new_post.extend(lists)
    if len(new_post) >= 1 << 24:
        raise ValueError("compact.py: too many postings")

    def align(buf, k=64):
        while len(buf) % k:
            buf.append(0)

    body = bytearray(b"\0" * 128)
    meta_off = len(body); body += meta; align(body)
    floors_off = len(body); body += struct.pack("<%df" % len(floors), *floors); align(body)
    table_off = len(body); body += struct.pack("<%dI" % len(table), *table); align(body)
    post_off = len(body); body += struct.pack("<%dH" % len(new_post), *new_post); align(body)
    case_off = len(body); body += case; align(body)
    h[1] = 3
    h[5] = len(new_post)
    h[6], h[7], h[8], h[9], h[10], h[11] = meta_off, len(meta), floors_off, table_off, post_off, case_off
    body[0:struct.calcsize(HEADER)] = struct.pack(HEADER, *h)
    struct.pack_into("<3I", body, 68, DENSE_MIN, LANES, len(dense))
    return bytes(body)


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "Sources", "SegfilterData", "lid.bin")
    dst = sys.argv[2] if len(sys.argv) > 2 else src
    with open(src, "rb") as fh:
        out = convert(fh.read())
    with open(dst, "wb") as fh:
        fh.write(out)
    print("compact.py: wrote %s (%d bytes)" % (dst, len(out)), file=sys.stderr)


if __name__ == "__main__":
    main()
