"""Leftovers of killed runs are removed by the next run and counted (issue 13, item 7).

A crawl killed (SIGKILL) while an export file is open leaves a torn `.part`; a killed
report writer leaves a `.<name>.<pid>-<hex>.tmp`. The next crawl, holding the data
directory's lock, deletes both (the `.part`'s articles were never committed: they are
fetched again), keeps a `.tmp` whose writer is still alive, and counts what it removed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections import Counter

import pytest

from newscrawler.cleanup import remove_leftovers

from .conftest import ReplicaProcess, run_id_of, run_newscrawler
from .test_incremental import read_completed

pytestmark = pytest.mark.slow

SITE = "congthuong"
ARTICLES = 30


def dead_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    return int(child.stdout)


def test_the_next_run_removes_torn_part_and_tmp_files_and_counts_them(tmp_path):
    replica = ReplicaProcess("--sites", SITE, "--articles", str(ARTICLES))
    try:
        data_dir = tmp_path / "data"
        killed = run_newscrawler("crawl", SITE, "--replica", replica.url, "--data-dir",
                                 str(data_dir), "-s", "NEWSCRAWLER_TEST_KILL_AT=items:10")
        assert killed.returncode == -signal.SIGKILL
        parts = list((data_dir / "articles").rglob("*.part"))
        assert len(parts) == 1 and not list((data_dir / "articles").rglob("*.jsonl"))
        runs = data_dir / "runs"
        runs.mkdir()
        stale = runs / f".20261126T120000-ab12.json.{dead_pid()}-0123abcd.tmp"
        live = runs / f".export.parquet.{os.getpid()}-89abcdef.tmp"  # a live writer's
        for path in (stale, live):
            path.write_text("{half a summ")

        rerun = run_newscrawler("crawl", SITE, "--replica", replica.url, "--data-dir",
                                str(data_dir))
        assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    finally:
        replica.stop()
    assert not parts[0].exists() and not stale.exists() and live.exists()
    run_id = run_id_of(rerun.stdout)
    entry = json.loads((runs / f"{run_id}.json").read_text("utf-8"))["sites"][SITE]
    assert entry["leftovers_removed"] == 1  # the site's .part
    assert entry["stats"]["newscrawler/cleanup/removed"] == 2
    # The torn file's articles were fetched again: every article exactly once.
    truth = run_newscrawler("replica", "truth", SITE, "--articles", str(ARTICLES))
    expected = Counter(json.loads(line)["id"] for line in truth.stdout.splitlines() if line)
    assert Counter(record["id"] for record in read_completed(data_dir)) == expected


def test_only_our_leftovers_are_removed(tmp_path):
    keep = [tmp_path / "articles" / SITE / "2026-12-01" / "r1.jsonl",
            tmp_path / "notes.tmp", tmp_path / "runs" / "r1.json",
            tmp_path / "state.sqlite3-wal"]
    remove = [tmp_path / "articles" / SITE / "2026-12-01" / "r2.jsonl.part",
              tmp_path / "rejected" / SITE / f".r2.jsonl.{dead_pid()}-00000000.tmp",
              tmp_path / "runs" / f".r2.html.{dead_pid()}-ffffffff.tmp"]
    for path in keep + remove:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    assert remove_leftovers(tmp_path) == Counter({SITE: 2, "": 1})
    assert [path.exists() for path in keep + remove] == [True] * 4 + [False] * 3
