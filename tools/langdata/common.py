"""Shared definitions for the langdata pipeline (fetch.py, extract.py).

Language codes: ISO 639-1 where one exists, else ISO 639-3, with regional and
orthographic variants folded (see normalize()).
"""
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CACHE = os.path.join(ROOT, ".cache", "langdata")
DL = os.path.join(CACHE, "dl")
DEBS = os.path.join(DL, "debs")
PYPI = os.path.join(DL, "pypi")
X = os.path.join(DL, "x")          # extracted trees, one folder per package
TEXT = os.path.join(CACHE, "text")
WORK = os.path.join(CACHE, "work")  # intermediate per-source pools

# The 96 languages of the dev set (checked against dev/STATS.md).
TARGETS = """ach af an ar as ast az be bg bn br bs ca cak cs cy da de dsb el en eo es et eu fa ff
fi fr fur fy ga gd gl gn gu he hi hr hsb hu hy ia id is it ja ka kab kk km kn ko lij lt lv mk mr
ms my nb ne nl nn oc pa pl pt rm ro ru sat sc sco si skr sk sl son sq sr sv szl ta te tg th tl tr
trs uk ur uz vi xh zh""".split()

# Additional well-resourced languages (each >= 100k chars in the sources below).
EXTRAS = """ml or am ky tt ku ckb ps sw zu lb la fo mn ig nso st ts rw om ug mg nds wa vec yi mt
dz""".split()
EXTRAS = [c for c in dict.fromkeys(EXTRAS) if c not in TARGETS]

ALL_LANGS = TARGETS + EXTRAS

# ---------------------------------------------------------------------------
# Forbidden sources.  Never downloaded (fetch.py) and never read (extract.py).
FORBIDDEN_PKG_RE = re.compile(
    r"^(manpages(-.*)?|coreutils|gnome-user-docs(-.*)?|installation-guide-.*|"
    r"firefox-esr-l10n-.*|firefox-l10n-.*|thunderbird-l10n-.*|"
    r"grep|sed|tar|findutils|diffutils|gzip|cpio|gawk|wget|bash|bash-completion|"
    r"util-linux(-.*)?|procps|psmisc|login|passwd|shadow|man-db|dpkg|dpkg-dev|dselect|"
    r"apt|apt-utils|libapt-pkg.*|libc-l10n|libc6.*|libc-bin|locales(-all)?|glibc.*|"
    r"sharutils|texinfo(-.*)?|install-info|info)$")
# gettext domains (file stem of the .mo) that are forbidden wherever they appear.
FORBIDDEN_MO_RE = re.compile(
    r"^(grep|sed|tar|findutils|diffutils|gzip|cpio|gawk|wget|wget2|bash|util-linux|"
    r"procps(-ng)?|psmisc|shadow|login|passwd|man-db|man-db-gnulib|dpkg|dpkg-dev|dselect|"
    r"apt|apt-utils|libapt-pkg.*|libapt-inst.*|libc|sharutils|texinfo|texinfo_document|"
    r"coreutils|gnulib|.*-gnulib)$")


def forbidden_pkg(name):
    return bool(FORBIDDEN_PKG_RE.match(name))


def forbidden_mo(path):
    stem = os.path.basename(path)
    if stem.endswith(".mo"):
        stem = stem[:-3]
    return bool(FORBIDDEN_MO_RE.match(stem))


def forbidden_path(path):
    p = path.replace("\\", "/")
    return "/usr/share/man/" in p or p.startswith("usr/share/man/")


