#!/usr/bin/env python3
"""The cheapest peer pipeline segfilter replaces: CLD2 per paragraph plus a trailing-language cut.

  cld2_baseline.py [jsonl] [--text-field text] < in.jsonl > out.jsonl
      For each record: split the text field into paragraphs exactly as segfilter does
      (Sources/SegmentFilter/Segmentation/Paragraphs.swift: when the text has a blank line the
      paragraphs are the blank-line-separated blocks, else every non-empty line; lines end at
      LF, CRLF or CR; a line of spaces, tabs, VT, FF or NUL is blank), run pycld2.detect on
      every paragraph, take the document's main language (the language with the most paragraph
      bytes; CLD2's "un" is not a language), and cut the trailing run of paragraphs whose
      language is known and differs from the main one (an "un" paragraph ends the run). The
      cut is at the first cut paragraph's first byte, as in segfilter. Each record is written
      back with the text field set to the primary content and a "cld2" member:
      {"language", "appended", "split" (code points), "paragraphs" (languages)}.

  cld2_baseline.py lid < lines.txt > out.tsv
      Language ID alone: one pycld2.detect per input line; writes LANG<TAB>SCORE per line
      (SCORE = CLD2's percent of the text in that language / 100), like `segfilter identify`.

Needs pycld2 (`pip install pycld2`). Exit status 0 ok, 1 bad input record, 2 usage.
"""
import json
import re
import sys

try:
    import pycld2
except ImportError:  # pragma: no cover - reported to the caller
    print("cld2_baseline.py: pycld2 is not installed (pip install pycld2)", file=sys.stderr)
    sys.exit(2)

_TERM = re.compile(rb"\r\n|\r|\n")
_BLANK = re.compile(rb"[ \t\x0b\x0c\x00]*")


def paragraph_ranges(b):
    """Byte ranges of the paragraphs of UTF-8 text b, as segfilter's ParagraphSplitter."""
    lines = []
    start = 0
    blank_fullmatch = _BLANK.fullmatch
    for m in _TERM.finditer(b):
        end = m.start()
        lines.append((start, end, blank_fullmatch(b, start, end) is not None))
        start = m.end()
    if start < len(b):
        lines.append((start, len(b), blank_fullmatch(b, start) is not None))
    has_blank = any(l[2] for l in lines) and any(not l[2] for l in lines)
    if not has_blank:
        return [(s, e) for s, e, blank in lines if not blank]
    result = []
    block_start = None
    block_end = 0
    for s, e, blank in lines:
        if blank:
            if block_start is not None:
                result.append((block_start, block_end))
                block_start = None
        else:
            if block_start is None:
                block_start = s
            block_end = e
    if block_start is not None:
        result.append((block_start, block_end))
    return result


def detect(b):
    """(language code, percent) of UTF-8 bytes b; ("un", 0) when CLD2 cannot tell or refuses."""
    try:
        _reliable, _nbytes, details = pycld2.detect(b)
    except pycld2.error:  # invalid UTF-8, or control characters CLD2 rejects
        return "un", 0
    return details[0][1], details[0][2]


def split_document(b):
    """(main language, split byte offset, paragraph languages) for UTF-8 text b."""
    ranges = paragraph_ranges(b)
    langs = [detect(b[s:e])[0] for s, e in ranges]
    weight = {}
    for (s, e), lang in zip(ranges, langs):
        if lang != "un":
            weight[lang] = weight.get(lang, 0) + (e - s)
    if not weight:
        return "un", len(b), langs
    main = max(weight, key=weight.get)
    cut = len(ranges)
    while cut > 0 and langs[cut - 1] not in (main, "un"):
        cut -= 1
    split = ranges[cut][0] if cut < len(ranges) else len(b)
    return main, split, langs


def run_jsonl(field):
    out = sys.stdout.buffer
    buf = []
    for lineno, line in enumerate(sys.stdin.buffer, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            text = rec[field]
            if not isinstance(text, str):
                raise TypeError
        except (ValueError, KeyError, TypeError):
            print(f"cld2_baseline.py: <stdin>:{lineno}: not a JSON object with a string "
                  f"{field!r} member", file=sys.stderr)
            sys.exit(1)
        b = text.encode("utf-8", "surrogatepass")
        main, split, langs = split_document(b)
        head = b[:split].decode("utf-8", "surrogatepass")
        rec[field] = head
        rec["cld2"] = {"language": main, "appended": b[split:].decode("utf-8", "surrogatepass"),
                       "split": len(head), "paragraphs": langs}
        buf.append(json.dumps(rec, ensure_ascii=False).encode("utf-8", "surrogatepass"))
        if len(buf) >= 256:
            out.write(b"\n".join(buf) + b"\n")
            buf.clear()
    if buf:
        out.write(b"\n".join(buf) + b"\n")
    out.flush()


def run_lid():
    out = sys.stdout.buffer
    buf = []
    for line in sys.stdin.buffer:
        lang, percent = detect(line.rstrip(b"\r\n"))
        buf.append(b"%s\t%.4f\n" % (lang.encode(), percent / 100))
        if len(buf) >= 4096:
            out.write(b"".join(buf))
            buf.clear()
    out.write(b"".join(buf))
    out.flush()


def main(argv):
    args = argv[1:]
    mode = "jsonl"
    field = "text"
    if args and args[0] in ("jsonl", "lid"):
        mode = args.pop(0)
    while args:
        a = args.pop(0)
        if a == "--text-field" and args:
            field = args.pop(0)
        else:
            print(f"cld2_baseline.py: unknown argument {a!r}\n"
                  "usage: cld2_baseline.py [jsonl [--text-field F] | lid] < in > out", file=sys.stderr)
            sys.exit(2)
    if mode == "lid":
        run_lid()
    else:
        run_jsonl(field)


if __name__ == "__main__":
    main(sys.argv)
