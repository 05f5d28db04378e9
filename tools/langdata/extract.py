#!/usr/bin/env python3
"""Build one clean training-text file per language from the sources unpacked by fetch.py.

    python3 tools/langdata/extract.py

Writes .cache/langdata/text/<code>.txt (one string per line: UI message, sentence or help
paragraph; UTF-8 NFC; deduplicated; shuffled with a fixed seed; capped at ~2,000,000 characters)
and .cache/langdata/text/manifest.tsv (code, chars, lines, sources).  Uses whatever fetch.py has
unpacked so far (phase 1 alone gives MediaWiki + LibreOffice UI + English help).
"""
import argparse
import collections
import functools
import pickle
import glob
import html
import itertools
import json
import multiprocessing
import os
import random
import re
import struct
import sys
import time
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (ALL_LANGS, DL, NO_SPACE, SCRIPTS, TEXT, WORK, X, forbidden_mo,  # noqa: E402
                    forbidden_path, forbidden_pkg, normalize)

SEED = 20261125
CAP = 2_000_000          # characters per language (each line counts len + 1 for its newline)
SHORT_SHARE = 0.15       # at most this share of the cap goes to short strings (< 4 words)
MAX_LINE = 3000
MAX_MO_FILES = 700       # gettext catalogs read per language (a fixed random subset)
DEV = "/work/shared/data/dev"  # read only for the final exact-sentence dedupe, never as text


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)


# ---------------------------------------------------------------------------
# Cleaning
# Licence / copyright / credit / address lines (matched on the lower-cased line).
LICENCE_WORDS = (
    "licen", "lizenz", "licenz", "licenç", "licentie", "lisens", "lisenss", "lisans", "ліценз",
    "лиценз", "licencj", "ライセンス", "라이선스", "라이센스", "许可证", "許可證", "授權", "授权",
    "general public", "creative commons", "copyright", "copyleft", "©", "free software foundation",
    "warranty", "merchantability", "translator-credits", "translator_credits", "translator credits",
    "translated by", "translation by", "launchpad", "mozilla public", "all rights reserved",
    "http://", "https://", "www.", "ftp://")
LICENCE_RE = re.compile(r"\bl?gpl|\bgnu\b|\bcc[- ]by|\(c\)\s*\d|@[a-z0-9-]+\.[a-z]{2,}")


def licence_like(t):
    low = t.lower()
    if any(w in low for w in LICENCE_WORDS):
        return True
    if "gpl" in low or "gnu" in low or "cc" in low or "(c)" in low or "@" in low:
        return bool(LICENCE_RE.search(low))
    return False


PLACEHOLDER_RE = re.compile(
    r"%(?:\d+\$)?[-+ #0]*(?:\d+|\*)?(?:\.\d+)?(?:hh|h|ll|l|L|q|j|z|t|I64|I32)?[diouxXeEfgGcsSpn@]"
    r"|%\([A-Za-z0-9_.]+\)[-+ #0]*\d*(?:\.\d+)?[sdifgrxXeEu]"
    r"|%[A-Z][A-Z0-9_]{2,}%?|%\d+|\$\{[^}]*\}|\$\([^)]*\)|\$[A-Za-z_]\w*\$?|\$\d+"
    r"|\{\{?[A-Za-z0-9_.:\[\]-]*\}\}?")
TAG_RE = re.compile(r"</?[A-Za-z][^<>]{0,300}>")
ACCEL_RE = re.compile(r"\s*[\(（][_&~][A-Za-z0-9][\)）]|_(?=\w)|&(?=\w)(?![A-Za-z]+;|#\d+;)|~(?=\w)")
EMPTY_BRACKETS_RE = re.compile(r"\(\s*\)|\[\s*\]|\"\s*\"|“\s*”|„\s*“|«\s*»|'\s*'|‘\s*’|「\s*」|『\s*』")
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@functools.lru_cache(maxsize=None)
def script_of(ch):
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return None
    first = name.split(" ")[0]
    if first in ("CJK", "KANGXI", "IDEOGRAPHIC"):
        return "CJK"
    if first == "OL":
        return "OL"
    return first


