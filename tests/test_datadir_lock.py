"""One crawl per data directory (issue 13, item 4): `DATA_DIR/.lock`.

The first crawl is demonstrably running (its pid is in the lock file) and then frozen
with SIGSTOP, so the second one meets it for sure, whatever the machine's load; it is
resumed (SIGCONT) once the second one has been refused.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from newscrawler.datadirlock import DataDirInUse, lock_data_dir, unlock_data_dir

from .conftest import REPO, ReplicaProcess, newscrawler_command, run_newscrawler
from .test_incremental import read_completed

pytestmark = pytest.mark.slow

SITE = "congthuong"
ARTICLES = 20


def serve(site: str, articles: int):
    """A replica of one site, for a module-scoped fixture (stopped by PID at the end)."""
    server = ReplicaProcess("--sites", site, "--articles", str(articles))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def replica():
    yield from serve(SITE, ARTICLES)


def tree(data_dir: Path) -> dict[str, tuple[int, int]]:
    """Every file under the data directory with its size and mtime."""
    return {str(path.relative_to(data_dir)): (path.stat().st_size, path.stat().st_mtime_ns)
            for path in sorted(data_dir.rglob("*")) if path.is_file()}


def wait_for_lock_of(process: subprocess.Popen, data_dir: Path) -> dict:
    deadline = time.monotonic() + 60
    while True:
        assert process.poll() is None, process.communicate()
        try:
            holder = json.loads((data_dir / ".lock").read_text())
            if holder.get("pid") == process.pid:
                return holder
        except (OSError, ValueError):
            pass
        assert time.monotonic() < deadline, "the first crawl never took the lock"
        time.sleep(0.01)


def truth_ids() -> set[str]:
    result = run_newscrawler("replica", "truth", SITE, "--articles", str(ARTICLES))
    return {json.loads(line)["id"] for line in result.stdout.splitlines() if line.strip()}


def test_a_second_crawl_on_a_busy_data_directory_exits_2_and_writes_nothing(
        replica, tmp_path):
    data_dir = tmp_path / "data"
    first = subprocess.Popen(
        newscrawler_command("crawl", SITE, "--replica", replica.url, "--data-dir",
                            str(data_dir)),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    try:
        holder = wait_for_lock_of(first, data_dir)
        os.kill(first.pid, signal.SIGSTOP)
        before = tree(data_dir)
        second = run_newscrawler("crawl", SITE, "--replica", replica.url, "--data-dir",
                                 str(data_dir), timeout=60)
        assert second.returncode == 2, second.stdout + second.stderr
        assert second.stdout == ""
        assert second.stderr.splitlines() == [
            f"newscrawler: error: data directory {data_dir} is in use by pid {first.pid} "
            f"(started {holder['started']})"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", holder["started"])
        # Scrapy's own command (and so a Scrapyd job) is refused as well.
        scrapy = subprocess.run(
            [sys.executable, "-m", "scrapy", "crawl", SITE, "-s",
             f"NEWSCRAWLER_DATA_DIR={data_dir}", "-s", f"NEWSCRAWLER_REPLICA_URL={replica.url}"],
            capture_output=True, text=True, cwd=REPO, timeout=120, check=False)
        assert scrapy.returncode != 0
        assert f"is in use by pid {first.pid}" in scrapy.stderr
        assert tree(data_dir) == before, "the refused crawls wrote something"
    finally:
        os.kill(first.pid, signal.SIGCONT)
    output, errors = first.communicate(timeout=120)
    assert first.returncode == 0, output + errors
    records = read_completed(data_dir)
    assert Counter(r["id"] for r in records) == Counter(truth_ids())
    assert len(list((data_dir / "runs").glob("*.json"))) == 1


def test_the_lock_of_a_killed_crawl_is_taken_over(replica, tmp_path):
    data_dir = tmp_path / "data"
    killed = run_newscrawler("crawl", SITE, "--replica", replica.url, "--data-dir",
                             str(data_dir), "-s", "NEWSCRAWLER_TEST_KILL_AT=responses:5")
    assert killed.returncode == -signal.SIGKILL
    stale = json.loads((data_dir / ".lock").read_text())
    rerun = run_newscrawler("crawl", SITE, "--replica", replica.url, "--data-dir",
                            str(data_dir))
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert json.loads((data_dir / ".lock").read_text())["pid"] != stale["pid"]
    assert {r["id"] for r in read_completed(data_dir)} == truth_ids()


def test_one_process_takes_its_lock_once_and_another_process_is_refused(tmp_path):
    lock_data_dir(tmp_path)
    try:
        lock_data_dir(tmp_path)  # every crawler of this process: no-op
        other = subprocess.run(
            [sys.executable, "-c", "import sys; from pathlib import Path; "
             "from newscrawler.datadirlock import lock_data_dir; "
             "lock_data_dir(Path(sys.argv[1]))", str(tmp_path)],
            capture_output=True, text=True, cwd=REPO, timeout=60, check=False)
        assert other.returncode != 0
        assert f"DataDirInUse: data directory {tmp_path} is in use by pid {os.getpid()}" \
            in other.stderr
    finally:
        unlock_data_dir(tmp_path)
    lock_data_dir(tmp_path)
    unlock_data_dir(tmp_path)
    assert DataDirInUse(tmp_path, {}).args[0].endswith("(started unknown time)")
