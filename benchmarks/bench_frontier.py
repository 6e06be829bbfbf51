"""The discovery frontier's cost: state work per article page, and a no-change rerun.

    python -m benchmarks.bench_frontier --articles 2000 --runs 3

1. Per article, the crawl state's work in a first crawl, timed on SQLite (and Redis when
   `redis-server` is on PATH): the baseline is what a crawl did before the frontier (a
   lookup per discovered link, then each batch of 30 records committed in one
   transaction); with the frontier, each listing page's 20 new links are also recorded
   as pending in one transaction, and each batch's commit also resolves its 30 pending
   URLs. The ratio is measured against that baseline in the same run.
2. Requests of a no-change rerun against a first crawl, on one replica site of
   `--articles` articles (the project's replica server, its `/_replica/hits` counter):
   target ≤ 1 %.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from newscrawler.records import VN_TZ, content_hash
from newscrawler.state import ArticleState, open_state

logger = logging.getLogger(__name__)

SITE = "congthuong"
LINKS_PER_PAGE = 20
BATCH = 30
NOW = datetime(2026, 12, 1, 2, 15, tzinfo=VN_TZ)


def article(number: int) -> ArticleState:
    url = f"https://congthuong.vn/bai-{number}.html"
    return ArticleState(id=f"{SITE}:{number}", site=SITE, url=url,
                        content_hash=content_hash(f"t{number}", f"body {number}"),
                        published_at=NOW - timedelta(days=30 + number % 300))


def first_crawl_state_work(target: str, articles: int, frontier: bool) -> float:
    """Seconds of crawl-state work for a first crawl of `articles` new articles."""
    with open_state(target) as state:
        started = time.perf_counter()
        for page_start in range(0, articles, LINKS_PER_PAGE):
            numbers = range(page_start, min(page_start + LINKS_PER_PAGE, articles))
            urls = [article(n).url for n in numbers]
            unknown = [url for url in urls if state.lookup_url(url) is None]
            if frontier:
                state.add_pending(SITE, unknown, NOW)
        for batch_start in range(0, articles, BATCH):
            batch = [article(n) for n in range(batch_start, min(batch_start + BATCH, articles))]
            with state.transaction():
                for item in batch:
                    state.record(item)
                if frontier:
                    state.resolve_pending(SITE, [item.url for item in batch])
        return time.perf_counter() - started


def state_cost(backends: dict[str, Any], articles: int, runs: int, raw: dict[str, Any]
               ) -> list[dict[str, Any]]:
    rows = []
    for name, fresh_target in backends.items():
        times: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(runs):
            for frontier in (False, True):  # alternated: drift hits both alike
                times[frontier].append(first_crawl_state_work(fresh_target(), articles,
                                                              frontier))
        base, with_frontier = (statistics.median(times[f]) for f in (False, True))
        rows.append({
            "backend": name, "articles": articles, "runs": runs,
            "baseline µs/article": round(base / articles * 1e6, 1),
            "with frontier µs/article": round(with_frontier / articles * 1e6, 1),
            "frontier µs/article": round((with_frontier - base) / articles * 1e6, 1),
            "ratio": round(with_frontier / base, 2),
        })
        raw[name] = {"baseline_s": times[False], "frontier_s": times[True]}
    return rows


def hits(url: str) -> int:
    with urllib.request.urlopen(f"{url}/_replica/hits", timeout=60) as response:
        return sum(json.loads(response.read()).values())


def rerun_requests(articles: int, work: Path) -> dict[str, Any]:
    from tests.conftest import ReplicaProcess, run_newscrawler

    replica = ReplicaProcess("--sites", SITE, "--articles", str(articles))
    data_dir = work / "rerun"
    shutil.rmtree(data_dir, ignore_errors=True)
    try:
        counts, walls = [], []
        for _ in range(2):  # a first crawl, then a no-change rerun
            before = hits(replica.url)
            started = time.monotonic()
            result = run_newscrawler("crawl", SITE, "--replica", replica.url, "--data-dir",
                                     str(data_dir), timeout=1800)
            walls.append(time.monotonic() - started)
            if result.returncode != 0:
                raise RuntimeError(result.stdout + result.stderr)
            counts.append(hits(replica.url) - before)
    finally:
        replica.stop()
    return {"site": SITE, "articles": articles, "first crawl requests": counts[0],
            "rerun requests": counts[1], "rerun share %": round(100 * counts[1] / counts[0], 2),
            "target ≤ 1 %": "met" if counts[1] <= 0.01 * counts[0] else "NOT met",
            "first crawl s": round(walls[0], 1), "rerun s": round(walls[1], 1)}


def backends(work: Path) -> tuple[dict[str, Any], Any]:
    """Backend name -> a function giving a fresh, empty state target; and a cleanup."""
    counter = iter(range(10**6))
    found = {"sqlite": lambda: str(work / f"state-{next(counter)}")}
    redis_server = None
    if shutil.which("redis-server"):
        from tests.conftest import RedisServer

        redis_server = RedisServer()

        def fresh_redis() -> str:
            redis_server.flush(0)
            return redis_server.url(0)

        found["redis"] = fresh_redis
    return found, redis_server


def run(articles: int = 2_000, runs: int = 3) -> dict[str, Any]:
    """{"rows": state work per backend, "rerun": the rerun's requests, "raw": timings}."""
    work = Path(tempfile.mkdtemp(prefix="bench-frontier-"))
    targets, redis_server = backends(work)
    raw: dict[str, Any] = {}
    try:
        rows = state_cost(targets, articles, runs, raw)
        rerun = rerun_requests(articles, work)
        # The frontier's work against the first crawl's wall time per request (same run).
        per_request_us = rerun["first crawl s"] / rerun["first crawl requests"] * 1e6
        for row in rows:
            row["% of crawl time/page"] = round(
                100 * row["frontier µs/article"] / per_request_us, 2)
    finally:
        if redis_server is not None:
            redis_server.stop()
        shutil.rmtree(work, ignore_errors=True)
    return {"rows": rows, "rerun": rerun, "raw": raw}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    print(json.dumps(run(args.articles, args.runs), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
