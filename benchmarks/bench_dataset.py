"""Benchmark of `newscrawler dataset export` on 100,000 records.

Generates a data dir of 10 sites x 5 runs (one export file per site and run), with
Vietnamese bodies of about 400 words built from the real sentences of the replica corpus;
8 % of the lines are a new version of an article of the previous run, 2 % are marked as
near-duplicates. Then, for each format, a child process runs `export_dataset` three
times: the median time, the child's peak RSS (ru_maxrss) and the output size are reported.
A last row measures the simple alternative, `merge_latest(iter_export_records(...))`,
which holds every record in memory.

    .venv/bin/python benchmarks/bench_dataset.py [--records N] [--keep DIR]

Caveat: the bodies are a few dozen real sentences with a third of their words swapped at
random, so compressed sizes only approximate those of real articles.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newscrawler.records import content_hash, word_count  # noqa: E402
from newscrawler.replica.sentences import (  # noqa: E402
    MINISTRIES,
    PROVINCES,
    REAL_SENTENCES,
    SENTENCES,
)

SITES = [f"site{n:02d}" for n in range(10)]  # not real sites: the benchmark needs no facts
RUNS = [f"2026110{day}T060000-{day:04x}" for day in range(1, 6)]
FORMATS = ("jsonl", "parquet", "csv")
REPEATS = 3
LAYERS = ("selector", "metadata", "fallback")


def _material() -> tuple[list[list[str]], list[str]]:
    sentences = [s.split() for group in REAL_SENTENCES.values() for s in group]
    vocabulary = {word for words in sentences for word in words}
    vocabulary.update(word for template in SENTENCES for word in template.split()
                      if not set(word) & set("{}[]|"))  # slots and alternations
    return sentences, sorted(vocabulary)


SENTENCE_WORDS, VOCABULARY = _material()


def make_sentence(rng: random.Random) -> list[str]:
    # A real sentence with a third of its words swapped for other words of the corpus:
    # a few dozen sentences repeated verbatim would compress far better than real news.
    words = list(rng.choice(SENTENCE_WORDS))
    for index in rng.sample(range(len(words)), len(words) // 3):
        words[index] = rng.choice(VOCABULARY)
    return words + ["tại", rng.choice(PROVINCES) + ","] + [f"{rng.randint(2, 9999)}."]


def make_body(rng: random.Random, words: int = 400) -> str:
    paragraphs, current, total = [], [], 0
    while total < words:
        sentence = make_sentence(rng)
        current.append(" ".join(sentence))
        total += len(sentence)
        if len(current) == 3:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def make_record(rng: random.Random, site: str, key: int, run: str, version: int,
                duplicate_of: str | None) -> dict:
    title = f"{rng.choice(MINISTRIES)} làm việc với {rng.choice(PROVINCES)} (số {key})"
    body = make_body(rng)
    day = 1 + key % 28
    url = f"https://{site}.example.vn/tin-{key}.html"
    return {
        "id": f"{site}:{key}", "url": url, "site": site, "publisher": f"Báo {site}",
        "ministry": rng.choice(MINISTRIES), "title": title, "lead": body.split(". ")[0] + ".",
        "body": body, "authors": rng.sample(["Vũ Lê", "Minh Anh", "Hoàng Long"], 1),
        "source": rng.choice([None, "Theo TTXVN"]),
        "published_at": f"2026-10-{day:02d}T{key % 24:02d}:15:00+07:00",
        "modified_at": None, "published_raw": f"{key % 24:02d}:15 | {day:02d}/10/2026",
        "category": "Thời sự", "tags": [rng.choice(PROVINCES), "kinh tế"],
        "images": [{"url": url.replace(".html", ".jpg"), "caption": rng.choice([None, title])}],
        "attachments": [], "language": "vi",
        "crawled_at": f"{run[:4]}-{run[4:6]}-{run[6:8]}T06:{key % 60:02d}:00+07:00",
        "content_hash": content_hash(title, body), "word_count": word_count(body),
        "version": version, "duplicate_of": duplicate_of,
        "provenance": {"title": rng.choice(LAYERS), "body": rng.choice(LAYERS)},
    }


def generate(data_dir: Path, records: int = 100_000, seed: int = 20261126) -> None:
    rng = random.Random(seed)
    per_file = records // (len(SITES) * len(RUNS))
    versions: dict[tuple[str, int], int] = {}
    for run_no, run in enumerate(RUNS):
        for site in SITES:
            path = data_dir / "articles" / site / f"{run[:4]}-{run[4:6]}-{run[6:8]}"
            path.mkdir(parents=True, exist_ok=True)
            with (path / f"{run}.jsonl").open("w", encoding="utf-8") as out:
                for n in range(per_file):
                    key, duplicate_of = run_no * per_file + n, None
                    if run_no and n % 10 == 0:  # a changed article of the previous run
                        key = (run_no - 1) * per_file + n + 1
                    elif n % 50 == 1:
                        duplicate_of = f"{site}:{key - 1}"
                    version = versions[site, key] = versions.get((site, key), 0) + 1
                    record = make_record(rng, site, key, run, version, duplicate_of)
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")


def child(mode: str, data_dir: Path, out: Path) -> dict:
    """Runs in its own process, so that ru_maxrss is this mode's peak alone."""
    from newscrawler import dataset

    if mode == "parquet":
        import pyarrow.parquet  # noqa: F401  (its import is not the export's memory)
    baseline_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times, count = [], 0
    for _ in range(REPEATS):
        started = time.perf_counter()
        if mode == "merge_latest":
            count = len(dataset.merge_latest(dataset.iter_export_records(data_dir)))
        else:
            count = dataset.export_dataset(data_dir, out, mode).count
        times.append(time.perf_counter() - started)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"times": times, "count": count, "baseline_kb": baseline_kb, "peak_kb": peak_kb}


def measure(mode: str, data_dir: Path, out: Path) -> dict:
    result = subprocess.run([sys.executable, __file__, "--child", mode, str(data_dir), str(out)],
                            capture_output=True, text=True, check=True)
    child_result = json.loads(result.stdout.splitlines()[-1])
    return {
        "format": mode if mode != "merge_latest" else "merge_latest (all in memory)",
        "records": child_result["count"],
        "median_s": round(statistics.median(child_result["times"]), 2),
        "rss_before_mb": round(child_result["baseline_kb"] / 1024, 1),
        "peak_rss_mb": round(child_result["peak_kb"] / 1024, 1),
        "output_mb": round(out.stat().st_size / 2**20, 1) if out.exists() else None,
    }


def run(records: int = 100_000, keep: Path | None = None) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="bench_dataset_") as tmp:
        base = keep or Path(tmp)
        data_dir = base / "data"
        if not (data_dir / "articles").is_dir():
            generate(data_dir, records)
        input_mb = sum(p.stat().st_size for p in data_dir.rglob("*.jsonl")) / 2**20
        rows = [measure(fmt, data_dir, base / f"dataset.{fmt}") for fmt in FORMATS]
        rows.append(measure("merge_latest", data_dir, base / "none"))
        for row in rows:
            row["input_mb"] = round(input_mb, 1)
        return rows


def markdown(rows: list[dict]) -> str:
    columns = list(rows[0])
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join("" if row[c] is None else str(row[c]) for c in columns) + " |"
              for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="generate (once) and keep the data here")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "DATA_DIR", "OUT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, data_dir, out = args.child
        print(json.dumps(child(mode, Path(data_dir), Path(out))))
        return 0
    print(markdown(run(args.records, args.keep)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