def letters(s):
    return [c for c in s if c.isalpha() or unicodedata.category(c)[0] == "M"]


def tidy(s):
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\s+([,.;:!?。、，])", r"\1", s)
    s = re.sub(r"^[\s\-–—*•·:;,.|/]+", "", s).strip()
    for q in ('"', "“", "”", "«", "»", "„"):
        if s.count(q) == 1 and len(s) > 1:  # unbalanced quote left by a removed placeholder
            s = s.strip(q + " :")
    return unicodedata.normalize("NFC", s)


def clean_ui(s):
    """Clean a UI message (gettext msgstr, LibreOffice string, Tux Paint description)."""
    s = html.unescape(TAG_RE.sub(" ", s))
    s = PLACEHOLDER_RE.sub(" ", s.replace("%%", "%"))
    s = ACCEL_RE.sub("", s)
    s = s.replace("\\n", "\n").replace("\\t", " ")
    s = EMPTY_BRACKETS_RE.sub(" ", s)
    out = []
    for para in re.split(r"\n\s*\n", s):
        lines = [l.strip() for l in para.split("\n") if l.strip()]
        if not lines:
            continue
        if all(len(l) >= 30 for l in lines[:-1]) and not any(
                re.match(r"[-*•]|\d+[.)]\s", l) for l in lines[1:]):
            out.append(" ".join(lines))      # wrapped running text
        else:
            out.extend(lines)                # a list / label block
    return [t for t in (tidy(x) for x in out) if t]


def _wiki_braces(m):
    inner = m.group(1)
    name, _, rest = inner.partition(":")
    name = name.strip().upper()
    parts = rest.split("|")
    if name in ("PLURAL", "GENDER") and len(parts) > 1:
        forms = [re.sub(r"^\s*\d+\s*=", "", p) for p in parts[1:]]
        return forms[0] if forms else ""
    if name == "GRAMMAR" and len(parts) > 1:
        return parts[1]
    return " "


def clean_wiki(s):
    """MediaWiki message: strip templates, links, tags, placeholders and quote markup."""
    s = s.replace("\r", "")
    for _ in range(5):
        s2 = re.sub(r"\{\{([^{}]*)\}\}", _wiki_braces, s)
        if s2 == s:
            break
        s = s2
    s = re.sub(r"\{\{|\}\}|\{\||\|\}", " ", s)
    s = re.sub(r"\[\[(?:[^\[\]|]*\|)?([^\[\]]*)\]\]", r"\1", s)
    s = re.sub(r"\[(?:https?:)?//\S+\s+([^\]]*)\]", r"\1", s)
    s = re.sub(r"\[(?:https?:)?//\S+\]", " ", s)
    s = re.sub(r"<!--.*?-->", " ", s, flags=re.S)
    s = re.sub(r"'{2,}", "", s)
    s = re.sub(r"__[A-Z]+__", " ", s)
    s = re.sub(r"^[*#:;]+\s*|^=+\s*|\s*=+$", "", s, flags=re.M)
    s = re.sub(r"\$\d+|\$[a-z]+\d*", " ", s)
    s = html.unescape(TAG_RE.sub(" ", s))
    s = PLACEHOLDER_RE.sub(" ", s)
    s = EMPTY_BRACKETS_RE.sub(" ", s)
    out = []
    for line in s.split("\n"):
        t = tidy(line)
        if t:
            out.append(t)
    return out


CODE_CHARS = set("\\{}<>|=")


def plausible(t, lang):
    """Natural-language text of (roughly) the right script?"""
    if len(t) < 2 or len(t) > MAX_LINE:
        return False
    if licence_like(t):
        return False
    n_alpha = sum(map(str.isalpha, t))
    if n_alpha < 2:
        return False
    dense = len(t) - t.count(" ")
    if n_alpha < 0.5 * dense:
        n_marks = sum(1 for c in t if unicodedata.category(c)[0] == "M")
        if n_alpha + n_marks < 0.5 * dense:
            return False
    if not CODE_CHARS.isdisjoint(t) or "::" in t or "->" in t:
        return False
    if "_" in t and re.search(r"\w_\w", t):
        return False
    if "/" in t and re.search(r"/\w+/", t):
        return False
    if "(" in t and re.search(r"\w\.\w+\(", t):
        return False
    want = SCRIPTS.get(lang)
    if want:
        al = [c for c in t if c.isalpha()]
        ok = sum(1 for c in al if script_of(c) in want)
        if ok < 0.6 * len(al):
            return False
    return True


