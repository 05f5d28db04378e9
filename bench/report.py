#!/usr/bin/env python3
"""Turn bench/run.sh's raw measurements into a table (stdout), JSON and Markdown.

  report.py RAW.tsv META.tsv OUT.json OUT.md

RAW.tsv: name, input, walls (s, comma-separated, bash clock), /usr/bin/time %e values, %M values
(KiB), %U+%S values (CPU s), command. META.tsv: key<TAB>value. Throughput is input bytes / best wall time, in MB/s
(10^6 bytes per second); peak RSS is the largest %M over the repeats.

Unseen-text runs (NAME_half over every other record of the development corpus, NAME_halves over
those and then the others): throughput is the second half's bytes / (best NAME_halves wall time -
best NAME_half wall time), the speed over text the process has not met, after start-up.
"""
import datetime
import json
import sys

LABELS = {
    "seg_jobs1": "segfilter --jsonl --jobs 1",
    "seg_jobsN": "segfilter --jsonl --jobs {jobs}",
    "cld2_pipeline": "CLD2 pipeline (pycld2 per paragraph + tail cut)",
    "seg_identify": "segfilter identify --jobs 1",
    "seg_identify_jobsN": "segfilter identify --jobs {jobs}",
    "cld2_lid": "CLD2 LID-only (pycld2 per line)",
    "seg_big_jobs1": "segfilter --jsonl --jobs 1, big input",
}

# Unseen text (the second half of the development corpus after the first): run name -> label, input key.
UNSEEN = {
    "seg_jobs1": ("segfilter --jsonl --jobs 1", "docs_unseen"),
    "cld2_pipeline": ("CLD2 pipeline", "docs_unseen"),
    "seg_identify": ("segfilter identify --jobs 1", "paragraphs_unseen"),
    "cld2_lid": ("CLD2 LID-only", "paragraphs_unseen"),
}


def read_meta(path):
    meta = {}
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                k, _, v = line.partition("\t")
                meta[k] = v
    return meta


def read_raw(path):
    runs = {}
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            name, inp, walls, es, rss, cpu, cmd = line.split("\t", 6)
            runs[name] = {
                "input": inp,
                "walls": [float(x) for x in walls.split(",")],
                "time_e": [float(x) for x in es.split(",")],
                "rss_kb": [int(x) for x in rss.split(",")],
                "cpu_s": [float(x) for x in cpu.split(",")],
                "command": cmd,
            }
    return runs


def input_info(meta, key):
    if key not in meta:
        return None
    path, nbytes, records = meta[key].split("\t")
    return {"path": path, "bytes": int(nbytes), "records": int(records)}


def ratio(rows, a, b):
    """MB/s of run a over MB/s of run b in `rows` (name -> row), or None."""
    if a in rows and b in rows and rows[a]["mb_per_s"] and rows[b]["mb_per_s"]:
        return round(rows[a]["mb_per_s"] / rows[b]["mb_per_s"], 3)
    return None


