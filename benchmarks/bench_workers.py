"""Distributed crawl throughput: 1 worker against 2 workers sharing one Redis, one run.

Every worker is a `newscrawler crawl SITE... --replica URL --redis URL` child process; all
crawl the same replica sites (the fast replica of `replica_ceiling.py`) with the shared
frontier and crawl state in a private `redis-server` (free loopback port, no persistence,
stopped by PID), each in its own data directory (one crawl per data directory). Before
each measurement the Redis database is emptied and the data directories are fresh, so
every measurement is a full first crawl. A warm-up crawl first
fills the replica's page cache.

pages/s = pages the replica answered / wall time from the first worker's start to the last
worker's exit (start-up included); articles = records in the completed exports. On a
2-core machine the replica server, Redis and the workers share the cores, so the speed-up
is bounded well below 2: the number says what a second worker buys on one machine.

    python -m benchmarks.bench_workers [--articles 4000] [--runs 1] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.bench_crawl import crawl_sites, exported_records, per_site
from benchmarks.replica_ceiling import FastReplica

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
WORK = REPO / "benchmarks" / ".work" / "workers"


class PrivateRedis:
    """redis-server on a free loopback port without persistence; a context manager."""

    def __enter__(self) -> PrivateRedis:
        import redis

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.client = redis.Redis(port=self.port)
        for _ in range(500):
            try:
                self.client.ping()
                return self
            except redis.ConnectionError:
                time.sleep(0.02)
        self.__exit__()
        raise RuntimeError("redis-server did not start")

    def __exit__(self, *exc_info: object) -> None:
        import redis

        try:
            self.client.shutdown(nosave=True)
        except redis.RedisError:
            pass  # it closes the connection as it exits
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"


def crawl_with_workers(replica: FastReplica, redis_url: str, sites: list[str], workers: int,
                       data_dir: Path) -> dict[str, Any]:
    import redis

    with redis.Redis.from_url(redis_url) as client:
        client.flushdb()  # a first crawl: empty frontier and crawl state
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    replica.count(reset=True)
    started = time.monotonic()
    processes = [
        subprocess.Popen([sys.executable, "-m", "newscrawler.cli", "crawl", *sites,
                          "--replica", replica.url, "--data-dir", str(data_dir / f"w{number}"),
                          "--redis", redis_url, "-s", f"NEWSCRAWLER_WORKER_ID=w{number}"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, cwd=REPO)
        for number in range(1, workers + 1)
    ]
    statuses = [process.wait() for process in processes]
    wall = time.monotonic() - started
    pages = replica.count(reset=True)
    # One data directory per worker (one crawl per data directory).
    articles = sum(exported_records(data_dir / f"w{number}") for number in range(1, workers + 1))
    return {"wall_s": wall, "pages": pages, "articles": articles,
            "statuses": statuses}


def run(total_articles: int = 4_000, runs: int = 1, worker_counts: tuple[int, ...] = (1, 2)
        ) -> list[dict[str, Any]]:
    """One row per worker count: median wall time and throughput over `runs` runs."""
    if shutil.which("redis-server") is None:
        return [{"workers": "-", "note": "redis-server is not installed (apt-get install "
                                         "redis-server)"}]
    sites = crawl_sites()
    measured: dict[int, list[dict[str, Any]]] = {count: [] for count in worker_counts}
    with FastReplica(per_site(total_articles, sites), sites) as replica, \
            PrivateRedis() as redis_server:
        url = redis_server.url()
        crawl_with_workers(replica, url, sites, 1, WORK / "warm-up")
        for _ in range(runs):
            for count in worker_counts:  # alternated, so that drift hits both alike
                result = crawl_with_workers(replica, url, sites, count,
                                            WORK / f"{count}-workers")
                measured[count].append(result)
                logger.info("%d worker(s): %s", count, result)
    rows = []
    for count, results in measured.items():
        wall = statistics.median(r["wall_s"] for r in results)
        pages = statistics.median(r["pages"] for r in results)
        articles = statistics.median(r["articles"] for r in results)
        rows.append({"workers": count, "sites": len(sites), "articles": int(articles),
                     "pages": int(pages), "wall s": round(wall, 1),
                     "pages/s": round(pages / wall, 1), "articles/s": round(articles / wall, 1),
                     "failed runs": sum(any(r["statuses"]) for r in results)})
    base = rows[0]["pages/s"]
    for row in rows:
        row["speed-up"] = round(row["pages/s"] / base, 2) if base else None
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=4_000, help="total, over the sites")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    print(json.dumps(run(args.articles, args.runs, tuple(args.workers)), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
