"""Every bad setting or path is refused before anything is written: one line
`newscrawler: error: ...` on stderr, exit status 2, and an absent data directory
(issue 14, point 6). Each case runs the real `newscrawler crawl` command; none needs a
replica, since each must be refused before the first request."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from newscrawler import preflight
from newscrawler.state import open_state

from .conftest import REPO, ReplicaProcess, exported_records, newscrawler_command, replica_truth

NOBODY = 65534


def damaged_state(path: Path) -> Path:
    """A crawl state whose header is fine but one of whose pages is garbage."""
    path.parent.mkdir(parents=True, exist_ok=True)
    open_state(path).close()
    with path.open("r+b") as handle:
        handle.seek(4096 * 2)
        handle.write(b"\xde\xad\xbe\xef" * 1024)
    return path


def read_only_dir(root: Path) -> Path:
    directory = root / "read-only"
    directory.mkdir()
    directory.chmod(0o500)
    return directory


# Each case: the arguments after `crawl congthuong --data-dir DATA`, built from a
# scratch directory (`root`) the case may prepare; "{port}" is a closed loopback port.
BAD_INPUTS = {
    "error rate not a number": lambda root: ["-s", "NEWSCRAWLER_MAX_ERROR_RATE=abc"],
    "error rate above 1": lambda root: ["-s", "NEWSCRAWLER_MAX_ERROR_RATE=1.5"],
    "duplicates policy": lambda root: ["-s", "NEWSCRAWLER_DUPLICATES=bogus"],
    "download delay": lambda root: ["-s", "DOWNLOAD_DELAY=abc"],
    "negative delay": lambda root: ["-s", "DOWNLOAD_DELAY=-1"],
    "log level": lambda root: ["-s", "LOG_LEVEL=NOPE"],
    "concurrency zero": lambda root: ["-s", "CONCURRENT_REQUESTS=0"],
    "per-domain concurrency": lambda root: ["-s", "CONCURRENT_REQUESTS_PER_DOMAIN=two"],
    "batch count": lambda root: ["-s", "FEED_EXPORT_BATCH_ITEM_COUNT=lots"],
    "retry times": lambda root: ["-s", "RETRY_TIMES=-1"],
    "max size": lambda root: ["-s", "DOWNLOAD_MAXSIZE=20MB"],
    "closespider timeout": lambda root: ["-s", "CLOSESPIDER_TIMEOUT=soon"],
    "redirect max": lambda root: ["-s", "REDIRECT_MAX_TIMES=many"],
    "depth limit": lambda root: ["-s", "DEPTH_LIMIT=-3"],
    "full flag": lambda root: ["-s", "NEWSCRAWLER_FULL=maybe"],
    "max listing pages": lambda root: ["-s", "NEWSCRAWLER_MAX_LISTING_PAGES=0"],
    "progress interval": lambda root: ["-s", "NEWSCRAWLER_PROGRESS_INTERVAL=0"],
    "kill point": lambda root: ["-s", "NEWSCRAWLER_TEST_KILL_AT=whenever"],
    "misspelt setting": lambda root: ["-s", "NEWSCRAWLER_MAX_EROR_RATE=0.5"],
    "redis url": lambda root: ["--redis", "http://10.0.0.5:6379"],
    "replica under a look-alike name": lambda root: [
        "--replica", "http://127.evil.example:{port}"],
    "replica not on loopback": lambda root: ["--replica", "http://10.0.0.1:{port}"],
    "replica not on IPv6 loopback": lambda root: ["--replica", "http://[::2]:{port}"],
    "replica not http": lambda root: ["--replica", "ftp://127.0.0.1:{port}"],
    "state directory is a file": lambda root: [
        "--state", str(Path(shutil.copy(__file__, root / "a-file")) / "state.sqlite3")],
    "state directory not writable": lambda root: [
        "--state", str(read_only_dir(root) / "state.sqlite3")],
    "state file with a damaged page": lambda root: [
        "--state", str(damaged_state(root / "state" / "state.sqlite3"))],
}


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def as_unprivileged(command: list[str]) -> list[str]:
    """root writes in any directory: run as `nobody` so that permissions apply."""
    if os.geteuid() != 0:
        return command
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]


@pytest.fixture
def scratch():
    """A directory `nobody` may use (pytest's tmp_path is root's alone)."""
    root = Path(tempfile.mkdtemp(prefix="preflight-"))
    root.chmod(0o777)
    yield root
    for path in (root, *root.rglob("*")):
        path.chmod(0o777)
    shutil.rmtree(root)


def tree(root: Path) -> dict[str, bytes | None]:
    return {str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None)
            for p in sorted(root.rglob("*"))}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_refused_before_anything_is_written(scratch, case):
    args = [arg.format(port=closed_port()) for arg in BAD_INPUTS[case](scratch)]
    before = tree(scratch)
    data_dir = scratch / "data"
    command = newscrawler_command("crawl", "congthuong", "--data-dir", str(data_dir), *args)
    result = subprocess.run(as_unprivileged(command), capture_output=True, text=True,
                            cwd=REPO, timeout=120, check=False)
    lines = result.stderr.splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and lines[0].startswith("newscrawler: error: "), result.stderr
    assert result.stdout == ""
    assert not data_dir.exists() or not any(data_dir.iterdir())
    assert tree(scratch) == before  # a damaged state is left exactly as it was


def test_every_setting_of_ours_has_a_rule():
    ours = {name for name in preflight.known_setting_names() if name.startswith("NEWSCRAWLER_")}
    assert ours - set(preflight.SETTINGS) == set()


def test_a_look_alike_name_is_refused_without_a_lookup(monkeypatch):
    def no_lookup(*args, **kwargs):
        raise AssertionError(f"looked up {args[0]}")

    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    for url in ("http://127.evil.example:8080", "http://127.0.0.1.nip.io:80",
                "http://localhost.evil.example:80"):
        assert preflight.loopback_problem(url) is not None, url
    assert preflight.loopback_problem("http://127.0.0.2:8080") is None
    assert preflight.loopback_problem("http://[::1]:8080") is None


@pytest.mark.parametrize("case", ["duplicates policy", "state file with a damaged page"])
def test_scrapy_crawl_refuses_bad_input_at_start(tmp_path, case):
    data_dir = tmp_path / "data"
    option, value = BAD_INPUTS[case](tmp_path)
    setting = value if option == "-s" else f"NEWSCRAWLER_STATE={value}"
    before = tree(tmp_path)
    scrapy = str(Path(sys.executable).parent / "scrapy")
    result = subprocess.run(
        [scrapy, "crawl", "congthuong", "-s", f"NEWSCRAWLER_DATA_DIR={data_dir}",
         "-s", setting], capture_output=True, text=True, cwd=REPO, timeout=120, check=False)
    assert result.returncode == 2, result.stderr[-2000:]
    errors = [line for line in result.stderr.splitlines() if "error" in line.lower()]
    assert len(errors) == 1 and errors[0].startswith("newscrawler: error: "), errors
    assert not data_dir.exists() and tree(tmp_path) == before


@pytest.fixture(scope="module")
def replica_v6():
    process = subprocess.Popen(
        newscrawler_command("replica", "serve", "--host", "::1", "--port", "0",
                            "--sites", "moh"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    server = ReplicaProcess.__new__(ReplicaProcess)
    server.process, server.url = process, process.stdout.readline().strip()
    yield server
    server.stop()


@pytest.mark.parametrize("host", ["[::1]", "localhost"])
def test_replica_on_ipv6_loopback_or_localhost(replica, replica_v6, tmp_path, host):
    base = replica_v6.url if host == "[::1]" else replica.url
    port = base.rsplit(":", 1)[1]
    assert base.startswith(("http://[::1]:", "http://127.0.0.1:"))
    command = newscrawler_command("crawl", "moh", "--data-dir", str(tmp_path),
                                 "--replica", f"http://{host}:{port}")
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO,
                            timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    records = exported_records(tmp_path, "moh")
    assert sorted(r["id"] for r in records) == sorted(r["id"] for r in replica_truth("moh"))


def test_scrapy_crawl_on_an_ipv6_replica(replica_v6, tmp_path):
    scrapy = str(Path(sys.executable).parent / "scrapy")
    command = [scrapy, "crawl", "moh", "-s", f"NEWSCRAWLER_DATA_DIR={tmp_path / 'data'}",
               "-s", f"NEWSCRAWLER_REPLICA_URL={replica_v6.url}"]
    refused = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=120)
    assert refused.returncode == 2
    errors = [line for line in refused.stderr.splitlines() if "error" in line.lower()]
    assert errors == [f"newscrawler: error: an IPv6 replica needs -s TWISTED_DNS_RESOLVER="
                      f"{preflight.HOSTNAME_RESOLVER} (newscrawler crawl --replica sets it)"]
    assert not (tmp_path / "data").exists()
    command += ["-s", f"TWISTED_DNS_RESOLVER={preflight.HOSTNAME_RESOLVER}"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    records = exported_records(tmp_path / "data", "moh")
    assert sorted(r["id"] for r in records) == sorted(r["id"] for r in replica_truth("moh"))
