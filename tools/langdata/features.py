"""Feature definition shared with Sources/SegmentFilter/Language/Features.swift.

1. Letters are code points of general category L or M, lower-cased with the simple mapping
   (the first code point of the full one), final sigma folded to sigma; anything else
   separates tokens.
2. Each token is padded with one space on each side; its character n-grams of order
   1..MAX_ORDER are features (a lone pad is not).
3. A token of at most MAX_WORD letters is also a word feature.
4. A feature's hash is FNV-1a 64 over its UTF-8 bytes; word features start with byte 0x01.
"""
import sys
import unicodedata

MAX_WORD = 24
FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
MASK = (1 << 64) - 1


def lower_letter(cp):
    """The lower-case code point of a letter or mark, or 0 for a separator."""
    ch = chr(cp)
    if unicodedata.category(ch)[0] not in "LM":
        return 0
    low = ch.lower()
    v = ord(low[0]) if low else cp
    if v == 0x03C2:  # final sigma
        v = 0x03C3
    return v


def build_translate_table():
    table = {}
    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        v = lower_letter(cp)
        if v == 0:
            table[cp] = 0x20
        elif v != cp:
            table[cp] = v
    return table


_TABLE = None


def tokens(text):
    global _TABLE
    if _TABLE is None:
        _TABLE = build_translate_table()
    return text.translate(_TABLE).split()


def case_table_bmp():
    """u16[65536]: the lower-case letter for each BMP code point, 0 for separators."""
    out = [0] * 65536
    for cp in range(65536):
        if 0xD800 <= cp < 0xE000:
            continue
        v = lower_letter(cp)
        out[cp] = v if v < 65536 else 0
    return out


def fnv(data, h=FNV_OFFSET):
    for b in data:
        h = ((h ^ b) * FNV_PRIME) & MASK
    return h


def ngram_hash(s):
    return fnv(s.encode("utf-8"))


def word_hash(w):
    return fnv(b"\x01" + w.encode("utf-8"))


def ngrams(token, max_order):
    """(order - 1, n-gram) of a token, padded with spaces."""
    p = " " + token + " "
    L = len(p)
    for i in range(L):
        for n in range(1, max_order + 1):
            if i + n > L:
                break
            if n == 1 and p[i] == " ":
                continue
            yield n - 1, p[i:i + n]


if __name__ == "__main__":
    for t in tokens(sys.stdin.read()):
        print(t, hex(word_hash(t)), [(o, g, hex(ngram_hash(g))) for o, g in ngrams(t, 2)])
