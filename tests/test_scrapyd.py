"""Scrapyd: deploy the project with scrapyd-deploy to a real scrapyd on a free loopback
port, schedule a site against the replica with schedule.json, and check its export."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from .conftest import REPO, read_jsonl, replica_truth

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def api(base: str, endpoint: str, data: list[tuple[str, str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(f"{base}/{endpoint}", data=body, timeout=30) as response:
        return json.loads(response.read())


def copy_project(target: Path, port: int) -> None:
    """The project as scrapyd-deploy sees it, with a deploy target on the test's port."""
    shutil.copytree(REPO / "newscrawler", target / "newscrawler",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, target / name)
    config = (REPO / "scrapy.cfg").read_text().replace(
        "url = http://127.0.0.1:6800/", f"url = http://127.0.0.1:{port}/")
    (target / "scrapy.cfg").write_text(config)


@pytest.fixture
def scrapyd(tmp_path):
    port = free_port()
    home = tmp_path / "scrapyd"
    home.mkdir()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\nbind_address = 127.0.0.1\n"
        f"http_port = {port}\npoll_interval = 0.5\nmax_proc = 2\n"
        "logs_dir = logs\neggs_dir = eggs\ndbs_dir = dbs\nitems_dir =\n"
    )
    process = subprocess.Popen([str(BIN / "scrapyd")], cwd=home, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            api(base, "daemonstatus.json")
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"scrapyd did not start: {process.stderr.read()}") from None
            time.sleep(0.2)
    yield base, port, home
    os.kill(process.pid, signal.SIGTERM)
    process.wait(timeout=20)


def test_deploy_schedule_and_export(scrapyd, replica, tmp_path):
    base, port, home = scrapyd
    project = tmp_path / "project"
    copy_project(project, port)
    deploy = subprocess.run([str(BIN / "scrapyd-deploy"), "local", "-p", "newscrawler"],
                            cwd=project, capture_output=True, text=True, timeout=180)
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr
    assert "congthuong" in api(base, "listspiders.json?project=newscrawler")["spiders"]

    data_dir = tmp_path / "data"
    job = api(base, "schedule.json", [
        ("project", "newscrawler"), ("spider", "congthuong"),
        ("setting", f"NEWSCRAWLER_REPLICA_URL={replica.url}"),
        ("setting", f"NEWSCRAWLER_DATA_DIR={data_dir}"),
    ])
    assert job["status"] == "ok"
    deadline = time.monotonic() + 180
    while api(base, f"status.json?job={job['jobid']}")["currstate"] != "finished":
        assert time.monotonic() < deadline, "the scheduled job did not finish"
        time.sleep(0.5)

    records = read_jsonl(sorted((data_dir / "articles" / "congthuong").rglob("*.jsonl")))
    truth = {record["url"]: record for record in replica_truth("congthuong")}
    assert sorted(r["url"] for r in records) == sorted(truth)
    assert all(r["title"] == truth[r["url"]]["title"] for r in records)
    summary = json.loads(next((data_dir / "runs").glob("*.json")).read_text())
    assert summary["sites"]["congthuong"]["items"] == len(truth)
