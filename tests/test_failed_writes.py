"""Failed writes fail the run (issue 13, item 3).

A full disk, an unusable `articles/`, a run summary that cannot be written and a crawl
state that cannot commit: each time the crawl exits non-zero, the site's verdict says
why, no printed line or summary names a file that does not exist, and once the
condition clears a plain rerun exports every truth article exactly once.

The full disk is an ENOSPC injected into the export's writes
(NEWSCRAWLER_TEST_DISK_FULL_AFTER: mounting a small tmpfs needs root, which CI and new
users lack). The others are real: a path component that is a regular file (root ignores
permission bits, so chmod alone cannot make a directory read-only for it) or chmod when
not root, and a write lock held on the SQLite state by another connection.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest

from newscrawler.export.runsummary import merge_into_summary

from .conftest import REPO, newscrawler_command, run_newscrawler
from .test_datadir_lock import serve
from .test_incremental import read_completed

pytestmark = pytest.mark.slow

SITE = "congthuong"
ARTICLES = 30


@pytest.fixture(scope="module")
def replica():
    yield from serve(SITE, ARTICLES)


@pytest.fixture(scope="module")
def truth_ids() -> Counter:
    result = run_newscrawler("replica", "truth", SITE, "--articles", str(ARTICLES))
    return Counter(json.loads(line)["id"] for line in result.stdout.splitlines() if line)


def crawl(replica, data_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    result = run_newscrawler("crawl", SITE, "--replica", replica.url, "--data-dir",
                             str(data_dir), *extra)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


def summary_entry(data_dir: Path, result: subprocess.CompletedProcess) -> dict:
    run_line = next(line for line in result.stdout.splitlines() if line.startswith("run "))
    run_id = run_line.split()[1].rstrip(":")
    summary = json.loads((data_dir / "runs" / f"{run_id}.json").read_text("utf-8"))
    return summary["sites"][SITE]


def site_line(result: subprocess.CompletedProcess) -> str:
    """The site's verdict line (the last one: progress lines come before)."""
    return [line for line in result.stdout.splitlines() if line.startswith(f"{SITE}:")][-1]


def assert_names_only_existing_files(result, entry: dict | None) -> None:
    line = site_line(result)
    if " -> " in line:
        named = line.split(" -> ", 1)[1].split(" (incomplete")[0]
        for path in named.split(", "):
            assert path == "no new file" or Path(path).is_file(), line
    for file in (entry or {}).get("files", []):
        assert Path(file["path"]).is_file(), file


def assert_rerun_exports_the_truth_once(replica, data_dir: Path, truth_ids) -> None:
    rerun = crawl(replica, data_dir)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert Counter(record["id"] for record in read_completed(data_dir)) == truth_ids
    assert not list((data_dir / "articles").rglob("*.part"))


def test_a_full_disk_fails_the_run_and_the_rerun_exports_everything(
        replica, tmp_path, truth_ids):
    data_dir = tmp_path / "data"
    result = crawl(replica, data_dir, "-s", "NEWSCRAWLER_TEST_DISK_FULL_AFTER=20000")
    assert result.returncode == 1, result.stdout + result.stderr
    line = site_line(result)
    assert line.startswith(f"{SITE}: FAILED: export failed: cannot write "), line
    assert "No space left on device" in line
    entry = summary_entry(data_dir, result)
    assert not entry["verdict"]["ok"] and entry["files"] == []
    assert_names_only_existing_files(result, entry)
    assert not list((data_dir / "articles").rglob("*.jsonl"))
    assert_rerun_exports_the_truth_once(replica, data_dir, truth_ids)


def test_an_unwritable_articles_directory_fails_the_run(replica, tmp_path, truth_ids):
    data_dir = tmp_path / "data"
    articles = data_dir / "articles"
    articles.mkdir(parents=True)
    if os.geteuid() == 0:  # root writes through permission bits: a file blocks mkdir
        blocker = articles / SITE
        blocker.write_text("not a directory\n")
        expected = "Not a directory"
    else:
        articles.chmod(0o555)
        expected = "Permission denied"
    try:
        result = crawl(replica, data_dir)
    finally:
        articles.chmod(0o755)
    assert result.returncode == 1, result.stdout + result.stderr
    line = site_line(result)
    assert "export failed: cannot write " in line and expected in line, line
    assert "are in no completed file" in line
    entry = summary_entry(data_dir, result)
    assert entry["files"] == []
    assert_names_only_existing_files(result, entry)
    if os.geteuid() == 0:
        blocker.unlink()
    assert_rerun_exports_the_truth_once(replica, data_dir, truth_ids)


def test_an_unwritable_run_summary_fails_the_run_in_one_line(replica, tmp_path, truth_ids):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "runs").write_text("not a directory\n")
    result = crawl(replica, data_dir)
    assert result.returncode == 1, result.stdout + result.stderr
    assert site_line(result).startswith(
        f"{SITE}: FAILED: cannot write the run summary {data_dir / 'runs'}/"), result.stdout
    (data_dir / "runs").unlink()
    assert_rerun_exports_the_truth_once(replica, data_dir, truth_ids)


def test_a_report_that_cannot_be_written_fails_the_verdict(tmp_path):
    path = tmp_path / "runs" / "r1.json"
    (tmp_path / "runs" / "r1.html").mkdir(parents=True)  # os.replace onto it fails
    entry = {"items": 0, "verdict": {"ok": True, "reasons": []}}
    merge_into_summary(path, "r1", SITE, entry)
    summary = json.loads(path.read_text("utf-8"))
    assert summary["verdict"]["ok"] is False
    assert summary["sites"][SITE]["verdict"]["reasons"][0].startswith(
        f"cannot write the report {tmp_path / 'runs' / 'r1.html'}: ")


def test_a_failed_state_commit_fails_the_run_and_the_rerun_records_the_file(
        replica, tmp_path, truth_ids):
    """The crawl freezes itself right after its file is renamed (before the commit);
    the test then holds the state's write lock, so the commit fails (SQLite's busy
    timeout), and releases it once the crawl has logged the failure."""
    data_dir = tmp_path / "data"
    process = subprocess.Popen(
        newscrawler_command("crawl", SITE, "--replica", replica.url, "--data-dir",
                            str(data_dir), "-s", "NEWSCRAWLER_TEST_KILL_AT=feed_stored:1:STOP"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    _, status = os.waitpid(process.pid, os.WUNTRACED)
    assert os.WIFSTOPPED(status), status
    blocker = sqlite3.connect(data_dir / "state.sqlite3", isolation_level=None)
    try:
        blocker.execute("BEGIN IMMEDIATE")
        os.kill(process.pid, signal.SIGCONT)
        log = next((data_dir / "logs").glob("*.log"))
        deadline = time.monotonic() + 120
        while "Crawl state: commit of" not in log.read_text("utf-8"):
            assert process.poll() is None and time.monotonic() < deadline, "no commit failure"
            time.sleep(0.1)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    stdout, stderr = process.communicate(timeout=120)
    result = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    assert result.returncode == 1, stdout + stderr
    assert "crawl state commit failed for 1 file(s)" in site_line(result)
    assert "database is locked" in site_line(result)
    entry = summary_entry(data_dir, result)
    assert len(entry["files"]) == 1  # the export itself is complete
    assert_names_only_existing_files(result, entry)
    assert_rerun_exports_the_truth_once(replica, data_dir, truth_ids)
