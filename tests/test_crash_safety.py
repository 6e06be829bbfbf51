"""kill -9 of real crawl processes at random moments, then a rerun: nothing lost, nothing
exported twice, every line of every completed export a whole JSON object (issue 5).

The replica advances through timeline days 0..2 (publishing, editing, re-filing), so
kills land in full first crawls and in incremental runs with a crawl state. Each round:
complete runs on copies of the data directory measure how long the run takes (the first
one warms the replica's page cache, the second is timed), then kills spread over that
duration (one random moment in each of N equal slices). Each kill hits its own copy of
the round's starting state, because a killed run keeps the feed batches it completed:
chained kills would shorten every following run and the later moments would miss it.
Each killed copy is rerun to completion and checked; the next round starts from the last
of them, so its state carries a crash behind it. `*.part` files of killed runs are never
read as exports.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from newscrawler.replica.timeline import Timeline, TimelineConfig, parse_epoch

from .conftest import REPO, ReplicaProcess, newscrawler_command
from .test_incremental import (
    crawl,
    epoch_now,
    read_completed,
    set_day,
    version_problems,
)

pytestmark = pytest.mark.slow

SITES = ["congthuong"]
BASE_ARTICLES = 80
ROUNDS = ((0, 12), (1, 6), (2, 6))  # (timeline day, kills): 24 planned
MIN_KILLS = 20  # kills that must land in a live crawl
# Small feed batches: kills land between batch commits as well as within a batch.
BATCHES = ("-s", "FEED_EXPORT_BATCH_ITEM_COUNT=15")


def start_crawl(replica: ReplicaProcess, data_dir: Path, output=subprocess.DEVNULL,
                extra: tuple[str, ...] = BATCHES) -> subprocess.Popen:
    return subprocess.Popen(
        newscrawler_command("crawl", *SITES, "--replica", replica.url,
                            "--data-dir", str(data_dir), *extra),
        stdout=output, stderr=subprocess.STDOUT, cwd=REPO, text=True,
    )


def timed_run(replica: ReplicaProcess, data_dir: Path) -> float:
    started = time.monotonic()
    process = start_crawl(replica, data_dir, output=subprocess.PIPE)
    output, _ = process.communicate(timeout=300)
    assert process.returncode == 0, output
    return time.monotonic() - started


def kill_after(replica: ReplicaProcess, data_dir: Path, delay: float) -> bool:
    """Start a crawl, SIGKILL it `delay` seconds later; False if it had finished."""
    process = start_crawl(replica, data_dir)
    try:
        process.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        return True


def copy_state(data_dir: Path, copy: Path) -> Path:
    """`copy` made a fresh copy of `data_dir` (empty when `data_dir` is not there yet)."""
    shutil.rmtree(copy, ignore_errors=True)
    if data_dir.exists():
        shutil.copytree(data_dir, copy)
    return copy


def measured_duration(replica: ReplicaProcess, data_dir: Path, scratch: Path) -> float:
    """How long a run on `data_dir` takes, from two runs on copies of it."""
    durations = []
    for _ in range(2):  # the first renders and caches the day's pages on the replica
        durations.append(timed_run(replica, copy_state(data_dir, scratch)))
    return durations[-1]


def spread_delays(rng: random.Random, duration: float, count: int) -> list[float]:
    """One random moment in each of `count` equal slices of the run's duration."""
    width = 0.92 * duration / count  # the last slice stops short of the run's exit
    return [rng.uniform(i * width, (i + 1) * width) for i in range(count)]


def partial_lines(data_dir: Path) -> int:
    """Whole lines left in the `.part` files of killed runs."""
    return sum(path.read_bytes().count(b"\n")
               for path in (data_dir / "articles").rglob("*.jsonl.part"))


def test_kill_9_at_random_moments_then_rerun_loses_and_duplicates_nothing(tmp_path):
    seed = time.time_ns()
    rng = random.Random(seed)
    epoch = epoch_now()
    data_dir, scratch = tmp_path / "data", tmp_path / "scratch"
    timeline = Timeline(SITES, TimelineConfig(epoch=parse_epoch(epoch)), BASE_ARTICLES)
    replica = ReplicaProcess("--sites", *SITES, "--articles", str(BASE_ARTICLES),
                             "--day", "0", "--epoch", epoch)
    log = []  # (day, delay, killed while running)
    written_when_killed = 0  # whole lines in the .part files the kills left
    try:
        for day, kills in ROUNDS:
            set_day(replica, day)
            duration = measured_duration(replica, data_dir, scratch)
            for number, delay in enumerate(spread_delays(rng, duration, kills)):
                trial = copy_state(data_dir, tmp_path / f"day{day}-kill{number}")
                log.append((day, round(delay, 3), kill_after(replica, trial, delay)))
                written_when_killed += partial_lines(trial)
                crawl(replica, trial, SITES, *BATCHES)
                problems = version_problems(read_completed(trial),
                                            timeline.expected_history(day))
                assert problems == [], (
                    f"day {day}, seed {seed}, kills {log}: {len(problems)} problems, "
                    f"first: {problems[:3]}")
            data_dir = trial
    finally:
        replica.stop()
    live = sum(killed for _day, _delay, killed in log)
    assert live >= MIN_KILLS, f"only {live} kills landed in a running crawl: {log}"
    # Some kills landed while articles were being written, not only at start-up.
    assert written_when_killed > 0, log


@pytest.mark.parametrize("extra", [(), BATCHES], ids=["one-file", "batches"])
def test_a_kill_right_after_the_export_file_is_completed_duplicates_nothing(tmp_path, extra):
    """The export is renamed into place, then the crawl state commits its articles: a
    kill between the two must not make the rerun export them a second time."""
    replica = ReplicaProcess("--sites", *SITES, "--articles", str(BASE_ARTICLES))
    try:
        process = start_crawl(replica, tmp_path, extra=extra)
        exports = tmp_path / "articles"
        while process.poll() is None and not any(exports.rglob("*.jsonl")):
            time.sleep(0.001)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        status = process.wait()
        assert status == -signal.SIGKILL, f"the crawl ended by itself (status {status})"
        crawl(replica, tmp_path, SITES, *extra)
    finally:
        replica.stop()
    records = read_completed(tmp_path)
    ids = [record["id"] for record in records]
    assert len(set(ids)) == BASE_ARTICLES
    assert len(ids) == len(set(ids)), (
        f"{len(ids) - len(set(ids))} articles exported twice: the first run's file was "
        "complete but its articles were not yet committed to the crawl state when killed, "
        "so the rerun exported them again")


def test_every_line_of_a_completed_export_is_whole_json(tmp_path):
    """The checker itself: a torn last line or a non-JSON line in a *.jsonl fails."""
    export = tmp_path / "articles" / "congthuong" / "2026-01-01" / "run.jsonl"
    export.parent.mkdir(parents=True)
    export.write_text(json.dumps({"id": "congthuong:1"}) + "\n", encoding="utf-8")
    (export.parent / "killed.jsonl.part").write_text('{"id": "congthuong:2"', encoding="utf-8")
    assert read_completed(tmp_path) == [{"id": "congthuong:1"}]
    export.write_text(json.dumps({"id": "congthuong:1"}) + '\n{"id": "con', encoding="utf-8")
    with pytest.raises(AssertionError, match="torn last line"):
        read_completed(tmp_path)
    export.write_text('{"id": "con\n', encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match="not a JSON line"):
        read_completed(tmp_path)
