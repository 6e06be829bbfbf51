"""Crawl state at scale: build a SQLite state of `n` synthetic articles and time it.

    python -m benchmarks.bench_state --n 1000000

Reports size on disk (with each article's 256-byte verification sketch), bulk and
per-record insert rates, lookups by URL / hash / membership, the near-duplicate check per
article (indexed query + sketch verification), peak memory, the near-duplicate
precision/recall on the labelled set of tests/test_fingerprints.py with and without the
sketch, and the false positives among all same-site pairs of the replica corpora.
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
from itertools import combinations
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
        # Random bytes take the room of a real sketch (SQLite stores blobs as they are).
        near_sketch=rng.randbytes(4 * fingerprints.SKETCH_SIZE),
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


def _verified(state: SQLiteState, signature: int, sketch: bytes) -> list[ArticleState]:
    """What the dedup pipeline accepts: the candidates whose sketch verifies."""
    return [
        candidate for candidate in state.near_duplicates(signature)
        if fingerprints.sketch_similarity(sketch, candidate.near_sketch)
        >= fingerprints.NEAR_DUPLICATE_MIN_JACCARD
    ]


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

    stored = [state.lookup_url(url) for url in urls[:NEAR_QUERIES]]
    near = [(_flip_bits(a.near_signature, probe.randint(0, 10), probe), a.near_sketch)
            for a in stored]
    seconds = _timed(state.near_duplicates, [signature for signature, _ in near])
    rows.append({"metric": "near_duplicates() query alone",
                 "value": round(1000 * seconds / len(near), 2), "unit": "ms/article"})
    seconds = _timed(lambda query: _verified(state, *query), near)
    found = sum(bool(_verified(state, *query)) for query in near[:50])
    rows.append({"metric": "near_duplicates() query + sketch verification",
                 "value": round(1000 * seconds / len(near), 2),
                 "unit": f"ms/article ({found}/50 planted found)"})
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
    mean = f"mean {sum(map(len, bodies)) // len(bodies)} chars"
    rows = []
    for name, function in (("signature()", fingerprints.signature),
                           ("sketch()", fingerprints.sketch),
                           ("near_fingerprints() (both)", fingerprints.near_fingerprints)):
        seconds = _timed(function, bodies)
        rows.append({"metric": name, "value": round(1000 * seconds / len(bodies), 2),
                     "unit": f"ms/article ({mean})"})
    sketches = [fingerprints.sketch(body) for body in bodies]
    checks = list(zip(sketches[::2], sketches[1::2], strict=True))
    seconds = _timed(lambda pair: fingerprints.sketch_similarity(*pair), checks)
    rows.append({"metric": "sketch_similarity() (one verification)",
                 "value": round(1e6 * seconds / len(checks), 1), "unit": "µs/check"})
    limit = fingerprints.NEAR_DUPLICATE_MAX_DISTANCE
    jaccard = fingerprints.NEAR_DUPLICATE_MIN_JACCARD
    for seed in (20260101, 7, 99):
        labelled = labelled_pairs(seed)
        before = precision_recall(labelled, limit, min_jaccard=0.0)
        after = precision_recall(labelled, limit)
        rows.append({"metric": f"near-dup precision/recall (seed {seed}, d<={limit})",
                     "value": f"{before[0]:.3f} / {before[1]:.3f} -> {after[0]:.3f} / "
                              f"{after[1]:.3f}",
                     "unit": f"{len(labelled)} pairs, SimHash only -> + sketch >= {jaccard}"})
    return rows + measure_replica_pairs()


def _replica_corpora():
    """Per site: the served corpus, two 300-article corpora of other seeds, and the
    timeline's pool of days to come (replica/timeline.py, timeline seed 1)."""
    from newscrawler.replica import REPLICA_SITES, site_spec
    from newscrawler.replica.corpus import build_corpus

    for site_key in sorted(REPLICA_SITES):
        spec = site_spec(site_key)
        pool = 300 + len(list(spec.fixed_articles()))
        for n_articles, seed in ((None, None), (300, 1), (300, 2), (pool, spec.seed * 1000 + 1)):
            yield build_corpus(site_key, n_articles, seed).articles


def measure_replica_pairs() -> list[dict]:
    """Same-site pairs of the replica corpora the index would call near-duplicates."""
    pairs = closest = corpora = 0
    accepted = {0.0: 0, fingerprints.NEAR_DUPLICATE_MIN_JACCARD: 0}
    for articles in _replica_corpora():
        corpora += 1
        prints = [fingerprints.near_fingerprints("\n\n".join(article.paragraphs))
                  for article in articles]
        pairs += len(prints) * (len(prints) - 1) // 2
        closest = min(closest or 64, min(fingerprints.hamming_distance(a[0], b[0])
                                          for a, b in combinations(prints, 2)))
        for min_jaccard in accepted:
            index = fingerprints.NearDuplicateIndex(min_jaccard=min_jaccard)
            for number, (signature, sketch) in enumerate(prints):
                accepted[min_jaccard] += len(index.query_signature(signature, sketch))
                index.add_signature(str(number), signature, sketch)
    before, after = accepted.values()
    return [{"metric": "replica same-site pairs taken as near-duplicates",
             "value": f"{before} -> {after}",
             "unit": f"of {pairs} distinct pairs in {corpora} corpora (closest at "
                     f"d={closest}); SimHash only -> + sketch"}]


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