def n_words(t, lang):
    if lang in NO_SPACE:
        return 4 if len(t) >= 15 else 1
    return len(t.split())


# ---------------------------------------------------------------------------
# .mo reader (stdlib only)
def read_mo(path):
    with open(path, "rb") as f:
        d = f.read()
    if len(d) < 28:
        return []
    magic = struct.unpack("<I", d[:4])[0]
    e = "<" if magic == 0x950412DE else ">" if magic == 0xDE120495 else None
    if not e:
        return []
    n, o, t = struct.unpack(e + "3I", d[8:20])
    out = []
    for i in range(n):
        l1, p1 = struct.unpack(e + "2I", d[o + 8 * i:o + 8 * i + 8])
        l2, p2 = struct.unpack(e + "2I", d[t + 8 * i:t + 8 * i + 8])
        mid = d[p1:p1 + l1].decode("utf-8", "replace")
        mstr = d[p2:p2 + l2].decode("utf-8", "replace")
        if not mid:
            continue  # header
        mid = mid.split("\x04")[-1]
        out.append((mid.split("\x00"), mstr.split("\x00")))
    return out


def mo_strings(path):
    """Translated strings of a catalog, without untranslated copies and translator credits."""
    res = []
    for mids, mstrs in read_mo(path):
        if any(re.search(r"translator|credits|copyright|licen", m, re.I) for m in mids[:1]):
            continue
        seen = set(mids)
        for s in dict.fromkeys(mstrs):
            if s and s not in seen and s.strip() not in seen:
                res.append(s)
    return res


# ---------------------------------------------------------------------------
# Sources.  Each yields (lang, text, family, is_para).
@functools.lru_cache(maxsize=1)
def selected_packages():
    """Packages that the last fetch.py run selected (its inventory), or None = all unpacked."""
    inv = os.path.join(DL, "packages.tsv")
    if not os.path.exists(inv):
        return None
    names = set()
    with open(inv) as f:
        for line in list(f)[1:]:
            name, _ver, group = line.split("\t")[:3]
            names.add("pypi-" + name if group == "pypi" else name)
    return frozenset(names)


def pkg_dirs(prefix=""):
    sel = selected_packages()
    for d in sorted(glob.glob(os.path.join(X, prefix + "*"))):
        pkg = os.path.basename(d)
        if sel is not None and pkg not in sel:
            continue
        if os.path.exists(os.path.join(d, ".done")) and not forbidden_pkg(pkg):
            yield pkg, d


def src_mediawiki():
    root = os.path.join(X, "mediawiki")
    if not os.path.exists(os.path.join(root, ".done")) or "mediawiki" not in (
            selected_packages() or {"mediawiki"}):
        return []
    out = []
    dirs = collections.defaultdict(list)
    for f in sorted(glob.glob(os.path.join(root, "usr/share/mediawiki/**/*.json"), recursive=True)):
        if "/i18n/" in f:
            dirs[os.path.dirname(f)].append(f)
    for d, files in dirs.items():
        en = {}
        enf = os.path.join(d, "en.json")
        if os.path.exists(enf):
            try:
                en = json.load(open(enf, encoding="utf-8"))
            except ValueError:
                en = {}
        for f in files:
            tag = os.path.basename(f)[:-5]
            lang = "en" if tag == "en" else normalize(tag)
            if not lang or (tag != "en" and lang == "en") or tag == "qqq":
                continue
            try:
                data = json.load(open(f, encoding="utf-8"))
            except ValueError:
                continue
            if not isinstance(data, dict):
                continue
            for k, v in data.items():
                if k.startswith("@") or not isinstance(v, str):
                    continue
                if lang != "en" and en.get(k) == v:
                    continue
                for t in clean_wiki(v):
                    out.append((lang, t, "mediawiki", False, "mediawiki"))
    return out


