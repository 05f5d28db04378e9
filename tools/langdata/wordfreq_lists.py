#!/usr/bin/env python3
"""Everyday word frequencies from the `wordfreq` wheel (PyPI), read for train.py.

The training text (interface catalogs and help manuals) never says "hungry" or "good night"; a
language with thin data whose letters happen to fit such a phrase then claims it ("Good night"
was read as Low German). wordfreq's lists are built from subtitles, web
text, Wikipedia and social media (CC-BY-SA 4.0, see SOURCES.md), so they carry exactly the
everyday vocabulary our sources lack.

A list is stored as "cBpack": gzipped msgpack of [header, bin 0, bin 1, ...] where bin i holds
the words whose frequency rounds to 10 ** (-i / 100). msgpack is not in the standard library;
the few types the format uses are decoded here.

    python3 tools/langdata/wordfreq_lists.py en     # print the 30 most frequent words
"""
import glob
import gzip
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import X  # noqa: E402

# wordfreq code -> our code. Lists for languages written without spaces (ja, zh, th ...) are
# left out: wordfreq segments them into dictionary words, which our features (runs of letters)
# never see. "sh" (Serbo-Croatian) folds bs, hr and sr, the close pairs we must keep apart.
CODES = {"fil": "tl"}
SKIP = {"ja", "zh", "ko", "sh"}


def _unpack(buf, i):
    b = buf[i]
    if b <= 0x7F:
        return b, i + 1
    if 0xA0 <= b <= 0xBF:
        n = b & 0x1F
        return buf[i + 1:i + 1 + n].decode("utf-8"), i + 1 + n
    if 0x90 <= b <= 0x9F:
        return _array(buf, i + 1, b & 0x0F)
    if 0x80 <= b <= 0x8F:
        return _map(buf, i + 1, b & 0x0F)
    if b == 0xD9:
        n = buf[i + 1]
        return buf[i + 2:i + 2 + n].decode("utf-8"), i + 2 + n
    if b == 0xDA:
        n = struct.unpack_from(">H", buf, i + 1)[0]
        return buf[i + 3:i + 3 + n].decode("utf-8"), i + 3 + n
    if b == 0xDB:
        n = struct.unpack_from(">I", buf, i + 1)[0]
        return buf[i + 5:i + 5 + n].decode("utf-8"), i + 5 + n
    if b == 0xDC:
        return _array(buf, i + 3, struct.unpack_from(">H", buf, i + 1)[0])
    if b == 0xDD:
        return _array(buf, i + 5, struct.unpack_from(">I", buf, i + 1)[0])
    if b == 0xDE:
        return _map(buf, i + 3, struct.unpack_from(">H", buf, i + 1)[0])
    if b == 0xCC:
        return buf[i + 1], i + 2
    if b == 0xCD:
        return struct.unpack_from(">H", buf, i + 1)[0], i + 3
    raise ValueError("msgpack type 0x%02x is not used by cBpack" % b)


def _array(buf, i, n):
    out = []
    for _ in range(n):
        v, i = _unpack(buf, i)
        out.append(v)
    return out, i


def _map(buf, i, n):
    out = {}
    for _ in range(n):
        k, i = _unpack(buf, i)
        v, i = _unpack(buf, i)
        out[k] = v
    return out, i


def read_cbpack(path):
    """[(word, frequency)], most frequent first."""
    with gzip.open(path, "rb") as fh:
        data, _ = _unpack(fh.read(), 0)
    header = data[0]
    if header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError("%s: unexpected header %r" % (path, header))
    return [(w, 10 ** (-i / 100)) for i, words in enumerate(data[1:]) for w in words]


def lists(root=None):
    """our code -> path of the best list (large_ beats small_)."""
    root = root or os.path.join(X, "pypi-wordfreq")
    out = {}
    for path in sorted(glob.glob(os.path.join(root, "**", "data", "*_*.msgpack.gz"), recursive=True)):
        size, code = os.path.basename(path)[:-len(".msgpack.gz")].split("_", 1)
        if code in SKIP or code.startswith("_"):
            continue
        code = CODES.get(code, code)
        if size == "large" or code not in out:
            out[code] = path
    return out


if __name__ == "__main__":
    path = lists()[sys.argv[1]]
    for w, f in read_cbpack(path)[:30]:
        print("%-12s %.5f" % (w, f))
