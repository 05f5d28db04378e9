#!/usr/bin/env python3
"""Build a second split corpus from LibreOffice's help manuals, to see how the split weights
fitted on the development corpus carry over to text from another source.

usage: python3 tools/validate/make_corpus.py OUT_DIR [--debs DIR] [--langs de,fr,...] [--per-lang 40]

The documents are made the way ../shared/data/README.md describes the development corpus:
primary content is 3 to 8 consecutive prose paragraphs of one help page; the appended
material is nothing (kind `none`), 1 to 3 consecutive prose paragraphs of a page in another
language (`other-language`), or of another page in the same language from another module
(`off-topic`: Writer after Calc, and so on). Paragraphs are joined by a newline (70%), a blank
line (25%) or wrapped at 72 columns with blank lines between them (5%). Boilerplate and
code-mixed tails are not made (the manuals have no credits or Taglish).

Sources: the `libreoffice-help-*` Debian packages (MPL-2.0), downloaded with `apt-get download`
into --debs (the script does that when the folder has none) and unpacked into OUT_DIR/x.
Nothing built here ships with segfilter. Note that the same manuals are part of the language
identifier's training text (tools/langdata/SOURCES.md), so the other-language figures are
optimistic; the figures this corpus is for are the false splits on documents with nothing
appended and the off-topic rate, which no part of the model was fitted on.

Writes OUT_DIR/docs.jsonl (the fields of the development corpus's docs.jsonl). Score it with
tools/validate/score.sh.
"""
import argparse
import glob
import json
import os
import random
import re
import subprocess
import sys
import textwrap

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "langdata"))
from extract import help_paras  # noqa: E402  (the training extractor's reading of a help page)

DEFAULT_LANGS = "en,de,fr,es,it,pt,nl,sv,da,fi,pl,cs,hu,tr,el,ru,ja,zh"
PACKAGE = {"en": "en-us", "pt": "pt-br", "zh": "zh-cn"}
TREE = {"en": "en-US", "pt": "pt-BR", "zh": "zh-CN"}
SENTENCE_END = re.compile(r"[.!?。！？]\s*$")


def fetch(debs, langs):
    os.makedirs(debs, exist_ok=True)
    if glob.glob(os.path.join(debs, "libreoffice-help-*.deb")):
        return
    pkgs = ["libreoffice-help-" + PACKAGE.get(l, l) for l in langs]
    subprocess.run(["apt-get", "download"] + pkgs, cwd=debs, check=True)


def unpack(debs, xdir):
    for deb in sorted(glob.glob(os.path.join(debs, "libreoffice-help-*.deb"))):
        name = os.path.basename(deb).split("_")[0]
        dest = os.path.join(xdir, name)
        if os.path.exists(os.path.join(dest, ".done")):
            continue
        os.makedirs(dest, exist_ok=True)
        tar = subprocess.Popen(["dpkg-deb", "--fsys-tarfile", deb], stdout=subprocess.PIPE)
        subprocess.run(["tar", "-x", "-C", dest, "--wildcards", "./usr/share/libreoffice/help/*"], stdin=tar.stdout, check=True)
        tar.wait()
        open(os.path.join(dest, ".done"), "w").close()


def prose(t):
    """A paragraph of running text: a sentence end, and long enough to be more than a label."""
    return len(t) >= 60 and SENTENCE_END.search(t) is not None


