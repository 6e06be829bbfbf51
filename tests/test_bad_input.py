"""Bad configuration and input: one line naming the problem, a non-zero exit, no
traceback, and nothing damaged or half-written (issue 8, point 3).

Each case runs the real `newscrawler crawl` command. No replica is needed: every case
must be refused before the first request.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from .conftest import run_newscrawler


def refused(*args: str) -> str:
    """Run `newscrawler crawl ARGS`; check the refusal's form and return its one line."""
    result = run_newscrawler("crawl", *args, timeout=120)
    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 2, output  # the README: exit status 2
    assert "Traceback" not in output, output
    lines = output.splitlines()
    assert len(lines) == 1, output
    assert lines[0].startswith("newscrawler: error: "), output
    return lines[0]


def tree(root: Path) -> dict[str, bytes | None]:
    """Every path under root, with the bytes of each file (None for a directory)."""
    if not root.exists():
        return {}
    return {str(path.relative_to(root)): (path.read_bytes() if path.is_file() else None)
            for path in sorted(root.rglob("*"))}


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again on exit: nothing listens there


def test_unknown_site(tmp_path):
    data_dir = tmp_path / "data"
    line = refused("congthuong", "nosuchsite", "--data-dir", str(data_dir))
    assert "unknown site nosuchsite" in line and "congthuong" in line.split(";")[1]
    assert not data_dir.exists()


@pytest.mark.parametrize("site", ["../../etc", "congthuong/../moh", "/tmp/x"])
def test_a_site_key_cannot_name_a_path(tmp_path, site):
    data_dir = tmp_path / "data"
    line = refused(site, "--data-dir", str(data_dir))
    assert f"unknown site {site}" in line
    assert tree(tmp_path) == {}


@pytest.mark.parametrize("since", ["2024-13-45", "yesterday", "21/12/2017", "2024-02-30"])
def test_malformed_date_range(tmp_path, since):
    data_dir = tmp_path / "data"
    line = refused("congthuong", "--since", since, "--data-dir", str(data_dir))
    assert f"malformed date {since!r}" in line and "YYYY-MM-DD" in line
    assert not data_dir.exists()


def test_unreachable_redis(tmp_path):
    port = closed_port()
    data_dir = tmp_path / "data"
    uri = f"redis://127.0.0.1:{port}/0"
    line = refused("congthuong", "--state", uri, "--data-dir", str(data_dir))
    assert f"crawl state {uri}" in line
    assert tree(data_dir) == {}  # no export, report, log or state written


def test_unwritable_data_directory(tmp_path):
    # Root ignores permission bits, so the data directory is made impossible instead:
    # its parent is a regular file.
    blocker = tmp_path / "a-file"
    blocker.write_bytes(b"not a directory\n")
    line = refused("congthuong", "--data-dir", str(blocker / "data"))
    assert f"data directory {blocker / 'data'} is not writable" in line
    assert blocker.read_bytes() == b"not a directory\n"
    assert tree(tmp_path) == {"a-file": b"not a directory\n"}


@pytest.mark.parametrize("content", [
    bytes(range(256)) * 20,                         # garbage
    b"SQLite format 3\x00" + b"\xff" * 4000,         # a SQLite header, then garbage
])
def test_corrupted_state_file(tmp_path, content):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "state.sqlite3").write_bytes(content)
    before = tree(data_dir)
    line = refused("congthuong", "--data-dir", str(data_dir))
    assert f"crawl state {data_dir / 'state.sqlite3'}" in line
    assert "not a newscrawler state database" in line
    # Byte-identical state, and no export, run report or log of a run that never ran.
    assert tree(data_dir) == before


def test_a_run_id_cannot_name_a_path(tmp_path):
    data_dir = tmp_path / "data"
    line = refused("congthuong", "--data-dir", str(data_dir), "-s",
                   "NEWSCRAWLER_RUN_ID=../../escaped")
    assert "run id '../../escaped'" in line
    assert tree(tmp_path) == {}