def _mo_source(args):
    path, lang, family, pkg = args
    out = []
    for s in mo_strings(path):
        for t in clean_ui(s):
            out.append((lang, t, family, False, pkg))
    return out


def mo_jobs():
    jobs = []
    for pkg, d in pkg_dirs("libreoffice-l10n-"):
        for f in sorted(glob.glob(os.path.join(d, "usr/lib/libreoffice/program/resource/*/LC_MESSAGES/*.mo"))):
            lang = normalize(f.split("/")[-3])
            if lang and lang != "en":
                jobs.append((f, lang, "libreoffice-ui", pkg))
    per_lang = collections.defaultdict(list)
    for pkg, d in pkg_dirs():
        if pkg.startswith(("libreoffice-", "pypi-", "mediawiki", "tuxpaint-stamps")):
            continue
        for f in sorted(glob.glob(os.path.join(d, "usr/share/locale/*/LC_MESSAGES/*.mo")) + sorted(glob.glob(
                os.path.join(d, "usr/lib/python3/dist-packages/**/locale*/*/LC_MESSAGES/*.mo"),
                recursive=True))):
            if forbidden_mo(f) or forbidden_path(f):
                continue
            lang = normalize(f.split("/")[-3])
            if lang and lang != "en" and lang in ALL_LANGS:
                per_lang[lang].append((f, lang, "django" if pkg == "python3-django" else "gettext", pkg))
    for lang, js in per_lang.items():
        # big languages have far more catalogs than the cap needs: take a fixed random subset
        random.Random(f"{SEED}-mo-{lang}").shuffle(js)
        jobs.extend(js[:MAX_MO_FILES])
    return jobs


PARA_RE = re.compile(r'<(p|h[1-6]|td|li)\b[^>]*?\bid="([^"]+)"[^>]*>(.*?)</\1>', re.S)


def help_paras(path):
    try:
        s = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return {}
    i = s.find('id="DisplayArea"')
    if i > 0:
        s = s[i:]
    s = re.sub(r'<div class="howtoget">.*?</div>\s*</div>', " ", s, flags=re.S)
    res = {}
    for m in PARA_RE.finditer(s):
        t = html.unescape(TAG_RE.sub(" ", m.group(3)))
        t = tidy(t)
        if t:
            res[m.group(2)] = t
    return res


def _help_file(args):
    lang, rel, tree, en_tree, pkg = args
    paras = help_paras(os.path.join(tree, rel))
    en = help_paras(os.path.join(en_tree, rel)) if lang != "en" else {}
    out = []
    for k, t in paras.items():
        if lang != "en" and en.get(k) == t:
            continue  # untranslated
        out.append((lang, t, "libreoffice-help", True, pkg))
    return out


def help_jobs():
    jobs = []
    en_tree = None
    for pkg, d in pkg_dirs("libreoffice-help-"):
        for tree in sorted(glob.glob(os.path.join(d, "usr/share/libreoffice/help/*"))):
            if os.path.basename(tree) == "en-US":
                en_tree = tree
    if not en_tree:
        return []
    for pkg, d in pkg_dirs("libreoffice-help-"):
        for tree in sorted(glob.glob(os.path.join(d, "usr/share/libreoffice/help/*"))):
            if not os.path.isdir(tree):
                continue
            tag = os.path.basename(tree)
            lang = "en" if tag == "en-US" else normalize(tag)
            if not lang or (lang == "en" and tag != "en-US"):
                continue
            for f in sorted(glob.glob(os.path.join(tree, "text/**/*.html"), recursive=True)):
                jobs.append((lang, os.path.relpath(f, tree), tree, en_tree, pkg))
    return jobs