def runs(paras, en):
    """Runs of consecutive translated prose paragraphs (in page order)."""
    out, cur = [], []
    for k, t in paras.items():
        if prose(t) and en.get(k) != t:
            cur.append(t)
        else:
            if len(cur) >= 1:
                out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def layout(primary, tail, rng):
    """The layout's name, the text, and where the tail starts in it (code points)."""
    r = rng.random()
    name, sep = ("newline", "\n") if r < 0.70 else ("blank", "\n\n") if r < 0.95 else ("wrapped", "\n\n")
    paras = [textwrap.fill(p, 72) for p in primary + tail] if name == "wrapped" else primary + tail
    body = sep.join(paras[:len(primary)])
    if not tail:
        return name, body, len(body)
    return name, body + sep + sep.join(paras[len(primary):]), len(body) + len(sep)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--debs", default=None, help="folder of libreoffice-help-*.deb (default OUT/debs)")
    ap.add_argument("--langs", default=DEFAULT_LANGS)
    ap.add_argument("--per-lang", type=int, default=40, help="documents per language")
    ap.add_argument("--seed", default="validate-1")
    a = ap.parse_args()
    langs = a.langs.split(",")
    debs = a.debs or os.path.join(a.out, "debs")
    xdir = os.path.join(a.out, "x")
    fetch(debs, langs)
    unpack(debs, xdir)

    def tree(lang):
        return os.path.join(xdir, "libreoffice-help-" + PACKAGE.get(lang, lang), "usr/share/libreoffice/help", TREE.get(lang, lang))

    en_tree = tree("en")
    pages = sorted(os.path.relpath(f, en_tree) for f in glob.glob(os.path.join(en_tree, "text/**/*.html"), recursive=True))
    rng = random.Random(a.seed)
    rng.shuffle(pages)
    pages = pages[:1500]   # enough runs for every language; reading all 2,500 pages per language is slow
    en_cache = {p: help_paras(os.path.join(en_tree, p)) for p in pages}
    # Per language: (page, run) for runs of 3+ paragraphs (primary content), and every run (tails).
    primaries, tails = {}, {}
    for lang in langs:
        primaries[lang], tails[lang] = [], []
        for p in pages:
            paras = help_paras(os.path.join(tree(lang), p))
            if not paras:
                continue
            for run in runs(paras, {} if lang == "en" else en_cache[p]):
                tails[lang].append((p, run))
                if len(run) >= 3:
                    primaries[lang].append((p, run))
        print(f"{lang}: {len(primaries[lang])} primary runs, {len(tails[lang])} tail runs", file=sys.stderr)

    def module(page):   # text/swriter/..., text/scalc/..., text/shared/...
        return page.split("/")[1]

    out = open(os.path.join(a.out, "docs.jsonl"), "w", encoding="utf-8")
    n = 0
    for lang in langs:
        pool = list(primaries[lang])
        rng.shuffle(pool)
        for page, run in pool[:a.per_lang]:
            start = rng.randrange(0, len(run) - 2)
            primary = run[start:start + rng.randint(3, min(8, len(run) - start))]
            r = rng.random()
            kind, tail_lang, tail, source = "none", None, [], "libreoffice-help-%s:%s" % (PACKAGE.get(lang, lang), page)
            if r < 0.35:
                pass
            elif r < 0.65:
                kind = "other-language"
                tail_lang = rng.choice([l for l in langs if l != lang])
                tail_page, tail_run = rng.choice(tails[tail_lang])
            else:
                kind, tail_lang = "off-topic", lang
                choices = [t for t in tails[lang] if module(t[0]) != module(page)]
                tail_page, tail_run = rng.choice(choices)
            if kind != "none":
                k = rng.randint(1, min(3, len(tail_run)))
                s = rng.randrange(0, len(tail_run) - k + 1)
                tail = tail_run[s:s + k]
                source += " + libreoffice-help-%s:%s" % (PACKAGE.get(tail_lang, tail_lang), tail_page)
            name, text, split = layout(primary, tail, rng)
            n += 1
            out.write(json.dumps({"id": "val-%04d" % n, "text": text, "split": split, "n_paragraphs": len(primary) + len(tail),
                                  "n_primary": len(primary), "primary_lang": lang, "appended_kind": kind,
                                  "appended_lang": tail_lang, "source": source, "license": "MPL-2.0", "layout": name},
                                 ensure_ascii=False) + "\n")
    out.close()
    print(f"{n} documents in {os.path.join(a.out, 'docs.jsonl')}", file=sys.stderr)


if __name__ == "__main__":
    main()
