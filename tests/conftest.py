"""Shared fixtures: a replica server process, and running the `newscrawler` command."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def newscrawler_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "newscrawler.cli", *args]


def run_newscrawler(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(newscrawler_command(*args), capture_output=True, text=True,
                          timeout=timeout, cwd=REPO, check=False)


class ReplicaProcess:
    """`newscrawler replica serve --port 0` in a child process, stopped by PID."""

    def __init__(self, *extra_args: str) -> None:
        self.process = subprocess.Popen(
            newscrawler_command("replica", "serve", "--port", "0", *extra_args),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
        )
        line = self.process.stdout.readline().strip()
        if not line.startswith("http://127.0.0.1:"):
            self.stop()
            raise RuntimeError(f"replica did not start: {line!r} {self.process.stderr.read()}")
        self.url = line

    def stop(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait()


@pytest.fixture(scope="session")
def replica():
    server = ReplicaProcess()
    yield server
    server.stop()


def read_jsonl(paths) -> list[dict]:
    records = []
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            records.extend(json.loads(line) for line in lines)
    return records


def exported_records(data_dir: Path, site: str) -> list[dict]:
    return read_jsonl(sorted((data_dir / "articles" / site).rglob("*.jsonl")))


def replica_truth(site: str) -> list[dict]:
    result = run_newscrawler("replica", "truth", site)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def crawl_replica_site(replica, tmp_path_factory):
    """Crawl one replica site once per test session; returns (data_dir, process result)."""
    done: dict[str, tuple[Path, subprocess.CompletedProcess]] = {}

    def crawl(site: str) -> tuple[Path, subprocess.CompletedProcess]:
        if site not in done:
            data_dir = tmp_path_factory.mktemp(f"crawl-{site}")
            result = run_newscrawler("crawl", site, "--replica", replica.url,
                                     "--data-dir", str(data_dir))
            done[site] = (data_dir, result)
        return done[site]

    return crawl