def src_stamps():
    out = []
    for pkg, d in pkg_dirs("tuxpaint-stamps"):
        for f in sorted(glob.glob(os.path.join(d, "usr/share/tuxpaint/stamps/**/*.txt"), recursive=True)):
            for line in open(f, encoding="utf-8", errors="replace"):
                m = re.match(r"^([A-Za-z_@]+)\.utf8=(.*)$", line.strip())
                if not m:
                    continue
                lang = normalize(m.group(1))
                if lang and lang != "en":
                    for t in clean_ui(m.group(2)):
                        out.append((lang, t, "tuxpaint-stamps", False, pkg))
    return out


def src_gflanguages():
    out = []
    root = os.path.join(X, "pypi-gflanguages")
    if "pypi-gflanguages" not in (selected_packages() or {"pypi-gflanguages"}):
        return []
    for f in sorted(glob.glob(os.path.join(root, "**/data/languages/*.textproto"), recursive=True)):
        tag = os.path.basename(f)[:-10]
        lang = normalize(tag.split("_")[0])
        if not lang or lang == "en":
            continue
        s = open(f, encoding="utf-8").read()
        m = re.search(r"sample_text\s*\{(.*?)\n\}", s, re.S)
        if not m:
            continue
        seen = set()
        for k, v in re.findall(r'^\s*(\w+):\s*"((?:[^"\\]|\\.)*)"', m.group(1), re.M):
            v = bytes(v, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8", "replace")
            for t in v.split("\n"):
                t = tidy(t)
                if t and t not in seen:
                    seen.add(t)
                    out.append((lang, t, "gflanguages", n_words(t, lang) >= 8, "pypi-gflanguages"))
    return out


# ---------------------------------------------------------------------------
def build_pools(nproc, reuse=False):
    """lang -> family -> text -> (is_para, package).

    The gettext and help stages take ~15 min; their result is cached in work/pools.pickle and
    reused with --reuse-pools.  MediaWiki, Tux Paint and gflanguages are always re-read (~1 min).
    """
    wanted = set(ALL_LANGS)
    cache = os.path.join(WORK, "pools.pickle")
    pools = None
    if reuse and os.path.exists(cache):
        log("reusing", cache)
        with open(cache, "rb") as f:
            pools = pickle.load(f)
    if pools is None:
        pools = {}

        def add_big(items):
            for lang, t, fam, para, pkg in items:
                if lang in wanted:
                    pools.setdefault(lang, {}).setdefault(fam, {}).setdefault(t, (para, pkg))

        with multiprocessing.Pool(nproc) as pool:
            jobs = mo_jobs()
            log(f"gettext catalogs: {len(jobs)} files")
            for items in pool.imap(_mo_source, jobs, chunksize=20):
                add_big(items)
            jobs = help_jobs()
            log(f"LibreOffice help: {len(jobs)} pages")
            for items in pool.imap(_help_file, jobs, chunksize=50):
                add_big(items)
        os.makedirs(WORK, exist_ok=True)
        with open(cache, "wb") as f:
            pickle.dump(pools, f, protocol=pickle.HIGHEST_PROTOCOL)
    cheap_fams = {"mediawiki", "tuxpaint-stamps", "gflanguages"}
    for fams in pools.values():
        for fam in cheap_fams & set(fams):
            del fams[fam]
    log("MediaWiki")
    items = src_mediawiki()
    log("Tux Paint stamps, gflanguages")
    items += src_stamps() + src_gflanguages()
    for lang, t, fam, para, pkg in items:
        if lang in wanted:
            pools.setdefault(lang, {}).setdefault(fam, {}).setdefault(t, (para, pkg))
    return pools


def english_top_words(pools, n=300):
    c = collections.Counter()
    for fam in pools.get("en", {}).values():
        for t in fam:
            c.update(w.lower() for w in WORD_RE.findall(t))
    return set([w for w, _ in c.most_common(n + 100) if len(w) > 1][:n])


def english_like(t, top):
    ws = [w.lower() for w in WORD_RE.findall(t)]
    return bool(ws) and sum(w in top for w in ws) >= 0.6 * len(ws)


def dev_sentences():
    sents = set()
    for name in ("docs.jsonl", "paragraphs.jsonl"):
        p = os.path.join(DEV, name)
        if not os.path.exists(p):
            continue
        for line in open(p, encoding="utf-8"):
            text = unicodedata.normalize("NFC", json.loads(line)["text"])
            for part in re.split(r"\n+", text):
                for s in re.split(r"(?<=[.!?。！？।])\s+|(?<=[。！？])", part):
                    s = re.sub(r"\s+", " ", s).strip()
                    if len(s) >= 25:
                        sents.add(s)
    return sents


class DevFilter:
    KEY = 25

    def __init__(self, sents):
        self.idx = collections.defaultdict(list)
        for s in sents:
            self.idx[s[:self.KEY]].append(s)

    def hit(self, line, every_position=False):
        K, idx = self.KEY, self.idx
        if len(line) < K:
            return False
        if every_position:
            starts = range(len(line) - K + 1)
        else:  # sentences start at a word boundary (or after punctuation)
            starts = (m.start() for m in re.finditer(r"(?<!\w)\w|[^\w\s]", line))
        for i in starts:
            cands = idx.get(line[i:i + K])
            if cands and any(line.startswith(s, i) for s in cands):
                return True
        return False


def select(lang, fams, rng):
    """Cap a language at CAP chars, balancing source families and preferring sentence-like text."""
    long_by, short_by = {}, {}
    for fam, items in fams.items():
        lo, sh = [], []
        for t, (para, _pkg) in items.items():
            (lo if para or n_words(t, lang) >= 4 else sh).append(t)
        lo.sort(), sh.sort()
        rng.shuffle(lo), rng.shuffle(sh)
        long_by[fam], short_by[fam] = lo, sh

    def size(ts):
        return sum(len(t) + 1 for t in ts)

    def waterfill(by, budget):
        chosen = {f: [] for f in by}
        rest = {f: list(v) for f, v in by.items() if v}
        while rest and budget > 0:
            share = budget / len(rest)
            done = []
            for f, ts in rest.items():
                used = 0
                while ts and used + len(ts[-1]) + 1 <= share + 1:
                    t = ts.pop()
                    chosen[f].append(t)
                    used += len(t) + 1
                budget -= used
                if not ts or used == 0:
                    done.append(f)
            for f in done:
                rest.pop(f, None)
            if not done:
                break
        return chosen

    short_total = sum(size(v) for v in short_by.values())
    long_total = sum(size(v) for v in long_by.values())
    short_budget = min(short_total, max(int(CAP * SHORT_SHARE), CAP - long_total))
    ch_short = waterfill(short_by, short_budget)
    used_short = sum(size(v) for v in ch_short.values())
    ch_long = waterfill(long_by, CAP - used_short)
    out = []
    per_fam = collections.Counter()
    for ch in (ch_long, ch_short):
        for f, ts in ch.items():
            out.extend(ts)
            per_fam[f] += size(ts)
    out.sort()
    rng.shuffle(out)
    return out, per_fam


G = {}


def filter_lang(lang):
    """Filter, cap and dev-dedupe one language (runs in a forked worker; data in G)."""
    pools, en_lines, spread, devf = G["pools"], G["en_lines"], G["spread"], G["devf"]
    fams = pools.get(lang, {})
    # English marker words, minus words that are frequent in this language itself
    own = collections.Counter()
    for items in fams.values():
        for t in itertools.islice(items, 20000):
            own.update(w.lower() for w in WORD_RE.findall(t))
    top = G["top"] - {w for w, _ in own.most_common(100)}
    stats = collections.Counter()
    clean = {}
    seen = set()
    for fam in sorted(fams):
        kept = {}
        items = sorted(fams[fam].items())
        random.Random(f"{SEED}-{lang}-{fam}").shuffle(items)
        n_long = n_short = 0
        for t, v in items:
            para, pkg = v if isinstance(v, tuple) else (v, fam)
            t = unicodedata.normalize("NFC", t)
            # a family never contributes more than CAP: stop filtering once it has enough
            if n_long >= CAP and n_short >= CAP * SHORT_SHARE:
                break
            if t in seen:
                continue
            seen.add(t)
            if not plausible(t, lang):
                stats["implausible"] += 1
                continue
            if lang != "en":
                if t.lower() in en_lines or english_like(t, top):
                    stats["english"] += 1
                    continue
                if spread[t] >= 4:
                    stats["neutral"] += 1
                    continue
            kept[t] = (para, pkg)
            if para or n_words(t, lang) >= 4:
                n_long += len(t) + 1
            else:
                n_short += len(t) + 1
        if kept:
            clean[fam] = kept
    rng = random.Random(f"{SEED}-{lang}")
    lines, per_fam = select(lang, clean, rng)
    fam_of = {t: (f, v[1]) for f, items in clean.items() for t, v in items.items()}
    kept = []
    contrib = collections.Counter()
    for t in lines:
        if devf.hit(t, lang in NO_SPACE):
            stats["dev-dedupe"] += 1
            per_fam[fam_of[t][0]] -= len(t) + 1
        else:
            kept.append(t)
            contrib[(fam_of[t][1], lang)] += len(t) + 1
    return lang, kept, per_fam, stats, contrib


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-j", type=int, default=max(1, os.cpu_count() or 1))
    ap.add_argument("--reuse-pools", action="store_true",
                    help="reuse the gettext/help string pools of the previous run (.cache/langdata/work)")
    a = ap.parse_args()
    t0 = time.time()
    pools = build_pools(a.j, a.reuse_pools)
    log("pools built; filtering")
    top = english_top_words(pools)
    os.makedirs(WORK, exist_ok=True)
    with open(os.path.join(WORK, "english_top300.txt"), "w") as f:
        f.write("\n".join(sorted(top)) + "\n")
    en_lines = set()
    for items in pools.get("en", {}).values():
        en_lines.update(t.lower() for t in items)
    # language-neutral strings (product names, symbols...): identical in >= 4 languages
    spread = collections.Counter()
    for lang, fams in pools.items():
        for t in {t for items in fams.values() for t in items}:
            spread[t] += 1
    G.update(pools=pools, top=top, en_lines=en_lines, spread=spread,
             devf=DevFilter(dev_sentences()))
    stats = collections.Counter()
    contrib = collections.Counter()   # (package, lang) -> chars in the output
    final = {}
    with multiprocessing.get_context("fork").Pool(a.j) as pool:
        for lang, kept, per_fam, st, con in pool.imap_unordered(filter_lang, ALL_LANGS):
            final[lang] = (kept, per_fam)
            stats.update(st)
            contrib.update(con)
    log("dropped:", dict(stats))
    os.makedirs(TEXT, exist_ok=True)
    for f in glob.glob(os.path.join(TEXT, "*.txt")):
        os.remove(f)
    rows = []
    for lang in ALL_LANGS:
        lines, per_fam = final[lang]
        if not lines:
            rows.append((lang, 0, 0, "-"))
            continue
        with open(os.path.join(TEXT, f"{lang}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        chars = sum(len(t) + 1 for t in lines)
        srcs = ",".join(f"{k}:{v}" for k, v in sorted(per_fam.items(), key=lambda x: -x[1]) if v)
        rows.append((lang, chars, len(lines), srcs))
    with open(os.path.join(TEXT, "manifest.tsv"), "w") as f:
        f.write("code\tchars\tlines\tsources\n")
        for r in rows:
            f.write("\t".join(map(str, r)) + "\n")
    with open(os.path.join(TEXT, "contributions.tsv"), "w") as f:
        f.write("package\tlang\tchars\n")
        for (pkg, lang), n in sorted(contrib.items()):
            f.write(f"{pkg}\t{lang}\t{n}\n")
    with open(os.path.join(WORK, "dropped.json"), "w") as f:
        json.dump(dict(stats), f, indent=1)
    for lang, chars, n, srcs in rows:
        flag = "  <50k" if chars < 50_000 else ""
        print(f"{lang:4} {chars:>9} {n:>7}  {srcs}{flag}")
    log(f"{sum(1 for r in rows if r[1] > 0)} languages written to {TEXT} in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
