"""Crawl state at scale: build a SQLite state of `n` synthetic articles and time it.

    python -m benchmarks.bench_state --n 1000000

Reports size on disk, bulk and per-record insert rates, lookups by URL / hash / membership,
the near-duplicate check per article (signature + indexed query), peak memory, and the
near-duplicate precision/recall on the labelled set of tests/test_fingerprints.py.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import random
import resource
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from newscrawler import fingerprints
from newscrawler.records import VN_TZ
from newscrawler.state import ArticleState, SQLiteState

logger = logging.getLogger(__name__)

SITES = 20
QUERIES = 5_000
NEAR_QUERIES = 300
START = datetime(2021, 1, 1, tzinfo=VN_TZ)


def synthetic_article(i: int, rng: random.Random) -> ArticleState:
    site = f"site{i % SITES}.gov.vn"
    return ArticleState(
        id=f"{site}:{i}",
        site=site,
        url=f"https://{site}/tin-tuc/bai-viet-so-{i}.html",
        content_hash=hashlib.sha1(str(i).encode()).hexdigest(),
        near_signature=rng.getrandbits(64),
        published_at=START + timedelta(minutes=3 * i),
    )


def _rate(count: int, seconds: float) -> float:
    return round(count / seconds) if seconds else float("inf")


def _timed(function, items) -> float:
    started = time.perf_counter()
    for item in items:
        function(item)
    return time.perf_counter() - started


def _flip_bits(signature: int, count: int, rng: random.Random) -> int:
    for position in rng.sample(range(64), count):
        signature ^= 1 << position
    return signature


def measure_state(n: int, directory: Path) -> list[dict]:
    rng = random.Random(1)
    state = SQLiteState(directory / "state.sqlite3").open()
    started = time.perf_counter()
    state.insert_new(synthetic_article(i, rng) for i in range(n))
    build = time.perf_counter() - started
    rows = [{"metric": "bulk insert (executemany)", "value": _rate(n, build), "unit": "rows/s"}]

    new = [synthetic_article(n + i, rng) for i in range(2_000)]
    with state.transaction():
        seconds = _timed(state.record, new)
    rows.append({"metric": "record() new article", "value": _rate(len(new), seconds),
                 "unit": "rows/s"})

    probe = random.Random(2)
    known = [synthetic_article(probe.randrange(n), probe) for _ in range(QUERIES)]
    urls = [a.url for a in known]
    unknown = [f"https://site1.gov.vn/tin-tuc/khong-co-{i}.html" for i in range(QUERIES)]
    for metric, function, items in (
        ("lookup_url (known)", state.lookup_url, urls),
        ("lookup_hash (known)", state.lookup_hash, [a.content_hash for a in known]),
        ("is_known (known + unknown)", state.is_known, urls + unknown),
    ):
        rows.append({"metric": metric, "value": _rate(len(items), _timed(function, items)),
                     "unit": "lookups/s"})

    stored = [state.lookup_url(url).near_signature for url in urls[:NEAR_QUERIES]]
    near = [_flip_bits(sig, probe.randint(0, 10), probe) for sig in stored]
    seconds = _timed(state.near_duplicates, near)
    found = sum(bool(state.near_duplicates(sig)) for sig in near[:50])
    rows.append({"metric": "near_duplicates() query", "value": round(1000 * seconds / len(near),
                 2), "unit": f"ms/article ({found}/50 planted found)"})
    state.close()
    size = sum(p.stat().st_size for p in directory.glob("state.sqlite3*"))
    rows.append({"metric": "size on disk", "value": round(size / 2**20, 1), "unit": "MiB"})
    rows.append({"metric": "bytes per article", "value": round(size / n), "unit": "B"})
    return rows


def measure_fingerprints() -> list[dict]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.test_fingerprints import labelled_pairs, precision_recall

    pairs = labelled_pairs()
    bodies = [body for pair in pairs for body in pair[:2]]
    seconds = _timed(fingerprints.signature, bodies)
    rows = [{"metric": "signature()", "value": round(1000 * seconds / len(bodies), 2),
             "unit": f"ms/article (mean {sum(map(len, bodies)) // len(bodies)} chars)"}]
    limit = fingerprints.NEAR_DUPLICATE_MAX_DISTANCE
    for seed in (20260101, 7, 99):
        precision, recall = precision_recall(labelled_pairs(seed), limit)
        rows.append({"metric": f"near-dup precision/recall (seed {seed}, d<={limit})",
                     "value": f"{precision:.3f} / {recall:.3f}", "unit": f"{len(pairs)} pairs"})
    return rows


def run(n: int = 1_000_000) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="bench_state_") as directory:
        rows = [{"metric": "articles", "value": n, "unit": ""}]
        rows += measure_state(n, Path(directory))
    rows += measure_fingerprints()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    rows.append({"metric": "peak RSS (whole process)", "value": round(peak), "unit": "MiB"})
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="articles in the state")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    rows = run(args.n)
    print("| metric | value | unit |\n|---|---|---|")
    for row in rows:
        print(f"| {row['metric']} | {row['value']} | {row['unit']} |")
    print(f"\n(total {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
