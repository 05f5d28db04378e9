#!/usr/bin/env python3
"""Run segfilter over JSON Lines text files with PySpark.

One `segfilter --jsonl -q --jobs 1` subprocess per partition; the partition's lines are streamed
through it (a feeder thread writes stdin while the task reads stdout), so memory stays flat and
the output of every partition is in input order. A partition fails, and Spark retries it, when its
segfilter exits non-zero or when its output does not account for every input record
(output records + rejected records != input records).

    python segfilter_spark.py INPUT [INPUT ...] --output DIR --binary PATH
        [--rules NAME|FILE] [--on-error fail|skip|pass] [--rejects DIR]
        [--master URL] [--min-partitions N] [--compress gzip|bzip2]
        [-- EXTRA SEGFILTER FLAGS ...]

INPUT is anything SparkContext.textFile takes (files, directories, globs; .gz and .bz2 are
decompressed by Hadoop). The output is a Hadoop text output directory (part-00000, ...).

The binary is shipped to the executors with SparkContext.addFile and found there with
SparkFiles.get; a path written `local:/opt/segfilter/segfilter` is used as it is instead (the binary is
already installed on every executor). A --rules value that names an existing file is shipped the
same way. Flags after `--` are passed to segfilter unchanged (e.g. `-- --no-paragraphs
--text-field body`); the job itself owns --jsonl, -q, --jobs, --on-error, --rejects and -o.

Blank lines are not records (as in segfilter): they are dropped before the pipe and counted.
With --on-error skip, rejected records are counted, logged on the executor's stderr, and written
to --rejects DIR when given (as "partition N: <stdin>:LINE: reason<TAB>line").
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import threading

JOB_FLAGS = {"--jsonl", "-q", "--quiet", "--jobs", "--on-error", "--rejects", "-o", "--output",
             "--appended", "--attributes", "--explain"}
BLANK = frozenset(" \t\r")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1:]
    p = argparse.ArgumentParser(
        description="Pipe JSONL text files through segfilter on Spark, one subprocess per partition.",
        epilog="Flags after '--' are passed to segfilter (e.g. -- --no-paragraphs --text-field body).")
    p.add_argument("inputs", nargs="+", help="input paths (files, directories, globs) of JSONL lines")
    p.add_argument("-o", "--output", required=True, help="output directory (must not exist)")
    p.add_argument("--binary", default=os.environ.get("SEGFILTER"),
                   help="segfilter binary on the driver (shipped with addFile), or local:/PATH already "
                        "on every executor; default: $SEGFILTER")
    p.add_argument("--rules", default="default", help="built-in rule set name or a .rules file (shipped)")
    p.add_argument("--on-error", choices=["fail", "skip", "pass"], default="fail",
                   help="segfilter's bad-record policy (default fail; skip or pass are advisable at scale)")
    p.add_argument("--rejects", help="with --on-error skip: write the rejected records to this directory")
    p.add_argument("--master", help="Spark master (default: whatever spark-submit or the session has)")
    p.add_argument("--min-partitions", type=int, help="passed to textFile")
    p.add_argument("--compress", choices=["gzip", "bzip2"], help="compress the output part files")
    args = p.parse_args(argv)
    if not args.binary:
        p.error("--binary (or $SEGFILTER) is required")
    if args.rejects and args.on_error != "skip":
        p.error("--rejects needs --on-error skip")
    for flag in extra:
        if flag.split("=", 1)[0] in JOB_FLAGS:
            p.error(f"{flag} is set by the job; use the job's own option or leave it out")
    args.extra = extra
    return args


def _ship(sc, path: str) -> tuple[str, bool]:
    """Returns (name or path to use on the executors, shipped?)."""
    if path.startswith("local:"):
        return path[len("local:"):], False
    sc.addFile(path)
    return os.path.basename(path), True


def _executor_path(name: str, shipped: bool, executable: bool = False) -> str:
    if not shipped:
        return name
    from pyspark import SparkFiles
    path = SparkFiles.get(name)
    if executable and not os.access(path, os.X_OK):
        os.chmod(path, 0o755)  # Spark marks fetched files a+x; be safe with other file systems
    return path


def make_partition_function(binary: tuple[str, bool], rules: tuple[str, bool], on_error: str,
                            extra: list[str], tag_rejects: bool, counters: dict):
    """The function given to mapPartitionsWithIndex. It yields output lines, or, when tag_rejects,
    (True, line) for output records and (False, line) for rejected ones."""

    def run_partition(index, lines):
        exe = _executor_path(*binary, executable=True)
        rule_arg = _executor_path(*rules)
        cmd = [exe, "--jsonl", "-q", "--jobs", "1", "--rules", rule_arg, "--on-error", on_error]
        rejects_file = None
        if on_error == "skip":
            rejects_file = tempfile.NamedTemporaryFile(prefix="segfilter-rejects-", delete=False)
            rejects_file.close()
            cmd += ["--rejects", rejects_file.name]
        cmd += extra
        stderr = tempfile.TemporaryFile()
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr)
        fed = {"records": 0, "blank": 0}
        feed_error: list[BaseException] = []

        def feed():
            try:
                for line in lines:
                    if all(c in BLANK for c in line):
                        fed["blank"] += 1
                        continue
                    fed["records"] += 1
                    proc.stdin.write(line.encode("utf-8"))
                    proc.stdin.write(b"\n")
            except BrokenPipeError:
                pass  # segfilter stopped reading; its exit status says why
            except BaseException as e:  # noqa: BLE001 - re-raised in the task thread
                feed_error.append(e)
            finally:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass

        feeder = threading.Thread(target=feed, name=f"segfilter-feed-{index}", daemon=True)
        feeder.start()
        written = 0
        try:
            for raw in proc.stdout:
                written += 1
                line = raw[:-1].decode("utf-8") if raw.endswith(b"\n") else raw.decode("utf-8")
                yield (True, line) if tag_rejects else line
            feeder.join()
            status = proc.wait()
        finally:
            if proc.poll() is None:  # the consumer stopped early (e.g. take()) or an error
                proc.kill()
                proc.wait()
        if feed_error:
            raise feed_error[0]
        stderr.seek(0)
        err_text = stderr.read().decode("utf-8", "replace")
        stderr.close()
        rejected: list[str] = []
        if rejects_file is not None:
            with open(rejects_file.name, "rb") as f:
                rejected = [r.decode("utf-8", "replace") for r in f.read().split(b"\n") if r]
            os.unlink(rejects_file.name)
        if status != 0:
            raise RuntimeError(f"segfilter exited with status {status} on partition {index} "
                               f"({fed['records']} records in, {written} out): {err_text.strip()[-2000:]}")
        if written + len(rejected) != fed["records"]:
            raise RuntimeError(f"segfilter on partition {index}: {fed['records']} records in, but "
                               f"{written} written + {len(rejected)} rejected")
        for r in rejected[:20]:
            print(f"segfilter partition {index}: rejected {r[:300]}", file=sys.stderr)
        # Accumulators count again when Spark retries a task; the per-partition check above is exact.
        counters["records"].add(fed["records"])
        counters["written"].add(written)
        counters["rejected"].add(len(rejected))
        counters["blank"].add(fed["blank"])
        if tag_rejects:
            for r in rejected:
                yield (False, f"partition {index}: {r}")

    return run_partition


CODECS = {"gzip": "org.apache.hadoop.io.compress.GzipCodec",
          "bzip2": "org.apache.hadoop.io.compress.BZip2Codec"}


def run_job(spark, args: argparse.Namespace) -> dict:
    """Runs the job on an existing SparkSession and returns the counts."""
    sc = spark.sparkContext
    if __name__ != "__main__":  # imported as a library: the workers need this module too
        sc.addPyFile(os.path.abspath(__file__))
    binary = _ship(sc, args.binary)
    rules = _ship(sc, args.rules) if os.path.isfile(args.rules) else (args.rules, False)
    counters = {k: sc.accumulator(0) for k in ("records", "written", "rejected", "blank")}
    tag = bool(args.rejects)
    kwargs = {"minPartitions": args.min_partitions} if args.min_partitions else {}
    lines = sc.textFile(",".join(args.inputs), **kwargs)
    result = lines.mapPartitionsWithIndex(
        make_partition_function(binary, rules, args.on_error, args.extra, tag, counters))
    codec = CODECS.get(args.compress) if args.compress else None
    if tag:
        from pyspark import StorageLevel
        result.persist(StorageLevel.DISK_ONLY)  # segfilter runs once; both outputs read the cache
        result.filter(lambda t: t[0]).map(lambda t: t[1]).saveAsTextFile(args.output, codec)
        result.filter(lambda t: not t[0]).map(lambda t: t[1]).saveAsTextFile(args.rejects, codec)
        result.unpersist()
    else:
        result.saveAsTextFile(args.output, codec)
    counts = {k: v.value for k, v in counters.items()}
    counts["partitions"] = lines.getNumPartitions()
    return counts


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from pyspark.sql import SparkSession
    builder = SparkSession.builder.appName("segfilter")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    try:
        c = run_job(spark, args)
    finally:
        spark.stop()
    print(f"segfilter_spark: {c['records']} records in {c['partitions']} partitions: {c['written']} written, "
          f"{c['rejected']} rejected, {c['blank']} blank lines skipped -> {args.output}"
          + (f" (rejects: {args.rejects})" if args.rejects else ""), file=sys.stderr)
    print("segfilter_spark: segfilter command: "
          + shlex.join(["segfilter", "--jsonl", "-q", "--jobs", "1", "--rules", args.rules,
                        "--on-error", args.on_error] + args.extra), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
