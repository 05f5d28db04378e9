#!/usr/bin/env python3
"""Re-lay a version 3 language model for another dense minimum (no weight changes).

usage: python3 tools/langdata/redense.py DENSE_MIN [IN [OUT]]     (default: lid.bin in place)

compact.py gives a feature with at least DENSE_MIN postings a dense block of LANES u8 weights
(one per language), added 16 lanes at a time over the candidates' lanes; a feature with fewer
keeps a list of (language | weight << 8) postings, added one at a time. This script reads a
version 3 lid.bin (it needs no training text), turns every list of DENSE_MIN postings or more
into a dense block (or a dense block with fewer postings back into a list, heaviest first), and
writes the postings again as compact.py lays them out: the dense blocks first, in slot order,
then the lists. Each feature keeps its slot and its weights, so every score stays the same.
"""
import os
import struct
import sys

HEADER = "<4s11I5f"
LANES = 128


def convert(b, dense_min):
    h = list(struct.unpack_from(HEADER, b, 0))
    magic, ver, nl, order, slots, npost, mo, ml, fo, to, po, co = h[:12]
    if magic != b"SFLM" or ver != 3:
        raise ValueError("redense.py: expected a version 3 model, got %r %d" % (magic, ver))
    old_min, lanes, _ = struct.unpack_from("<3I", b, 68)
    assert lanes == LANES and 2 <= dense_min <= 255
    table = list(struct.unpack_from("<%dI" % (2 * slots), b, to))
    post = struct.unpack_from("<%dH" % npost, b, po)

    def postings_of(e):
        """The feature's postings as (weight, language), heaviest first (as train.py sorts)."""
        start, count = e >> 8, e & 0xFF
        if count == 1:
            return [(start >> 8, start & 0xFF)]
        if count >= old_min:
            block = b[po + 2 * start:po + 2 * start + LANES]
            return sorted(((w, li) for li, w in enumerate(block) if w), reverse=True)
        return [(p >> 8, p & 0xFF) for p in post[start:start + count]]

    dense, sparse = [], []
    for s in range(slots):
        if table[2 * s]:
            c = table[2 * s + 1] & 0xFF
            if c >= dense_min:
                dense.append(s)
            elif c > 1:
                sparse.append(s)
    lists = {s: postings_of(table[2 * s + 1]) for s in dense + sparse}
    new_post = []
    for s in dense:
        pl = lists[s]
        block = bytearray(LANES)
        for w, li in pl:
            block[li] = w
        table[2 * s + 1] = (len(new_post) << 8) | len(pl)
        new_post.extend(struct.unpack("<%dH" % (LANES // 2), bytes(block)))
    # The lists in their old order (compact.py keeps train.py's order, which follows the
    # features' hashes); a former dense block's list goes where its slot would.
    def old_start(s):
        e = table_old[2 * s + 1]
        return (0 if (e & 0xFF) < old_min else -1, e >> 8, s)

    table_old = struct.unpack_from("<%dI" % (2 * slots), b, to)
    for s in sorted(sparse, key=old_start):
        pl = lists[s]
        table[2 * s + 1] = (len(new_post) << 8) | len(pl)
        new_post.extend(li | (w << 8) for w, li in pl)
    if len(new_post) >= 1 << 24:
        raise ValueError("redense.py: too many postings")

    def align(buf, k=64):
        while len(buf) % k:
            buf.append(0)

    typ_off = struct.unpack_from("<I", b, 80)[0]
    body = bytearray(b[:128])
    meta_off = len(body); body += b[mo:mo + ml]; align(body)
    floors_off = len(body); body += b[fo:fo + 4 * nl * (order + 1)]; align(body)
    table_off = len(body); body += struct.pack("<%dI" % len(table), *table); align(body)
    post_off = len(body); body += struct.pack("<%dH" % len(new_post), *new_post); align(body)
    case_off = len(body); body += b[co:co + 2 * 65536]; align(body)
    if typ_off:
        # The typicality section (calibrate.py) stays last: calibrate.py rewrites it there.
        new_typ = len(body)
        body += b[typ_off:typ_off + 8 * nl]
        struct.pack_into("<I", body, 80, new_typ)
    h[5] = len(new_post)
    h[6], h[7], h[8], h[9], h[10], h[11] = meta_off, ml, floors_off, table_off, post_off, case_off
    struct.pack_into(HEADER, body, 0, *h)
    struct.pack_into("<3I", body, 68, dense_min, LANES, len(dense))
    return bytes(body)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    dense_min = int(sys.argv[1])
    src = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "Sources", "SegfilterData", "lid.bin")
    dst = sys.argv[3] if len(sys.argv) > 3 else src
    with open(src, "rb") as fh:
        out = convert(fh.read(), dense_min)
    with open(dst, "wb") as fh:
        fh.write(out)
    print("redense.py: wrote %s (%d bytes, dense minimum %d)" % (dst, len(out), dense_min), file=sys.stderr)


if __name__ == "__main__":
    main()