# ---------------------------------------------------------------------------
# Locale / language-tag normalisation.
_DROP = {
    "sat@deva", "sat-deva", "sat_in@deva", "uz@cyrillic", "be@latin", "ms@arab", "tt@iqtelif",
    "pa_pk", "pa-pk", "pa-arab", "ku-arab", "kk-arab", "kk-cn", "kk-tr", "kk-latn",
    "tg-latn", "uz-cyrl", "sr@ijekavian", "sr@ijekavianlatin", "ff-adlm", "sd-deva",
    "mni-mtei", "ks-deva", "sat-latn", "sat-beng", "sat-orya", "ug-latn",
    "ike-latn", "ban-bali", "sr-latn-me", "sh",
}
_MAP = {
    "fil": "tl", "gug": "gn", "ses": "son", "skr-arab": "skr", "be-tarask": "be",
    "be-x-old": "be", "no": "nb", "nb": "nb", "kmr": "ku", "ku_iq": "ckb", "ckb-iq": "ckb",
    "sat@olchiki": "sat", "pa-in": "pa", "pa-guru": "pa", "iw": "he", "in": "id", "ji": "yi",
    "zh-classical": None, "zh-min-nan": None, "zh-yue": None, "yue": None, "nan": None,
    "lzh": None, "wuu": None, "gan": None, "hak": None, "cdo": None,
    "en-x-piglatin": None, "qqq": None, "qqx": None, "ksh": None,
    "sr-ec": "sr", "sr-el": "sr", "sr-cyrl": "sr", "sr-latn": "sr", "sr@latin": "sr",
    "ca@valencia": "ca", "ca-valencia": "ca", "tg-cyrl": "tg", "kk-cyrl": "kk", "kk-kz": "kk",
    "ku-latn": "ku", "ms-arab": None, "mo": None,
}


def normalize(tag):
    """Map a locale dir / MediaWiki / LibreOffice language tag to our code, or None to drop."""
    t = tag.strip().lower()
    t = re.sub(r"\.(utf-?8|iso-?8859-\d+|euc.*)$", "", t)
    if t in _DROP or t.replace("_", "-") in _DROP:
        return None
    for cand in (t, t.replace("_", "-")):
        if cand in _MAP:
            return _MAP[cand]
    if "@" in t:
        base, mod = t.split("@", 1)
        if mod in ("latin", "valencia", "euro", "cyrillic" if base == "sr" else "_"):
            t = base
        else:
            return None
    base = re.split(r"[-_]", t)[0]
    if base in _MAP:
        return _MAP[base]
    if not re.fullmatch(r"[a-z]{2,3}", base):
        return None
    return base


# Scripts a language's lines must be written in (checked per line in extract.py).
# Languages not listed get the script(s) that dominate their own text.
SCRIPTS = {
    "sat": {"OL"}, "uz": {"LATIN"}, "tg": {"CYRILLIC"}, "kk": {"CYRILLIC"}, "ky": {"CYRILLIC"},
    "tt": {"CYRILLIC"}, "mn": {"CYRILLIC"}, "be": {"CYRILLIC"}, "ru": {"CYRILLIC"},
    "uk": {"CYRILLIC"}, "bg": {"CYRILLIC"}, "mk": {"CYRILLIC"}, "sr": {"CYRILLIC", "LATIN"},
    "az": {"LATIN"}, "ku": {"LATIN"}, "ckb": {"ARABIC"}, "ms": {"LATIN"}, "ff": {"LATIN"},
    "pa": {"GURMUKHI"}, "skr": {"ARABIC"}, "ur": {"ARABIC"}, "ps": {"ARABIC"}, "fa": {"ARABIC"},
    "ar": {"ARABIC"}, "ug": {"ARABIC"}, "he": {"HEBREW"}, "yi": {"HEBREW"}, "el": {"GREEK"},
    "hy": {"ARMENIAN"}, "ka": {"GEORGIAN"}, "hi": {"DEVANAGARI"}, "mr": {"DEVANAGARI"},
    "ne": {"DEVANAGARI"}, "bn": {"BENGALI"}, "as": {"BENGALI"}, "gu": {"GUJARATI"},
    "or": {"ORIYA"}, "ta": {"TAMIL"}, "te": {"TELUGU"}, "kn": {"KANNADA"}, "ml": {"MALAYALAM"},
    "si": {"SINHALA"}, "th": {"THAI"}, "lo": {"LAO"}, "km": {"KHMER"}, "my": {"MYANMAR"},
    "bo": {"TIBETAN"}, "dz": {"TIBETAN"}, "am": {"ETHIOPIC"},
    "ja": {"CJK", "HIRAGANA", "KATAKANA"}, "zh": {"CJK"}, "ko": {"HANGUL", "CJK"},
}

# Languages whose text has no spaces between words: "sentence-like" = >= 15 characters.
NO_SPACE = {"ja", "zh", "th", "lo", "km", "my", "bo", "dz"}