def best_and_median_ms(run, prefix=""):
    """A repeated short run's best and median wall time in milliseconds."""
    walls = sorted(run["walls"])
    return {prefix + "best_ms": round(walls[0] * 1000, 1),
            prefix + "median_ms": round(walls[len(walls) // 2] * 1000, 1)}


def text_table(cols, rows):
    """Lines of an aligned text table: the first column left-aligned, the others right."""
    widths = [max(len(c), *(len(r[i]) for r in rows)) if rows else len(c) for i, c in enumerate(cols)]
    def fmt(cells):
        return "  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(cells))
    return [fmt(cols), fmt(["-" * w for w in widths])] + [fmt(r) for r in rows]


def number(v, digits):
    return "n/a" if v is None else f"{v:.{digits}f}"


def text_ratios(pairs):
    width = max(len(n) for n, _ in pairs)
    return [f"{n.ljust(width)}  {number(v, 3)}" for n, v in pairs]


def md_table(cols, rows):
    return ["| " + " | ".join(cols) + " |", "|" + "|".join(["---"] + ["---:"] * (len(cols) - 1)) + "|"] + \
           ["| " + " | ".join(r) + " |" for r in rows]


def md_ratios(title, pairs):
    return md_table([title, "value"], [[n, number(v, 3)] for n, v in pairs])


def main(argv):
    if len(argv) != 5:
        print("usage: report.py RAW.tsv META.tsv OUT.json OUT.md", file=sys.stderr)
        return 2
    raw, meta_path, out_json, out_md = argv[1:]
    meta = read_meta(meta_path)
    runs = read_raw(raw)
    inputs = {k: input_info(meta, k) for k in ("docs", "paragraphs", "big", "docs_unseen", "paragraphs_unseen")}
    which_input = {"seg_jobs1": "docs", "seg_jobsN": "docs", "cld2_pipeline": "docs",
                   "seg_identify": "paragraphs", "seg_identify_jobsN": "paragraphs", "cld2_lid": "paragraphs", "seg_big_jobs1": "big"}
    jobs = meta.get("jobs", "N")

    results = []
    by_name = {}
    for name, label in LABELS.items():
        if name not in runs:
            continue
        r = runs[name]
        inp = inputs[which_input[name]]
        best = min(r["walls"])
        row = {
            "name": name,
            "label": label.format(jobs=jobs),
            "command": r["command"],
            "input": inp["path"],
            "input_bytes": inp["bytes"],
            "input_records": inp["records"],
            "repeats": len(r["walls"]),
            "wall_s_best": round(best, 3),
            "wall_s_all": [round(w, 3) for w in r["walls"]],
            "time_e_s_all": r["time_e"],
            "cpu_s_all": r["cpu_s"],
            "mb_per_s": round(inp["bytes"] / best / 1e6, 3),
            "mb_per_cpu_s": round(inp["bytes"] / min(r["cpu_s"]) / 1e6, 3) if min(r["cpu_s"]) > 0 else None,
            "records_per_s": round(inp["records"] / best, 1),
            "peak_rss_mb": round(max(r["rss_kb"]) / 1024, 1),
            "rss_mb_all": [round(k / 1024, 1) for k in r["rss_kb"]],
        }
        results.append(row)
        by_name[name] = row

    ratios = {
        "segfilter_jobs1_over_cld2_pipeline": ratio(by_name, "seg_jobs1", "cld2_pipeline"),
        "segfilter_jobsN_over_jobs1": ratio(by_name, "seg_jobsN", "seg_jobs1"),
        "segfilter_identify_over_cld2_lid": ratio(by_name, "seg_identify", "cld2_lid"),
        "segfilter_identify_jobsN_over_jobs1": ratio(by_name, "seg_identify_jobsN", "seg_identify"),
    }
    unseen = {}
    for name, (label, key) in UNSEEN.items():
        half, halves, inp = runs.get(name + "_half"), runs.get(name + "_halves"), inputs.get(key)
        if not (half and halves and inp):
            continue
        a, ab = min(half["walls"]), min(halves["walls"])
        unseen[name] = {
            "label": label, "command": halves["command"], "input": inp["path"], "input_bytes": inp["bytes"],
            "repeats": len(halves["walls"]), "halves_wall_s_best": round(ab, 4), "half_wall_s_best": round(a, 4),
            "mb_per_s": round(inp["bytes"] / (ab - a) / 1e6, 3) if ab > a else None,
        }

    unseen_ratios = {
        "segfilter_jobs1_over_cld2_pipeline": ratio(unseen, "seg_jobs1", "cld2_pipeline"),
        "segfilter_identify_over_cld2_lid": ratio(unseen, "seg_identify", "cld2_lid"),
    }
    startup = None
    if "startup" in runs:
        s = runs["startup"]
        floor = min(runs["time_floor"]["walls"]) * 1000 if "time_floor" in runs else None
        startup = {
            "command": s["command"] + " < /dev/null",
            "repeats": len(s["walls"]),
            **best_and_median_ms(s),
            "all_ms": [round(w * 1000, 1) for w in s["walls"]],
            "peak_rss_mb": round(max(s["rss_kb"]) / 1024, 1),
            "floor_ms": round(floor, 1) if floor is not None else None,
            "note": "wall time of /usr/bin/time + segfilter, bash clock; floor_ms is the same for /bin/true",
        }
        if "startup_doc" in runs:
            d = runs["startup_doc"]
            startup["one_document"] = {
                "input": d.get("input"),
                **best_and_median_ms(d),
                "note": "the same command on the corpus's first document: the rule set's analysis and the regexes its paragraphs need are built on first use",
            }
        if "small_file" in runs:
            f = runs["small_file"]
            startup["small_file"] = {
                "input": f.get("input"),
                **best_and_median_ms(f),
                "note": "--jobs 1 on the corpus's first 100 documents, one process: start-up plus the regexes those paragraphs need, compiled once",
            }
            if "cld2_small_file" in runs:
                startup["small_file"].update(best_and_median_ms(runs["cld2_small_file"], "cld2_pipeline_"))
    flat = None
    if "seg_big_jobs1" in by_name and "seg_jobs1" in by_name:
        flat = {
            "small_input_mb": round(by_name["seg_jobs1"]["input_bytes"] / 1e6, 1),
            "small_peak_rss_mb": by_name["seg_jobs1"]["peak_rss_mb"],
            "big_input_mb": round(by_name["seg_big_jobs1"]["input_bytes"] / 1e6, 1),
            "big_peak_rss_mb": by_name["seg_big_jobs1"]["peak_rss_mb"],
        }

    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    doc = {
        "date": now,
        "git_commit": meta.get("git_commit"),
        "sources_dirty": meta.get("git_dirty") == "yes",
        "binary": meta.get("binary"),
        "binary_bytes": int(meta["binary_bytes"]) if "binary_bytes" in meta else None,
        "build": meta.get("build"),
        "machine": {"cpu": meta.get("cpu"), "nproc": int(meta.get("nproc", 0)),
                    "mem_total_kb": int(meta.get("mem_total_kb", 0)),
                    "loadavg_start": meta.get("loadavg_start"), "loadavg_end": meta.get("loadavg_end")},
        "baseline": {"pycld2": meta.get("pycld2"), "python": meta.get("python")},
        "repeat": int(meta.get("repeat", 0)),
        "inputs": {k: v for k, v in inputs.items() if v},
        "runs": results,
        "ratios": ratios,
        "unseen_text": list(unseen.values()),
        "unseen_text_ratios": unseen_ratios,
        "startup": startup,
        "memory_flat": flat,
        "bench_seconds": int(meta.get("bench_seconds", 0)),
    }
    with open(out_json, "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")

    # ---- text table and Markdown
    head = (f"segfilter benchmark, {now}: repo commit {doc['git_commit']}"
            f"{' (+ uncommitted changes)' if doc['sources_dirty'] else ''}; binary {doc['binary']} "
            f"({(doc['binary_bytes'] or 0) / 1e6:.0f} MB), build: {doc['build']}")
    mach = (f"machine: {doc['machine']['cpu']}, {doc['machine']['nproc']} cores; load average "
            f"{doc['machine']['loadavg_start']} at start, {doc['machine']['loadavg_end']} at end; "
            f"baseline {doc['baseline']['pycld2']} on Python {doc['baseline']['python']}")
    inp_lines = []
    for k, v in doc["inputs"].items():
        unit = "lines" if k == "paragraphs" else "records"
        inp_lines.append(f"{k}: {v['path']} ({v['bytes'] / 1e6:.1f} MB, {v['records']} {unit})")

    cols = ["run", "input MB", "MB/s", "records/s", "best wall s", "MB/CPU-s", "peak RSS MB"]
    rows = []
    for r in results:
        rows.append([r["label"], f"{r['input_bytes'] / 1e6:.1f}", f"{r['mb_per_s']:.2f}",
                     f"{r['records_per_s']:.0f}",
                     f"{r['wall_s_best']:.2f} (of {r['repeats']})",
                     number(r["mb_per_cpu_s"], 2),
                     f"{r['peak_rss_mb']:.1f}"])
    ratio_rows = [
        ("segfilter 1 job / CLD2 pipeline (MB/s)", ratios["segfilter_jobs1_over_cld2_pipeline"]),
        (f"segfilter {jobs} jobs / 1 job (MB/s)", ratios["segfilter_jobsN_over_jobs1"]),
        ("segfilter identify, 1 job / CLD2 LID-only (MB/s)", ratios["segfilter_identify_over_cld2_lid"]),
        (f"segfilter identify, {jobs} jobs / 1 job (MB/s)", ratios["segfilter_identify_jobsN_over_jobs1"]),
    ]
    extra = []
    if startup:
        extra.append(f"start-up (`{startup['command']}`): best {startup['best_ms']} ms, median "
                     f"{startup['median_ms']} ms of {startup['repeats']}, peak RSS "
                     f"{startup['peak_rss_mb']} MB (floor: /usr/bin/time /bin/true = {startup['floor_ms']} ms)"
                     + (f"; with one document: best {startup['one_document']['best_ms']} ms, median "
                        f"{startup['one_document']['median_ms']} ms" if "one_document" in startup else "")
                     + (f"; a file of 100 documents: best {startup['small_file']['best_ms']} ms, median "
                        f"{startup['small_file']['median_ms']} ms"
                        + (f" (CLD2 pipeline: best {startup['small_file']['cld2_pipeline_best_ms']} ms, median "
                           f"{startup['small_file']['cld2_pipeline_median_ms']} ms)" if "cld2_pipeline_best_ms" in startup['small_file'] else "")
                        if "small_file" in startup else ""))
    if flat:
        extra.append(f"memory: peak RSS {flat['small_peak_rss_mb']} MB on {flat['small_input_mb']} MB, "
                     f"{flat['big_peak_rss_mb']} MB on {flat['big_input_mb']} MB (--jobs 1)")
    extra.append("unseen text = the development corpus's second half (every other record) after its first half: "
                 "MB/s = the second half's bytes / (best wall time over both halves - best wall time over the first)")
    extra.append("MB/s = input bytes / best wall time; MB/CPU-s = input bytes / least user+system "
                 "CPU time (all threads), which other load on the machine disturbs less")
    try:
        busy = max(float(meta[k].split()[0]) for k in ("loadavg_start", "loadavg_end"))
        if busy > 0.5 * doc["machine"]["nproc"]:
            extra.append(f"WARNING: the machine was busy (1-minute load average up to {busy:g} on "
                         f"{doc['machine']['nproc']} cores): wall times and the --jobs ratio are noisy")
    except (KeyError, ValueError, IndexError):
        pass
    extra.append(f"benchmark took {doc['bench_seconds']} s")

    out = [head, mach, *inp_lines, ""] + text_table(cols, rows) + [""] + text_ratios(ratio_rows)
    unseen_cols = ["unseen text (dev corpus, 2nd half after 1st)", "MB", "MB/s", "best wall s, both halves", "best wall s, 1st half"]
    unseen_rows = [[r["label"], f"{r['input_bytes'] / 1e6:.2f}", number(r["mb_per_s"], 2),
                f"{r['halves_wall_s_best']:.3f} (of {r['repeats']})", f"{r['half_wall_s_best']:.3f}"]
               for r in unseen.values()]
    unseen_ratio_rows = [
        ("unseen text: segfilter 1 job / CLD2 pipeline", unseen_ratios["segfilter_jobs1_over_cld2_pipeline"]),
        ("unseen text: segfilter identify / CLD2 LID-only", unseen_ratios["segfilter_identify_over_cld2_lid"]),
    ]
    if unseen_rows:
        out += [""] + text_table(unseen_cols, unseen_rows) + [""] + text_ratios(unseen_ratio_rows)
    out.append("")
    out += [e.replace("`", "") for e in extra]
    print("\n".join(out))

    md = [f"# segfilter benchmark", "", head + "  ", mach + "  ", *[l + "  " for l in inp_lines], ""]
    md += md_table(cols, rows) + [""] + md_ratios("ratio", ratio_rows)
    if unseen_rows:
        md += [""] + md_table(unseen_cols, unseen_rows) + [""] + md_ratios("unseen-text ratio", unseen_ratio_rows)
    md += [""] + [f"- {e}" for e in extra]
    with open(out_md, "w") as f:
        f.write("\n".join(md) + "\n")
    print(f"\nwrote {out_json} and {out_md}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
