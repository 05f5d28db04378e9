"""Integration test: segfilter_spark.py on PySpark in local mode (local[2]).

Writes a small corpus (42 JSONL documents in 3 files, some ending in a Tagalog paragraph) into a
temporary directory, runs the job, and checks that every record comes back, in order, with
text + segfilter.appended == the input text.

The segfilter binary: $SEGFILTER, else .build/release/segfilter, else .build/debug/segfilter
(relative to the repository root). The tests are skipped only when there is none; a SEGFILTER
that is not an executable file is an error.
"""

from __future__ import annotations

import glob
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
JOB = HERE / "segfilter_spark.py"
sys.path.insert(0, str(HERE))
import segfilter_spark  # noqa: E402


def find_binary() -> str | None:
    env = os.environ.get("SEGFILTER")
    if env:
        if not (os.path.isfile(env) and os.access(env, os.X_OK)):
            raise RuntimeError(f"SEGFILTER={env} is not an executable file")
        return os.path.abspath(env)
    for rel in (".build/release/segfilter", ".build/debug/segfilter"):
        p = REPO / rel
        if os.access(p, os.X_OK):
            return str(p)
    return None


BINARY = find_binary()
pytestmark = pytest.mark.skipif(
    BINARY is None,
    reason=f"no segfilter binary: neither $SEGFILTER nor {REPO}/.build/release/segfilter nor "
           f"{REPO}/.build/debug/segfilter exists; build one (swift build -c release) or set SEGFILTER")

# Invented text for this test.
ENGLISH = [
    "The town library reopened on Monday after an eight-month renovation that added a reading room "
    "for children, a small recording studio and wider stairs. Librarians said more than six hundred "
    "people came through the doors before noon, many of them returning books borrowed before the works began.",
    "A family bakery on Harbour Street has started selling bread made from grain grown on three farms "
    "in the valley. The owners said the flour costs more, but customers have told them the loaves keep "
    "longer and taste of something again.",
    "The regional bus company will run a new evening route linking the hospital, the railway station "
    "and the university campus from next month. Nurses on late shifts had asked for the service for "
    "years, and the company said a trial last winter showed the demand was there.",
    "Students from the secondary school's robotics club won second place at the national competition "
    "with a machine that sorts recycling by colour and weight. Their teacher said the team rebuilt the "
    "gripper four times in the last week before the final.",
    "Fishing boats decorated with flags and lanterns sailed past the old lighthouse on Saturday evening "
    "to open the harbour festival. The organisers expect about twenty thousand visitors over the weekend, "
    "and the ferry operator has added two extra crossings.",
    "Forecasters warned that heavy rain could cause flooding in low-lying streets near the river on "
    "Thursday night. The council has handed out sandbags at the fire station and asked residents to move "
    "cars away from the embankment.",
    "Volunteers at the community garden harvested their first crop of potatoes, beans and squash this "
    "week. Half of the vegetables will go to the food bank, and the rest will be shared among the "
    "families who tend the plots.",
    "Engineers inspecting the stone bridge over the canal found cracks in two of its arches, and the "
    "bridge will be closed to lorries until repairs are finished in the spring. Cyclists and people on "
    "foot can still cross.",
    "The city museum has opened an exhibition of maps drawn by sailors and merchants over four "
    "centuries, including a chart of the coast that was found folded inside a ship's logbook during a "
    "house clearance last year.",
    "More than three thousand runners took part in the autumn marathon, which was won by a schoolteacher "
    "from the north of the county in a course record. Organisers thanked the residents who stood along "
    "the route handing out water and oranges.",
    "Stallholders at the Saturday farmers' market say sales of apples and honey have doubled since the "
    "market moved to the square beside the cathedral, where it is easier to reach by tram.",
    "The hospital's new maternity wing, paid for partly by a public appeal, will admit its first patients "
    "in June. The wing has twelve birthing rooms and a unit for premature babies, and families will be "
    "able to stay overnight.",
]

TAGALOG = [
    "Si Maria Santos ay isang guro sa Maynila at mahilig siyang magsulat ng mga kuwento tungkol sa "
    "kanyang bayan. Tuwing Linggo ay nagbabasa siya ng mga aklat kasama ang kanyang mga estudyante sa "
    "silid-aklatan ng paaralan.",
    "Si Jose Reyes ay isang mamamahayag mula sa Cebu. Siya ay nagsusulat tungkol sa kalikasan, "
    "agrikultura at buhay ng mga mangingisda sa kanilang probinsya.",
    "Ang may-akda ay nagtapos sa Unibersidad ng Pilipinas at kasalukuyang nagtatrabaho bilang "
    "boluntaryo sa isang samahan ng mga magsasaka sa Nueva Ecija. Mahilig siyang magluto at maglakbay "
    "kasama ang kanyang pamilya.",
]

CHECKED = 19  # doc-019 ends with the Maria Santos paragraph, which must come back in segfilter.appended
CHECKED_ID = f"doc-{CHECKED:03d}"


