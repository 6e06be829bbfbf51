"""`newscrawler crawl` as a person and a scheduler see it: live progress on a terminal,
one-line summaries in a log, and a clean stop on SIGTERM (a second one forces it)."""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import subprocess
import time
from pathlib import Path

from .conftest import REPO, exported_records, newscrawler_command, replica_truth


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


def start_slow_crawl(replica_url: str, data_dir: Path) -> subprocess.Popen:
    # One request at a time with a delay: slow enough to be stopped in the middle.
    return subprocess.Popen(
        newscrawler_command("crawl", "congthuong", "--replica", replica_url,
                            "--data-dir", str(data_dir), "-s", "DOWNLOAD_DELAY=0.05",
                            "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)


def wait_for_items(data_dir: Path, count: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        parts = list((data_dir / "articles").rglob("*.part"))
        if parts and sum(1 for _ in parts[0].open(encoding="utf-8")) >= count:
            return
        time.sleep(0.1)
    raise AssertionError(f"fewer than {count} items were exported in time")


def test_sigterm_stops_cleanly_and_the_next_run_completes(replica, tmp_path):
    process = start_slow_crawl(replica.url, tmp_path)
    wait_for_items(tmp_path, 10)
    process.send_signal(signal.SIGTERM)
    stdout, _ = process.communicate(timeout=60)
    assert process.returncode == 1
    assert stdout.strip().splitlines()[-1].endswith("interrupted before the end (shutdown)")
    assert list((tmp_path / "articles").rglob("*.part")) == []
    first = exported_records(tmp_path, "congthuong")
    assert 10 <= len(first) < 240
    summary = json.loads(next((tmp_path / "runs").glob("*.json")).read_text("utf-8"))
    assert summary["sites"]["congthuong"]["finish_reason"] == "shutdown"
    # What the stopped run exported was committed: the next run adds only the rest.
    rerun = subprocess.run(
        newscrawler_command("crawl", "congthuong", "--replica", replica.url,
                            "--data-dir", str(tmp_path)),
        capture_output=True, text=True, cwd=REPO, timeout=180)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    urls = [record["url"] for record in exported_records(tmp_path, "congthuong")]
    assert len(urls) == len(set(urls))
    assert set(urls) == {record["url"] for record in replica_truth("congthuong")}


def test_a_second_signal_forces_the_exit(replica, tmp_path):
    process = start_slow_crawl(replica.url, tmp_path)
    wait_for_items(tmp_path, 3)
    process.send_signal(signal.SIGTERM)
    time.sleep(0.2)
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=20)
    assert process.returncode != 0
