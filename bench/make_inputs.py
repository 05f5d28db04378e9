#!/usr/bin/env python3
"""Make the benchmark inputs by repeating the development corpus.

  make_inputs.py docs SRC.jsonl OUT.jsonl MB
      Repeat the JSONL records of SRC until OUT holds at least MB megabytes (10^6 bytes).
      Copy 0 is the source as it is; in copy k >= 1 every record's "id" gets the suffix
      "-rK", so ids stay unique. Nothing else in a record changes (bytes are copied as they
      are), so segfilter sees the same documents again and again.

  make_inputs.py paragraphs SRC.jsonl OUT.txt MB
      The "text" member of each SRC record, one per line (CR/LF inside a text become spaces),
      repeated until OUT holds at least MB megabytes: the input of `segfilter identify`.

MB may also be "half" (the source's 1st, 3rd, 5th ... record, once) or "halves" (those, then the
2nd, 4th, 6th ...): bench/run.sh's unseen-text runs time the second half after the first.

An OUT that was made earlier from the same source (same size and mtime) and the same MB is
reused. Prints one JSON object: {"path", "bytes", "records", "reused"}.
"""
import json
import os
import re
import sys

_ID = re.compile(rb'"id"\s*:\s*"((?:[^"\\]|\\.)*)"')


def _die(msg):
    print(f"make_inputs.py: {msg}", file=sys.stderr)
    sys.exit(1)


def _source_lines(src):
    try:
        with open(src, "rb") as f:
            lines = [l.rstrip(b"\r\n") for l in f]
    except OSError as e:
        _die(f"cannot read {src}: {e.strerror}")
    lines = [l for l in lines if l.strip()]
    if not lines:
        _die(f"{src} holds no records")
    return lines


def _id_parts(line, lineno, src):
    """Split a record around the end of its id's value: copy k is head + b"-rK" + tail."""
    try:
        rec = json.loads(line)
    except ValueError as e:
        _die(f"{src}:{lineno}: not JSON: {e}")
    if not isinstance(rec, dict):
        _die(f"{src}:{lineno}: not a JSON object")
    m = _ID.search(line)
    if m and isinstance(rec.get("id"), str) and json.loads(b'"' + m.group(1) + b'"') == rec["id"]:
        return line[: m.end(1)], line[m.end(1):]
    # The id is not where a byte search finds it (or there is none): re-serialise this record
    # with its id first.
    rec = {"id": str(rec.get("id", f"line{lineno}")), **{k: v for k, v in rec.items() if k != "id"}}
    line = json.dumps(rec, ensure_ascii=False).encode("utf-8", "surrogatepass")
    m = _ID.search(line)
    return line[: m.end(1)], line[m.end(1):]


def _write(out, meta, produce):
    tmp = out + ".tmp"
    try:
        with open(tmp, "wb", buffering=1 << 20) as f:
            nbytes, nrec = produce(f)
    except OSError as e:
        _die(f"cannot write {tmp}: {e.strerror}")
    os.replace(tmp, out)
    meta = dict(meta, bytes=nbytes, records=nrec)
    with open(out + ".meta", "w") as f:
        json.dump(meta, f)
    return meta


def main(argv):
    if len(argv) != 5 or argv[1] not in ("docs", "paragraphs"):
        _die("usage: make_inputs.py docs|paragraphs SRC OUT MB")
    kind, src, out, mb = argv[1], argv[2], argv[3], argv[4]
    halves = mb if mb in ("half", "halves") else None
    try:
        target = 1 if halves else int(float(mb) * 1_000_000)
    except ValueError:
        _die(f"MB must be a number, half or halves, not {mb!r}")
    if target <= 0:
        _die("MB must be positive")
    try:
        st = os.stat(src)
    except OSError as e:
        _die(f"cannot read {src}: {e.strerror}")
    meta = {"kind": kind, "source": os.path.abspath(src), "source_size": st.st_size,
            "source_mtime": int(st.st_mtime), "target_bytes": halves or target}

    try:
        with open(out + ".meta") as f:
            old = json.load(f)
        if {k: old.get(k) for k in meta} == meta and os.path.getsize(out) == old["bytes"]:
            print(json.dumps({"path": out, "bytes": old["bytes"], "records": old["records"], "reused": True}))
            return
    except (OSError, ValueError, KeyError, TypeError):
        pass

    lines = _source_lines(src)
    if halves:
        lines = lines[0::2] + (lines[1::2] if halves == "halves" else [])
    if kind == "docs":
        parts = [_id_parts(l, i + 1, src) for i, l in enumerate(lines)]
        if halves:
            target = sum(len(l) + 1 for l in lines)   # one copy (the first is the lines as they are)

        def produce(f):
            n = nrec = 0
            copy = 0
            while n < target:
                if copy == 0:
                    chunk = b"\n".join(lines) + b"\n"
                    f.write(chunk)
                    n += len(chunk)
                    nrec += len(lines)
                else:
                    suffix = b"-r%d" % copy
                    for head, tail in parts:
                        rec = head + suffix + tail + b"\n"
                        f.write(rec)
                        n += len(rec)
                        nrec += 1
                        if n >= target:
                            break
                copy += 1
            return n, nrec
    else:
        texts = []
        for i, l in enumerate(lines):
            try:
                t = json.loads(l)["text"]
            except (ValueError, KeyError, TypeError):
                _die(f"{src}:{i + 1}: no string \"text\" member")
            t = t.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
            if t.strip():
                texts.append(t.encode("utf-8", "surrogatepass") + b"\n")
        block = b"".join(texts)
        if halves:
            target = len(block)   # one copy

        def produce(f):
            n = nrec = 0
            while n < target:
                if target - n >= len(block):
                    f.write(block)
                    n += len(block)
                    nrec += len(texts)
                else:
                    for t in texts:
                        f.write(t)
                        n += len(t)
                        nrec += 1
                        if n >= target:
                            break
            return n, nrec

    done = _write(out, meta, produce)
    print(json.dumps({"path": out, "bytes": done["bytes"], "records": done["records"], "reused": False}))


if __name__ == "__main__":
    main(sys.argv)
