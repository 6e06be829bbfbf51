"""`newscrawler crawl` as a person and a scheduler see it: live progress on a terminal,
one-line summaries in a log, and a clean stop on SIGTERM or SIGINT (a second signal forces
the exit)."""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import subprocess
import time
from pathlib import Path

import pytest

from .conftest import (
    REPO,
    ReplicaProcess,
    exported_records,
    newscrawler_command,
    replica_truth,
)


def read_until_exit(process: subprocess.Popen, fd: int, timeout: float = 120) -> bytes:
    output = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the child closed the terminal
                break
            output += chunk
        elif process.poll() is not None:
            break
    process.wait(timeout=10)
    return output


def test_progress_table_on_a_terminal(replica, tmp_path):
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        newscrawler_command("crawl", "congthuong", "--replica", replica.url,
                            "--data-dir", str(tmp_path)),
        stdin=follower, stdout=follower, stderr=follower, cwd=REPO, close_fds=True)
    os.close(follower)
    output = read_until_exit(process, leader).decode("utf-8", "replace")
    os.close(leader)
    assert process.returncode == 0, output
    # rich's Live table, redrawn in place (cursor up, clear line), ends with the site done.
    assert "site" in output and "articles/s" in output and "\x1b[1A\x1b[2K" in output
    final = output[output.rindex("site"):]
    assert "congthuong" in final and "1/1 done" in final
    assert "progress:" not in output


def test_log_lines_without_a_terminal(replica, tmp_path):
    result = subprocess.run(
        newscrawler_command("crawl", "congthuong", "--replica", replica.url,
                            "--data-dir", str(tmp_path), "-s",
                            "NEWSCRAWLER_PROGRESS_INTERVAL=0.2", "-s", "DOWNLOAD_DELAY=0.01"),
        capture_output=True, text=True, cwd=REPO, timeout=180)
    assert result.returncode == 0
    progress = [line for line in result.stdout.splitlines() if line.startswith("progress: ")]
    assert progress and all("congthuong: " in line for line in progress)
    assert "\x1b[" not in result.stdout


def start_crawl(replica_url: str, data_dir: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        newscrawler_command("crawl", "congthuong", "--replica", replica_url,
                            "--data-dir", str(data_dir), *extra),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)


def wait_for_log(data_dir: Path, text: str, process: subprocess.Popen) -> None:
    """Until the run's log holds `text` (the crawl's own word, not a wall-clock guess)."""
    while process.poll() is None:
        logs = list((data_dir / "logs").glob("*.log")) if (data_dir / "logs").exists() else []
        if logs and text in logs[0].read_text("utf-8", errors="replace"):
            return
        time.sleep(0.05)
    raise AssertionError(f"the crawl ended (status {process.returncode}) before {text!r}")


@pytest.mark.parametrize("signame", ["TERM", "INT"])
def test_a_signal_stops_cleanly_and_the_next_run_completes(replica, tmp_path, signame):
    # The crawl signals itself after its 10th article: SIGTERM (a scheduler) or SIGINT
    # (Ctrl-C) arrives in the middle of the run, every time.
    process = start_crawl(replica.url, tmp_path, "-s",
                          f"NEWSCRAWLER_TEST_KILL_AT=items:10:{signame}")
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 1, stdout + stderr
    assert stdout.strip().splitlines()[-1].endswith("interrupted before the end (shutdown)")
    # Files completed: no partial file is left, and what was exported is whole.
    assert list((tmp_path / "articles").rglob("*.part")) == []
    first = exported_records(tmp_path, "congthuong")
    assert 10 <= len(first) < 240
    summary = json.loads(next((tmp_path / "runs").glob("*.json")).read_text("utf-8"))
    assert summary["sites"]["congthuong"]["finish_reason"] == "shutdown"
    # State committed: the next run exports only the rest, none of the first run's.
    rerun = subprocess.run(
        newscrawler_command("crawl", "congthuong", "--replica", replica.url,
                            "--data-dir", str(tmp_path)),
        capture_output=True, text=True, cwd=REPO, timeout=180)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    urls = [record["url"] for record in exported_records(tmp_path, "congthuong")]
    assert len(urls) == len(set(urls))
    assert set(urls) == {record["url"] for record in replica_truth("congthuong")}


def test_a_second_signal_forces_the_exit(tmp_path):
    """A clean stop waits for the requests in flight; here half the article pages never
    answer (600 s stall), so only a forced exit can end the run within the minute."""
    stalling = ReplicaProcess("--sites", "congthuong", "--articles", "40", "--faults",
                              "timeout=0.5,scope=articles,stall_s=600", "--fault-seed", "1")
    process = start_crawl(stalling.url, tmp_path, "-s", "DOWNLOAD_TIMEOUT=600",
                          "-s", "NEWSCRAWLER_TEST_KILL_AT=items:3:TERM")
    try:
        wait_for_log(tmp_path, "Received SIGTERM, shutting down gracefully", process)
        process.send_signal(signal.SIGTERM)
        stdout, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        stalling.stop()
    assert process.returncode == 1
    assert stdout.strip().splitlines()[-1] == "congthuong: FAILED: the crawl did not finish"
    log = next((tmp_path / "logs").glob("*.log")).read_text("utf-8")
    assert "Received SIGTERM twice, forcing unclean shutdown" in log
    # Unclean: the open export file was not completed (the next run repeats its articles).
    assert list((tmp_path / "articles").rglob("*.jsonl")) == []