def tail_for(i: int) -> str | None:
    return TAGALOG[(i // 3) % len(TAGALOG)] if i % 3 == 1 else None


def make_corpus(directory: Path) -> tuple[list[Path], list[dict], dict]:
    """42 documents in 3 files; every third one ends with a Tagalog paragraph. One blank line
    (not a record) in the second file."""
    docs = []
    for i in range(42):
        n = 2 + i % 3
        paragraphs = [ENGLISH[(i + k) % len(ENGLISH)] for k in range(n)]
        if tail_for(i):
            paragraphs.append(tail_for(i))
        sep = "\r\n\r\n" if i == 20 else "\n\n"
        doc = {"id": f"doc-{i:03d}", "text": sep.join(paragraphs), "n": i * 1.5, "meta": {"src": "test", "tags": ["a", i]}}
        if i == 11:
            doc["text"] = "Caf\u00e9 \u201cquotes\u201d, a tab\tand an emoji \U0001F600 in a short English note about the weather."
        if i == 30:
            doc["text"] = ""
        docs.append(doc)
    tails = {f"doc-{i:03d}": tail_for(i) for i in range(len(docs)) if tail_for(i)}
    assert tails[CHECKED_ID].startswith("Si Maria Santos")
    files = []
    for f in range(3):
        path = directory / f"shard-{f}.jsonl"
        chunk = docs[f * 14:(f + 1) * 14]
        lines = [json.dumps(d, ensure_ascii=(f == 0)) for d in chunk]
        if f == 1:
            lines.insert(5, "")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(path)
    return files, docs, tails


def read_output(directory: Path) -> list[str]:
    parts = sorted(glob.glob(str(directory / "part-*")))
    assert parts, f"no part files in {directory}"
    lines = []
    for p in parts:
        with open(p, encoding="utf-8", newline="") as f:
            lines += f.read().split("\n")[:-1]  # not splitlines(): U+2028 may be in a line
    return lines


def spark_env() -> dict:
    env = dict(os.environ)
    env["PYSPARK_PYTHON"] = sys.executable
    env["PYSPARK_DRIVER_PYTHON"] = sys.executable
    return env


@pytest.fixture(scope="module")
def spark():
    os.environ.update({"PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable})
    from pyspark.sql import SparkSession
    s = (SparkSession.builder.master("local[2]").appName("segfilter-test")
         .config("spark.ui.enabled", "false").getOrCreate())
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


def test_job_end_to_end(tmp_path):
    """The job as a command (its own SparkSession, local[2]), with rules and extra flags."""
    files, docs, tails = make_corpus(tmp_path)
    out = tmp_path / "out"
    cmd = [sys.executable, str(JOB), *map(str, files), "--output", str(out), "--binary", BINARY,
           "--master", "local[2]", "--rules", "news", "--", "--no-paragraphs"]
    proc = subprocess.run(cmd, env=spark_env(), capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"job failed ({proc.returncode}):\n{proc.stderr[-5000:]}"
    assert f"{len(docs)} records in" in proc.stderr and "0 rejected, 1 blank lines skipped" in proc.stderr, proc.stderr[-2000:]

    lines = read_output(out)
    assert len(lines) == len(docs), f"{len(docs)} records in, {len(lines)} out"
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == [d["id"] for d in docs], "output order differs from input order"
    with_appended = 0
    for doc, rec in zip(docs, records):
        sf = rec["segfilter"]
        assert rec["text"] + sf["appended"] == doc["text"], doc["id"]
        assert "paragraphs" not in sf, "the extra flag --no-paragraphs was not passed"
        assert rec["n"] == doc["n"] and rec["meta"] == doc["meta"], doc["id"]
        with_appended += bool(sf["appended"])
    checked = next(r for r in records if r["id"] == CHECKED_ID)
    tail = tails[CHECKED_ID]
    assert tail in checked["segfilter"]["appended"], (
        f"{CHECKED_ID}: Tagalog tail not cut: {json.dumps(checked['segfilter'], ensure_ascii=False)[:600]}")
    assert checked["text"].startswith(ENGLISH[CHECKED % len(ENGLISH)][:40]) and tail not in checked["text"]
    print(f"{with_appended} of {len(docs)} documents with appended material; "
          f"{sum(tails[r['id']] in r['segfilter']['appended'] for r in records if r['id'] in tails)} "
          f"of {len(tails)} Tagalog tails cut")


def bad_corpus(tmp_path: Path) -> tuple[list[Path], int]:
    files, docs, _ = make_corpus(tmp_path)
    with open(files[2], "a", encoding="utf-8") as f:
        f.write('{"id": "broken", "text": \n')
        f.write('{"id": "no-text"}\n')
    return files, len(docs) + 2


def args_for(files, out, *extra):
    return segfilter_spark.parse_args([*map(str, files), "--output", str(out), "--binary", BINARY, *extra])


def test_on_error_skip_accounts_for_every_record(spark, tmp_path):
    files, n = bad_corpus(tmp_path)
    out, rej = tmp_path / "out", tmp_path / "rejects"
    counts = segfilter_spark.run_job(spark, args_for(files, out, "--on-error", "skip", "--rejects", str(rej)))
    written, rejects = read_output(out), read_output(rej)
    assert counts["records"] == n and counts["written"] == n - 2 and counts["rejected"] == 2, counts
    assert len(written) + len(rejects) == n
    assert all("segfilter" in json.loads(line) for line in written)
    assert sorted(r.split("\t", 1)[1] for r in rejects) == ['{"id": "broken", "text": ', '{"id": "no-text"}']


def test_on_error_pass_keeps_count(spark, tmp_path):
    files, n = bad_corpus(tmp_path)
    out = tmp_path / "out"
    counts = segfilter_spark.run_job(spark, args_for(files, out, "--on-error", "pass"))
    lines = read_output(out)
    # Passed-through records are written records: nothing is rejected, the count is kept.
    assert len(lines) == n and counts["written"] == n and counts["rejected"] == 0, counts
    assert lines[-2:] == ['{"id": "broken", "text": ', '{"id": "no-text"}']


def test_on_error_fail_fails_the_job(spark, tmp_path):
    files, _ = bad_corpus(tmp_path)
    with pytest.raises(Exception, match=re.compile(r"segfilter exited with status 1 on partition .*<stdin>:\d+: invalid JSON", re.S)):
        segfilter_spark.run_job(spark, args_for(files, tmp_path / "out"))
